// APP-6: the applicant deletes a record 12 months after the job's validity ended; SYS-3: what nobody deleted is
// purged APPLICATION_RETENTION_MONTHS after it (the hourly maintenance). Both remove the row with its frozen
// resume and every file copied for it (after the commit), with an audit row. A resume file shared with another
// application of the same content (GEN-1) stays until the last of them is gone.
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { deleteFiles, type ApplicationDeps } from './application.deps.ts';
import { applicationSubject } from './application.policy.ts';
import { deleteApplicationRow, expiredForRetention, forApplicant, resumeFileInUse, type ApplicationRow } from './application.repo.ts';
import { mayDeleteRecord, retentionCutoff } from './application.rules.ts';

/** The files to delete with a row (after it is gone): its copies, and its resume file unless another shares it. */
async function filesOf(tx: Queryable, a: ApplicationRow): Promise<(string | null)[]> {
  const shared = a.resumeFileKey ? await resumeFileInUse(tx, a.resumeFileKey) : false;
  return [a.photoKey, a.attachmentKey, shared ? null : a.resumeFileKey];
}

export type DeleteRecordResult = { ok: true } | { ok: false; refusal: 'too-early' };

export async function deleteApplicationRecord(deps: Pick<ApplicationDeps, 'db' | 'clock' | 'storage'>, input: { principal: Principal | null; applicationId: string; ip?: string | null }): Promise<DeleteRecordResult> {
  const applicantId = input.principal?.kind === 'applicant' ? input.principal.id : '';
  const outcome = await deps.db.transaction(async (tx) => {
    const app = await forApplicant.application(tx, applicantId, input.applicationId, { forUpdate: true });
    authorizeOr404(input.principal, 'delete', app ? applicationSubject(app) : null);
    if (!mayDeleteRecord(app!.vacancy, deps.clock.today())) return { result: { ok: false, refusal: 'too-early' } as DeleteRecordResult, drop: [] };
    await deleteApplicationRow(tx, app!.id);
    await recordAudit(tx, { kind: 'applicant', id: applicantId, ip: input.ip ?? null }, 'application.delete', { kind: 'application', id: app!.id }, { workId: app!.vacancy.workId });
    return { result: { ok: true } as DeleteRecordResult, drop: await filesOf(tx, app!) };
  });
  await deleteFiles(deps.storage, outcome.drop);
  return outcome.result;
}

/** SYS-3 retention: removes applications of jobs whose validity ended more than `retentionMonths` ago. */
export async function purgeExpiredApplications(deps: Pick<ApplicationDeps, 'db' | 'clock' | 'storage' | 'retentionMonths'>, opts: { batch?: number } = {}): Promise<number> {
  const cutoff = retentionCutoff(deps.clock.today(), deps.retentionMonths);
  let total = 0;
  for (;;) {
    const drop: (string | null)[] = [];
    const n = await deps.db.transaction(async (tx) => {
      const rows = await expiredForRetention(tx, cutoff, opts.batch ?? 200);
      for (const a of rows) {
        await deleteApplicationRow(tx, a.id);
        drop.push(...(await filesOf(tx, a)));
        await recordAudit(tx, { kind: 'system', id: 'retention' }, 'application.purge', { kind: 'application', id: a.id }, { retentionMonths: deps.retentionMonths, cutoff });
      }
      return rows.length;
    });
    await deleteFiles(deps.storage, drop);
    total += n;
    if (n < (opts.batch ?? 200)) return total;
  }
}
