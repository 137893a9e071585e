// 我的應徵 (APP-4): the applicant's applications, newest first, paged, with 已調閱, 已刪除/已到期 and the status line;
// and 【下載】 of the attachment sent with one (not when the job is deleted or expired), audited.
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { safeDownloadName } from '../../platform/storage/index.ts';
import type { ApplicationDeps } from './application.deps.ts';
import { applicationSubject } from './application.policy.ts';
import { forOwner, ownerOf, type ApplicationOwner } from './application.repo.ts';
import { mayDeleteRecord, mayDownloadAttachment, statusStep, vacancyState, type StatusStep, type VacancyState } from './application.rules.ts';

export const PAGE_SIZE = 20;

export interface MyApplication {
  id: string;
  workId: string;
  title: string;
  orgName: string;
  appliedAt: Date;
  viewedAt: Date | null;
  cancelledAt: Date | null;
  vacancyState: VacancyState;
  step: StatusStep;
  attachmentName: string | null;
  mayDownload: boolean;
  mayCancel: boolean;
  mayDelete: boolean;
}

export async function listMyApplications(deps: Pick<ApplicationDeps, 'db' | 'clock'>, who: string | ApplicationOwner, page: number): Promise<{ rows: MyApplication[]; total: number; pages: number; page: number }> {
  const today = deps.clock.today();
  const owner: ApplicationOwner = typeof who === 'string' ? { kind: 'applicant', id: who } : who;
  const { rows, total } = await forOwner.page(deps.db, owner, page, PAGE_SIZE);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((a) => {
      const state = vacancyState(a.vacancy, today);
      return {
        id: a.id,
        workId: a.vacancy.workId,
        title: a.vacancy.title,
        orgName: a.vacancy.orgName,
        appliedAt: a.appliedAt,
        viewedAt: a.viewedAt,
        cancelledAt: a.cancelledAt,
        vacancyState: state,
        step: statusStep(a),
        attachmentName: a.attachmentKey ? a.attachmentName : null,
        mayDownload: mayDownloadAttachment(a, a.vacancy, today),
        mayCancel: a.status === 'active' && state === 'open',
        // APP-6 is the platform's; a civil servant's record stays until the retention purge (SYS-3).
        mayDelete: owner.kind === 'applicant' && mayDeleteRecord(a.vacancy, today),
      };
    }),
  };
}

/** One of the principal's applications (another person's: null, answered 404). */
export async function findMyApplication(deps: Pick<ApplicationDeps, 'db'>, principal: Principal | null, applicationId: string) {
  const owner = ownerOf(principal);
  const app = owner ? await forOwner.application(deps.db, owner, applicationId) : null;
  if (!app || !authorize(principal, 'read', applicationSubject(app))) return null;
  return app;
}

export async function downloadApplicationAttachment(
  deps: Pick<ApplicationDeps, 'db' | 'clock' | 'storage'>,
  actor: { principal: Principal | null; ip?: string | null },
  applicationId: string,
): Promise<{ bytes: Buffer; contentType: string; downloadName: string } | null> {
  const app = await findMyApplication(deps, actor.principal, applicationId);
  if (!app || !authorize(actor.principal, 'download', applicationSubject(app)) || !mayDownloadAttachment(app, app.vacancy, deps.clock.today())) return null;
  const bytes = await deps.storage.getBuffer(app.attachmentKey!);
  if (!bytes) return null;
  await recordAudit(deps.db, { kind: app.staffUserId ? 'staff' : 'applicant', id: (app.staffUserId ?? app.applicantId)!, ip: actor.ip ?? null }, 'application.attachment.download', { kind: 'application', id: app.id });
  const contentType = app.attachmentType ?? 'application/octet-stream';
  const ext = (app.attachmentName ?? '').match(/\.([A-Za-z0-9]{1,5})$/)?.[1]?.toLowerCase() ?? 'bin';
  return { bytes, contentType, downloadName: safeDownloadName(app.attachmentName ?? 'attachment', ext) };
}
