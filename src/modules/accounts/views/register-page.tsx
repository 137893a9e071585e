// 帳號註冊 (ACC-1): 帳號 (Email), 密碼, 確認密碼, 驗證碼, the 個人資料蒐集、處理及利用告知同意書 to read and 同意 to tick, 確定.
import { Required } from '../../../platform/views/form-parts.tsx';
import Html from '@kitajs/html';
import { CaptchaField } from '../../../platform/captcha/index.ts';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Csrf, Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import { consentSections, CONSENT_VERSION } from '../consent.ts';
import { AccountPage, DefaultSubmit, FormErrors, LinkRow, msgs, PasswordField } from './parts.tsx';

export function registerLabels(ctx: PageContext): Record<string, string> {
  const m = msgs(ctx);
  return { email: m['label.email'], password: m['label.password'], confirm: m['label.confirm'], captcha: m['label.captcha'], consent: m['label.consent'] };
}

export function RegisterPage({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: FormValues; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  const consentId = fieldId('consent');
  const consentError = errors.consent;
  return (
    <AccountPage ctx={ctx} title={m['title.register']} scripts={['/assets/js/password-check.js']}>
      <FormErrors ctx={ctx} errors={errors} labels={registerLabels(ctx)} />
      <p safe>{m['register.intro']}</p>
      <form method="post" action={accountPaths.register} novalidate class="account-form">
        <DefaultSubmit />
        <Csrf ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={m['label.email']}
          hint={m['hint.email']}
          value={valueOf(values, 'email')}
          error={errors.email}
          required
          requiredText={ctx.t('form.required')}
          autocomplete="username"
          inputmode="email"
          maxlength={254}
        />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} hint={m['hint.password']} rules autocomplete="new-password" error={errors.password} />
        <PasswordField ctx={ctx} name="confirm" label={m['label.confirm']} hint={m['hint.confirm']} confirms="password" autocomplete="new-password" error={errors.confirm} />
        <CaptchaField ctx={ctx} error={errors.captcha} refreshNext={accountPaths.register} />
        <div class="consent">
          <h2 id="consent-title" safe>
            {m['consent.title']}
          </h2>
          <p class="hint" safe>
            {fill(m['consent.version'], { version: CONSENT_VERSION })}
          </p>
          <div class="consent-text" role="region" aria-labelledby="consent-title" tabindex="0" data-consent-version={CONSENT_VERSION}>
            {consentSections(ctx.locale).map((s) => (
              <>
                <h3 safe>{s.heading}</h3>
                {s.paragraphs.map((p) => (
                  <p safe>{p}</p>
                ))}
              </>
            ))}
          </div>
          <input type="hidden" name="consentVersion" value={CONSENT_VERSION} />
          <div class={consentError ? 'field has-error consent-agree' : 'field consent-agree'}>
            <FieldError name="consent" error={consentError} />
            <div class="checkbox">
              <input
                type="checkbox"
                id={consentId}
                name="consent"
                value="yes"
                required
                checked={valueOf(values, 'consent') === 'yes'}
                aria-invalid={consentError ? 'true' : undefined}
                aria-describedby={consentError ? `${consentId}-error` : undefined}
              />
              <label for={consentId}>
                {Html.escapeHtml(m['consent.agree'])}
                <Required ctx={ctx} />
              </label>
            </div>
          </div>
        </div>
        <div class="actions">
          <button type="submit" safe>
            {m['button.register']}
          </button>
        </div>
      </form>
      <LinkRow
        label={m['register.haveAccount']}
        links={[
          { href: accountPaths.login, text: m['link.login'] },
          { href: accountPaths.resend, text: m['link.resend'] },
        ]}
      />
    </AccountPage>
  );
}
