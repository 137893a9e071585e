// 基本資料 (RES-1, RES-2): 中文姓名, 英文姓名, 身分證統一編號 (with the RES-3 註銷 panel and the RES-4 slot beside
// it), 性別 (from the ID; a different one needs 確定), 出生日期 (ROC), 聯絡電話, 通訊地址 (郵遞區號 + 地址),
// 聯絡Email, 身分註記.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { CheckboxGroup, Field, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { FIELD_MAX } from '../resume.limits.ts';
import { genderDiffersFromId } from '../resume.rules.ts';
import { IDENTITY_MARKS, type BasicForm } from '../resume.types.ts';
import { zipcodesByCounty } from '../zipcodes.ts';
import { HrdbImportSlot, type HrdbImportOffer } from './hrdb-slot.tsx';
import { msgs, optionLabel, Select } from './parts.tsx';
import { VoidPanel } from './void-panel.tsx';

export interface BasicSectionProps {
  ctx: PageContext;
  basic: BasicForm;
  errors: FieldErrors;
  voidPanel: { email: string; birthDate: string } | null;
  /** RES-4: shown on a first resume only (null otherwise). */
  hrdbOffer: HrdbImportOffer | null;
  /** RES-4: 「檢查」 (whether 帶入 can be offered for the ID typed), when 帶入 is not offered yet. */
  hrdbCheck?: boolean;
}

export function BasicSection({ ctx, basic: b, errors, voidPanel, hrdbOffer, hrdbCheck = false }: BasicSectionProps): JSX.Element {
  const m = msgs(ctx);
  const mismatch = genderDiffersFromId(b.idNumber, b.gender);
  return (
    <section class="resume-section" aria-labelledby="h-basic">
      <h2 id="h-basic" safe>
        {m['section.basic']}
      </h2>
      <div class="field-grid">
        <Field name="chineseName" label={m['label.chineseName']} value={b.chineseName} error={errors.chineseName} required autocomplete="name" maxlength={FIELD_MAX.chineseName} />
        <Field name="englishName" label={m['label.englishName']} value={b.englishName} error={errors.englishName} hint={m['hint.englishName']} maxlength={FIELD_MAX.englishName} />
      </div>
      <div class="id-row">
        <Field
          name="idNumber"
          label={m['label.idNumber']}
          value={b.idNumber}
          error={errors.idNumber}
          hint={m['hint.idNumber']}
          required
          autocomplete="off"
          maxlength={10}
        />
        <HrdbImportSlot ctx={ctx} offer={hrdbOffer} check={hrdbCheck} />
      </div>
      {voidPanel ? <VoidPanel ctx={ctx} values={voidPanel} errors={errors} /> : ''}
      <div class="gender-field">
        <Select
          name="gender"
          label={m['label.gender']}
          value={b.gender}
          hint={m['hint.gender']}
          error={errors.gender}
          required
          options={[
            { value: '', label: m['option.gender.auto'] },
            { value: 'M', label: m['option.gender.M'] },
            { value: 'F', label: m['option.gender.F'] },
          ]}
          data={{ 'gender-select': '', 'id-field': fieldId('idNumber'), confirm: m['confirm.gender'] }}
        />
        <div class="checkbox" data-gender-confirm hidden={!mismatch}>
          <input type="checkbox" id={fieldId('genderConfirmed')} name="genderConfirmed" value="1" checked={mismatch && b.genderConfirmed} />
          <label for={fieldId('genderConfirmed')} safe>
            {m['label.genderConfirmed']}
          </label>
        </div>
      </div>
      <Field name="birthDate" label={m['label.birthDate']} value={b.birthDate} error={errors.birthDate} hint={m['hint.birthDate']} required autocomplete="bday" maxlength={20} />
      <Field name="phone" label={m['label.phone']} value={b.phone} error={errors.phone} hint={m['hint.phone']} required type="tel" autocomplete="tel" maxlength={40} />
      <fieldset class="field address">
        <legend safe>{m['legend.address']}</legend>
        <ZipSelect ctx={ctx} value={b.zip} error={errors.zip} />
        <Field name="street" label={m['label.street']} value={b.street} error={errors.street} hint={m['hint.street']} required autocomplete="street-address" maxlength={FIELD_MAX.street} />
      </fieldset>
      <Field name="email" label={m['label.email']} value={b.email} error={errors.email} hint={m['hint.email']} required type="email" autocomplete="email" maxlength={FIELD_MAX.email} />
      <CheckboxGroup
        name="identity"
        legend={m['legend.identity']}
        options={IDENTITY_MARKS.map((v) => ({ value: v, label: optionLabel(ctx, v) }))}
        values={b.identity}
        error={errors.identity}
      />
    </section>
  );
}

/** 郵遞區號: every 3-digit code, grouped by county (100 臺北市中正區 …). */
function ZipSelect({ ctx, value, error }: { ctx: PageContext; value: string; error?: string | undefined }): JSX.Element {
  const m = msgs(ctx);
  const id = fieldId('zip');
  const en = ctx.locale === 'en';
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {Html.escapeHtml(m['label.zip'])}
        <span class="req" aria-hidden="true">
          {' *'}
        </span>
      </label>
      <FieldError name="zip" error={error} />
      <select id={id} name="zip" required autocomplete="postal-code" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="" selected={value === ''} safe>
          {m['option.zip.none']}
        </option>
        {zipcodesByCounty().map((g) => (
          <optgroup label={en ? `${g.county} ${g.countyEn}` : g.county}>
            {g.rows.map((z) => {
              const key = `${z.zip}${z.county}${z.district}`;
              return (
                <option value={key} selected={key === value} safe>
                  {en ? `${z.zip} ${z.county}${z.district} ${z.districtEn}` : `${z.zip} ${z.county}${z.district}`}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
