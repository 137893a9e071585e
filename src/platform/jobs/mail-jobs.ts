// The mail delivery job (SYS-1): a `mail.deliver` queue whose handler drains the outbox, a schedule
// every minute as the safety net, and a kick right after a commit so mail leaves at once.
import { deliverDueMail, type DeliverDeps, type DeliveryResult } from '../outbox/delivery.ts';
import { TAIPEI, type Jobs } from './jobs.ts';

export const MAIL_DELIVER_QUEUE = 'mail.deliver';
export const MAIL_DELIVER_CRON = '* * * * *';

export interface MailJobDeps extends DeliverDeps {
  /** Batches one job may deliver before it yields (a backlog continues in the next job). Default 20. */
  maxBatches?: number;
  /** How often an idle worker looks for a delivery job, seconds. Default pg-boss's (2). */
  pollingIntervalSeconds?: number;
  /** Called with each job's totals (for logs and metrics). */
  onDelivered?: (result: DeliveryResult) => void;
}

/** Delivers due mail batch after batch until the outbox has nothing due (or maxBatches). */
export async function runMailDelivery(deps: MailJobDeps): Promise<DeliveryResult> {
  const batchSize = deps.batchSize ?? 50;
  const total: DeliveryResult = { sent: 0, failed: 0, retried: 0 };
  for (let i = 0; i < (deps.maxBatches ?? 20); i++) {
    const r = await deliverDueMail({ ...deps, batchSize });
    total.sent += r.sent;
    total.failed += r.failed;
    total.retried += r.retried;
    if (r.sent + r.failed + r.retried < batchSize) break;
  }
  return total;
}

/**
 * Sets up mail delivery for this process's roles: the queue always (any role may kick it), the
 * handler in a `worker`, the every-minute schedule in a `scheduler`. Call after `jobs.start()`
 * (pg-boss needs its schema and connection to create queues).
 */
export async function registerMailJobs(jobs: Jobs, deps: MailJobDeps): Promise<void> {
  // stately: at most one run queued and one running. Kicks that arrive while a run is queued
  // collapse into it; a kick during a run queues exactly one more, which picks up what that run's
  // claim missed. No retries: the next kick or the schedule is the retry.
  await jobs.createQueue(MAIL_DELIVER_QUEUE, { policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60, deleteAfterSeconds: 60 * 60 });
  if (jobs.roles.includes('worker')) {
    const polling = deps.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: deps.pollingIntervalSeconds };
    await jobs.work(
      MAIL_DELIVER_QUEUE,
      async () => {
        const result = await runMailDelivery(deps);
        deps.onDelivered?.(result);
      },
      polling,
    );
  }
  if (jobs.roles.includes('scheduler')) {
    await jobs.schedule(MAIL_DELIVER_QUEUE, MAIL_DELIVER_CRON, null, { tz: TAIPEI });
  }
}

/**
 * Asks a worker to deliver now. Call after the transaction that queued the mail has committed
 * (on PGlite, never inside it: see the deadlock warning in jobs.ts). Best-effort: a failure is
 * swallowed (the schedule delivers within a minute anyway); returns whether a job was queued.
 */
export async function kickMailDelivery(jobs: Jobs): Promise<boolean> {
  try {
    await jobs.send(MAIL_DELIVER_QUEUE, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * kickMailDelivery for a busy process: kicks asked for while one is being sent collapse into one more, sent when it
 * returns (it then sees every mail committed before any of those kicks). `spacingMs` also keeps kicks at least that
 * far apart: the first kick of a quiet moment goes at once, a burst becomes one kick per interval. Under load (50
 * people applying at once, issue 11) without spacing, about one apply in two still paid for a pg-boss insert
 * (540 kicks for 1,000 applications, 0.73 ms of PostgreSQL each); with 250 ms, at most four a second.
 */
export function createMailKicker(send: () => Promise<unknown>, opts: { spacingMs?: number } = {}): () => void {
  const spacing = opts.spacingMs ?? 0;
  let sending = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStart = -Infinity;
  const run = (): void => {
    timer = null;
    sending = true;
    again = false;
    lastStart = Date.now();
    void send()
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        if (again) schedule();
      });
  };
  const schedule = (): void => {
    if (timer) return;
    const wait = lastStart + spacing - Date.now();
    if (wait <= 0) return run();
    timer = setTimeout(run, wait);
    timer.unref?.();
  };
  return () => {
    if (sending) again = true;
    else schedule();
  };
}
