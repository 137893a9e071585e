// Pure rules of applying (APP-*, GEN-1): no I/O, no clock of their own. Dates are ISO 'YYYY-MM-DD' (Taipei).
import { createHash } from 'node:crypto';

/** The authorization text an applicant ticks (APP-2) and its version, stored with each application (APP-7). */
export const CONSENT_VERSION = 'v1';
export const CONSENT_TEXT = '本人同意並授權人事總處取得完整履歷資料，提供予所應徵職缺之徵才機關，作為甄選作業使用。';

/** The facts of a vacancy the rules read. */
export interface VacancyFacts {
  accessMode: string;
  reviewStatus: string;
  deletedAt: Date | null;
  /** 下架 by the back office (ADM-1): to the applicant the same as 刪除 (APP-4). */
  takenDownAt: Date | null;
  validFrom: string;
  validTo: string;
}

export type ApplyRefusal = 'not-found' | 'not-open' | 'deleted' | 'expired' | 'not-published';

/** May a job be applied to online today? Only published 不須具 (open) jobs inside their validity (APP-2). */
export function applyRefusal(v: VacancyFacts | null, today: string): ApplyRefusal | null {
  if (!v) return 'not-found';
  if (v.deletedAt || v.takenDownAt) return 'deleted';
  if (v.accessMode !== 'open') return 'not-open';
  if (v.reviewStatus !== 'approved' || today < v.validFrom) return 'not-published';
  if (today > v.validTo) return 'expired';
  return null;
}

/** 已刪除 / 已到期 / 刊登中, derived from the vacancy (APP-4): deleted by the agency or taken down by the back office (ADM-1) → 已刪除. */
export type VacancyState = 'deleted' | 'expired' | 'open';
type StateFacts = Pick<VacancyFacts, 'deletedAt' | 'takenDownAt' | 'validTo'>;
export function vacancyState(v: StateFacts, today: string): VacancyState {
  if (v.deletedAt || v.takenDownAt) return 'deleted';
  if (today > v.validTo) return 'expired';
  return 'open';
}

/** The attachment sent with an application may be downloaded only while the job is neither deleted (or taken down) nor expired (APP-4). */
export function mayDownloadAttachment(app: { attachmentKey: string | null }, v: StateFacts, today: string): boolean {
  return app.attachmentKey !== null && vacancyState(v, today) === 'open';
}

export type CancelRefusal = 'not-active' | 'vacancy-deleted' | 'vacancy-expired';

/** 取消應徵 (APP-5): only an active application of a job still open. */
export function cancelRefusal(app: { status: string }, v: StateFacts, today: string): CancelRefusal | null {
  if (app.status !== 'active') return 'not-active';
  const state = vacancyState(v, today);
  if (state === 'deleted') return 'vacancy-deleted';
  if (state === 'expired') return 'vacancy-expired';
  return null;
}

/** 'YYYY-MM-DD' plus n calendar months (the day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** APP-6: an applicant may delete a record 12 months after the job's validity ended. */
export const DELETABLE_AFTER_MONTHS = 12;
export function mayDeleteRecord(v: Pick<VacancyFacts, 'validTo'>, today: string): boolean {
  return today >= addMonths(v.validTo, DELETABLE_AFTER_MONTHS);
}

/** SYS-3: records of jobs whose validity ended before this date are purged (APPLICATION_RETENTION_MONTHS). */
export function retentionCutoff(today: string, months: number): string {
  return addMonths(today, -months);
}

/** The plain-language status line of 我的應徵 (issue 11 item 7). */
export type StatusStep = 'cancelled' | 'sent' | 'viewed';
export function statusStep(app: { status: string; viewedAt: Date | null }): StatusStep {
  if (app.status === 'cancelled') return 'cancelled';
  return app.viewedAt ? 'viewed' : 'sent';
}

/** GEN-1: delay before the n-th retry of a failed resume file (seconds): 30 s, 2 min, 8 min, … capped at 1 h. */
export const RESUME_FILE_MAX_ATTEMPTS = 5;
export function retryDelaySeconds(attempt: number): number {
  return Math.min(3600, 30 * 4 ** Math.max(0, attempt - 1));
}

/**
 * The layout of the resume PDF (platform/pdf renderResumePdf). A change that alters what the file shows moves it, so
 * that applications made afterwards get a file of their own instead of sharing one made before.
 */
export const RESUME_PDF_LAYOUT = 1;

/**
 * GEN-1: what an application's resume PDF is made from, as one digest: the frozen resume (every section), the name
 * of the attachment sent with it, and the photo (its storage key: an upload always gets a new key). An applicant who
 * applies to several jobs with the same resume (APP-2 「該次應徵了哪些職缺」, or one job now and another tomorrow)
 * gets one file, produced once and shared by those applications; any change to the resume makes a new one. The
 * file's 製表時間 is the time of the application it was first made for.
 */
export function resumeFileDigest(input: { data: unknown; attachmentName: string | null; photoKey: string | null }): string {
  const text = JSON.stringify([RESUME_PDF_LAYOUT, input.data, input.attachmentName, input.photoKey]);
  return createHash('sha256').update(text).digest('base64url');
}

/** A 'producing' row whose worker has not finished in this time is taken to have crashed (GEN-3). */
export const PRODUCING_STALE_MS = 5 * 60_000;

/** The jobs of one 確定應徵: each work id once, in the order given, at most MAX_BASKET. */
export const MAX_BASKET = 20;
export function basketOf(ids: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (typeof id === 'string' && /^\d{10}$/.test(id) && !out.includes(id)) out.push(id);
    if (out.length >= MAX_BASKET) break;
  }
  return out;
}
