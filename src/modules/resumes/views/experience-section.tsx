// 經歷 (RES-6): 0 to 5 rows; 機關/公司, 職稱, 任職狀態, 開始/結束日期 (ROC; 在職 needs no end date).
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Field } from '../../../platform/views/components.tsx';
import { rowName } from '../resume.fields.ts';
import { FIELD_MAX } from '../resume.limits.ts';
import { WORK_STATUSES, type ExperienceRow } from '../resume.types.ts';
import { choiceOptions, msgs, RowButtons, Select, withCurrent } from './parts.tsx';
import { SectionFrame } from './section-frame.tsx';

export function ExperienceSection({ ctx, rows, errors }: { ctx: PageContext; rows: ExperienceRow[]; errors: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <SectionFrame ctx={ctx} section="experience" count={rows.length} error={errors.experience} empty={m['none.experience']}>
      {rows.map((r, i) => {
        const n = i + 1;
        const name = (k: string) => rowName('experience', n, k);
        return (
          <fieldset class="resume-row">
            <legend safe>{fill(m['row.experience'], { n })}</legend>
            <div class="field-grid">
              <Field name={name('organization')} label={m['label.organization']} value={r.organization} error={errors[name('organization')]} required maxlength={FIELD_MAX.organization} />
              <Field name={name('jobTitle')} label={m['label.jobTitle']} value={r.jobTitle} error={errors[name('jobTitle')]} required maxlength={FIELD_MAX.jobTitle} />
              <Select
                name={name('status')}
                label={m['label.workStatus']}
                value={r.status}
                error={errors[name('status')]}
                required
                options={withCurrent(choiceOptions(ctx, WORK_STATUSES, m['option.choose']), r.status)}
              />
              <Field name={name('start')} label={m['label.start']} hint={m['hint.date']} value={r.start} error={errors[name('start')]} required maxlength={20} />
              <Field name={name('end')} label={m['label.end']} hint={m['hint.date']} value={r.end} error={errors[name('end')]} maxlength={20} />
            </div>
            <RowButtons ctx={ctx} section="experience" n={n} count={rows.length} minRows={0} />
          </fieldset>
        );
      })}
    </SectionFrame>
  );
}
