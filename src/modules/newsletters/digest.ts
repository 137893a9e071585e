// The daily 電子報 (PUB-5): each live subscriber gets the jobs published today that match their conditions and were
// posted since their last mail; nothing when there is nothing new. Expired subscriptions get no digest, only one
// notice that they ended. Subscribers are read a batch at a time (keyset on id), and each one is handled in its
// own short transaction that locks the row, re-checks it, queues the mail and moves last_sent_at together — so a
// crash or a second run the same day (pg-boss retry, a second scheduler) never mails anyone twice.
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { linkTokenOf, mailContext, type NewsletterDeps } from './newsletter.deps.ts';
import { digestMail, expiryNoticeMail } from './newsletter.mails.ts';
import { endedIdsAfter, liveIdsAfter, lockById, newMatchingJobs, purgeStale, updateSubscription } from './newsletter.repo.ts';
import {
  DIGEST_BATCH_SIZE,
  DIGEST_MAX_JOBS,
  EXPIRY_NOTICE_WITHIN_DAYS,
  PURGE_AFTER_DAYS,
  digestSentOn,
  isLive,
  needsExpiryNotice,
  normaliseConditions,
  sha256,
  watermarkOf,
} from './newsletter.rules.ts';

export interface DigestOptions {
  batchSize?: number;
  maxJobsPerMail?: number;
  /** Called after each batch has committed (main: kick mail delivery). */
  afterBatch?: () => void;
}

export interface DigestResult {
  /** Live subscriptions looked at. */
  subscribers: number;
  /** Digests queued. */
  mailed: number;
  /** Jobs listed in those digests. */
  jobs: number;
  /** Expiry notices queued. */
  expiryNotices: number;
  /** Stale subscriptions deleted (SYS-3). */
  purged: number;
}

const DAY_MS = 86_400_000;

export async function runNewsletterDigest(deps: NewsletterDeps, opts: DigestOptions = {}): Promise<DigestResult> {
  const batchSize = opts.batchSize ?? DIGEST_BATCH_SIZE;
  const maxJobs = opts.maxJobsPerMail ?? DIGEST_MAX_JOBS;
  const now = deps.clock.now();
  const today = deps.clock.today();
  const result: DigestResult = { subscribers: 0, mailed: 0, jobs: 0, expiryNotices: 0, purged: 0 };

  for (let cursor: string | null = null; ; ) {
    const ids = await liveIdsAfter(deps.db, now, cursor, batchSize);
    for (const id of ids) {
      result.subscribers++;
      const listed = await digestOne(deps, id, { now, today, maxJobs });
      if (listed > 0) {
        result.mailed++;
        result.jobs += listed;
      }
    }
    if (ids.length) opts.afterBatch?.();
    if (ids.length < batchSize) break;
    cursor = ids[ids.length - 1]!;
  }

  const since = new Date(now.getTime() - EXPIRY_NOTICE_WITHIN_DAYS * DAY_MS);
  for (let cursor: string | null = null; ; ) {
    const ids = await endedIdsAfter(deps.db, now, since, cursor, batchSize);
    for (const id of ids) if (await expiryNoticeOne(deps, id, now)) result.expiryNotices++;
    if (ids.length) opts.afterBatch?.();
    if (ids.length < batchSize) break;
    cursor = ids[ids.length - 1]!;
  }

  result.purged = await purgeStale(deps.db, new Date(now.getTime() - PURGE_AFTER_DAYS * DAY_MS));
  await deps.db.transaction((tx) => recordAudit(tx, { kind: 'system' }, 'newsletter.digest', null, { today, ...result }));
  return result;
}

/** One subscriber's digest; returns the number of jobs mailed (0: nothing new, or already mailed today). */
async function digestOne(deps: NewsletterDeps, id: string, at: { now: Date; today: string; maxJobs: number }): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const sub = await lockById(tx, id);
    if (!sub || sub.status !== 'active' || !isLive(sub, at.now) || digestSentOn(sub, at.today)) return 0;
    const since = watermarkOf(sub);
    if (!since) return 0;
    const conditions = normaliseConditions(sub.conditions);
    const found = await newMatchingJobs(tx, { conditions, today: at.today, since, until: at.now, limit: at.maxJobs });
    if (found.total === 0) return 0;
    const linkToken = linkTokenOf(deps, sub.id);
    await enqueueMail(
      tx,
      digestMail(mailContext(deps), { to: sub.email, linkToken, conditions, today: at.today, jobs: found.rows, total: found.total, expiresAt: sub.expiresAt! }),
    );
    await updateSubscription(tx, sub.id, { lastSentAt: at.now, unsubscribeTokenHash: sha256(linkToken) }, at.now);
    return found.rows.length;
  });
}

async function expiryNoticeOne(deps: NewsletterDeps, id: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const sub = await lockById(tx, id);
    if (!sub || !needsExpiryNotice(sub, now)) return false;
    const linkToken = linkTokenOf(deps, sub.id);
    await enqueueMail(tx, expiryNoticeMail(mailContext(deps), { to: sub.email, linkToken, expiresAt: sub.expiresAt! }));
    await updateSubscription(tx, sub.id, { lastSentAt: now, unsubscribeTokenHash: sha256(linkToken) }, now);
    return true;
  });
}
