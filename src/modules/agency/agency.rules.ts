// Pure rules of 機關徵才登錄: the row written from the form, the form's values from a row (修改, 複製為新職缺),
// the 職缺編號 month, whether the access mode is locked (AGY-2), what changed (for the audit).
import type { FormValues } from '../../platform/http/forms.ts';
import { formatRoc, rocYear } from '../../platform/tw/roc-date.ts';
import { personKindName, sysnamName, workPlaceName } from '../reference/index.ts';
import { gradeRange, NONE, type VacancyForm } from './agency.form.ts';
import type { VacancyInsert, VacancyRow } from './agency.repo.ts';

/** The ROC yyyMM of a Taipei date, e.g. 2026-12-03 → 11512. */
export function workIdMonth(today: string): string {
  return `${rocYear(today)}${today.slice(5, 7)}`;
}

/** AGY-2: the access mode cannot change while `today` is inside the validity period. */
export function accessModeLocked(v: Pick<VacancyRow, 'validFrom' | 'validTo'>, today: string): boolean {
  return v.validFrom <= today && today <= v.validTo;
}

const GENDER_TEXT = { any: '不拘', M: '男', F: '女' } as const;

function gradeText(f: VacancyForm): string {
  const { gradeMin, gradeMax } = gradeRange(f.grade);
  if (gradeMin === null) return '無';
  return gradeMin === gradeMax ? `${f.rankTypes.join('、')}第${gradeMin}職等` : `${f.rankTypes.join('、')}第${gradeMin}職等至第${gradeMax}職等`;
}

/** The vacancy's columns from the form (everything but 職缺編號, agency, source, review). */
export function rowFromForm(f: VacancyForm): Omit<VacancyInsert, 'workId' | 'orgId' | 'orgName' | 'source'> {
  const places = f.workPlaces.map((c) => workPlaceName(c) ?? c);
  const sysnam = f.sysnamCode === NONE ? null : f.sysnamCode;
  return {
    orgAddress: f.orgAddress,
    fillerName: f.fillerName,
    fillerEmail: f.fillerEmail || null,
    fillerPhone: f.fillerExt ? `${f.fillerPhone}#${f.fillerExt}` : f.fillerPhone,
    personKindCode: f.personKindCode,
    personKind: personKindName(f.personKindCode) ?? '',
    title: f.title,
    headcount: f.headcount,
    numberOfText: String(f.headcount),
    workPlaces: f.workPlaces,
    workPlaceText: places.join('、'),
    validFrom: f.validFrom,
    validTo: f.validTo,
    isHandicap: f.isHandicap,
    isOriginal: f.isOriginal,
    isLocalOriginal: f.isLocalOriginal,
    isTraning: f.isTraning,
    rankTypes: f.rankTypes,
    typeText: f.rankTypes.join(','),
    ...gradeRange(f.grade),
    rankText: gradeText(f),
    sysnamCode: sysnam,
    sysnamText: sysnam ? (sysnamName(sysnam) ?? '') : '無',
    gender: f.gender,
    genderType: GENDER_TEXT[f.gender],
    vitaeEmail: f.vitaeEmail,
    resumesByEmail: f.resumesByEmail,
    workQuality: f.workQuality,
    workItem: f.workItem,
    workAddress: f.workAddress,
    contactMethod: f.contactMethod,
    accessMode: f.accessMode,
    civilServiceSections:
      f.accessMode === 'civil_service'
        ? { all: f.csAll, trainFrom: f.trainFrom, trainTo: f.trainTo, rewardFrom: f.rewardFrom, rewardTo: f.rewardTo, appraisalFrom: f.appraisalFrom || null, appraisalTo: f.appraisalTo || null, sections: f.csSections }
        : null,
  };
}

const roc = (iso: unknown): string => (typeof iso === 'string' && iso ? formatRoc(iso) : '');
const yes = (b: boolean | null): string | undefined => (b ? 'yes' : undefined);

/** The form's values from a stored row (修改); `copy` empties the dates (複製為新職缺). */
export function valuesFromRow(v: VacancyRow, copy = false): FormValues {
  const cs = (v.civilServiceSections ?? {}) as Record<string, unknown>;
  const [phone, ext] = (v.fillerPhone ?? '').split('#');
  const grade = v.gradeMin === null ? NONE : v.gradeMin === v.gradeMax ? String(v.gradeMin) : `${v.gradeMin}-${v.gradeMax}`;
  return {
    orgAddress: v.orgAddress ?? '',
    fillerName: v.fillerName ?? '',
    fillerEmail: v.fillerEmail ?? '',
    fillerPhone: phone ?? '',
    fillerExt: ext ?? '',
    personKindCode: v.personKindCode ?? '',
    title: v.title,
    headcount: v.headcount === null ? v.numberOfText : String(v.headcount),
    workPlaces: v.workPlaces,
    validFrom: copy ? '' : roc(v.validFrom),
    validTo: copy ? '' : roc(v.validTo),
    isHandicap: yes(v.isHandicap),
    isOriginal: yes(v.isOriginal),
    isLocalOriginal: yes(v.isLocalOriginal),
    isTraning: yes(v.isTraning),
    rankTypes: v.rankTypes,
    grade,
    sysnamCode: v.sysnamCode ?? NONE,
    gender: v.gender,
    vitaeEmail: v.vitaeEmail,
    resumesByEmail: yes(v.resumesByEmail),
    workQuality: v.workQuality,
    workItem: v.workItem,
    workAddress: v.workAddress,
    contactMethod: v.contactMethod,
    accessMode: v.accessMode,
    csAll: yes(cs.all === true),
    trainFrom: roc(cs.trainFrom),
    trainTo: roc(cs.trainTo),
    rewardFrom: roc(cs.rewardFrom),
    rewardTo: roc(cs.rewardTo),
    appraisalFrom: typeof cs.appraisalFrom === 'string' ? cs.appraisalFrom : '',
    appraisalTo: typeof cs.appraisalTo === 'string' ? cs.appraisalTo : '',
    csSections: Array.isArray(cs.sections) ? (cs.sections as string[]) : [],
  };
}

/** The names of the columns whose value differs (for the audit: what changed, not the values). */
export function changedColumns(before: VacancyRow, after: Partial<VacancyInsert>): string[] {
  const b = before as unknown as Record<string, unknown>;
  return Object.entries(after)
    .filter(([k, v]) => JSON.stringify(b[k] ?? null) !== JSON.stringify(v ?? null))
    .map(([k]) => k);
}
