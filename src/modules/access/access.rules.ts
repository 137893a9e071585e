// Rules of 調閱履歷 / 調閱簡歷 / 匯出聯絡資訊 (ACS-1..ACS-4). Pure.
import { passwordMessages } from '../../platform/tw/password-rule.ts';

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

export type ArchiveCheck = { ok: true; ids: string[] } | { ok: false; errors: { app?: string; password?: string } };

/**
 * ACS-2: the ticked ids (each once, at most 10, each an active application of the vacancy with its resume file ready)
 * and the archive password (the ACC-1 rule). `found` holds the applications of this vacancy among the ticked ids.
 */
export function checkArchive(ticked: readonly string[], password: string, found: ReadonlyMap<string, ArchiveCandidate>): ArchiveCheck {
  const ids = [...new Set(ticked)];
  const errors: { app?: string; password?: string } = {};
  if (ids.length === 0) errors.app = '請勾選要調閱履歷的人員';
  else if (ids.length > MAX_ARCHIVE) errors.app = `※ 每次調閱最多僅能調閱${MAX_ARCHIVE}個人員之履歷（您勾選了 ${ids.length} 位）`;
  else if (ids.some((id) => found.get(id)?.status !== 'active')) errors.app = '勾選的人員中有已取消應徵或不屬於本職缺者，請重新勾選';
  else if (ids.some((id) => found.get(id)?.resumeFileState !== 'ready')) errors.app = '勾選的人員中有履歷資料產製中者，請稍後再調閱';
  const pw = passwordMessages(password);
  if (password === '') errors.password = '請設定壓縮檔密碼';
  else if (pw.length) errors.password = pw.join('；');
  return errors.app || errors.password ? { ok: false, errors } : { ok: true, ids };
}

/** ACS-2: the neutral names inside the archive (file names in a zip are not encrypted: no personal names). */
export function archiveNames(index: number, attachmentName: string | null): { resume: string; attachment: string } {
  const n = String(index + 1).padStart(2, '0');
  const ext = attachmentName?.match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? 'bin';
  return { resume: `${n}-resume.pdf`, attachment: `${n}-attachment.${ext}` };
}
