// 職缺相關附件 on the 機關徵才登錄 form (AGY-2): up to 5 files, checked by content (platform sniffUpload, ADR 0007),
// 10 MB each (UPLOAD_LIMIT_BYTES). A file chosen on the form is staged at once (agency_staged_uploads + storage), and
// its id travels in a hidden field, so a page that comes back with errors keeps it; 送出 moves the staged files into
// vacancy_attachments and removes the ticked ones, with an audit row each, in the transaction of the save.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import type { IncomingFile } from '../../platform/http/multipart.ts';
import { newObjectKey, safeDownloadName, sniffUpload, type Storage } from '../../platform/storage/index.ts';
import { listAttachments, vacancyAttachments, type AttachmentRow } from '../vacancies/index.ts';
import { ATTACHMENT_KINDS, idList, MAX_ATTACHMENTS, roomFor, STAGED_TTL_MS } from './agency-attachments.rules.ts';
import { agencyStagedUploads } from './agency.schema.ts';

export interface AttachmentDeps {
  db: Db;
  storage: Storage;
  uploadLimitBytes: number;
}

export interface StagedFile {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
}

/** The form's attachments: the vacancy's stored files, those ticked for removal (on 送出), and staged new ones. */
export interface AttachmentState {
  staffId: string;
  stored: AttachmentRow[];
  removed: string[];
  staged: StagedFile[];
}

export const emptyAttachments = (staffId: string): AttachmentState => ({ staffId, stored: [], removed: [], staged: [] });

const stagedColumns = { id: agencyStagedUploads.id, originalName: agencyStagedUploads.originalName, contentType: agencyStagedUploads.contentType, size: agencyStagedUploads.size, fileKey: agencyStagedUploads.fileKey };

/** The vacancy's stored attachments (for the edit form as first shown). */
export async function storedAttachments(db: Db, staffId: string, vacancyId: string): Promise<AttachmentState> {
  return { ...emptyAttachments(staffId), stored: await listAttachments(db, vacancyId) };
}

/**
 * Reads the attachment part of a posted form: drops staged files ticked 移除, stages the new files that pass the
 * checks and fit (5 in all), and says what was refused — one message for the field (「a.exe：檔案格式不符…」).
 */
export async function collectAttachments(
  deps: AttachmentDeps,
  input: { staffId: string; vacancyId: string | null; values: FormValues; files: readonly IncomingFile[]; tooManyFiles: boolean; now: Date },
): Promise<{ state: AttachmentState; error: string | null }> {
  const stored = input.vacancyId ? await listAttachments(deps.db, input.vacancyId) : [];
  const ticked = new Set(idList(input.values.removeAttachment));
  const removed = stored.filter((a) => ticked.has(a.id)).map((a) => a.id);
  const stagedIds = idList(input.values.staged);
  const carried = stagedIds.length
    ? await deps.db.select(stagedColumns).from(agencyStagedUploads).where(and(eq(agencyStagedUploads.staffId, input.staffId), inArray(agencyStagedUploads.id, stagedIds)))
    : [];
  const drop = carried.filter((s) => ticked.has(s.id));
  await discardStaged(deps, input.staffId, drop.map((s) => s.id));
  const staged: StagedFile[] = carried.filter((s) => !ticked.has(s.id)).map(({ fileKey: _k, ...s }) => s);

  const errors: string[] = [];
  let room = roomFor(stored.length - removed.length + staged.length);
  for (const file of input.files) {
    const name = Array.from(file.filename.split(/[\\/]/u).pop() ?? '').slice(0, 100).join('') || '檔案';
    if (room === 0) {
      errors.push(`${name}：職缺相關附件最多 ${MAX_ATTACHMENTS} 個檔案`);
      continue;
    }
    const sniffed = file.truncated
      ? ({ ok: false, message: `檔案大小超過 ${Math.round(deps.uploadLimitBytes / 1024 / 1024)} MB` } as const)
      : await sniffUpload(file.bytes, { allowed: ATTACHMENT_KINDS, maxBytes: deps.uploadLimitBytes });
    if (!sniffed.ok) {
      errors.push(`${name}：${sniffed.message}`);
      continue;
    }
    const key = newObjectKey('vacancies/attachments', input.now);
    await deps.storage.put(key, file.bytes, { contentType: sniffed.mime });
    const originalName = safeDownloadName(file.filename, sniffed.ext);
    const [row] = await deps.db
      .insert(agencyStagedUploads)
      .values({ staffId: input.staffId, fileKey: key, originalName, contentType: sniffed.mime, size: file.bytes.byteLength, createdAt: input.now })
      .returning(stagedColumns);
    staged.push({ id: row!.id, originalName, contentType: sniffed.mime, size: file.bytes.byteLength });
    room--;
  }
  if (input.tooManyFiles) errors.push(`職缺相關附件最多 ${MAX_ATTACHMENTS} 個檔案，一次最多選 ${MAX_ATTACHMENTS} 個`);
  return { state: { staffId: input.staffId, stored, removed, staged }, error: errors.length ? errors.join('；') : null };
}

/**
 * 送出: inside the save's transaction, the staged files become the vacancy's attachments and the ticked ones are
 * removed, each with an audit row (vacancy.attachment_add / vacancy.attachment_remove). Returns the storage keys
 * of the removed files, to delete once committed.
 */
export async function commitAttachments(tx: Queryable, actor: Actor, vacancy: { id: string; workId: string }, state: AttachmentState): Promise<string[]> {
  const subject = { kind: 'vacancy', id: vacancy.id };
  const removedKeys: string[] = [];
  if (state.removed.length) {
    const rows = await tx
      .delete(vacancyAttachments)
      .where(and(eq(vacancyAttachments.vacancyId, vacancy.id), inArray(vacancyAttachments.id, state.removed)))
      .returning({ id: vacancyAttachments.id, fileKey: vacancyAttachments.fileKey, originalName: vacancyAttachments.originalName });
    for (const r of rows) {
      removedKeys.push(r.fileKey);
      await recordAudit(tx, actor, 'vacancy.attachment_remove', subject, { workId: vacancy.workId, attachment: r.id, name: r.originalName });
    }
  }
  if (state.staged.length) {
    const moved = await tx
      .delete(agencyStagedUploads)
      .where(and(eq(agencyStagedUploads.staffId, state.staffId), inArray(agencyStagedUploads.id, state.staged.map((s) => s.id))))
      .returning(stagedColumns);
    for (const s of moved) {
      const [row] = await tx
        .insert(vacancyAttachments)
        .values({ vacancyId: vacancy.id, fileKey: s.fileKey, originalName: s.originalName, contentType: s.contentType, size: s.size })
        .returning({ id: vacancyAttachments.id });
      await recordAudit(tx, actor, 'vacancy.attachment_add', subject, { workId: vacancy.workId, attachment: row!.id, name: s.originalName, type: s.contentType, size: s.size });
    }
  }
  return removedKeys;
}

/** Deletes stored files once the change that dropped them has committed (a failure leaves an orphan, not an error). */
export async function deleteFiles(storage: Storage, keys: readonly string[]): Promise<void> {
  for (const key of keys) await storage.delete(key).catch(() => undefined);
}

async function discardStaged(deps: Pick<AttachmentDeps, 'db' | 'storage'>, staffId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await deps.db
    .delete(agencyStagedUploads)
    .where(and(eq(agencyStagedUploads.staffId, staffId), inArray(agencyStagedUploads.id, [...ids])))
    .returning({ fileKey: agencyStagedUploads.fileKey });
  await deleteFiles(deps.storage, rows.map((r) => r.fileKey));
}

/** The hourly purge of staged files older than a day (rows and bytes). */
export async function purgeStagedAttachments(deps: Pick<AttachmentDeps, 'db' | 'storage'>, now: Date): Promise<number> {
  const rows = await deps.db
    .delete(agencyStagedUploads)
    .where(lt(agencyStagedUploads.createdAt, new Date(now.getTime() - STAGED_TTL_MS)))
    .returning({ fileKey: agencyStagedUploads.fileKey });
  await deleteFiles(deps.storage, rows.map((r) => r.fileKey));
  return rows.length;
}
