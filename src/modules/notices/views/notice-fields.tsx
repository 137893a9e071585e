// The fields of a notice (ACS-5, ACS-6, ACS-8): *內容, *聯絡窗口, *聯絡電話, *聯絡Email, then the optional interview
// date (ROC), time and place. Values as typed, messages beside the fields.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { noticeMessages } from '../notice.messages.ts';
import { NOTICE_LABELS } from '../notice.rules.ts';

export function NoticeFields({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FieldErrors }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  const v = (n: string) => valueOf(values, n);
  const id = fieldId('content');
  return (
    <>
      <div class={errors.content ? 'field has-error' : 'field'}>
        <label for={id}>
          {Html.escapeHtml(NOTICE_LABELS.content)}
          <span class="req"> *<span class="visually-hidden">必填</span></span>
        </label>
        <FieldError name="content" error={errors.content} />
        <textarea id={id} name="content" rows="6" maxlength="4000" required aria-invalid={errors.content ? 'true' : undefined} aria-describedby={errors.content ? `${id}-error` : undefined} safe>
          {v('content')}
        </textarea>
      </div>
      <Field name="contactName" label={NOTICE_LABELS.contactName} value={v('contactName')} error={errors.contactName} required maxlength={50} autocomplete="name" />
      <Field name="contactPhone" label={NOTICE_LABELS.contactPhone} value={v('contactPhone')} error={errors.contactPhone} required type="tel" maxlength={30} autocomplete="tel" />
      <Field name="contactEmail" label={NOTICE_LABELS.contactEmail} value={v('contactEmail')} error={errors.contactEmail} required type="email" maxlength={254} autocomplete="email" />
      <fieldset>
        <legend safe>{t['form.interviewHint']}</legend>
        <Field name="interviewDate" label={NOTICE_LABELS.interviewDate} value={v('interviewDate')} error={errors.interviewDate} hint={t['form.dateHint']} maxlength={10} />
        <Field name="interviewTime" label={NOTICE_LABELS.interviewTime} value={v('interviewTime')} error={errors.interviewTime} hint={t['form.timeHint']} maxlength={5} />
        <Field name="interviewPlace" label={NOTICE_LABELS.interviewPlace} value={v('interviewPlace')} error={errors.interviewPlace} maxlength={200} />
      </fieldset>
    </>
  );
}
