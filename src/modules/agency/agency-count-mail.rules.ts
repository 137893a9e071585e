// AGY-6 daily applicant counts, the pure part: which vacancies are due a mail today. No I/O, no clock of its own;
// dates are ISO 'YYYY-MM-DD' (Asia/Taipei).
import { isPublished } from '../vacancies/index.ts';

/** The facts of a vacancy the rule reads. */
export interface CountMailFacts {
  source: string;
  accessMode: string;
  reviewStatus: string;
  deletedAt: Date | null;
  takenDownAt: Date | null;
  validFrom: string;
  validTo: string;
  /** 聯絡E-mail. */
  vitaeEmail: string;
}

/** Modes whose 聯絡E-mail gets the daily count: 須具 (civil_service) and 不須具 (open). */
export const COUNT_MAIL_MODES: readonly string[] = ['civil_service', 'open'];
/** Sources never mailed: their addresses are real officials' (demo data, the open-data import). */
export const COUNT_MAIL_SILENT_SOURCES: readonly string[] = ['demo', 'opendata_import'];

/**
 * Due today: published today (approved, not deleted, not taken down, inside its validity), mode 須具 or 不須具, a
 * 聯絡E-mail, a source that may be mailed, at least one active (not cancelled) application, and not yet mailed today.
 */
export function countMailDue(v: CountMailFacts, activeApplicants: number, lastSentOn: string | null, today: string): boolean {
  if (COUNT_MAIL_SILENT_SOURCES.includes(v.source)) return false;
  if (!COUNT_MAIL_MODES.includes(v.accessMode)) return false;
  if (v.vitaeEmail.trim() === '') return false;
  if (!isPublished(v, today)) return false;
  if (activeApplicants < 1) return false;
  return lastSentOn === null || lastSentOn < today;
}
