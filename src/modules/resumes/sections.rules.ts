// 學歷 (RES-5: 1–3, 畢業 needs an end date, 肄業/就學中 do not), 經歷 (RES-6: 0–5, 在職 needs no end date) and
// 語文能力 (RES-7: 0–4, each with at least one of 聽 說 讀 寫). Rows left completely empty are ignored; dates
// are ROC, not after today (an expected end of 就學中/在職 may be), not before birth, start ≤ end.
import type { FieldErrors } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { parseDateField } from './date.rules.ts';
import { rowName } from './resume.fields.ts';
import { FIELD_MAX, SECTION_LIMITS, type RuleContext } from './resume.limits.ts';
import {
  DEGREES,
  EDUCATION_STATUSES,
  LANGUAGE_LEVELS,
  LANGUAGE_SKILLS,
  WORK_STATUSES,
  type EducationData,
  type EducationStatus,
  type ExperienceData,
  type LanguageData,
  type LanguageLevel,
  type SectionName,
  type WorkStatus,
} from './resume.types.ts';
import { cleanLine, charCount } from './text.rules.ts';

type Row = Record<string, string>;

/** A row with nothing typed or chosen in it. */
export function isBlankRow(row: Row): boolean {
  return Object.values(row).every((v) => cleanLine(v) === '');
}

function checkCount(section: SectionName, rows: unknown[], c: RuleContext, errors: FieldErrors): void {
  const max = SECTION_LIMITS[section].max;
  if (rows.length > max) errors[section] = fill(c.e.sectionMax, { section: c.m[`section.${section}`], max });
}

/** Reads one row's fields with their error keys. */
function rowReader(section: SectionName, n: number, row: Row, c: RuleContext, errors: FieldErrors) {
  const name = (key: string) => rowName(section, n, key);
  return {
    text(key: keyof typeof FIELD_MAX & string, label: string, required: boolean): string {
      const v = cleanLine(row[key] ?? '');
      if (required && v === '') errors[name(key)] = fill(c.e.required, { label });
      else if (charCount(v) > FIELD_MAX[key]) errors[name(key)] = fill(c.e.tooLong, { label, max: FIELD_MAX[key] });
      return v;
    },
    choice<T extends string>(key: string, options: readonly T[], label: string, required: boolean): T | '' {
      const v = (row[key] ?? '').trim();
      if (v === '') {
        if (required) errors[name(key)] = fill(c.e.choose, { label });
        return '';
      }
      if (!(options as readonly string[]).includes(v)) {
        errors[name(key)] = fill(c.e.option, { label });
        return '';
      }
      return v as T;
    },
    /** Start and end dates: start required; end required when `endRequired`; neither after today unless `endMayBeFuture`. */
    period(birthDate: string | null, endRequired: string | null, endMayBeFuture: boolean): { start: string; end: string } {
      const startLabel = c.m['label.start'];
      const endLabel = c.m['label.end'];
      const start = parseDateField(row.start ?? '', startLabel, c);
      const end = parseDateField(row.end ?? '', endLabel, c);
      let s = '';
      let e = '';
      if (start.ok === 'empty') errors[name('start')] = fill(c.e.required, { label: startLabel });
      else if (start.ok === false) errors[name('start')] = start.error;
      else if (start.date > c.today) errors[name('start')] = fill(c.e.dateFuture, { label: startLabel });
      else if (birthDate && start.date < birthDate) errors[name('start')] = fill(c.e.beforeBirth, { label: startLabel });
      else s = start.date;
      if (end.ok === 'empty') {
        if (endRequired) errors[name('end')] = endRequired;
      } else if (end.ok === false) errors[name('end')] = end.error;
      else if (!endMayBeFuture && end.date > c.today) errors[name('end')] = fill(c.e.dateFuture, { label: endLabel });
      else if (s && end.date < s) errors[name('end')] = c.e.endBeforeStart;
      else if (!s && birthDate && end.date < birthDate) errors[name('end')] = fill(c.e.beforeBirth, { label: endLabel });
      else e = end.date;
      return { start: s, end: e };
    },
  };
}

export function validateEducation(rows: Row[], c: RuleContext, birthDate: string | null): { data: EducationData[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const data: EducationData[] = [];
  checkCount('education', rows, c, errors);
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = rowReader('education', i + 1, row, c, errors);
    const school = r.text('school', c.m['label.school'], true);
    const department = r.text('department', c.m['label.department'], false);
    const degree = r.choice('degree', DEGREES, c.m['label.degree'], true);
    const status = r.choice<EducationStatus>('status', EDUCATION_STATUSES, c.m['label.educationStatus'], true);
    const period = r.period(birthDate, status === '畢業' ? c.e.endRequiredGraduated : null, status === '就學中');
    if (status) data.push({ school, department, degree, status, startDate: period.start, endDate: period.end });
  });
  if (data.length === 0 && rows.every(isBlankRow)) errors[rowName('education', 1, 'school')] = c.e.educationMin;
  return { data, errors };
}

export function validateExperience(rows: Row[], c: RuleContext, birthDate: string | null): { data: ExperienceData[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const data: ExperienceData[] = [];
  checkCount('experience', rows, c, errors);
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const r = rowReader('experience', i + 1, row, c, errors);
    const organization = r.text('organization', c.m['label.organization'], true);
    const jobTitle = r.text('jobTitle', c.m['label.jobTitle'], true);
    const status = r.choice<WorkStatus>('status', WORK_STATUSES, c.m['label.workStatus'], true);
    const period = r.period(birthDate, status === '離職' ? c.e.endRequiredLeft : null, status === '在職');
    if (status) data.push({ organization, jobTitle, status, startDate: period.start, endDate: period.end });
  });
  return { data, errors };
}

export function validateLanguages(rows: Row[], c: RuleContext): { data: LanguageData[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const data: LanguageData[] = [];
  const seen = new Set<string>();
  checkCount('languages', rows, c, errors);
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const n = i + 1;
    const r = rowReader('languages', n, row, c, errors);
    const language = r.text('language', c.m['label.language'], true);
    const levels = Object.fromEntries(LANGUAGE_SKILLS.map((k) => [k, r.choice<LanguageLevel>(k, LANGUAGE_LEVELS, c.m[`label.${k}`], false)])) as Record<
      (typeof LANGUAGE_SKILLS)[number],
      LanguageLevel | ''
    >;
    if (LANGUAGE_SKILLS.every((k) => levels[k] === '') && !LANGUAGE_SKILLS.some((k) => errors[rowName('languages', n, k)])) {
      errors[rowName('languages', n, 'levels')] = c.e.languageLevel;
    }
    const key = language.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
    if (language && seen.has(key)) errors[rowName('languages', n, 'language')] = fill(c.e.languageDuplicate, { name: language });
    seen.add(key);
    data.push({ language, ...levels });
  });
  return { data, errors };
}
