// The owner's own files (RES-9, RES-10, SYS-4): the saved photo and attachment, and a staged photo. Every
// lookup is by the signed-in applicant, so another person's file is simply not found (404).
import { recordAudit } from '../../platform/audit/audit.ts';
import { safeDownloadName } from '../../platform/storage/index.ts';
import type { ResumeActor, ResumeDeps } from './resume.deps.ts';
import { findResume, findUpload } from './resume.repo.ts';

export interface FileOut {
  bytes: Buffer;
  contentType: string;
  /** A safe download name (attachments only). */
  downloadName?: string;
}

export async function readSavedPhoto(deps: ResumeDeps, applicantId: string): Promise<FileOut | null> {
  const row = await findResume(deps.db, applicantId);
  if (!row?.photoKey) return null;
  const bytes = await deps.storage.getBuffer(row.photoKey);
  return bytes ? { bytes, contentType: 'image/jpeg' } : null;
}

export async function readStagedPhoto(deps: ResumeDeps, applicantId: string, uploadId: string): Promise<FileOut | null> {
  const up = await findUpload(deps.db, applicantId, uploadId, 'photo');
  if (!up) return null;
  const bytes = await deps.storage.getBuffer(up.fileKey);
  return bytes ? { bytes, contentType: up.contentType } : null;
}

/** 證照資格/作品附件 download (the latest saved one), audited. */
export async function downloadAttachment(deps: ResumeDeps, actor: ResumeActor): Promise<FileOut | null> {
  const row = await findResume(deps.db, actor.applicantId);
  if (!row?.attachmentKey) return null;
  const bytes = await deps.storage.getBuffer(row.attachmentKey);
  if (!bytes) return null;
  const contentType = row.attachmentType ?? 'application/octet-stream';
  await recordAudit(deps.db, { kind: 'applicant', id: actor.applicantId, ip: actor.ip ?? null }, 'resume.attachment.download', { kind: 'resume', id: row.id });
  return { bytes, contentType, downloadName: safeDownloadName(row.attachmentName ?? '', extOf(contentType)) };
}

export function extOf(contentType: string): string {
  const map: Record<string, string> = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    'application/vnd.oasis.opendocument.text': 'odt',
  };
  return map[contentType] ?? 'bin';
}
