// The owner's own files (RES-9, RES-10, SYS-4): the saved photo and attachment, and a staged photo. Every
// lookup goes through the scoped finders (forApplicant), so another person's file is simply not found (404), and
// the resume policy (resume.policy.ts) is asked before a byte is read.
import { recordAudit } from '../../platform/audit/audit.ts';
import { safeDownloadName } from '../../platform/storage/index.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { ResumeDeps } from './resume.deps.ts';
import { resumeFileSubject, stagedUploadSubject } from './resume.policy.ts';
import { forApplicant } from './resume.repo.ts';

export interface FileOut {
  bytes: Buffer;
  contentType: string;
  /** A safe download name (attachments only). */
  downloadName?: string;
}

/** The signed-in applicant's id, or '' (a staff member or nobody owns no resume). */
function ownerId(principal: Principal | null): string {
  return principal?.kind === 'applicant' ? principal.id : '';
}

/** The saved photo of the principal's own resume (SYS-4: found by owner, then the policy's check). */
export async function readSavedPhoto(deps: ResumeDeps, principal: Principal | null): Promise<FileOut | null> {
  const file = await forApplicant.savedFile(deps.db, ownerId(principal), 'photo');
  if (!file || !authorize(principal, 'read', resumeFileSubject({ applicantId: ownerId(principal) }, 'photo'))) return null;
  const bytes = await deps.storage.getBuffer(file.key);
  return bytes ? { bytes, contentType: 'image/jpeg' } : null;
}

/** A staged photo of the principal's (another person's id: not found). */
export async function readStagedPhoto(deps: ResumeDeps, principal: Principal | null, uploadId: string): Promise<FileOut | null> {
  const up = await forApplicant.stagedUpload(deps.db, ownerId(principal), uploadId, 'photo');
  if (!up || !authorize(principal, 'read', stagedUploadSubject(up))) return null;
  const bytes = await deps.storage.getBuffer(up.fileKey);
  return bytes ? { bytes, contentType: up.contentType } : null;
}

/** 證照資格/作品附件 download (the latest saved one of the principal's own resume), audited. */
export async function downloadAttachment(deps: ResumeDeps, actor: { principal: Principal | null; ip?: string | null }): Promise<FileOut | null> {
  const applicantId = ownerId(actor.principal);
  const file = await forApplicant.savedFile(deps.db, applicantId, 'attachment');
  if (!file || !authorize(actor.principal, 'read', resumeFileSubject({ applicantId }, 'attachment'))) return null;
  const bytes = await deps.storage.getBuffer(file.key);
  if (!bytes) return null;
  const contentType = file.type ?? 'application/octet-stream';
  await recordAudit(deps.db, { kind: 'applicant', id: applicantId, ip: actor.ip ?? null }, 'resume.attachment.download', { kind: 'resume', id: file.resumeId });
  return { bytes, contentType, downloadName: safeDownloadName(file.name ?? '', extOf(contentType)) };
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
