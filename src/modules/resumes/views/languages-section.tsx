// 語文能力 (RES-7): 0 to 4 rows; 語言 and the level of 聽 說 讀 寫 (at least one).
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { rowName } from '../resume.fields.ts';
import { FIELD_MAX } from '../resume.limits.ts';
import { LANGUAGE_LEVELS, LANGUAGE_SKILLS, type LanguageRow } from '../resume.types.ts';
import { choiceOptions, msgs, RowButtons, Select, withCurrent } from './parts.tsx';
import { SectionFrame } from './section-frame.tsx';

export function LanguagesSection({ ctx, rows, errors }: { ctx: PageContext; rows: LanguageRow[]; errors: FieldErrors }): JSX.Element {
  const m = msgs(ctx);
  return (
    <SectionFrame ctx={ctx} section="languages" count={rows.length} error={errors.languages} empty={m['none.languages']}>
      {rows.map((r, i) => {
        const n = i + 1;
        const name = (k: string) => rowName('languages', n, k);
        const levels = name('levels');
        return (
          <fieldset class="resume-row">
            <legend safe>{fill(m['row.languages'], { n })}</legend>
            <Field name={name('language')} label={m['label.language']} value={r.language} error={errors[name('language')]} required maxlength={FIELD_MAX.language} />
            <fieldset class={errors[levels] ? 'field has-error levels' : 'field levels'} id={fieldId(levels)} aria-describedby={errors[levels] ? `${fieldId(levels)}-error` : undefined}>
              <legend safe>{`${m['label.listening']}／${m['label.speaking']}／${m['label.reading']}／${m['label.writing']}`}</legend>
              <FieldError name={levels} error={errors[levels]} />
              <div class="field-grid levels-grid">
                {LANGUAGE_SKILLS.map((k) => (
                  <Select
                    name={name(k)}
                    label={m[`label.${k}`]}
                    value={r[k]}
                    error={errors[name(k)]}
                    options={withCurrent(choiceOptions(ctx, LANGUAGE_LEVELS, m['option.level.none']), r[k])}
                  />
                ))}
              </div>
            </fieldset>
            <RowButtons ctx={ctx} section="languages" n={n} count={rows.length} minRows={0} />
          </fieldset>
        );
      })}
    </SectionFrame>
  );
}
