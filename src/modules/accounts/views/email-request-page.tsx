// 重寄確認信 (ACC-3) and 忘記密碼 (ACC-5): one field, the registered account.
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { PostForm } from '../../../platform/views/form-parts.tsx';
import { accountPaths } from '../account.paths.ts';
import { AccountPage, EmailField, FormErrors, LinkRow, msgs } from './parts.tsx';

export type EmailRequestKind = 'resend' | 'forgot';

export function EmailRequestPage({ ctx, kind, values = {}, errors = {} }: { ctx: PageContext; kind: EmailRequestKind; values?: FormValues; errors?: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  const resend = kind === 'resend';
  return (
    <AccountPage ctx={ctx} title={resend ? m['title.resend'] : m['title.forgot']}>
      <FormErrors ctx={ctx} errors={errors} labels={{ email: m['label.email'] }} />
      <PostForm
        ctx={ctx}
        action={resend ? accountPaths.resend : accountPaths.forgot}
        class="account-form"
        intro={resend ? m['resend.intro'] : m['forgot.intro']}
        submit={resend ? m['button.resend'] : m['button.forgot']}
      >
        <EmailField ctx={ctx} value={valueOf(values, 'email')} error={errors.email} />
      </PostForm>
      <LinkRow
        links={[
          { href: accountPaths.login, text: m['link.login'] },
          resend ? { href: accountPaths.forgot, text: m['link.forgot'] } : { href: accountPaths.resend, text: m['link.resend'] },
        ]}
      />
    </AccountPage>
  );
}
