// 重設密碼 (ECPA-1): reached from 密碼重設確認信; 新密碼 and 確認新密碼.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { PostForm } from '../../../platform/views/form-parts.tsx';
import { ecpaPaths } from '../ecpa.paths.ts';
import { EcpaPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function ResetPage({ ctx, token, errors = {} }: { ctx: PageContext; token: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <EcpaPage ctx={ctx} title={m['title.reset']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ password: m['label.newPassword'], confirm: m['label.confirm'] }} />
      <PostForm ctx={ctx} action={ecpaPaths.reset} class="ecpa-form" intro={m['reset.intro']} hidden={{ token }} submit={m['button.reset']}>
        <PasswordField ctx={ctx} name="password" label={m['label.newPassword']} hint={m['hint.newPassword']} rules autocomplete="new-password" error={errors.password} />
        <PasswordField ctx={ctx} name="confirm" label={m['label.confirm']} hint={m['hint.confirm']} autocomplete="new-password" error={errors.confirm} />
      </PostForm>
    </EcpaPage>
  );
}
