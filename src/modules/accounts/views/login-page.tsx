// 登入 (ACC-4): 帳號, 密碼, 驗證碼, 【登入】; links to 忘記密碼, 重寄確認信 and 註冊. A locked or inactive account is told
// what to do, with the link that does it.
import { CaptchaField } from '../../../platform/captcha/index.ts';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Csrf, Field } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import type { LoginRefusal } from '../account.rules.ts';
import { AccountPage, DefaultSubmit, FormErrors, LinkRow, msgs, PasswordField } from './parts.tsx';

export function loginLabels(ctx: PageContext): Record<string, string> {
  const m = msgs(ctx);
  return { email: m['label.email'], password: m['label.password'], captcha: m['label.captcha'] };
}

export interface LoginPageProps {
  ctx: PageContext;
  next: string;
  values?: FormValues;
  errors?: FieldErrors;
  refusal?: LoginRefusal;
}

export function LoginPage({ ctx, next, values = {}, errors = {}, refusal }: LoginPageProps): JSX.Element {
  const m = msgs(ctx);
  const self = next ? accountPaths.loginWithNext(next) : accountPaths.login;
  return (
    <AccountPage ctx={ctx} title={m['title.login']}>
      <FormErrors ctx={ctx} errors={errors} labels={loginLabels(ctx)} />
      {refusal === 'locked' ? (
        <div class="account-notice account-notice-warning">
          <p>
            <strong safe>{m['error.login.locked']}</strong>
          </p>
          <p>
            <a href={accountPaths.forgot} safe>
              {m['link.forgot']}
            </a>
          </p>
        </div>
      ) : refusal === 'inactive' ? (
        <div class="account-notice account-notice-warning">
          <p>
            <strong safe>{m['error.login.inactive']}</strong>
          </p>
          <p>
            <a href={accountPaths.resend} safe>
              {m['link.resend']}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      {next && !refusal && Object.keys(errors).length === 0 ? (
        <p class="account-notice" safe>
          {m['login.next']}
        </p>
      ) : (
        ''
      )}
      <p safe>{m['login.intro']}</p>
      <form method="post" action={accountPaths.login} novalidate class="account-form">
        <DefaultSubmit />
        <Csrf ctx={ctx} />
        {next ? <input type="hidden" name="next" value={next} /> : ''}
        <Field
          name="email"
          type="email"
          label={m['label.email']}
          hint={m['hint.emailLogin']}
          value={valueOf(values, 'email')}
          error={errors.email}
          required
          requiredText={ctx.t('form.required')}
          autocomplete="username"
          inputmode="email"
          maxlength={254}
        />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} autocomplete="current-password" error={errors.password} />
        <CaptchaField ctx={ctx} error={errors.captcha} refreshNext={self} />
        <p class="hint" safe>
          {m['login.lockWarning']}
        </p>
        <div class="actions">
          <button type="submit" safe>
            {m['button.login']}
          </button>
        </div>
      </form>
      <LinkRow
        links={[
          { href: accountPaths.forgot, text: m['link.forgot'] },
          { href: accountPaths.resend, text: m['link.resend'] },
        ]}
      />
      <LinkRow label={m['login.noAccount']} links={[{ href: accountPaths.register, text: m['link.register'] }]} />
    </AccountPage>
  );
}
