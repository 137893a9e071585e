// 重寄確認信 (ACC-3) and 忘記密碼 (ACC-5): one field, the registered account.
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Csrf, Field } from '../../../platform/views/components.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, FormErrors, LinkRow, msgs } from './parts.tsx';

export type EmailRequestKind = 'resend' | 'forgot';

export function EmailRequestPage({ ctx, kind, values = {}, errors = {} }: { ctx: PageContext; kind: EmailRequestKind; values?: FormValues; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  const resend = kind === 'resend';
  return (
    <AccountPage ctx={ctx} title={resend ? m['title.resend'] : m['title.forgot']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ email: m['label.email'] }} />
      <p safe>{resend ? m['resend.intro'] : m['forgot.intro']}</p>
      <form method="post" action={resend ? accountPaths.resend : accountPaths.forgot} novalidate class="account-form">
        <Csrf ctx={ctx} />
        <Field
          name="email"
          type="email"
          label={m['label.email']}
          hint={m['hint.emailLogin']}
          value={valueOf(values, 'email')}
          error={errors.email}
          required
          requiredText={ctx.t('form.required')}
          autocomplete="username"
          inputmode="email"
          maxlength={254}
        />
        <div class="actions">
          <button type="submit" safe>
            {resend ? m['button.resend'] : m['button.forgot']}
          </button>
        </div>
      </form>
      <LinkRow
        links={[
          { href: accountPaths.login, text: m['link.login'] },
          resend ? { href: accountPaths.forgot, text: m['link.forgot'] } : { href: accountPaths.resend, text: m['link.resend'] },
        ]}
      />
    </AccountPage>
  );
}
