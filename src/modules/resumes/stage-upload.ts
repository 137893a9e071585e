// Uploads on the resume form are staged (resume_uploads) until 儲存履歷 (RES-9, RES-10): the file is checked,
// stored under a fresh key, and its row's id travels with the form, so that the page can come back with errors
// without losing it. A newer upload of the same kind drops the older staged one.
import { newObjectKey } from '../../platform/storage/index.ts';
import { deleteFiles, type ResumeDeps } from './resume.deps.ts';
import { deleteUploads, insertUpload } from './resume.repo.ts';
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
  return row.id;
}
