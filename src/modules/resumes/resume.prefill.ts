// RES-4 seam: 從公務人力資料庫帶入相關資料. The hrdb module (after eCPA identity verification) turns what the
// civil-service HR database holds into a ResumeDraft and calls prefillFromDraft on the form; the result is
// rendered with renderResumeForm (resume.routes.tsx) and saved by the person with 儲存履歷 as usual — nothing is
// stored before that. Only what the draft has is filled; 學歷 keeps at most 3 rows and 經歷 at most 5
// (RES-4: education ≤ 3, experience ≤ 5), in the draft's order (highest / latest first). The hrdb module's
// `resumeImportFrom(person)` (src/modules/hrdb/hrdb.rules.ts) is a ResumeDraft as it is: 性別 男/女, the address
// in one line (270 宜蘭縣蘇澳鎮和平路一段121號), its degree names (副學士, 高中, 高職) mapped to the form's.
import { rocForForm } from './date.rules.ts';
import { SECTION_LIMITS } from './resume.limits.ts';
import type { EducationData, ExperienceData, ResumeForm } from './resume.types.ts';
import { streetWithoutArea, ZIPCODES, zipKey, type Zipcode } from './zipcodes.ts';

export interface ResumeDraft {
  basic?: {
    chineseName?: string;
    englishName?: string;
    idNumber?: string;
    gender?: 'M' | 'F' | '男' | '女';
    /** ISO YYYY-MM-DD */
    birthDate?: string;
    phone?: string;
    /** 3-digit 郵遞區號, with county and district when known (300 and 600 are shared). */
    zip?: string;
    county?: string;
    district?: string;
    street?: string;
    /** The whole address in one line, when zip/street are not given: 3-digit 郵遞區號, county, district, street. */
    address?: string;
    email?: string;
  };
  /** Dates ISO YYYY-MM-DD ('' when unknown). */
  education?: (Partial<Omit<EducationData, 'status'>> & { status?: string })[];
  experience?: (Partial<Omit<ExperienceData, 'status'>> & { status?: string })[];
}

/** The HR database's degree names as the form's 學位 choices. */
const DEGREE_ALIASES: Readonly<Record<string, string>> = { 副學士: '專科', 高中: '高中（職）', 高職: '高中（職）' };

/** 270 宜蘭縣蘇澳鎮和平路一段121號 → the zipcode row and the street after county and district. */
export function splitAddress(address: string): { zip: Zipcode; street: string } | null {
  const m = /^\s*(\d{3})(?:\d{2,3})?\s*(.*)$/su.exec(address);
  if (!m) return null;
  const rest = (m[2] ?? '').replace(/台/gu, '臺');
  const zip = ZIPCODES.find((z) => z.zip === m[1] && rest.startsWith(z.county + z.district)) ?? ZIPCODES.find((z) => z.zip === m[1] && !ZIPCODES.some((o) => o !== z && o.zip === z.zip));
  return zip ? { zip, street: streetWithoutArea(m[2] ?? '', zip) } : null;
}

/** The form with the draft's values put in (typed values the draft does not have are kept). */
export function prefillFromDraft(form: ResumeForm, draft: ResumeDraft): ResumeForm {
  const b = draft.basic ?? {};
  const basic = { ...form.basic };
  const set = <K extends keyof typeof basic>(key: K, value: (typeof basic)[K] | undefined) => {
    if (value !== undefined && value !== '') basic[key] = value;
  };
  set('chineseName', b.chineseName);
  set('englishName', b.englishName);
  set('idNumber', b.idNumber);
  set('gender', b.gender === '男' ? 'M' : b.gender === '女' ? 'F' : b.gender);
  set('birthDate', b.birthDate ? rocForForm(b.birthDate) : undefined);
  set('phone', b.phone);
  set('street', b.street);
  set('email', b.email);
  const zip = b.zip ? ZIPCODES.find((z) => z.zip === b.zip && (!b.county || z.county === b.county) && (!b.district || z.district === b.district)) : undefined;
  if (zip) basic.zip = zipKey(zip);
  const split = !zip && b.address ? splitAddress(b.address) : null;
  if (split) {
    basic.zip = zipKey(split.zip);
    set('street', split.street);
  } else if (!zip && b.address) set('street', b.address);
  const education = (draft.education ?? []).slice(0, SECTION_LIMITS.education.max).map((e) => ({
    school: e.school ?? '',
    department: e.department ?? '',
    degree: DEGREE_ALIASES[e.degree ?? ''] ?? e.degree ?? '',
    status: e.status ?? '',
    start: rocForForm(e.startDate ?? ''),
    end: rocForForm(e.endDate ?? ''),
  }));
  const experience = (draft.experience ?? []).slice(0, SECTION_LIMITS.experience.max).map((e) => ({
    organization: e.organization ?? '',
    jobTitle: e.jobTitle ?? '',
    status: e.status ?? '',
    start: rocForForm(e.startDate ?? ''),
    end: rocForForm(e.endDate ?? ''),
  }));
  return {
    ...form,
    basic,
    education: education.length ? education : form.education,
    experience: experience.length ? experience : form.experience,
    importedFromHrdb: true,
  };
}
