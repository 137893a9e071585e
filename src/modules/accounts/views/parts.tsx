// Pieces shared by the account pages: the page frame, password fields with the ACC-1 checklist, the hidden default
// button, the error summary, the signed-in menu and the idle-session notice (ACC-8).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { ErrorSummary, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
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
  const all = ['/assets/js/forms.js', ...scripts];
  return (
    <Layout ctx={ctx} title={title} door="platform" scripts={all}>
      {signedIn ? <AccountMenu ctx={ctx} email={signedIn.email} /> : ''}
      <h1 safe>{title}</h1>
      {children}
    </Layout>
  );
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

/**
 * The form's first submit button, not shown: pressing Enter in a field submits the form with it. Without it the
 * first submit button in the form would be the captcha's 「更換驗證碼」, and Enter would only change the image.
 */
export function DefaultSubmit(): JSX.Element {
  return (
    <button type="submit" hidden>
      submit
    </button>
  );
}

export function FormErrors({ ctx, errors, labels }: { ctx: PageContext; errors: FieldErrors; labels: Record<string, string> }): JSX.Element {
  return <ErrorSummary errors={errors} labels={labels} title={ctx.t('form.errors.title')} />;
}

function Required({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <span class="req">
      {' *'}
      <span class="visually-hidden" safe>
        {ctx.t('form.required')}
      </span>
    </span>
  );
}

export interface PasswordFieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  autocomplete: 'current-password' | 'new-password';
  /** Show the ACC-1 rule as a checklist (live with public/js/password-check.js). */
  rules?: boolean;
  /** Extra rule line below the checklist, e.g. 不能與前三次密碼相同. */
  extraRule?: string;
  /** For a confirmation field: the name of the password field it must equal. */
  confirms?: string;
}

/** A password input; never pre-filled (a password is never sent back to the browser). */
export function PasswordField(p: PasswordFieldProps): JSX.Element {
  const m = msgs(p.ctx);
  const id = fieldId(p.name);
  const hintId = p.hint ? `${id}-hint` : '';
  const rulesId = p.rules ? `${id}-rules` : '';
  const describedBy = [hintId, rulesId, p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const rules: [string, string][] = [
    ['length', m['rule.length']],
    ['upper', m['rule.upper']],
    ['lower', m['rule.lower']],
    ['digit', m['rule.digit']],
    ['special', m['rule.special']],
  ];
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {Html.escapeHtml(p.label)}
        <Required ctx={p.ctx} />
      </label>
      {p.hint ? (
        <p class="hint" id={hintId} safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      {p.rules ? (
        <ul class="password-rules" id={rulesId} data-password-rules data-met={m['rule.met']} data-unmet={m['rule.unmet']}>
          {rules.map(([key, text]) => (
            <li data-rule={key} safe>
              {text}
            </li>
          ))}
          {p.extraRule ? <li safe>{p.extraRule}</li> : ''}
        </ul>
      ) : (
        ''
      )}
      <FieldError name={p.name} error={p.error} />
      <input
        id={id}
        name={p.name}
        type="password"
        value=""
        required
        autocomplete={p.autocomplete}
        maxlength={256}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
        data-password-check={p.rules ? rulesId : undefined}
        data-password-confirms={p.confirms ? fieldId(p.confirms) : undefined}
        data-match={p.confirms ? m['rule.match'] : undefined}
        data-met={p.confirms ? m['rule.met'] : undefined}
        data-unmet={p.confirms ? m['rule.unmet'] : undefined}
      />
    </div>
  );
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
