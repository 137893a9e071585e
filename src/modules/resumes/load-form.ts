// What the 履歷填寫 page shows besides the typed values: whether a resume is saved (a first resume or not,
// RES-4), its photo and attachment, and the staged uploads the form refers to (RES-9, RES-10).
import { deleteFiles, type ResumeDeps } from './resume.deps.ts';
import { emptyForm, formFromResume } from './resume.form.ts';
import { resumeData } from './resume.mapping.ts';
import { deleteUploads, findAccount, findResume, forApplicant, type ResumeRow } from './resume.repo.ts';
import type { ResumeForm } from './resume.types.ts';

/** Staged uploads older than this are dropped when the form is opened afresh. */
const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

export interface FileInfo {
  name: string;
  size: number;
}

export interface FormState {
  form: ResumeForm;
  accountEmail: string;
  saved: { at: Date; hasPhoto: boolean; attachment: FileInfo | null } | null;
  staged: { photo: (FileInfo & { id: string }) | null; attachment: (FileInfo & { id: string }) | null };
}

function savedOf(row: ResumeRow | null): FormState['saved'] {
  if (!row) return null;
  return {
    at: row.updatedAt,
    hasPhoto: row.photoKey !== null,
    attachment: row.attachmentKey ? { name: row.attachmentName ?? '', size: row.attachmentSize ?? 0 } : null,
  };
}

/** GET 履歷填寫: the saved resume in the form, or an empty one with 聯絡Email = the account (RES-1). */
export async function openResumeForm(deps: ResumeDeps, applicantId: string): Promise<FormState> {
  const stale = await deleteUploads(deps.db, applicantId, { before: new Date(deps.clock.now().getTime() - STAGED_TTL_MS) });
  await deleteFiles(deps.storage, stale);
  const account = await findAccount(deps.db, applicantId);
  const accountEmail = account?.email ?? '';
  const row = await findResume(deps.db, applicantId);
  const form = row ? formFromResume(resumeData(row), accountEmail) : emptyForm(accountEmail);
  return { form, accountEmail, saved: savedOf(row), staged: { photo: null, attachment: null } };
}

/** The page again with what was typed: staged ids that are not this person's (or gone) are dropped. */
export async function describeForm(deps: ResumeDeps, applicantId: string, form: ResumeForm): Promise<FormState> {
  const account = await findAccount(deps.db, applicantId);
  const row = await findResume(deps.db, applicantId);
  const photo = form.files.stagedPhotoId ? await forApplicant.stagedUpload(deps.db, applicantId, form.files.stagedPhotoId, 'photo') : null;
  const attachment = form.files.stagedAttachmentId ? await forApplicant.stagedUpload(deps.db, applicantId, form.files.stagedAttachmentId, 'attachment') : null;
  const files = { ...form.files, stagedPhotoId: photo?.id ?? '', stagedAttachmentId: attachment?.id ?? '' };
  return {
    form: { ...form, files },
    accountEmail: account?.email ?? '',
    saved: savedOf(row),
    staged: {
      photo: photo ? { id: photo.id, name: photo.originalName, size: photo.size } : null,
      attachment: attachment ? { id: attachment.id, name: attachment.originalName, size: attachment.size } : null,
    },
  };
}
