// Pure rules over HR-database people: who may bring data into a first resume (RES-4), who may use eCPA
// (ECPA-3), and which parts of the civil-service resume an agency asked for (AGY-4, GEN-2). No I/O, no clock.
import type { EmploymentType, HrEducation, HrExperience, HrPerson } from './hrdb.types.ts';

/** The contract/temporary kinds of RES-4 (聘用, 約僱). */
export const CONTRACT_TYPES: ReadonlySet<EmploymentType> = new Set<EmploymentType>(['聘用', '約僱']);
/** RES-5 / RES-6: a resume holds at most 3 education and 5 experience entries. */
export const MAX_EDUCATION = 3;
export const MAX_EXPERIENCE = 5;

/**
 * RES-4: the HR database knows this person as a former contract/temporary employee (聘用/約僱), so a first
 * resume may offer 從公務人力資料庫帶入相關資料.
 */
export function isFormerContractEmployee(person: Pick<HrPerson, 'status' | 'employmentType'> | null | undefined): boolean {
  return !!person && person.status === 'former' && CONTRACT_TYPES.has(person.employmentType);
}

export type EcpaIdentityRefusal = 'not-in-hrdb' | 'left-service';

/**
 * ECPA-3 (seed 002 三(3)(1)(2)): an eCPA identity must be in the HR database and in service. A person who left
 * (卸職) cannot sign in: 「非現職公務人員將無法登入本總處人事服務網」.
 */
export function ecpaIdentityRefusal(person: Pick<HrPerson, 'status'> | null | undefined): EcpaIdentityRefusal | null {
  if (!person) return 'not-in-hrdb';
  if (person.status !== 'current') return 'left-service';
  return null;
}

// ---- RES-4: what a first resume takes from the HR database ----

export interface ResumeImport {
  basic: {
    chineseName: string;
    idNumber: string;
    /** 男 / 女, as the resume shows it */
    gender: '男' | '女';
    birthDate: string;
    phone: string;
    address: string;
    email: string;
  };
  education: HrEducation[];
  experience: Omit<HrExperience, 'agencyCode' | 'employmentType'>[];
}

/** RES-4: basic data, education (≤ 3, highest first) and experience (≤ 5, newest first) for a first resume. */
export function resumeImportFrom(person: HrPerson): ResumeImport {
  return {
    basic: {
      chineseName: person.name,
      idNumber: person.nationalId,
      gender: person.gender === 'M' ? '男' : '女',
      birthDate: person.birthDate,
      phone: person.phone,
      address: person.address,
      email: person.email ?? '',
    },
    education: person.education.slice(0, MAX_EDUCATION).map((e) => ({ ...e })),
    experience: person.experience.slice(0, MAX_EXPERIENCE).map(({ organization, jobTitle, status, startDate, endDate }) => ({ organization, jobTitle, status, startDate, endDate })),
  };
}

// ---- AGY-4: the civil-service resume an agency asked for ----

/** The seven parts an agency may pick instead of 個人全部資料 (AGY-4), in the form's order. */
export const RESUME_SECTIONS = ['exams', 'ratings', 'rewards', 'skills', 'screenings', 'markers', 'trainings'] as const;
export type ResumeSectionKey = (typeof RESUME_SECTIONS)[number];

export const RESUME_SECTION_LABELS: Readonly<Record<ResumeSectionKey, string>> = {
  exams: '考試或晉升訓練/專門職業及技術人員資格',
  ratings: '考績(成)或成績考核',
  rewards: '獎懲',
  skills: '專長及語言能力',
  screenings: '檢覈/甄審',
  markers: '兵役/教師資格/身心障礙註記/原住民註記',
  trainings: '訓練及進修',
};

/** An inclusive ISO date range; an open end (undefined) means no limit on that side. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}
/** An inclusive range of Gregorian years. */
export interface YearRange {
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * AGY-4: 個人全部資料 with its optional 訓練日期區間, 獎懲日期區間, 考績年度區間 (empty means all), or any of the
 * seven parts.
 */
export type ResumeSelection =
  | { mode: 'all'; trainingDates?: DateRange; rewardDates?: DateRange; ratingYears?: YearRange }
  | { mode: 'sections'; sections: readonly ResumeSectionKey[] };

/** The civil-service resume of GEN-2: basic data, education and experience always; a part not asked for is null. */
export interface CivilServiceResume {
  basic: ResumeImport['basic'] & { agencyName: string; jobTitle: string; employmentType: EmploymentType; status: HrPerson['status'] };
  education: HrEducation[];
  experience: HrExperience[];
  exams: Pick<HrPerson, 'exams' | 'professionalQualifications'> | null;
  ratings: HrPerson['performanceRatings'] | null;
  rewards: HrPerson['rewardsAndPunishments'] | null;
  skills: Pick<HrPerson, 'skills' | 'languages'> | null;
  screenings: HrPerson['screenings'] | null;
  markers: Pick<HrPerson, 'military' | 'teacherQualification' | 'disability' | 'indigenous'> | null;
  trainings: HrPerson['trainings'] | null;
}

export function inDateRange(date: string, range: DateRange | undefined): boolean {
  if (!range) return true;
  if (range.from && date < range.from) return false;
  if (range.to && date > range.to) return false;
  return true;
}

export function inYearRange(year: number, range: YearRange | undefined): boolean {
  if (!range) return true;
  if (range.from !== undefined && year < range.from) return false;
  if (range.to !== undefined && year > range.to) return false;
  return true;
}

/** A training counts for a date range when its period overlaps the range. */
function trainingOverlaps(t: { startDate: string; endDate: string }, range: DateRange | undefined): boolean {
  if (!range) return true;
  const end = t.endDate || t.startDate;
  if (range.from && end < range.from) return false;
  if (range.to && t.startDate > range.to) return false;
  return true;
}

/** AGY-4 / GEN-2: the parts of `person` that `selection` asks for, with the date ranges applied. */
export function selectResumeSections(person: HrPerson, selection: ResumeSelection): CivilServiceResume {
  const wanted = (key: ResumeSectionKey) => selection.mode === 'all' || selection.sections.includes(key);
  const all = selection.mode === 'all' ? selection : null;
  const imported = resumeImportFrom(person);
  return {
    basic: { ...imported.basic, agencyName: person.agencyName, jobTitle: person.jobTitle, employmentType: person.employmentType, status: person.status },
    education: person.education.slice(0, MAX_EDUCATION).map((e) => ({ ...e })),
    experience: person.experience.slice(0, MAX_EXPERIENCE).map((e) => ({ ...e })),
    exams: wanted('exams') ? { exams: [...person.exams], professionalQualifications: [...person.professionalQualifications] } : null,
    ratings: wanted('ratings') ? person.performanceRatings.filter((r) => inYearRange(r.year, all?.ratingYears)) : null,
    rewards: wanted('rewards') ? person.rewardsAndPunishments.filter((r) => inDateRange(r.date, all?.rewardDates)) : null,
    skills: wanted('skills') ? { skills: [...person.skills], languages: [...person.languages] } : null,
    screenings: wanted('screenings') ? [...person.screenings] : null,
    markers: wanted('markers')
      ? { military: person.military, teacherQualification: person.teacherQualification, disability: person.disability, indigenous: person.indigenous }
      : null,
    trainings: wanted('trainings') ? person.trainings.filter((t) => trainingOverlaps(t, all?.trainingDates)) : null,
  };
}
