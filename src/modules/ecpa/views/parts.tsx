// Pieces shared by the eCPA pages: the page frame (door="ecpa"), the error summary, password fields, the hidden
// default button and the account field.
import type Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { DoorPage, MessagePage as BaseMessagePage, type MessagePageProps } from '../../../platform/views/door-page.tsx';
import { PasswordField as BasePasswordField, UsernameField, type PasswordFieldProps } from '../../../platform/views/form-parts.tsx';
import { ecpaMessages, type EcpaMessages } from '../ecpa.messages.ts';
import { ACCOUNT_MAX_LENGTH } from '../ecpa.rules.ts';

export const msgs = (ctx: PageContext): EcpaMessages => ecpaMessages(ctx.locale);

export function EcpaPage({ ctx, title, scripts, children }: { ctx: PageContext; title: string; scripts?: string[]; children?: Html.Children }): JSX.Element {
  return (
    <DoorPage ctx={ctx} title={title} door="ecpa" wrap="ecpa-page" {...(scripts ? { scripts } : {})}>
      {children}
    </DoorPage>
  );
}

/** A page that only says something (已受理, every state of a mailed link), in this door's frame. */
export function MessagePage(p: Omit<MessagePageProps, 'door' | 'wrap'>): JSX.Element {
  return <BaseMessagePage {...p} door="ecpa" wrap="ecpa-page" />;
}

export { DefaultSubmit, FormErrors } from '../../../platform/views/form-parts.tsx';

export function AccountField({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }): JSX.Element {
  const m = msgs(ctx);
  return <UsernameField ctx={ctx} name="account" label={m['label.account']} hint={m['hint.account']} value={value} error={error} maxlength={ACCOUNT_MAX_LENGTH} />;
}

/** The platform password field with this door's words (the rule as a plain list). */
export function PasswordField(p: Omit<PasswordFieldProps, 'texts' | 'live'>): JSX.Element {
  return <BasePasswordField {...p} texts={msgs(p.ctx)} />;
}

/** A warning box (lockout, 卸職) above a form. */
export function Notice({ text }: { text: string }): JSX.Element {
  return (
    <div class="ecpa-notice" role="status">
      <p safe>{text}</p>
    </div>
  );
}
