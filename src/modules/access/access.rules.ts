// Rules of 調閱履歷 / 調閱簡歷 / 匯出聯絡資訊 (ACS-1..ACS-4). Pure.
import { passwordProblems, type PasswordProblem } from '../../platform/tw/password-rule.ts';

/** ACS-2: 每次調閱最多僅能調閱10個人員之履歷. */
export const MAX_ARCHIVE = 10;
/** ACS-1: rows per page of the applicant list. */
export const APPLICANTS_PAGE_SIZE = 50;

/** ACS-1: an ID number masked as A1234***** (the first five characters kept). */
export function maskId(id: string): string {
  if (!id) return '';
  return id.slice(0, 5) + '*'.repeat(Math.max(0, id.length - 5));
}

/** The 身分證字號 filter as typed: upper case, half-width letters and digits only, at most 10. */
export function normaliseIdFilter(v: unknown): string {
  if (typeof v !== 'string') return '';
  return v
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 10);
}

export interface ArchiveCandidate {
  id: string;
  status: string;
  resumeFileState: string;
}

/** Why 調閱履歷 was refused, by field (the texts are in access.messages.ts, zh-TW and English). */
export interface ArchiveErrors {
  app?: { code: 'none' | 'notActive' | 'notReady' } | { code: 'tooMany'; max: number; count: number };
  password?: { code: 'empty' } | { code: 'rule'; problems: PasswordProblem[] };
}

export type ArchiveCheck = { ok: true; ids: string[] } | { ok: false; errors: ArchiveErrors };

/**
 * ACS-2: the ticked ids (each once, at most 10, each an active application of the vacancy with its resume file ready)
 * and the archive password (the ACC-1 rule). `found` holds the applications of this vacancy among the ticked ids.
 */
export function checkArchive(ticked: readonly string[], password: string, found: ReadonlyMap<string, ArchiveCandidate>): ArchiveCheck {
  const ids = [...new Set(ticked)];
  const errors: ArchiveErrors = {};
  if (ids.length === 0) errors.app = { code: 'none' };
  else if (ids.length > MAX_ARCHIVE) errors.app = { code: 'tooMany', max: MAX_ARCHIVE, count: ids.length };
  else if (ids.some((id) => found.get(id)?.status !== 'active')) errors.app = { code: 'notActive' };
  else if (ids.some((id) => found.get(id)?.resumeFileState !== 'ready')) errors.app = { code: 'notReady' };
  const problems = passwordProblems(password);
  if (password === '') errors.password = { code: 'empty' };
  else if (problems.length) errors.password = { code: 'rule', problems };
  return errors.app || errors.password ? { ok: false, errors } : { ok: true, ids };
}

/** ACS-2: the neutral names inside the archive (file names in a zip are not encrypted: no personal names). */
export function archiveNames(index: number, attachmentName: string | null): { resume: string; attachment: string } {
  const n = String(index + 1).padStart(2, '0');
  const ext = attachmentName?.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? 'bin';
  return { resume: `${n}-resume.pdf`, attachment: `${n}-attachment.${ext}` };
}
