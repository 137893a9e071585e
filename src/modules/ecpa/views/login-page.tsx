// 人事服務網帳號登入 (ECPA-1): 帳號, 密碼, 驗證碼, 【登入】; 忘記密碼. Certificate sign-in (ECPA-2) comes later.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { SignInForm } from '../../../platform/views/form-parts.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { AccountField, EcpaPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function loginLabels(ctx: PageContext): Record<string, string> {
  const m = msgs(ctx);
  return { account: m['label.account'], password: m['label.password'], captcha: m['label.captcha'] };
}

export interface LoginPageProps {
  ctx: PageContext;
  next: string;
  account?: string;
  errors?: FieldErrors;
}

export function LoginPage({ ctx, next, account = '', errors = {} }: LoginPageProps): JSX.Element {
  const m = msgs(ctx);
  const self = next ? ecpaPaths.loginWithNext(next) : ecpaPaths.login;
  return (
    <EcpaPage ctx={ctx} title={m['title.login']}>
      <FormErrors ctx={ctx} errors={errors} labels={loginLabels(ctx)} />
      <SignInForm
        ctx={ctx}
        action={ecpaPaths.login}
        class="ecpa-form"
        noticeClass="ecpa-notice"
        next={next}
        refreshNext={self}
        captchaError={errors.captcha}
        texts={{ next: next && Object.keys(errors).length === 0 ? m['login.next'] : undefined, intro: m['login.intro'], note: m['login.lockRule'], submit: m['button.login'] }}
      >
        <AccountField ctx={ctx} value={account} error={errors.account} />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} autocomplete="current-password" error={errors.password} />
      </SignInForm>
      <p class="ecpa-links">
        <a href={ecpaPaths.forgot} safe>
          {m['link.forgot']}
        </a>
      </p>
      <p class="hint" safe>
        {m['login.certificate']}
      </p>
    </EcpaPage>
  );
}
