// Pieces shared by the account pages: the platform's page frame, message page and password field with this door's
// words (ACC-1 checklist), the signed-in menu; the idle-session notice (ACC-8) comes with the Layout.
import type Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { DoorPage, MessagePage as BaseMessagePage, type MessagePageProps } from '../../../platform/views/door-page.tsx';
import { PasswordField as BasePasswordField, UsernameField, type PasswordFieldProps } from '../../../platform/views/form-parts.tsx';
import { accountMessages, type AccountMessages } from '../account.messages.ts';
import { accountPaths } from '../account.paths.ts';

export const msgs = (ctx: PageContext): AccountMessages => accountMessages(ctx.locale);

export { SESSION_WARNING_SECONDS } from '../../../platform/views/session-notice.tsx';

export interface AccountPageProps {
  ctx: PageContext;
  title: string;
  /** Extra scripts besides forms.js (progressive enhancement only). */
  scripts?: string[];
  /** For signed-in pages: the account's email, shown with the account menu, and the idle minutes for the notice. */
  signedIn?: { email: string; idleMinutes: number };
  children?: Html.Children;
}

export function AccountPage({ ctx, title, scripts = [], signedIn, children }: AccountPageProps): JSX.Element {
  // The idle-session notice and its script come with the Layout for every signed-in applicant page.
  return (
    <DoorPage ctx={ctx} title={title} door="platform" scripts={scripts} top={signedIn ? <AccountMenu ctx={ctx} email={signedIn.email} /> : ''}>
      {children}
    </DoorPage>
  );
}

/** A page that only says something (已寄出, 帳號已啟用, every state of a mailed link), in this door's frame. */
export function MessagePage(p: Omit<MessagePageProps, 'door'>): JSX.Element {
  return <BaseMessagePage {...p} door="platform" />;
}

function AccountMenu({ ctx, email }: { ctx: PageContext; email: string }): JSX.Element {
  const m = msgs(ctx);
  const links = [
    { href: accountPaths.resume, label: m['link.resume'] },
    { href: accountPaths.changePassword, label: m['link.changePassword'] },
    { href: accountPaths.changeEmail, label: m['link.changeEmail'] },
  ];
  return (
    <nav class="account-menu" aria-label={m['account.settings']}>
      <p class="account-who" safe>
        {fill(m['account.signedInAs'], { email })}
      </p>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={ctx.path === l.href ? 'page' : undefined} safe>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export { DefaultSubmit, FormErrors } from '../../../platform/views/form-parts.tsx';

/** The platform password field with this door's words; the ACC-1 checklist is checked as one types. */
export function PasswordField(p: Omit<PasswordFieldProps, 'texts' | 'live'>): JSX.Element {
  return <BasePasswordField {...p} texts={msgs(p.ctx)} live />;
}

/** The registered e-mail address, as typed to sign in or to ask for a link. */
export function EmailField({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }): JSX.Element {
  const m = msgs(ctx);
  return <UsernameField ctx={ctx} name="email" email label={m['label.email']} hint={m['hint.emailLogin']} value={value} error={error} maxlength={254} />;
}

/** A paragraph of links under a form (e.g. 忘記密碼 · 重寄確認信). */
export function LinkRow({ links, label }: { links: { href: string; text: string }[]; label?: string }): JSX.Element {
  return (
    <p class="account-links">
      {label ? <span safe>{label}</span> : ''}
      {links.map((l) => (
        <a href={l.href} safe>
          {l.text}
        </a>
      ))}
    </p>
  );
}
