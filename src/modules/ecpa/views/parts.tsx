// Pieces shared by the eCPA pages: the page frame (door="ecpa"), the error summary, password fields, the hidden
// default button and the account field.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { ErrorSummary, Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { ecpaMessages, type EcpaMessages } from '../ecpa.messages.ts';
import { ACCOUNT_MAX_LENGTH } from '../ecpa.rules.ts';

export const msgs = (ctx: PageContext): EcpaMessages => ecpaMessages(ctx.locale);

export function EcpaPage({ ctx, title, children }: { ctx: PageContext; title: string; children?: Html.Children }): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} door="ecpa" scripts={['/assets/js/forms.js']}>
      <div class="ecpa-page">
        <h1 safe>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

export function FormErrors({ ctx, errors, labels }: { ctx: PageContext; errors: FieldErrors; labels: Record<string, string> }): JSX.Element {
  return <ErrorSummary errors={errors} labels={labels} title={ctx.t('form.errors.title')} />;
}

/**
 * The form's first submit button, not shown: Enter in a field submits with it. Without it the first submit button
 * would be the captcha's 「更換驗證碼」 and Enter would only change the image.
 */
export function DefaultSubmit(): JSX.Element {
  return (
    <button type="submit" hidden tabindex="-1">
      submit
    </button>
  );
}

export function AccountField({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }): JSX.Element {
  const m = msgs(ctx);
  return (
    <Field
      name="account"
      label={m['label.account']}
      hint={m['hint.account']}
      value={value}
      error={error}
      required
      requiredText={ctx.t('form.required')}
      autocomplete="username"
      maxlength={ACCOUNT_MAX_LENGTH}
    />
  );
}

export interface PasswordFieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  autocomplete: 'current-password' | 'new-password';
  /** Show the password rule as a list below the label. */
  rules?: boolean;
}

/** A password input; never pre-filled. */
export function PasswordField(p: PasswordFieldProps): JSX.Element {
  const m = msgs(p.ctx);
  const id = fieldId(p.name);
  const hintId = p.hint ? `${id}-hint` : '';
  const rulesId = p.rules ? `${id}-rules` : '';
  const describedBy = [hintId, rulesId, p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {Html.escapeHtml(p.label)}
        <span class="req">
          {' *'}
          <span class="visually-hidden" safe>
            {p.ctx.t('form.required')}
          </span>
        </span>
      </label>
      {p.hint ? (
        <p class="hint" id={hintId} safe>
          {p.hint}
        </p>
      ) : (
        ''
      )}
      {p.rules ? (
        <ul class="ecpa-password-rules" id={rulesId}>
          {[m['rule.length'], m['rule.upper'], m['rule.lower'], m['rule.digit'], m['rule.special']].map((text) => (
            <li safe>{text}</li>
          ))}
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
      />
    </div>
  );
}

/** A warning box (lockout, 卸職) above a form. */
export function Notice({ text }: { text: string }): JSX.Element {
  return (
    <div class="ecpa-notice" role="status">
      <p safe>{text}</p>
    </div>
  );
}
