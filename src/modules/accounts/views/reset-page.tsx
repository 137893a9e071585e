// 重設密碼 (ACC-5): reached from 密碼重設確認信; 新密碼 and 確認新密碼, 【重設密碼】.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function ResetPage({ ctx, token, errors = {} }: { ctx: PageContext; token: string; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <AccountPage ctx={ctx} title={m['title.reset']} scripts={['/assets/js/password-check.js']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ password: m['label.newPassword'], confirm: m['label.confirmNew'] }} />
      <p safe>{m['reset.intro']}</p>
      <form method="post" action={accountPaths.resetBase} novalidate class="account-form">
        <Csrf ctx={ctx} />
        <input type="hidden" name="token" value={token} />
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
        <div class="actions">
          <button type="submit" safe>
            {m['button.reset']}
          </button>
        </div>
      </form>
    </AccountPage>
  );
}
