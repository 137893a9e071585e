// The form as typed ↔ the stored resume, and the buttons that change the form without saving it: add,
// remove and move rows (RES-5/6/7, no JavaScript needed), 刪除照片 (RES-10). Pure.
import { valueOf, valuesOf, type FormValues } from '../../platform/http/forms.ts';
import { rocForForm } from './date.rules.ts';
import { ROW_KEYS, rowName } from './resume.fields.ts';
import { canAdd } from './resume.rules.ts';
import type { EducationRow, ExperienceRow, LanguageRow, ResumeData, ResumeForm, SectionName } from './resume.types.ts';
import { zipKey } from './zipcodes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** More rows than this are not even read (the limits are 3/5/4; a crafted form gets its error from the rules). */
const MAX_ROWS_READ = 20;

export const emptyEducation = (): EducationRow => ({ school: '', department: '', degree: '', status: '', start: '', end: '' });
export const emptyExperience = (): ExperienceRow => ({ organization: '', jobTitle: '', status: '', start: '', end: '' });
export const emptyLanguage = (): LanguageRow => ({ language: '', listening: '', speaking: '', reading: '', writing: '' });
const EMPTY_ROW: Record<SectionName, () => Record<string, string>> = { education: emptyEducation, experience: emptyExperience, languages: emptyLanguage };

/** A first resume: one empty 學歷 row (at least one is required) and 聯絡Email = the account (RES-1). */
export function emptyForm(accountEmail: string): ResumeForm {
  return {
    basic: { chineseName: '', englishName: '', idNumber: '', gender: '', genderConfirmed: false, birthDate: '', phone: '', zip: '', street: '', email: accountEmail, identity: [] },
    education: [emptyEducation()],
    experience: [],
    languages: [],
    skills: '',
    autobiography: '',
    files: { stagedPhotoId: '', stagedAttachmentId: '', deletePhoto: false, replaceAttachment: false },
    importedFromHrdb: false,
    voidRequest: { email: '', birthDate: '' },
  };
}

/** The saved resume, put back into the form (dates in ROC form). */
export function formFromResume(data: ResumeData, accountEmail: string): ResumeForm {
  const b = data.basic;
  const form = emptyForm(accountEmail);
  form.basic = {
    chineseName: b.chineseName,
    englishName: b.englishName,
    idNumber: b.idNumber,
    gender: b.gender,
    // A saved gender that differs from the ID was confirmed when it was saved.
    genderConfirmed: true,
    birthDate: rocForForm(b.birthDate),
    phone: b.phone,
    zip: b.zip ? zipKey(b) : '',
    street: b.street,
    email: b.email || accountEmail,
    identity: [...b.identity],
  };
  form.education = data.education.length
    ? data.education.map((e) => ({ school: e.school, department: e.department, degree: e.degree, status: e.status, start: rocForForm(e.startDate), end: rocForForm(e.endDate) }))
    : [emptyEducation()];
  form.experience = data.experience.map((e) => ({ organization: e.organization, jobTitle: e.jobTitle, status: e.status, start: rocForForm(e.startDate), end: rocForForm(e.endDate) }));
  form.languages = data.languages.map((l) => ({ ...l }));
  form.skills = data.skills;
  form.autobiography = data.autobiography;
  return form;
}

function rowsOf<T extends Record<string, string>>(values: FormValues, section: SectionName): T[] {
  const re = new RegExp(`^${section}-(\\d{1,3})-`);
  const numbers = [...new Set(Object.keys(values).map((k) => re.exec(k)?.[1]).filter((n): n is string => n !== undefined))]
    .map(Number)
    .filter((n) => n >= 1)
    .sort((a, b) => a - b)
    .slice(0, MAX_ROWS_READ);
  return numbers.map((n) => Object.fromEntries(ROW_KEYS[section].map((k) => [k, valueOf(values, rowName(section, n, k))])) as T);
}

/** The form from a request body (urlencoded or multipart fields), every value as typed. */
export function readResumeForm(values: FormValues): ResumeForm {
  const v = (name: string) => valueOf(values, name);
  const id = (name: string) => (UUID.test(v(name)) ? v(name).toLowerCase() : '');
  return {
    basic: {
      chineseName: v('chineseName'),
      englishName: v('englishName'),
      idNumber: v('idNumber'),
      gender: v('gender'),
      genderConfirmed: valuesOf(values, 'genderConfirmed').includes('1'),
      birthDate: v('birthDate'),
      phone: v('phone'),
      zip: v('zip'),
      street: v('street'),
      email: v('email'),
      identity: valuesOf(values, 'identity'),
    },
    education: rowsOf<EducationRow>(values, 'education'),
    experience: rowsOf<ExperienceRow>(values, 'experience'),
    languages: rowsOf<LanguageRow>(values, 'languages'),
    skills: v('skills'),
    autobiography: v('autobiography'),
    files: {
      stagedPhotoId: id('stagedPhotoId'),
      stagedAttachmentId: id('stagedAttachmentId'),
      deletePhoto: v('deletePhoto') === '1',
      replaceAttachment: valuesOf(values, 'replaceAttachment').includes('1'),
    },
    importedFromHrdb: v('importedFromHrdb') === '1',
    voidRequest: { email: v('void-email'), birthDate: v('void-birthDate') },
  };
}

export type FormAction =
  | { kind: 'save' | 'upload' | 'delete-photo' | 'keep-photo' | 'discard-attachment' | 'void-account' | 'hrdb-import' | 'check-id' }
  | { kind: 'add'; section: SectionName }
  | { kind: 'remove' | 'up' | 'down'; section: SectionName; n: number };

/** The pressed button (`name="action"`); anything unknown, or none (Enter in a field), is 儲存履歷. */
export function parseAction(raw: string): FormAction {
  const simple = ['save', 'upload', 'delete-photo', 'keep-photo', 'discard-attachment', 'void-account', 'hrdb-import', 'check-id'] as const;
  const s = raw.trim();
  const found = simple.find((k) => k === s);
  if (found) return { kind: found };
  const m = /^(add|remove|up|down)-(education|experience|languages)(?:-(\d{1,2}))?$/.exec(s);
  if (!m) return { kind: 'save' };
  const section = m[2] as SectionName;
  if (m[1] === 'add') return { kind: 'add', section };
  const n = Number(m[3]);
  return Number.isInteger(n) && n >= 1 ? { kind: m[1] as 'remove' | 'up' | 'down', section, n } : { kind: 'save' };
}

/** Applies a row button. `refused` when adding would pass the limit (the form is returned unchanged). */
export function applyRowAction(form: ResumeForm, action: Extract<FormAction, { section: SectionName }>): { form: ResumeForm; refused: boolean } {
  const rows = [...(form[action.section] as Record<string, string>[])];
  if (action.kind === 'add') {
    if (!canAdd(action.section, rows.length)) return { form, refused: true };
    rows.push(EMPTY_ROW[action.section]());
  } else {
    const i = action.n - 1;
    if (i < 0 || i >= rows.length) return { form, refused: false };
    if (action.kind === 'remove') rows.splice(i, 1);
    const j = action.kind === 'up' ? i - 1 : i + 1;
    if (action.kind !== 'remove' && j >= 0 && j < rows.length) [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    if (action.section === 'education' && rows.length === 0) rows.push(emptyEducation());
  }
  return { form: { ...form, [action.section]: rows }, refused: false };
}
