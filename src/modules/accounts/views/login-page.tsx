// 登入 (ACC-4): 帳號, 密碼, 驗證碼, 【登入】; links to 忘記密碼, 重寄確認信 and 註冊. A locked or inactive account is told
// what to do, with the link that does it.
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf } from '../../../platform/http/forms.ts';
import { SignInForm, signInLabels, type SignInPageProps } from '../../../platform/views/form-parts.tsx';
import { accountPaths } from '../account.paths.ts';
import type { LoginRefusal } from '../account.rules.ts';
import { AccountPage, EmailField, FormErrors, LinkRow, msgs, PasswordField } from './parts.tsx';

export const loginLabels = (ctx: PageContext): Record<string, string> => signInLabels({ email: msgs(ctx)['label.email'] }, msgs(ctx));

export type LoginPageProps = SignInPageProps<LoginRefusal>;

export function LoginPage({ ctx, next, values = {}, errors = {}, refusal }: LoginPageProps): JSX.Element {
  const m = msgs(ctx);
  return (
    <AccountPage ctx={ctx} title={m['title.login']}>
      <FormErrors ctx={ctx} errors={errors} labels={loginLabels(ctx)} />
      {refusal === 'locked' ? (
        <div class="account-notice account-notice-warning">
          <p>
            <strong safe>{m['error.login.locked']}</strong>
          </p>
          <p>
            <a href={accountPaths.forgot} safe>
              {m['link.forgot']}
            </a>
          </p>
        </div>
      ) : refusal === 'inactive' ? (
        <div class="account-notice account-notice-warning">
          <p>
            <strong safe>{m['error.login.inactive']}</strong>
          </p>
          <p>
            <a href={accountPaths.resend} safe>
              {m['link.resend']}
            </a>
          </p>
        </div>
      ) : (
        ''
      )}
      <SignInForm
        ctx={ctx}
        action={accountPaths.login}
        class="account-form"
        noticeClass="account-notice"
        next={next}
        errors={errors}
        texts={{ next: m['login.next'], intro: next ? m['login.intro.next'] : m['login.intro'], note: m['login.lockWarning'], submit: m['button.login'] }}
      >
        <EmailField ctx={ctx} value={valueOf(values, 'email')} error={errors.email} />
        <PasswordField ctx={ctx} name="password" label={m['label.password']} autocomplete="current-password" error={errors.password} />
      </SignInForm>
      <LinkRow
        links={[
          { href: accountPaths.forgot, text: m['link.forgot'] },
          { href: accountPaths.resend, text: m['link.resend'] },
        ]}
      />
      <LinkRow label={m['login.noAccount']} links={[{ href: accountPaths.register, text: m['link.register'] }]} />
    </AccountPage>
  );
}
