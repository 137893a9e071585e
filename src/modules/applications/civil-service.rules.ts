// Pure rules of the civil-service path (ECPA-5 DK 職缺應徵, GEN-2/GEN-3 batches): which jobs a civil servant may
// apply to, the consent, the HR person mapped into the application's frozen snapshot, the vacancy's AGY-4
// selection, the batch hours and the reasons a batch file fails. No I/O, no clock of their own.
import type { HrPerson, ResumeSelection, ResumeSectionKey } from '../hrdb/index.ts';
import type { ResumeData } from '../resumes/index.ts';
import type { ApplyRefusal, VacancyFacts } from './application.rules.ts';
import type { ResumeSnapshot } from './application.types.ts';

/** The authorization a civil servant ticks in DK (ECPA-5, issue 13 item 4), stored as the consent version. */
export const DK_CONSENT_VERSION = 'dk-v1';
export const DK_CONSENT_TEXT = '授權同意開放履歷給徵才機關調閱';

/** May a civil servant apply to this job in DK today? Only published 須具 (civil_service) jobs inside their validity. */
export function dkApplyRefusal(v: VacancyFacts | null, today: string): ApplyRefusal | null {
  if (!v) return 'not-found';
  if (v.deletedAt || v.takenDownAt) return 'deleted';
  if (v.accessMode !== 'civil_service') return 'not-open';
  if (v.reviewStatus !== 'approved' || today < v.validFrom) return 'not-published';
  if (today > v.validTo) return 'expired';
  return null;
}

/** GEN-2: 01:00, 07:00, 13:00, 19:00 Asia/Taipei (the job's schedule is evaluated in Asia/Taipei). */
export const RESUME_BATCH_CRON = '0 1,7,13,19 * * *';
export const RESUME_BATCH_HOURS: readonly number[] = [1, 7, 13, 19];

/** The next batch time after `now` (for the civil servant's page: 「履歷將於 … 產製」). */
export function nextBatchAt(now: Date): Date {
  // Taipei is UTC+8 without daylight saving time.
  const taipei = new Date(now.getTime() + 8 * 3600_000);
  const day = Date.UTC(taipei.getUTCFullYear(), taipei.getUTCMonth(), taipei.getUTCDate());
  for (let d = 0; d < 2; d++) {
    for (const h of RESUME_BATCH_HOURS) {
      const at = new Date(day + d * 86_400_000 + h * 3600_000 - 8 * 3600_000);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Why a batch could not produce a civil servant's file; stored as `resume_file_last_error`, shown to the agency. */
export type BatchFailure = 'hrdb-not-found' | 'hrdb-left-service';
export const BATCH_FAILURES: readonly BatchFailure[] = ['hrdb-not-found', 'hrdb-left-service'];
export function batchFailureOf(lastError: string | null): BatchFailure | null {
  return BATCH_FAILURES.find((f) => f === lastError) ?? null;
}

/** The AGY-4 labels of the agency form (CS_SECTIONS in the agency module) → the hrdb part keys. */
const SECTION_KEYS: Readonly<Record<string, ResumeSectionKey>> = {
  '考試或晉升訓練/專門職業及技術人員資格': 'exams',
  '考績(成)或成績考核': 'ratings',
  獎懲: 'rewards',
  專長及語言能力: 'skills',
  '檢覈/甄審': 'screenings',
  '兵役/教師資格/身心障礙註記/原住民註記': 'markers',
  訓練及進修: 'trainings',
};

const isoOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
/** 考績年度 is typed as a 民國 year (e.g. 110). */
const rocYear = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n > 0 ? n + 1911 : undefined;
};

/**
 * AGY-4 as stored on the vacancy (`civil_service_sections`: { all, trainFrom, trainTo, rewardFrom, rewardTo,
 * appraisalFrom, appraisalTo, sections }) → the hrdb selection. 個人全部資料 with its date ranges, else the parts
 * ticked. Nothing usable (an imported job without the column) → 個人全部資料.
 */
export function resumeSelectionOf(cs: Record<string, unknown> | null | undefined): ResumeSelection {
  const sections = Array.isArray(cs?.sections) ? cs.sections.flatMap((s) => (typeof s === 'string' && SECTION_KEYS[s] ? [SECTION_KEYS[s]] : [])) : [];
  if (!cs || cs.all === true || sections.length === 0) {
    return {
      mode: 'all',
      trainingDates: { from: isoOrUndefined(cs?.trainFrom), to: isoOrUndefined(cs?.trainTo) },
      rewardDates: { from: isoOrUndefined(cs?.rewardFrom), to: isoOrUndefined(cs?.rewardTo) },
      ratingYears: { from: rocYear(cs?.appraisalFrom), to: rocYear(cs?.appraisalTo) },
    };
  }
  return { mode: 'sections', sections: [...new Set(sections)] };
}

/** What ties a civil servant's application to the HR database (kept in the snapshot). */
export interface HrdbOrigin {
  kind: 'hrdb';
  personId: string;
}

/**
 * The frozen snapshot of a civil servant's application (APP-3's shape, so the agency's 調閱簡歷, contact export and
 * notices read it unchanged): the HR person's basic data, education, experience, languages and skills at 確定應徵.
 * The resume file itself is produced later from the HR database as it is at batch time (GEN-2).
 */
export function hrdbSnapshot(person: HrPerson, input: { email: string; at: Date; attachmentName: string | null }): ResumeSnapshot {
  const identity: ResumeData['basic']['identity'] = [];
  if (person.disability) identity.push('身心障礙');
  if (person.indigenous) identity.push('原住民');
  const data: ResumeData = {
    basic: {
      chineseName: person.name,
      englishName: '',
      idNumber: person.nationalId,
      gender: person.gender,
      birthDate: person.birthDate,
      phone: person.phone,
      zip: '',
      county: '',
      district: '',
      street: person.address,
      email: input.email,
      identity,
    },
    education: person.education.slice(0, 3).map(({ school, department, degree, status, startDate, endDate }) => ({ school, department, degree, status, startDate, endDate })),
    experience: person.experience.slice(0, 5).map(({ organization, jobTitle, status, startDate, endDate }) => ({ organization, jobTitle, status, startDate, endDate })),
    languages: person.languages.map((l) => ({ language: l.language, listening: l.level, speaking: l.level, reading: l.level, writing: l.level })),
    skills: person.skills.join('、'),
    autobiography: '',
  };
  return { v: 1, resumeId: `hrdb:${person.personId}`, savedAt: input.at.toISOString(), data, attachmentName: input.attachmentName, origin: { kind: 'hrdb', personId: person.personId } };
}

/** 我的簡歷 (ECPA-5): the short summary of the HR person a civil servant sees before applying. */
export interface CivilServantSummary {
  name: string;
  agencyName: string;
  jobTitle: string;
  employmentType: string;
  email: string;
  highestEducation: string;
  currentPost: string;
  exams: string[];
}

export function civilServantSummary(person: HrPerson, email: string): CivilServantSummary {
  const edu = person.education[0];
  const post = person.experience.find((e) => e.status === '在職') ?? person.experience[0];
  return {
    name: person.name,
    agencyName: person.agencyName,
    jobTitle: person.jobTitle,
    employmentType: person.employmentType,
    email,
    highestEducation: edu ? `${edu.school} ${edu.department} ${edu.degree}（${edu.status}）` : '',
    currentPost: post ? `${post.organization} ${post.jobTitle}` : '',
    exams: person.exams.map((e) => `${e.name}${e.category ? ` ${e.category}` : ''}`),
  };
}
