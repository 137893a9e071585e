// 履歷預覽 → 下載 PDF (RES-13): the latest saved resume as the printed form agencies receive, for its owner
// only, with an audit row (SYS-2).
import { recordAudit } from '../../platform/audit/audit.ts';
import { renderResumePdf } from '../../platform/pdf/index.ts';
import { safeDownloadName } from '../../platform/storage/index.ts';
import type { ResumeActor, ResumeDeps } from './resume.deps.ts';
import { resumeData, toResumeDocument } from './resume.mapping.ts';
import { findResume } from './resume.repo.ts';

export async function downloadResumePdf(deps: ResumeDeps, actor: ResumeActor, fileStem: string): Promise<{ bytes: Buffer; downloadName: string } | null> {
  const row = await findResume(deps.db, actor.applicantId);
  if (!row) return null;
  const data = resumeData(row);
  const photo = row.photoKey ? await deps.storage.getBuffer(row.photoKey) : null;
  const bytes = await renderResumePdf(toResumeDocument(data, { attachmentName: row.attachmentName, photo }), { generatedAt: deps.clock.now() });
  await recordAudit(deps.db, { kind: 'applicant', id: actor.applicantId, ip: actor.ip ?? null }, 'resume.pdf.download', { kind: 'resume', id: row.id });
  return { bytes, downloadName: safeDownloadName(`${fileStem}-${data.basic.chineseName}`, 'pdf') };
}
