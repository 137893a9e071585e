// The frame of every back-office page (切換至後臺): the page shell of 人事服務網 and the back office's own menu.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';

export type Section = 'home' | 'review' | 'vacancies' | 'audit' | 'outbox' | 'dashboard';

const MENU: { key: Section; href: string; label: string }[] = [
  { key: 'home', href: '/backoffice', label: '後臺首頁' },
  { key: 'review', href: '/backoffice/review', label: '職缺審核' },
  { key: 'vacancies', href: '/backoffice/vacancies', label: '職缺查詢' },
  { key: 'audit', href: '/backoffice/audit', label: '稽核紀錄' },
  { key: 'outbox', href: '/backoffice/outbox', label: '郵件佇列' },
  { key: 'dashboard', href: '/backoffice/dashboard', label: '統計圖表' },
];

export function BackofficePage({ ctx, title, section, children }: { ctx: PageContext; title: string; section: Section; children?: Html.Children }): JSX.Element {
  return (
    <Layout ctx={ctx} title={`${title}｜後臺`} door="ecpa">
      <nav class="backoffice-nav" aria-label="後臺功能">
        <ul>
          {MENU.map((m) => (
            <li>
              <a href={m.href} aria-current={m.key === section ? 'page' : undefined} safe>
                {m.label}
              </a>
            </li>
          ))}
          <li>
            <a href="/ecpa/apps">回應用系統</a>
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
