// The fields of a notice (ACS-5, ACS-6, ACS-8): *內容, *聯絡窗口, *聯絡電話, *聯絡Email, then the optional interview
// date (ROC), time and place. Values as typed, messages beside the fields.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { noticeMessages } from '../notice.messages.ts';
import { NOTICE_LABELS, NOTICE_LABELS_EN } from '../notice.rules.ts';

export function NoticeFields({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FieldErrors }): JSX.Element {
  const t = noticeMessages(ctx.locale);
  const v = (n: string) => valueOf(values, n);
  const L = ctx.locale === 'en' ? NOTICE_LABELS_EN : NOTICE_LABELS;
  const id = fieldId('content');
  return (
    <>
      <div class={errors.content ? 'field has-error' : 'field'}>
        <label for={id}>
          {Html.escapeHtml(L.content)}
          <span class="req"> *<span class="visually-hidden" safe>{ctx.t('form.required')}</span></span>
        </label>
        <FieldError name="content" error={errors.content} />
        <textarea id={id} name="content" rows="6" maxlength="4000" required aria-invalid={errors.content ? 'true' : undefined} aria-describedby={errors.content ? `${id}-error` : undefined} safe>
          {v('content')}
        </textarea>
      </div>
      <Field name="contactName" label={L.contactName} value={v('contactName')} error={errors.contactName} required requiredText={ctx.t('form.required')} maxlength={50} autocomplete="name" />
      <Field name="contactPhone" label={L.contactPhone} value={v('contactPhone')} error={errors.contactPhone} required requiredText={ctx.t('form.required')} type="tel" maxlength={30} autocomplete="tel" />
      <Field name="contactEmail" label={L.contactEmail} value={v('contactEmail')} error={errors.contactEmail} required requiredText={ctx.t('form.required')} type="email" maxlength={254} autocomplete="email" />
      <fieldset>
        <legend safe>{t['form.interviewHint']}</legend>
        <Field name="interviewDate" label={L.interviewDate} value={v('interviewDate')} error={errors.interviewDate} hint={t['form.dateHint']} maxlength={10} />
        <Field name="interviewTime" label={L.interviewTime} value={v('interviewTime')} error={errors.interviewTime} hint={t['form.timeHint']} maxlength={5} />
        <Field name="interviewPlace" label={L.interviewPlace} value={v('interviewPlace')} error={errors.interviewPlace} maxlength={200} />
      </fieldset>
    </>
  );
}
