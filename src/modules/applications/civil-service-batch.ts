// GEN-2 / GEN-3: the civil-service resume batch. At 01:00, 07:00, 13:00 and 19:00 Asia/Taipei (pg-boss schedule,
// singleton queue) every civil servant's application whose file is still to make — pending, left 'producing' by a
// worker that died (older than PRODUCING_STALE_MS), or failed with attempts left — gets its resume PDF from the HR
// database as it is at batch time, with the vacancy's AGY-4 parts (produceResumeFile → produceCivilServiceFile).
// Exactly-once per application: each file is claimed by one UPDATE, stored under the application's fixed key and
// marked ready only by the claim that is still current; a crash mid-run leaves the rest pending (or one stale
// 'producing' row) for the rerun, which overwrites the same key. Each run is recorded (resume_batch_runs).
// 立即產製 (back office) runs the same for one vacancy, audited.
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { batchCandidates, finishBatchRun, startBatchRun } from './application.repo.ts';
import { PRODUCING_STALE_MS, RESUME_FILE_MAX_ATTEMPTS } from './application.rules.ts';
import { RESUME_BATCH_CRON } from './civil-service.rules.ts';
import { produceResumeFile, type ProduceDeps, type ProduceHooks } from './produce-resume-file.ts';

export const RESUME_BATCH_QUEUE = 'civil-service-resume.batch';
const PAGE = 50;

export interface BatchReport {
  runId: string;
  produced: number;
  failed: number;
  skipped: number;
}

export async function runResumeBatch(deps: ProduceDeps, opts: { trigger: 'schedule' | 'manual'; vacancyId?: string; hooks?: ProduceHooks } = { trigger: 'schedule' }): Promise<BatchReport> {
  const runId = await startBatchRun(deps.db, { trigger: opts.trigger, vacancyId: opts.vacancyId ?? null, at: deps.clock.now() });
  let after: { appliedAt: Date; id: string } | null = null;
  const report = { runId, produced: 0, failed: 0, skipped: 0 };
  for (;;) {
    const now = deps.clock.now();
    const rows = await batchCandidates(deps.db, {
      staleBefore: new Date(now.getTime() - PRODUCING_STALE_MS),
      maxAttempts: RESUME_FILE_MAX_ATTEMPTS,
      ...(opts.vacancyId ? { vacancyId: opts.vacancyId } : {}),
      after,
      limit: PAGE,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row;
      const outcome = await produceResumeFile(deps, row.id, opts.hooks);
      if (outcome === 'ready') report.produced++;
      else if (outcome === 'failed') report.failed++;
      else report.skipped++;
    }
  }
  await finishBatchRun(deps.db, runId, { at: deps.clock.now(), produced: report.produced, failed: report.failed, skipped: report.skipped });
  return report;
}

/** 立即產製 (back office, one vacancy): the batch now for that vacancy's civil servants, audited. */
export async function produceNowForVacancy(deps: ProduceDeps, input: { vacancyId: string; actor: AuditActor }): Promise<BatchReport> {
  const report = await runResumeBatch(deps, { trigger: 'manual', vacancyId: input.vacancyId });
  await recordAudit(deps.db, input.actor, 'resume.batch.manual', { kind: 'vacancy', id: input.vacancyId }, { runId: report.runId, produced: report.produced, failed: report.failed });
  return report;
}

/** The queue in every role, the worker in `worker`, the four daily times in `scheduler` (Asia/Taipei). */
export async function registerResumeBatchJobs(jobs: Jobs, deps: ProduceDeps): Promise<void> {
  await jobs.createQueue(RESUME_BATCH_QUEUE, { policy: 'singleton', retryLimit: 2, retryDelay: 60, expireInSeconds: 3600 });
  if (jobs.roles.includes('worker')) await jobs.work(RESUME_BATCH_QUEUE, async () => void (await runResumeBatch(deps, { trigger: 'schedule' })));
  if (jobs.roles.includes('scheduler')) await jobs.schedule(RESUME_BATCH_QUEUE, RESUME_BATCH_CRON);
}
