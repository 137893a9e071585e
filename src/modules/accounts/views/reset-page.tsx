// 重設密碼 (ACC-5): reached from 密碼重設確認信; 新密碼 and 確認新密碼, 【重設密碼】.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { PostForm } from '../../../platform/views/form-parts.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function ResetPage({ ctx, token, errors = {} }: { ctx: PageContext; token: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <AccountPage ctx={ctx} title={m['title.reset']} scripts={['/assets/js/password-check.js']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ password: m['label.newPassword'], confirm: m['label.confirmNew'] }} />
      <PostForm ctx={ctx} action={accountPaths.reset} class="account-form" intro={m['reset.intro']} hidden={{ token }} submit={m['button.reset']}>
        <PasswordField
          ctx={ctx}
          name="password"
          label={m['label.newPassword']}
          hint={m['hint.password']}
          rules
          extraRule={m['hint.passwordHistory']}
          autocomplete="new-password"
          error={errors.password}
        />
        <PasswordField ctx={ctx} name="confirm" label={m['label.confirmNew']} hint={m['hint.confirm']} confirms="password" autocomplete="new-password" error={errors.confirm} />
      </PostForm>
    </AccountPage>
  );
}
