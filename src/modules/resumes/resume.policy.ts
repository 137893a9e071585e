// Who may do what with a resume and its files (SYS-4, RES-*). Pure rules, registered with the platform's policy
// layer (platform/auth/policy.ts). Today only the owner touches a resume: an applicant may read and change their
// own resume, its photo and attachment, and their own staged uploads. (Agency HR access through an application,
// ACS-2/3, will be added here.) The repository's scoped finders (forApplicant in resume.repo.ts) make another
// person's object not found in the first place; these rules are the second, explicit check.
import { definePolicy, type Rule } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';

export interface ResumeSubject {
  readonly type: 'resume';
  readonly applicantId: string;
}
export interface ResumeFileSubject {
  readonly type: 'resume_file';
  readonly applicantId: string;
  readonly file: 'photo' | 'attachment';
}
export interface StagedUploadSubject {
  readonly type: 'staged_upload';
  readonly applicantId: string;
}

export const resumeSubject = (row: { applicantId: string }): ResumeSubject => ({ type: 'resume', applicantId: row.applicantId });
export const resumeFileSubject = (row: { applicantId: string }, file: 'photo' | 'attachment'): ResumeFileSubject => ({ type: 'resume_file', applicantId: row.applicantId, file });
export const stagedUploadSubject = (row: { applicantId: string }): StagedUploadSubject => ({ type: 'staged_upload', applicantId: row.applicantId });

/** The signed-in applicant owns the object. */
export function isOwner(principal: Principal | null, subject: { applicantId: string }): boolean {
  return principal?.kind === 'applicant' && principal.id === subject.applicantId;
}

const owner: Rule<{ readonly type: string; readonly applicantId: string }> = isOwner;

export const resumePolicy = definePolicy<ResumeSubject, 'read' | 'update' | 'delete'>('resume', { read: owner, update: owner, delete: owner });
export const resumeFilePolicy = definePolicy<ResumeFileSubject, 'read' | 'update'>('resume_file', { read: owner, update: owner });
export const stagedUploadPolicy = definePolicy<StagedUploadSubject, 'read' | 'discard'>('staged_upload', { read: owner, discard: owner });
