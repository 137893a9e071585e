// 儲存履歷 (RES-11): the whole resume in one transaction — basic data, the three lists, 專長/自傳, and the staged
// photo/attachment (RES-9, RES-10) — unless another live account's resume has the same ID number (RES-3).
// Files that the save drops (a replaced or deleted photo, a replaced attachment, staged files not used) are
// removed from storage after the commit.
import { recordAudit } from '../../platform/audit/audit.ts';
import { deleteFiles, type ResumeActor, type ResumeDeps } from './resume.deps.ts';
import { deleteUploads, findIdConflict, findResume, forApplicant, lockIdNumberHash, upsertResume } from './resume.repo.ts';
import type { FileState, ResumeData } from './resume.types.ts';

export type SaveResult = { kind: 'saved'; first: boolean } | { kind: 'id-conflict' } | { kind: 'staged-missing'; what: 'photo' | 'attachment' };

export interface SaveInput extends ResumeActor {
  data: ResumeData;
  files: FileState;
  importedFromHrdb: boolean;
}

export async function saveResume(deps: ResumeDeps, input: SaveInput): Promise<SaveResult> {
  const now = deps.clock.now();
  const hash = deps.ids.hash(input.data.basic.idNumber);
  const outcome = await deps.db.transaction(async (tx) => {
    await lockIdNumberHash(tx, hash);
    if (await findIdConflict(tx, deps.ids.candidates(input.data.basic.idNumber), input.applicantId)) {
      // RES-3 reveals that the ID has an account: every such answer is audited (issue 9 item 11).
      await recordAudit(tx, { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null }, 'resume.id_conflict', { kind: 'id_number_hash', id: hash });
      return { result: { kind: 'id-conflict' } as SaveResult, drop: [] };
    }
    const existing = await findResume(tx, input.applicantId, { forUpdate: true });
    const photo = input.files.stagedPhotoId ? await forApplicant.stagedUpload(tx, input.applicantId, input.files.stagedPhotoId, 'photo') : null;
    if (input.files.stagedPhotoId && !photo && !input.files.deletePhoto) return { result: { kind: 'staged-missing', what: 'photo' } as SaveResult, drop: [] };
    const attachment = input.files.stagedAttachmentId ? await forApplicant.stagedUpload(tx, input.applicantId, input.files.stagedAttachmentId, 'attachment') : null;
    if (input.files.stagedAttachmentId && !attachment) return { result: { kind: 'staged-missing', what: 'attachment' } as SaveResult, drop: [] };

    const photoKey = input.files.deletePhoto ? null : (photo?.fileKey ?? existing?.photoKey ?? null);
    const savedAttachment = existing?.attachmentKey
      ? { key: existing.attachmentKey, name: existing.attachmentName ?? '', type: existing.attachmentType ?? 'application/octet-stream', size: existing.attachmentSize ?? 0 }
      : null;
    const newAttachment = attachment ? { key: attachment.fileKey, name: attachment.originalName, type: attachment.contentType, size: attachment.size } : savedAttachment;
    const row = await upsertResume(
      tx,
      input.applicantId,
      {
        idNumberHash: hash,
        data: input.data,
        photoKey,
        attachment: newAttachment,
        importedFromHrdbAt: input.importedFromHrdb ? now : (existing?.importedFromHrdbAt ?? null),
      },
      now,
    );
    // Every staged upload of this person is used or dropped now.
    const staged = await deleteUploads(tx, input.applicantId);
    const keep = new Set([photoKey, newAttachment?.key].filter(Boolean));
    const drop = [...staged, existing?.photoKey, existing?.attachmentKey].filter((k): k is string => !!k && !keep.has(k));
    await recordAudit(tx, { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null }, 'resume.save', { kind: 'resume', id: row.id }, {
      first: !existing,
      photo: photoKey ? (photo ? 'new' : 'kept') : 'none',
      attachment: newAttachment ? (attachment ? 'new' : 'kept') : 'none',
    });
    return { result: { kind: 'saved', first: !existing } as SaveResult, drop };
  });
  await deleteFiles(deps.storage, outcome.drop);
  return outcome.result;
}
