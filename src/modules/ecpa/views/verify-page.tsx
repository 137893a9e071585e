// 人事服務網身分驗證 (RES-4): an applicant on the platform verifies an eCPA account so that a first resume can be
// filled from the 公務人力資料庫.
import { CaptchaField } from '../../../platform/captcha/index.ts';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { AccountField, DefaultSubmit, EcpaPage, FormErrors, msgs, PasswordField } from './parts.tsx';
import { loginLabels } from './login-page.tsx';

export function VerifyPage({ ctx, next, account = '', errors = {} }: { ctx: PageContext; next: string; account?: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.verify']}>
      <FormErrors ctx={ctx} errors={errors} labels={loginLabels(ctx)} />
      <p safe>{m['verify.intro']}</p>
      <p class="hint" safe>
        {m['verify.privacy']}
      </p>
      <form method="post" action={ecpaPaths.verify} novalidate class="ecpa-form">
        <DefaultSubmit />
        <Csrf ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <AccountField ctx={ctx} value={account} error={errors.account} />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} autocomplete="current-password" error={errors.password} />
        <CaptchaField ctx={ctx} error={errors.captcha} refreshNext={ecpaPaths.verifyWithNext(next)} />
        <div class="actions">
          <button type="submit" safe>
            {m['button.verify']}
          </button>
          <a href={next} safe>
            {m['link.cancel']}
          </a>
        </div>
      </form>
    </EcpaPage>
  );
}
