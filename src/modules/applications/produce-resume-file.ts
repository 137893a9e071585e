// GEN-1 / GEN-3: the resume PDF the agency receives, produced from the application's frozen copy at once.
// The `produce-resume` job (one per application) claims the row (pending/failed → producing), renders the PDF,
// stores it under the application's own fixed key, and marks it ready. An applicant's applications made from the
// same content (resumeFileDigest) share one file: a later one is inserted ready with it, or takes it here
// (adoptSiblingFile), or is marked ready with it when it is made (markSiblingsReady). Idempotent: a ready row, or one a live
// worker is producing, is left alone; a worker that crashed mid-run leaves a 'producing' row that becomes
// claimable again after PRODUCING_STALE_MS (the sweeper re-queues it) and the re-run overwrites the same key,
// so there is exactly one file per application. A failure is retried with backoff (retryDelaySeconds).
import { renderCivilServiceResumePdf } from '../../platform/pdf/index.ts';
import { myHrPerson } from '../ecpa/index.ts';
import { civilServiceResumeDocument } from '../hrdb/index.ts';
import type { Jobs, QueueOptions } from '../../platform/jobs/jobs.ts';
import { toResumeDocument } from '../resumes/index.ts';
import type { ApplicationDeps } from './application.deps.ts';
import { adoptSiblingFile, applicationById, claimForProduction, markFailed, markReady, markSiblingsReady, unfinishedFiles, vacancySections, type ApplicationRow } from './application.repo.ts';
import { PRODUCING_STALE_MS, RESUME_FILE_MAX_ATTEMPTS, retryDelaySeconds } from './application.rules.ts';
import { resumeSelectionOf, type BatchFailure } from './civil-service.rules.ts';

export const PRODUCE_RESUME_QUEUE = 'produce-resume';
export const RESUME_SWEEP_QUEUE = 'produce-resume.sweep';
/** Jobs a worker fetches at once (each rendered in turn; the next fetch follows at once while fetches are full). */
export const PRODUCE_BATCH_SIZE = 4;
/** Our own retries (with backoff), so pg-boss does not retry; a job that outlives its expiry is the sweeper's. */
export const PRODUCE_RESUME_QUEUE_OPTIONS: QueueOptions = { retryLimit: 0, expireInSeconds: 120, deleteAfterSeconds: 24 * 3600 };

export type ProduceDeps = Pick<ApplicationDeps, 'db' | 'clock' | 'storage' | 'jobs' | 'hrdb' | 'config' | 'pdf'>;

/** The fixed storage key of an application's resume PDF: a re-run overwrites it, never adds a second file. */
export function resumeFileKey(applicationId: string): string {
  return `applications/resume-pdf/${applicationId}.pdf`;
}

export type ProduceOutcome = 'ready' | 'skipped' | 'failed';

export interface ProduceHooks {
  /** Tests: runs after the PDF is stored and before the row is marked ready (a crash there is the worst case). */
  afterStore?: () => Promise<void>;
  /** Tests of a crash: an error from afterStore is thrown on (the process "dies") instead of being recorded. */
  rethrow?: boolean;
}

export async function produceResumeFile(deps: ProduceDeps, applicationId: string, hooks: ProduceHooks = {}): Promise<ProduceOutcome> {
  const now = deps.clock.now();
  // GEN-1 shared files: an earlier application made from the same content already has its file.
  if (await adoptSiblingFile(deps.db, applicationId, now)) return 'ready';
  const claimed = await claimForProduction(deps.db, applicationId, now, new Date(now.getTime() - PRODUCING_STALE_MS));
  if (!claimed || !claimed.resumeFileStartedAt) return 'skipped';
  const startedAt = claimed.resumeFileStartedAt;
  if (claimed.staffUserId) return produceCivilServiceFile(deps, claimed, startedAt, hooks);
  try {
    const snap = claimed.resumeSnapshot;
    const photo = claimed.photoKey ? await deps.storage.getBuffer(claimed.photoKey) : null;
    const doc = toResumeDocument(snap.data, { attachmentName: snap.attachmentName, photo });
    const bytes = await deps.pdf.resume(doc, { generatedAt: claimed.appliedAt });
    const outcome = await storeReady(deps, claimed.id, startedAt, bytes, hooks);
    // The same applicant's applications waiting for a file made from the same content share this one.
    if (outcome.marked) await markSiblingsReady(deps.db, claimed, outcome.key, deps.clock.now());
    return 'ready';
  } catch (err) {
    await markFailed(deps.db, claimed.id, startedAt, err instanceof Error ? err.message : String(err), deps.clock.now());
    if (deps.jobs && claimed.resumeFileAttempts < RESUME_FILE_MAX_ATTEMPTS) {
      await deps.jobs.send(PRODUCE_RESUME_QUEUE, { applicationId: claimed.id }, { startAfter: retryDelaySeconds(claimed.resumeFileAttempts) }).catch(() => undefined);
    }
    return 'failed';
  }
}

/** Stores the file under its fixed key, then marks it ready for the claim that made it (GEN-1, GEN-3). */
async function storeReady(deps: ProduceDeps, applicationId: string, startedAt: Date, bytes: Buffer | Uint8Array, hooks: ProduceHooks): Promise<{ key: string; marked: boolean }> {
  const key = resumeFileKey(applicationId);
  await deps.storage.put(key, bytes, { contentType: 'application/pdf' });
  await hooks.afterStore?.();
  return { key, marked: await markReady(deps.db, applicationId, startedAt, key, deps.clock.now()) };
}

/**
 * GEN-2: a civil servant's file, from the HR database as it is now (batch time), holding exactly the parts and date
 * ranges the vacancy asks for (AGY-4). A person no longer in the HR database, or 卸職, fails for good with a reason
 * the agency sees (BatchFailure); any other error is retried by the next batch (RESUME_FILE_MAX_ATTEMPTS).
 */
async function produceCivilServiceFile(deps: ProduceDeps, claimed: ApplicationRow, startedAt: Date, hooks: ProduceHooks): Promise<ProduceOutcome> {
  try {
    const found = await myHrPerson(deps, claimed.staffUserId!);
    if (found.kind !== 'ok') {
      const reason: BatchFailure = found.kind === 'left-service' ? 'hrdb-left-service' : 'hrdb-not-found';
      await markFailed(deps.db, claimed.id, startedAt, reason, deps.clock.now(), RESUME_FILE_MAX_ATTEMPTS);
      return 'failed';
    }
    const selection = resumeSelectionOf(await vacancySections(deps.db, claimed.vacancyId));
    const { document, parts } = civilServiceResumeDocument(found.person, selection);
    const bytes = await renderCivilServiceResumePdf(document, parts, { generatedAt: deps.clock.now() });
    await storeReady(deps, claimed.id, startedAt, bytes, hooks);
    return 'ready';
  } catch (err) {
    if (hooks.rethrow) throw err;
    await markFailed(deps.db, claimed.id, startedAt, err instanceof Error ? err.message : String(err), deps.clock.now());
    return 'failed';
  }
}

/** The sweeper (every minute on the scheduler): re-queues what a lost job or a crashed worker left unfinished. */
export async function sweepResumeFiles(deps: ProduceDeps, opts: { limit?: number; produceInline?: boolean } = {}): Promise<number> {
  const now = deps.clock.now();
  const ids = await unfinishedFiles(deps.db, {
    pendingBefore: new Date(now.getTime() - 60_000),
    staleBefore: new Date(now.getTime() - PRODUCING_STALE_MS),
    maxAttempts: RESUME_FILE_MAX_ATTEMPTS,
    limit: opts.limit ?? 200,
  });
  let n = 0;
  for (const id of ids) {
    const row = await applicationById(deps.db, id);
    if (!row) continue;
    // A failed one waits out its backoff.
    if (row.resumeFileState === 'failed' && row.updatedAt.getTime() + retryDelaySeconds(row.resumeFileAttempts) * 1000 > now.getTime()) continue;
    if (deps.jobs && !opts.produceInline) await deps.jobs.send(PRODUCE_RESUME_QUEUE, { applicationId: id }, { singletonKey: id });
    else await produceResumeFile(deps, id);
    n++;
  }
  return n;
}

export interface ProduceJobOptions {
  pollingIntervalSeconds?: number;
  localConcurrency?: number;
}

/** The queue in every role (the web process sends), the worker in `worker`, the sweeper's schedule in `scheduler`. */
export async function registerResumeFileJobs(jobs: Jobs, deps: ProduceDeps, opts: ProduceJobOptions = {}): Promise<void> {
  await jobs.createQueue(PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS);
  await jobs.createQueue(RESUME_SWEEP_QUEUE, { policy: 'singleton', retryLimit: 0, expireInSeconds: 600 });
  if (jobs.roles.includes('worker')) {
    await jobs.work<{ applicationId?: unknown }>(
      PRODUCE_RESUME_QUEUE,
      async (job) => {
        const id = job.data?.applicationId;
        if (typeof id === 'string') await produceResumeFile(deps, id);
      },
      // pg-boss waits the polling interval after every fetch unless the fetch came back full: with one job a fetch
      // a worker made at most two PDFs a second (measured: 1,000 applications ready after 251 s). Fetching a
      // batch and fetching again at once while batches come back full keeps the worker busy while work waits.
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5, localConcurrency: opts.localConcurrency ?? 2, batchSize: PRODUCE_BATCH_SIZE, burstWhenBatchFull: true },
    );
    await jobs.work(RESUME_SWEEP_QUEUE, async () => void (await sweepResumeFiles(deps)));
  }
  if (jobs.roles.includes('scheduler')) await jobs.schedule(RESUME_SWEEP_QUEUE, '* * * * *');
}
