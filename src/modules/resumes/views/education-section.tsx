// 學歷 (RES-5): 1 to 3 rows, highest first; 學校名稱, 科系, 學位, 就學狀態, 開始/結束日期 (ROC).
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Field } from '../../../platform/views/components.tsx';
import { rowName } from '../resume.fields.ts';
import { FIELD_MAX, SECTION_LIMITS } from '../resume.limits.ts';
import { DEGREES, EDUCATION_STATUSES, type EducationRow } from '../resume.types.ts';
import { choiceOptions, msgs, RowButtons, Select, withCurrent } from './parts.tsx';
import { SectionFrame } from './section-frame.tsx';

export function EducationSection({ ctx, rows, errors }: { ctx: PageContext; rows: EducationRow[]; errors: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <SectionFrame ctx={ctx} section="education" count={rows.length} error={errors.education}>
      {rows.map((r, i) => {
        const n = i + 1;
        const name = (k: string) => rowName('education', n, k);
        return (
          <fieldset class="resume-row">
            <legend safe>{fill(m['row.education'], { n })}</legend>
            <div class="field-grid">
              <Field name={name('school')} label={m['label.school']} value={r.school} error={errors[name('school')]} required maxlength={FIELD_MAX.school} />
              <Field name={name('department')} label={m['label.department']} value={r.department} error={errors[name('department')]} maxlength={FIELD_MAX.department} />
              <Select name={name('degree')} label={m['label.degree']} value={r.degree} error={errors[name('degree')]} required options={withCurrent(choiceOptions(ctx, DEGREES, m['option.choose']), r.degree)} />
              <Select
                name={name('status')}
                label={m['label.educationStatus']}
                value={r.status}
                error={errors[name('status')]}
                required
                options={withCurrent(choiceOptions(ctx, EDUCATION_STATUSES, m['option.choose']), r.status)}
              />
              <Field name={name('start')} label={m['label.start']} hint={m['hint.date']} value={r.start} error={errors[name('start')]} required maxlength={20} />
              <Field name={name('end')} label={m['label.end']} hint={m['hint.date']} value={r.end} error={errors[name('end')]} maxlength={20} />
            </div>
            <RowButtons ctx={ctx} section="education" n={n} count={rows.length} minRows={SECTION_LIMITS.education.min} />
          </fieldset>
        );
      })}
    </SectionFrame>
  );
}
