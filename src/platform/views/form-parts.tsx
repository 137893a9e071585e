// Pieces of every door's sign-in, reset and settings forms: the hidden default button, the error summary, the
// required mark and the one password field (never pre-filled; with the password rule as a list, live-checked by
// public/js/password-check.js where asked).
import Html from '@kitajs/html';
import type { PageContext } from '../http/context.ts';
import type { FieldErrors } from '../http/forms.ts';
import { withQuery } from '../http/door-paths.ts';
import type { CredentialFormState } from '../http/sign-in-routes.ts';
import { CaptchaField } from '../captcha/captcha.field.tsx';
import { Csrf, ErrorSummary, Field, FieldError, fieldId } from './components.tsx';

/**
 * The form's first submit button, not shown: pressing Enter in a field submits the form with it. Without it the
 * first submit button in the form would be the captcha's 「更換驗證碼」, and Enter would only change the image.
 */
export function DefaultSubmit(): JSX.Element {
  return (
    <button type="submit" hidden tabindex="-1">
      submit
    </button>
  );
}

export function FormErrors({ ctx, errors, labels }: { ctx: PageContext; errors: FieldErrors; labels: Record<string, string> }): JSX.Element {
  return <ErrorSummary errors={errors} labels={labels} title={ctx.t('form.errors.title')} />;
}

export function Required({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <span class="req">
      {' *'}
      <span class="visually-hidden" safe>
        {ctx.t('form.required')}
      </span>
    </span>
  );
}

type RuleKey = 'rule.length' | 'rule.upper' | 'rule.lower' | 'rule.digit' | 'rule.special';
type LiveKey = 'rule.met' | 'rule.unmet' | 'rule.match';

/**
 * The words of the password rule (src/platform/tw/password-rule.ts) in the page's language: a door's message
 * catalogue has them under these keys. For the live check (public/js/password-check.js) also what a met / unmet
 * line and a matching confirmation say.
 */
export type PasswordRuleTexts = Record<RuleKey, string> & Partial<Record<LiveKey, string>>;

export interface PasswordFieldProps {
  ctx: PageContext;
  /** The door's messages (its catalogue), for the rule lines. */
  texts: PasswordRuleTexts;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  autocomplete: 'current-password' | 'new-password';
  /** Show the password rule as a list below the label. */
  rules?: boolean;
  /** Check the rule (and a confirmation) as one types. */
  live?: boolean;
  /** Extra rule line below the list, e.g. 不能與前三次密碼相同. */
  extraRule?: string;
  /** For a confirmation field: the name of the password field it must equal. */
  confirms?: string;
}

const RULE_KEYS: RuleKey[] = ['rule.length', 'rule.upper', 'rule.lower', 'rule.digit', 'rule.special'];

/** The one password input of every door; never pre-filled (a password is never sent back to the browser). */
export function PasswordField(p: PasswordFieldProps): JSX.Element {
  const id = fieldId(p.name);
  const hintId = p.hint ? `${id}-hint` : '';
  const rulesId = p.rules ? `${id}-rules` : '';
  const describedBy = [hintId, rulesId, p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const live = p.live ? p.texts : undefined;
  const confirmLive = p.confirms && live ? live : undefined;
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
        <ul class="password-rules" id={rulesId} data-password-rules={live ? true : undefined} data-met={live?.['rule.met']} data-unmet={live?.['rule.unmet']}>
          {RULE_KEYS.map((key) => (
            <li data-rule={live ? key.slice(5) : undefined} safe>
              {p.texts[key]}
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
        data-password-check={p.rules && live ? rulesId : undefined}
        data-password-confirms={confirmLive ? fieldId(p.confirms!) : undefined}
        data-match={confirmLive?.['rule.match']}
        data-met={confirmLive?.['rule.met']}
        data-unmet={confirmLive?.['rule.unmet']}
      />
    </div>
  );
}

export interface PostFormProps {
  ctx: PageContext;
  action: string;
  /** The door's form class ('account-form', 'ecpa-form'). */
  class: string;
  /** A paragraph above the form. */
  intro?: string;
  /** Hidden fields (an empty value is left out), e.g. next, token. */
  hidden?: Record<string, string>;
  /** Forms with a captcha need the hidden default button first (see DefaultSubmit). */
  captcha?: { error?: string | undefined; refreshNext: string };
  /** A hint under the fields (e.g. the lockout rule). */
  note?: string;
  submit: string;
  /** A link beside the submit button (e.g. back to sign-in). */
  back?: { href: string; text: string };
  children?: Html.Children;
}

/** The one POST form of every door's sign-in, forgot, reset and settings pages: CSRF, hidden fields, captcha, button. */
export function PostForm(p: PostFormProps): JSX.Element {
  return (
    <>
      {p.intro ? <p safe>{p.intro}</p> : ''}
      <form method="post" action={p.action} novalidate class={p.class}>
        {p.captcha ? <DefaultSubmit /> : ''}
        <Csrf ctx={p.ctx} />
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (value ? <input type="hidden" name={name} value={value} /> : ''))}
        {p.children}
        {p.captcha ? <CaptchaField ctx={p.ctx} error={p.captcha.error} refreshNext={p.captcha.refreshNext} /> : ''}
        {p.note ? (
          <p class="hint" safe>
            {p.note}
          </p>
        ) : (
          ''
        )}
        <div class="actions">
          <button type="submit" safe>
            {p.submit}
          </button>
          {p.back ? (
            <a href={p.back.href} safe>
              {p.back.text}
            </a>
          ) : (
            ''
          )}
        </div>
      </form>
    </>
  );
}

/** A door's sign-in page: its context plus what platform/http/sign-in-routes.ts gives it. */
export interface SignInPageProps<R extends string = never> extends Partial<CredentialFormState<R>> {
  ctx: PageContext;
  next: string;
}

/** The error summary's names of a sign-in form's fields: the door's identity field(s), then 密碼 and 驗證碼. */
export function signInLabels(identity: Record<string, string>, m: Record<'label.password' | 'label.captcha', string>): Record<string, string> {
  return { ...identity, password: m['label.password'], captcha: m['label.captcha'] };
}

export interface SignInFormProps {
  ctx: PageContext;
  /** The door's sign-in path; with `next`, also the page to come back to for a fresh captcha. */
  action: string;
  class: string;
  /** Where the sign-in lands (a hidden field). */
  next: string;
  /** The form's errors (the captcha's is shown beside the captcha). */
  errors: FieldErrors;
  /** The door's words: the notice shown when a page sent the visitor here (`next`), intro, lockout rule, button. */
  texts: { next: string; intro: string; note: string; submit: string };
  noticeClass: string;
  children?: Html.Children;
}

/**
 * The one sign-in form of every door: the identity fields are the children; password check comes after the captcha.
 * The `next` notice is shown only on the first visit (not above the errors of a refused attempt).
 */
export function SignInForm(p: SignInFormProps): JSX.Element {
  const { texts } = p;
  const refreshNext = p.next ? withQuery(p.action, 'next', p.next) : p.action;
  return (
    <>
      {p.next && Object.keys(p.errors).length === 0 ? (
        <p class={p.noticeClass} safe>
          {texts.next}
        </p>
      ) : (
        ''
      )}
      <PostForm ctx={p.ctx} action={p.action} class={p.class} intro={texts.intro} hidden={{ next: p.next }} captcha={{ error: p.errors.captcha, refreshNext }} note={texts.note} submit={texts.submit}>
        {p.children}
      </PostForm>
    </>
  );
}

export interface UsernameFieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  hint: string;
  value: string;
  error?: string | undefined;
  maxlength: number;
  email?: boolean;
}

/** The account name as typed to sign in or to ask for a link (an e-mail address or an eCPA 帳號). */
export function UsernameField(p: UsernameFieldProps): JSX.Element {
  const kind = p.email ? ({ type: 'email', inputmode: 'email' } as const) : {};
  return <Field name={p.name} {...kind} label={p.label} hint={p.hint} value={p.value} error={p.error} required requiredText={p.ctx.t('form.required')} autocomplete="username" maxlength={p.maxlength} />;
}
