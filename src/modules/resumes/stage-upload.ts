// Uploads on the resume form are staged (resume_uploads) until 儲存履歷 (RES-9, RES-10): the file is checked,
// stored under a fresh key, and its row's id travels with the form, so that the page can come back with errors
// without losing it. A newer upload of the same kind drops the older staged one.
// Bounded (issue 9 item 5): a person keeps at most MAX_STAGED_PER_PERSON staged files — a further upload replaces
// the oldest (the newest photo and the newest attachment, which the form refers to, are always kept); staged files
// older than STAGED_TTL_MS are purged by the hourly maintenance (purgeExpiredStagedUploads).
import { newObjectKey } from '../../platform/storage/index.ts';
import { deleteFiles, type ResumeDeps } from './resume.deps.ts';
import { and, desc, eq, lt } from 'drizzle-orm';
import { deleteUploads, insertUpload } from './resume.repo.ts';
import { resumeUploads } from './resume.schema.ts';
import { checkAttachment, cleanFileName, preparePhoto, type AttachmentRefusal, type IncomingFile, type PhotoRefusal } from './uploads.rules.ts';

export type StageResult<R> = { ok: true; id: string; name: string } | { ok: false; reason: R };

export async function stagePhoto(deps: ResumeDeps, input: { applicantId: string; file: IncomingFile; replaces: string }): Promise<StageResult<PhotoRefusal>> {
  const photo = await preparePhoto(input.file);
  if (!photo.ok) return photo;
  const name = cleanFileName(input.file.filename);
  const id = await store(deps, input.applicantId, 'photo', { bytes: photo.bytes, contentType: photo.contentType, name }, input.replaces);
  return { ok: true, id, name };
}

export async function stageAttachment(deps: ResumeDeps, input: { applicantId: string; file: IncomingFile; replaces: string }): Promise<StageResult<AttachmentRefusal>> {
  const checked = await checkAttachment(input.file, deps.uploadLimitBytes);
  if (!checked.ok) return checked;
  const name = cleanFileName(input.file.filename);
  const id = await store(deps, input.applicantId, 'attachment', { bytes: input.file.bytes, contentType: checked.contentType, name }, input.replaces);
  return { ok: true, id, name };
}

/** Drops a staged upload of the applicant (取消新上傳的附件, 刪除照片); another person's id does nothing. */
export async function discardUpload(deps: ResumeDeps, input: { applicantId: string; id: string }): Promise<void> {
  if (!input.id) return;
  const keys = await deleteUploads(deps.db, input.applicantId, { ids: [input.id] });
  await deleteFiles(deps.storage, keys);
}

async function store(
  deps: ResumeDeps,
  applicantId: string,
  kind: 'photo' | 'attachment',
  file: { bytes: Buffer; contentType: string; name: string },
  replaces: string,
): Promise<string> {
  const now = deps.clock.now();
  const key = newObjectKey(kind === 'photo' ? 'resumes/photos' : 'resumes/attachments', now);
  await deps.storage.put(key, file.bytes, { contentType: file.contentType });
  const row = await insertUpload(deps.db, { applicantId, kind, fileKey: key, originalName: file.name, contentType: file.contentType, size: file.bytes.byteLength, now });
  if (replaces) await discardUpload(deps, { applicantId, id: replaces });
  await capStagedUploads(deps, applicantId);
  return row.id;
}

export const MAX_STAGED_PER_PERSON = 4;
/** Staged uploads older than this are never used (the form is opened afresh) and are purged. */
export const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

/** Keeps the newest MAX_STAGED_PER_PERSON staged files of the person (and the newest of each kind). */
export async function capStagedUploads(deps: Pick<ResumeDeps, 'db' | 'storage'>, applicantId: string): Promise<number> {
  const rows = await deps.db
    .select({ id: resumeUploads.id, kind: resumeUploads.kind })
    .from(resumeUploads)
    .where(eq(resumeUploads.applicantId, applicantId))
    .orderBy(desc(resumeUploads.createdAt), desc(resumeUploads.id));
  const keep = new Set<string>();
  for (const kind of ['photo', 'attachment'] as const) {
    const newest = rows.find((r) => r.kind === kind);
    if (newest) keep.add(newest.id);
  }
  for (const r of rows) if (keep.size < MAX_STAGED_PER_PERSON) keep.add(r.id);
  const drop = rows.filter((r) => !keep.has(r.id)).map((r) => r.id);
  if (drop.length === 0) return 0;
  const keys = await deleteUploads(deps.db, applicantId, { ids: drop });
  await deleteFiles(deps.storage, keys);
  return keys.length;
}

/** The hourly purge of every person's staged uploads older than STAGED_TTL_MS (rows and files). */
export async function purgeExpiredStagedUploads(deps: Pick<ResumeDeps, 'db' | 'storage' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - STAGED_TTL_MS);
  const rows = await deps.db.delete(resumeUploads).where(and(lt(resumeUploads.createdAt, before))).returning({ fileKey: resumeUploads.fileKey });
  await deleteFiles(deps.storage, rows.map((r) => r.fileKey));
  return rows.length;
}
