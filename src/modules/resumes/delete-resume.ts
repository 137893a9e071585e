// 刪除履歷 (RES-12): after 已閱讀上述內容並確認刪除履歷 + 確認, the resume, its staged uploads and its files are
// removed (files after the commit), with an audit row. Applications made earlier keep their own copy; applying
// again needs a new resume (APP-1 finds none).
import { recordAudit } from '../../platform/audit/audit.ts';
import { deleteFiles, type ResumeActor, type ResumeDeps } from './resume.deps.ts';
import { deleteResumeRow, deleteUploads, findResume } from './resume.repo.ts';

export type DeleteResult = { kind: 'deleted' } | { kind: 'none' } | { kind: 'not-confirmed' };

export async function deleteResume(deps: ResumeDeps, input: ResumeActor & { confirmed: boolean }): Promise<DeleteResult> {
  if (!input.confirmed) return { kind: 'not-confirmed' };
  const outcome = await deps.db.transaction(async (tx) => {
    const row = await findResume(tx, input.applicantId, { forUpdate: true });
    const staged = await deleteUploads(tx, input.applicantId);
    if (!row) return { result: { kind: 'none' } as DeleteResult, drop: staged };
    await deleteResumeRow(tx, row.id);
    await recordAudit(tx, { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null }, 'resume.delete', { kind: 'resume', id: row.id }, {
      hadPhoto: row.photoKey !== null,
      hadAttachment: row.attachmentKey !== null,
    });
    return { result: { kind: 'deleted' } as DeleteResult, drop: [row.photoKey, row.attachmentKey, ...staged].filter((k): k is string => !!k) };
  });
  await deleteFiles(deps.storage, outcome.drop);
  return outcome.result;
}
