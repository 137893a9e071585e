// 變更密碼 (ACC-6): 目前密碼, 新密碼, 確認新密碼.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function changePasswordLabels(ctx: PageContext): Record<string, string> {
  const m = msgs(ctx);
  return { current: m['label.current'], password: m['label.newPassword'], confirm: m['label.confirmNew'] };
}

export function ChangePasswordPage({ ctx, email, idleMinutes, errors = {} }: { ctx: PageContext; email: string; idleMinutes: number; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <AccountPage ctx={ctx} title={m['title.changePassword']} scripts={['/assets/js/password-check.js']} signedIn={{ email, idleMinutes }}>
      <FormErrors ctx={ctx} errors={errors} labels={changePasswordLabels(ctx)} />
      <p safe>{m['changePassword.intro']}</p>
      <form method="post" action={accountPaths.changePassword} novalidate class="account-form">
        <Csrf ctx={ctx} />
        <PasswordField ctx={ctx} name="current" label={m['label.current']} autocomplete="current-password" error={errors.current} />
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
            {m['button.changePassword']}
          </button>
        </div>
      </form>
    </AccountPage>
  );
}
