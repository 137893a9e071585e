// 忘記密碼 (ECPA-1): 帳號 → 密碼重設確認信.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { PostForm } from '../../../platform/views/form-parts.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { AccountField, EcpaPage, FormErrors, msgs } from './parts.tsx';

export function ForgotPage({ ctx, account = '', errors = {} }: { ctx: PageContext; account?: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.forgot']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ account: m['label.account'] }} />
      <PostForm
        ctx={ctx}
        action={ecpaPaths.forgot}
        class="ecpa-form"
        intro={m['forgot.intro']}
        submit={m['button.send']}
        back={{ href: ecpaPaths.login, text: m['link.login'] }}
      >
        <AccountField ctx={ctx} value={account} error={errors.account} />
      </PostForm>
    </EcpaPage>
  );
}
