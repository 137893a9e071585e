// 人事服務網帳號登入 (ECPA-1): 帳號, 密碼, 驗證碼, 【登入】; 忘記密碼. 憑證登入 (ECPA-2): views/card-login.tsx.
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { SignInForm, signInLabels, type SignInPageProps } from '../../../platform/views/form-parts.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { AccountField, EcpaPage, FormErrors, msgs, PasswordField } from './parts.tsx';
import { CardBox, type CardBoxProps } from './card-login.tsx';

export const loginLabels = (ctx: PageContext): Record<string, string> => signInLabels({ account: msgs(ctx)['label.account'] }, msgs(ctx));

export type LoginPageProps = SignInPageProps & { card?: CardBoxProps };

export function LoginPage({ ctx, next, values = {}, errors = {}, card }: LoginPageProps): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.login']} scripts={card ? ['/assets/js/card-login.js'] : []}>
      <FormErrors ctx={ctx} errors={errors} labels={loginLabels(ctx)} />
      <SignInForm
        ctx={ctx}
        action={ecpaPaths.login}
        class="ecpa-form"
        noticeClass="ecpa-notice"
        next={next}
        errors={errors}
        texts={{ next: m['login.next'], intro: m['login.intro'], note: m['login.lockRule'], submit: m['button.login'] }}
      >
        <AccountField ctx={ctx} value={valueOf(values, 'account')} error={errors.account} />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} autocomplete="current-password" error={errors.password} />
      </SignInForm>
      <p class="ecpa-links">
        <a href={ecpaPaths.forgot} safe>
          {m['link.forgot']}
        </a>
      </p>
      {card ? <CardBox ctx={ctx} next={next} {...card} /> : ''}
    </EcpaPage>
  );
}
