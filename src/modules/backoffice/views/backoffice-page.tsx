// The frame of every back-office page (切換至後臺): the page shell of 人事服務網 and the back office's own menu.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { backofficeMessages, type BackofficeMessages } from '../backoffice.messages.ts';

export type Section = 'home' | 'review' | 'vacancies' | 'audit' | 'outbox' | 'codes' | 'staff' | 'notices' | 'dashboard';

const MENU: { key: Section; href: string; label: keyof BackofficeMessages }[] = [
  { key: 'home', href: '/backoffice', label: 'menu.home' },
  { key: 'review', href: '/backoffice/review', label: 'menu.review' },
  { key: 'vacancies', href: '/backoffice/vacancies', label: 'menu.vacancies' },
  { key: 'audit', href: '/backoffice/audit', label: 'menu.audit' },
  { key: 'outbox', href: '/backoffice/outbox', label: 'menu.outbox' },
  { key: 'codes', href: '/backoffice/codes', label: 'menu.codes' },
  { key: 'staff', href: '/backoffice/staff', label: 'menu.staff' },
  { key: 'notices', href: '/backoffice/notices', label: 'menu.notices' },
  { key: 'dashboard', href: '/backoffice/dashboard', label: 'menu.dashboard' },
];

export function BackofficePage({ ctx, title, section, children }: { ctx: PageContext; title: string; section: Section; children?: Html.Children }): JSX.Element {
  const m = backofficeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={`${title}｜${m['frame.suffix']}`} door="ecpa">
      <nav class="backoffice-nav" aria-label={m['frame.nav']}>
        <ul>
          {MENU.map((item) => (
            <li>
              <a href={item.href} aria-current={item.key === section ? 'page' : undefined} safe>
                {m[item.label]}
              </a>
            </li>
          ))}
          <li>
            <a href="/ecpa/apps" safe>
              {m['frame.apps']}
            </a>
          </li>
        </ul>
      </nav>
      <h1 safe>{title}</h1>
      {children}
    </Layout>
  );
}

/** Text with the words of the automatic check marked (<mark>); every piece escaped. */
export function Highlighted({ segments }: { segments: readonly { text: string; mark: boolean }[] }): JSX.Element {
  return (
    <>
      {segments.map((s) =>
        s.mark ? (
          <mark safe>{s.text}</mark>
        ) : (
          <span safe>{s.text}</span>
        ),
      )}
    </>
  );
}

export { Html };
