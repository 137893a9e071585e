// 變更帳號 (ACC-7): 帳號 (pre-filled, read-only), 目前密碼, 新帳號 (Email), 新密碼, 確認新密碼.
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Csrf, Field, fieldId } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, FormErrors, msgs, PasswordField } from './parts.tsx';

export function changeEmailLabels(ctx: PageContext): Record<string, string> {
  const m = msgs(ctx);
  return { current: m['label.current'], newEmail: m['label.newEmail'], password: m['label.newPassword'], confirm: m['label.confirmNew'] };
}

export interface ChangeEmailPageProps {
  ctx: PageContext;
  email: string;
  idleMinutes: number;
  values?: FormValues;
  errors?: FieldErrors;
}

export function ChangeEmailPage({ ctx, email, idleMinutes, values = {}, errors = {} }: ChangeEmailPageProps): JSX.Element {
  const m = msgs(ctx);
  const currentId = fieldId('account');
  return (
    <AccountPage ctx={ctx} title={m['title.changeEmail']} scripts={['/assets/js/password-check.js']} signedIn={{ email, idleMinutes }}>
      <FormErrors ctx={ctx} errors={errors} labels={changeEmailLabels(ctx)} />
      <p safe>{m['changeEmail.intro']}</p>
      <form method="post" action={accountPaths.changeEmail} novalidate class="account-form">
        <Csrf ctx={ctx} />
        <div class="field">
          <label for={currentId} safe>
            {m['label.email']}
          </label>
          <p class="hint" id={`${currentId}-hint`} safe>
            {m['hint.currentEmail']}
          </p>
          <input id={currentId} type="email" value={email} readonly aria-describedby={`${currentId}-hint`} autocomplete="username" />
        </div>
        <PasswordField ctx={ctx} name="current" label={m['label.current']} hint={m['hint.current']} autocomplete="current-password" error={errors.current} />
        <Field
          name="newEmail"
          type="email"
          label={m['label.newEmail']}
          hint={m['hint.newEmail']}
          value={valueOf(values, 'newEmail')}
          error={errors.newEmail}
          required
          requiredText={ctx.t('form.required')}
          autocomplete="email"
          inputmode="email"
          maxlength={254}
        />
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
            {m['button.changeEmail']}
          </button>
        </div>
      </form>
    </AccountPage>
  );
}
