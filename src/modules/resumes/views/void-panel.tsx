// RES-3: the ID number is used by another account — offer to void it: 原註冊之帳號 (Email) and its 出生日期
// (民國年月日), then 註銷原帳號. Inside the resume form, so nothing typed is lost; afterwards 儲存履歷 again.
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { Field } from '../../../platform/views/components.tsx';
import { msgs } from './parts.tsx';

export function VoidPanel({ ctx, values, errors }: { ctx: PageContext; values: { email: string; birthDate: string }; errors: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <div class="void-panel" id="void-panel" role="group" aria-labelledby="void-title">
      <h3 id="void-title" safe>
        {m['void.title']}
      </h3>
      <p safe>{m['void.body']}</p>
      <Field name="void-email" label={m['label.voidEmail']} type="email" value={values.email} error={errors['void-email']} autocomplete="off" maxlength={254} />
      <Field name="void-birthDate" label={m['label.voidBirthDate']} hint={m['hint.birthDate']} value={values.birthDate} error={errors['void-birthDate']} autocomplete="off" maxlength={20} />
      <button type="submit" name="action" value="void-account" class="secondary" safe>
        {m['button.void']}
      </button>
    </div>
  );
}
