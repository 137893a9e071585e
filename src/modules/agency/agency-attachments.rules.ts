// 職缺相關附件 (AGY-2): what the form may hold. Pure.
import type { AllowedKind } from '../../platform/storage/index.ts';

export const MAX_ATTACHMENTS = 5;
/** PDF, DOCX, ODT, XLSX, ODS, JPG, PNG — decided from the bytes (platform sniffUpload, ADR 0007). */
export const ATTACHMENT_KINDS: readonly AllowedKind[] = ['pdf', 'docx', 'odt', 'xlsx', 'ods', 'jpeg', 'png'];
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.odt,.xlsx,.ods,.jpg,.jpeg,.png';
/** Staged files older than this are never used again (the form is opened afresh) and are purged. */
export const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

/** The form's hidden `staged` ids and ticked `removeAttachment` ids, as UUIDs only (anything else is dropped). */
export function idList(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
  return [...new Set(list.filter((s) => uuid.test(s)))].slice(0, 20);
}

/** How many new files still fit beside the ones kept (stored and not removed, plus staged). */
export function roomFor(kept: number): number {
  return Math.max(0, MAX_ATTACHMENTS - kept);
}
