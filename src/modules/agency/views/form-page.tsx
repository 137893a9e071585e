// 機關徵才登錄 form (AGY-2/3/4): 機關基本資料 / 機關徵才資料 / 五、應徵者履歷調閱方式, every field of SPEC AGY-2 in its
// order and wording; errors beside each field and in the summary; the values as typed come back on an error.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, valuesOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { formatSize } from '../../../platform/storage/index.ts';
import { CheckboxGroup, Csrf, Field, FieldError, fieldId, SelectField, type Option } from '../../../platform/views/components.tsx';
import { DefaultSubmit, FormErrors, Required } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { currentWorkPlaces, defaultAccessMode, personKinds, rankTypes, sysnamList } from '../../reference/index.ts';
import { JobPreview } from '../../vacancies/index.ts';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from '../agency-attachments.rules.ts';
import type { AttachmentState } from '../agency-attachments.ts';
import { ACCESS_MODES, CS_SECTIONS, FIELD_LABELS, NONE } from '../agency.form.ts';
import { ACCESS_MODES_EN, agencyMessages, errorText, FIELD_LABELS_EN } from '../agency.messages.ts';
import type { VacancyRow } from '../agency.repo.ts';

export interface FormPageProps {
  ctx: PageContext;
  title: string;
  action: string;
  workId: string; // 職缺編號, or 「送出後由系統產生」
  agency: { code: string; name: string; via?: string | null };
  values: FormValues;
  errors: FieldErrors;
  /** AGY-2: inside the validity period the access mode cannot change. */
  accessModeLocked: boolean;
  /** 預覽: the job as it will look (built from the form, not stored). */
  preview?: VacancyRow;
  /** 職缺相關附件: stored, ticked for removal, staged. */
  attachments: AttachmentState;
  /** The upload limit per file (UPLOAD_LIMIT_BYTES). */
  maxBytes?: number;
}

type Texts = ReturnType<typeof agencyMessages>;

/** AGY-3: the 人員區分 codes whose default is 不須具 (public/js/agency-form.js switches the mode live); read per page, as the back office may change them (ADM-2). */
const openKinds = () =>
  personKinds()
    .filter((k) => defaultAccessMode(k.code) === 'open')
    .map((k) => k.code)
    .join(' ');

function Attachments({ t, a, workId, error, maxBytes }: { t: Texts; a: AttachmentState; workId: string; error?: string | undefined; maxBytes: number }): JSX.Element {
  const id = fieldId('attachments');
  const items = [...a.stored.map((s) => ({ ...s, stored: true })), ...a.staged.map((s) => ({ ...s, stored: false }))];
  return (
    <fieldset class={error ? 'field has-error' : 'field'}>
      <legend safe>{t['form.attachments']}</legend>
      <p class="hint" id={`${id}-hint`} safe>
        {fill(t['form.attachmentsHint'], { max: MAX_ATTACHMENTS, size: formatSize(maxBytes) })}
      </p>
      <FieldError name="attachments" error={error} />
      {items.length === 0 ? (
        <p safe>{t['form.attachmentsNone']}</p>
      ) : (
        <ul class="attachment-list" aria-label={t['form.attachmentsList']}>
          {items.map((f, i) => (
            <li>
              <span safe>{`${f.originalName}（${formatSize(f.size)}）`}</span>
              {f.stored ? (
                <>
                  {' '}
                  <a href={`/jobs/${encodeURIComponent(workId)}/attachments/${encodeURIComponent(f.id)}`} safe>
                    {t['form.attachmentDownload']}
                  </a>
                </>
              ) : (
                <>
                  <span class="hint" safe>
                    {t['form.attachmentNew']}
                  </span>
                  <input type="hidden" name="staged" value={f.id} />
                </>
              )}{' '}
              <span class="checkbox">
                <input type="checkbox" id={`${id}-remove-${i}`} name="removeAttachment" value={f.id} checked={a.removed.includes(f.id)} />
                <label for={`${id}-remove-${i}`} safe>
                  {fill(t['form.attachmentRemove'], { name: f.originalName })}
                </label>
              </span>
            </li>
          ))}
        </ul>
      )}
      <label for={id} safe>
        {t['form.chooseFiles']}
      </label>
      <input type="file" id={id} name="attachments" multiple accept={ATTACHMENT_ACCEPT} aria-invalid={error ? 'true' : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} />
    </fieldset>
  );
}

function TextArea({ name, label, hint, values, errors, ctx }: { name: string; label: string; hint?: string; values: FormValues; errors: FieldErrors; ctx: PageContext }): JSX.Element {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', errors[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={errors[name] ? 'field has-error' : 'field'}>
      <label for={id}>
        {Html.escapeHtml(label)}
        <Required ctx={ctx} />
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      <FieldError name={name} error={errors[name]} />
      <textarea id={id} name={name} rows="6" required aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={ids || undefined} safe>
        {valueOf(values, name)}
      </textarea>
    </div>
  );
}

function Radios({ name, legend, options, value, error, disabled }: { name: string; legend: string; options: readonly Option[]; value: string; error?: string | undefined; disabled?: boolean }): JSX.Element {
  const id = fieldId(name);
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend safe>{legend}</legend>
      <FieldError name={name} error={error} />
      {options.map((o, i) => (
        <div class="radio">
          <input type="radio" id={`${id}-${i}`} name={name} value={o.value} checked={o.value === value} disabled={disabled} />
          <label for={`${id}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
      {disabled ? <input type="hidden" name={name} value={value} /> : ''}
    </fieldset>
  );
}

function YesNo({ name, label, values }: { name: string; label: string; values: FormValues }): JSX.Element {
  return (
    <div class="checkbox">
      <input type="checkbox" id={fieldId(name)} name={name} value="yes" checked={valueOf(values, name) === 'yes'} />
      <label for={fieldId(name)} safe>
        {label}
      </label>
    </div>
  );
}

function gradeOptions(t: Texts): Option[] {
  return [
    { value: '', label: t['form.choose'] },
    { value: NONE, label: t['form.none'] },
    ...rankTypes().flatMap((r) => r.grades.map((g) => ({ value: String(g), label: fill(t['form.gradeOne'], { rank: r.name, grade: g }) }))),
    ...[[1, 3], [3, 5], [4, 5], [5, 7], [6, 7], [6, 8], [7, 9], [8, 9], [9, 10], [10, 11], [10, 12], [11, 12], [12, 13]].map(([a, b]) => ({ value: `${a}-${b}`, label: fill(t['form.gradeRange'], { from: a!, to: b! }) })),
  ];
}

export function FormPage(p: FormPageProps): JSX.Element {
  const { ctx, values: v } = p;
  const t = agencyMessages(ctx.locale);
  const en = ctx.locale === 'en';
  const L = en ? FIELD_LABELS_EN : FIELD_LABELS;
  const e: FieldErrors = Object.fromEntries(Object.entries(p.errors).map(([k, msg]) => [k, errorText(msg, ctx.locale, FIELD_LABELS)]));
  const accessModes = ACCESS_MODES.map((o) => ({ value: o.value, label: en ? ACCESS_MODES_EN[o.value]! : o.label }));
  const action = `${p.action}${p.action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(ctx.csrf())}`;
  const personKindCode = valueOf(v, 'personKindCode');
  const mode = valueOf(v, 'accessMode') || (personKindCode ? defaultAccessMode(personKindCode) : '');
  return (
    <Layout ctx={ctx} title={p.title} door="ecpa" scripts={['/assets/js/forms.js', '/assets/js/agency-form.js']}>
      <h1 safe>{p.title}</h1>
      <p>
        <a href={p.agency.via ? `/agency?agency=${encodeURIComponent(p.agency.via)}` : '/agency'} safe>
          {t['form.back']}
        </a>
      </p>
      {p.preview ? (
        <section aria-label={t['form.doPreview']} class="agency-preview">
          <p class="hint" safe>
            {t['form.previewNote']}
          </p>
          <JobPreview ctx={ctx} vacancy={p.preview} />
        </section>
      ) : (
        ''
      )}
      <FormErrors ctx={ctx} errors={e} labels={L} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate class="agency-form" data-open-kinds={openKinds()} data-mode-chosen={valueOf(v, 'accessMode') ? 'yes' : 'no'}>
        <DefaultSubmit />
        <Csrf ctx={ctx} />
        <fieldset>
          <legend safe>{t['form.basic']}</legend>
          <dl>
            <dt safe>{t['form.workId']}</dt>
            <dd safe>{p.workId}</dd>
            <dt safe>{t['form.org']}</dt>
            <dd safe>{`${p.agency.code} ${p.agency.name}`}</dd>
          </dl>
          <Field name="orgAddress" label={L.orgAddress!} value={valueOf(v, 'orgAddress')} error={e.orgAddress} required maxlength={200} />
          <Field name="fillerName" label={L.fillerName!} value={valueOf(v, 'fillerName')} error={e.fillerName} required maxlength={50} />
          <Field name="fillerEmail" label={L.fillerEmail!} type="email" value={valueOf(v, 'fillerEmail')} error={e.fillerEmail} maxlength={254} />
          <Field name="fillerPhone" label={L.fillerPhone!} type="tel" value={valueOf(v, 'fillerPhone')} error={e.fillerPhone} required maxlength={30} hint={t['form.phoneHint']} />
          <Field name="fillerExt" label={L.fillerExt!} inputmode="numeric" value={valueOf(v, 'fillerExt')} error={e.fillerExt} maxlength={10} />
        </fieldset>
        <fieldset>
          <legend safe>{t['form.vacancy']}</legend>
          <SelectField
            name="personKindCode"
            label={L.personKindCode!}
            required
            value={personKindCode}
            error={e.personKindCode}
            hint={t['form.personKindHint']}
            options={[{ value: '', label: t['form.choose'] }, ...personKinds().map((k) => ({ value: k.code, label: `${k.code} ${k.name}` }))]}
          />
          <Field name="title" label={L.title!} value={valueOf(v, 'title')} error={e.title} required maxlength={100} />
          <Field name="headcount" label={L.headcount!} inputmode="numeric" value={valueOf(v, 'headcount')} error={e.headcount} required maxlength={3} />
          <CheckboxGroup name="workPlaces" legend={`${L.workPlaces} *`} columns options={currentWorkPlaces().map((w) => ({ value: w.code, label: `${w.code} ${w.name}` }))} values={valuesOf(v, 'workPlaces')} error={e.workPlaces} />
          <Field name="validFrom" label={L.validFrom!} value={valueOf(v, 'validFrom')} error={e.validFrom} required hint={t['form.fromHint']} maxlength={12} />
          <Field name="validTo" label={L.validTo!} value={valueOf(v, 'validTo')} error={e.validTo} required hint={t['form.toHint']} maxlength={12} />
          <fieldset class="field" id={fieldId('specials')}>
            <legend safe>{t['form.specials']}</legend>
            <YesNo name="isHandicap" label={t['form.isHandicap']} values={v} />
            <YesNo name="isOriginal" label={t['form.isOriginal']} values={v} />
            <YesNo name="isLocalOriginal" label={t['form.isLocalOriginal']} values={v} />
            <YesNo name="isTraning" label={t['form.isTraning']} values={v} />
          </fieldset>
          <CheckboxGroup name="rankTypes" legend={`${L.rankTypes} *`} options={rankTypes().map((r) => ({ value: r.name, label: r.name }))} values={valuesOf(v, 'rankTypes')} error={e.rankTypes} hint={t['form.rankHint']} />
          <SelectField name="grade" label={L.grade!} required value={valueOf(v, 'grade')} error={e.grade} options={gradeOptions(t)} />
          <SelectField name="sysnamCode" label={L.sysnamCode!} required value={valueOf(v, 'sysnamCode')} error={e.sysnamCode} options={[{ value: '', label: t['form.choose'] }, { value: NONE, label: t['form.none'] }, ...sysnamList().map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))]} />
          <Radios name="gender" legend={`${L.gender} *`} value={valueOf(v, 'gender')} error={e.gender} options={[{ value: 'M', label: t['form.male'] }, { value: 'F', label: t['form.female'] }, { value: 'any', label: t['form.anyGender'] }]} />
          <Field name="vitaeEmail" label={L.vitaeEmail!} type="email" value={valueOf(v, 'vitaeEmail')} error={e.vitaeEmail} maxlength={254} hint={t['form.emailHint']} />
          <YesNo name="resumesByEmail" label={L.resumesByEmail!} values={v} />
          <TextArea ctx={ctx} name="workQuality" label={L.workQuality!} hint={t['form.qualityHint']} values={v} errors={e} />
          <TextArea ctx={ctx} name="workItem" label={L.workItem!} values={v} errors={e} />
          <TextArea ctx={ctx} name="workAddress" label={L.workAddress!} hint={t['form.addressHint']} values={v} errors={e} />
          <TextArea ctx={ctx} name="contactMethod" label={L.contactMethod!} values={v} errors={e} />
        </fieldset>
        <fieldset>
          <legend safe>{t['form.access']}</legend>
          {p.accessModeLocked ? (
            <p class="hint" safe>
              {t['form.locked']}
            </p>
          ) : (
            ''
          )}
          <Radios name="accessMode" legend={`${L.accessMode} *`} value={mode} error={e.accessMode} options={accessModes} disabled={p.accessModeLocked} />
          <fieldset class="field">
            <legend safe>{t['form.csItems']}</legend>
            <YesNo name="csAll" label={L.csAll!} values={v} />
            <Field name="trainFrom" label={L.trainFrom!} value={valueOf(v, 'trainFrom')} error={e.trainFrom} hint={t['form.dateAllHint']} maxlength={12} />
            <Field name="trainTo" label={L.trainTo!} value={valueOf(v, 'trainTo')} error={e.trainTo} maxlength={12} />
            <Field name="rewardFrom" label={L.rewardFrom!} value={valueOf(v, 'rewardFrom')} error={e.rewardFrom} hint={t['form.dateAllHint']} maxlength={12} />
            <Field name="rewardTo" label={L.rewardTo!} value={valueOf(v, 'rewardTo')} error={e.rewardTo} maxlength={12} />
            <Field name="appraisalFrom" label={L.appraisalFrom!} inputmode="numeric" value={valueOf(v, 'appraisalFrom')} error={e.appraisalFrom} hint={t['form.yearAllHint']} maxlength={3} />
            <Field name="appraisalTo" label={L.appraisalTo!} inputmode="numeric" value={valueOf(v, 'appraisalTo')} error={e.appraisalTo} maxlength={3} />
            <CheckboxGroup name="csSections" legend={t['form.csSections']} options={CS_SECTIONS.map((s) => ({ value: s, label: s }))} values={valuesOf(v, 'csSections')} error={e.csSections} />
          </fieldset>
        </fieldset>
        <Attachments t={t} a={p.attachments} workId={p.workId} error={e.attachments} maxBytes={p.maxBytes ?? 10 * 1024 * 1024} />
        <p class="actions">
          <button type="submit" name="do" value="save" safe>
            {t['form.save']}
          </button>{' '}
          <button type="submit" name="do" value="preview" class="secondary" safe>
            {t['form.doPreview']}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export { Html };
