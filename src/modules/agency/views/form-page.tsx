// 機關徵才登錄 form (AGY-2/3/4): 機關基本資料 / 機關徵才資料 / 五、應徵者履歷調閱方式, every field of SPEC AGY-2 in its
// order and wording; errors beside each field and in the summary; the values as typed come back on an error.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { valueOf, valuesOf, type FieldErrors, type FormValues } from '../../../platform/http/forms.ts';
import { CheckboxGroup, Csrf, Field, FieldError, fieldId, SelectField, type Option } from '../../../platform/views/components.tsx';
import { FormErrors, Required } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { currentWorkPlaces, defaultAccessMode, personKinds, rankTypes, sysnamList } from '../../reference/index.ts';
import { JobPreview } from '../../vacancies/index.ts';
import type { VacancyRow } from '../agency.repo.ts';
import { ACCESS_MODES, CS_SECTIONS, FIELD_LABELS as L, NONE } from '../agency.form.ts';

export interface FormPageProps {
  ctx: PageContext;
  title: string;
  action: string;
  workId: string; // 職缺編號, or 「送出後由系統產生」
  agency: { code: string; name: string };
  values: FormValues;
  errors: FieldErrors;
  /** AGY-2: inside the validity period the access mode cannot change. */
  accessModeLocked: boolean;
  /** 預覽: the job as it will look (built from the form, not stored). */
  preview?: VacancyRow;
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

const gradeOptions: Option[] = [
  { value: '', label: '請選擇' },
  { value: NONE, label: '無' },
  ...rankTypes().flatMap((r) => r.grades.map((g) => ({ value: String(g), label: `${r.name}第${g}職等` }))),
  ...[[1, 3], [3, 5], [4, 5], [5, 7], [6, 7], [6, 8], [7, 9], [8, 9], [9, 10], [10, 11], [10, 12], [11, 12], [12, 13]].map(([a, b]) => ({ value: `${a}-${b}`, label: `第${a}職等至第${b}職等` })),
];

export function FormPage(p: FormPageProps): JSX.Element {
  const { ctx, values: v, errors: e } = p;
  const personKindCode = valueOf(v, 'personKindCode');
  const mode = valueOf(v, 'accessMode') || (personKindCode ? defaultAccessMode(personKindCode) : '');
  return (
    <Layout ctx={ctx} title={p.title} door="ecpa">
      <h1 safe>{p.title}</h1>
      <p>
        <a href="/agency">回機關徵才登錄列表</a>
      </p>
      {p.preview ? (
        <section aria-label="預覽" class="agency-preview">
          <p class="hint">預覽：職缺送出後於公開網站的樣子（尚未送出）。</p>
          <JobPreview ctx={ctx} vacancy={p.preview} />
        </section>
      ) : (
        ''
      )}
      <FormErrors ctx={ctx} errors={e} labels={L} />
      <form method="post" action={p.action} novalidate class="agency-form">
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>機關基本資料</legend>
          <dl>
            <dt>職缺編號</dt>
            <dd safe>{p.workId}</dd>
            <dt>徵才機關</dt>
            <dd safe>{`${p.agency.code} ${p.agency.name}`}</dd>
          </dl>
          <Field name="orgAddress" label={L.orgAddress!} value={valueOf(v, 'orgAddress')} error={e.orgAddress} required maxlength={200} />
          <Field name="fillerName" label={L.fillerName!} value={valueOf(v, 'fillerName')} error={e.fillerName} required maxlength={50} />
          <Field name="fillerEmail" label={L.fillerEmail!} type="email" value={valueOf(v, 'fillerEmail')} error={e.fillerEmail} maxlength={254} />
          <Field name="fillerPhone" label={L.fillerPhone!} type="tel" value={valueOf(v, 'fillerPhone')} error={e.fillerPhone} required maxlength={30} hint="例如 03-9251000" />
          <Field name="fillerExt" label={L.fillerExt!} inputmode="numeric" value={valueOf(v, 'fillerExt')} error={e.fillerExt} maxlength={10} />
        </fieldset>
        <fieldset>
          <legend>機關徵才資料</legend>
          <SelectField
            name="personKindCode"
            label={L.personKindCode!}
            required
            value={personKindCode}
            error={e.personKindCode}
            hint="選擇後「五、應徵者履歷調閱方式」依人員區分預設為須具或不須具公務人員任用資格"
            options={[{ value: '', label: '請選擇' }, ...personKinds().map((k) => ({ value: k.code, label: `${k.code} ${k.name}` }))]}
          />
          <Field name="title" label={L.title!} value={valueOf(v, 'title')} error={e.title} required maxlength={100} />
          <Field name="headcount" label={L.headcount!} inputmode="numeric" value={valueOf(v, 'headcount')} error={e.headcount} required maxlength={3} />
          <CheckboxGroup name="workPlaces" legend={`${L.workPlaces} *`} columns options={currentWorkPlaces().map((w) => ({ value: w.code, label: `${w.code} ${w.name}` }))} values={valuesOf(v, 'workPlaces')} error={e.workPlaces} />
          <Field name="validFrom" label={L.validFrom!} value={valueOf(v, 'validFrom')} error={e.validFrom} required hint="民國日期，例如 115/01/05" maxlength={12} />
          <Field name="validTo" label={L.validTo!} value={valueOf(v, 'validTo')} error={e.validTo} required hint="民國日期，例如 115/01/31" maxlength={12} />
          <fieldset class="field" id={fieldId('specials')}>
            <legend>特殊條件</legend>
            <YesNo name="isHandicap" label="歡迎身心障礙者" values={v} />
            <YesNo name="isOriginal" label="歡迎原住民族" values={v} />
            <YesNo name="isLocalOriginal" label="原住民族地區之職缺" values={v} />
            <YesNo name="isTraning" label="地方創生借調" values={v} />
          </fieldset>
          <CheckboxGroup name="rankTypes" legend={`${L.rankTypes} *`} options={rankTypes().map((r) => ({ value: r.name, label: r.name }))} values={valuesOf(v, 'rankTypes')} error={e.rankTypes} hint="可複選；若「無」官職等請勾選「其他」" />
          <SelectField name="grade" label={L.grade!} required value={valueOf(v, 'grade')} error={e.grade} options={gradeOptions} />
          <SelectField name="sysnamCode" label={L.sysnamCode!} required value={valueOf(v, 'sysnamCode')} error={e.sysnamCode} options={[{ value: '', label: '請選擇' }, { value: NONE, label: '無' }, ...sysnamList().map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))]} />
          <Radios name="gender" legend={`${L.gender} *`} value={valueOf(v, 'gender')} error={e.gender} options={[{ value: 'M', label: '男' }, { value: 'F', label: '女' }, { value: 'any', label: '不拘' }]} />
          <Field name="vitaeEmail" label={L.vitaeEmail!} type="email" value={valueOf(v, 'vitaeEmail')} error={e.vitaeEmail} maxlength={254} hint="只能填一個地址；履歷調閱方式為須具或不須具時必填，系統每日寄送累計應徵人數" />
          <YesNo name="resumesByEmail" label={L.resumesByEmail!} values={v} />
          <TextArea ctx={ctx} name="workQuality" label={L.workQuality!} hint="惟不宜限制應徵者年齡" values={v} errors={e} />
          <TextArea ctx={ctx} name="workItem" label={L.workItem!} values={v} errors={e} />
          <TextArea ctx={ctx} name="workAddress" label={L.workAddress!} hint="若說明太多時，請地址務必放在最後" values={v} errors={e} />
          <TextArea ctx={ctx} name="contactMethod" label={L.contactMethod!} values={v} errors={e} />
        </fieldset>
        <fieldset>
          <legend>五、應徵者履歷調閱方式</legend>
          {p.accessModeLocked ? <p class="hint">職缺於上網有效期間內，不可變更應徵者履歷調閱方式。</p> : ''}
          <Radios name="accessMode" legend={`${L.accessMode} *`} value={mode} error={e.accessMode} options={ACCESS_MODES} disabled={p.accessModeLocked} />
          <fieldset class="field">
            <legend>須具公務人員任用資格職缺：調閱人事資料庫的項目</legend>
            <YesNo name="csAll" label="個人全部資料" values={v} />
            <Field name="trainFrom" label={L.trainFrom!} value={valueOf(v, 'trainFrom')} error={e.trainFrom} hint="民國日期；空白表示全部" maxlength={12} />
            <Field name="trainTo" label={L.trainTo!} value={valueOf(v, 'trainTo')} error={e.trainTo} maxlength={12} />
            <Field name="rewardFrom" label={L.rewardFrom!} value={valueOf(v, 'rewardFrom')} error={e.rewardFrom} hint="民國日期；空白表示全部" maxlength={12} />
            <Field name="rewardTo" label={L.rewardTo!} value={valueOf(v, 'rewardTo')} error={e.rewardTo} maxlength={12} />
            <Field name="appraisalFrom" label={L.appraisalFrom!} inputmode="numeric" value={valueOf(v, 'appraisalFrom')} error={e.appraisalFrom} hint="民國年；空白表示全部" maxlength={3} />
            <Field name="appraisalTo" label={L.appraisalTo!} inputmode="numeric" value={valueOf(v, 'appraisalTo')} error={e.appraisalTo} maxlength={3} />
            <CheckboxGroup name="csSections" legend="或勾選調閱項目" options={CS_SECTIONS.map((s) => ({ value: s, label: s }))} values={valuesOf(v, 'csSections')} error={e.csSections} />
          </fieldset>
        </fieldset>
        <p class="actions">
          <button type="submit" name="do" value="save">
            送出
          </button>{' '}
          <button type="submit" name="do" value="preview" class="secondary">
            預覽
          </button>
        </p>
      </form>
    </Layout>
  );
}

export { Html };
