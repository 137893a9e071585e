// 忘記密碼 (ECPA-1): 帳號 → 密碼重設確認信.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { AccountField, EcpaPage, FormErrors, msgs } from './parts.tsx';

export function ForgotPage({ ctx, account = '', errors = {} }: { ctx: PageContext; account?: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.forgot']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ account: m['label.account'] }} />
      <p safe>{m['forgot.intro']}</p>
      <form method="post" action={ecpaPaths.forgot} novalidate class="ecpa-form">
        <Csrf ctx={ctx} />
        <AccountField ctx={ctx} value={account} error={errors.account} />
        <div class="actions">
          <button type="submit" safe>
            {m['button.send']}
          </button>
          <a href={ecpaPaths.login} safe>
            {m['link.login']}
          </a>
        </div>
      </form>
    </EcpaPage>
  );
}
