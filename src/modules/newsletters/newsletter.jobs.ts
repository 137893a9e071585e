// The daily 電子報 job (PUB-5), set up like mail delivery (../../platform/jobs/mail-jobs.ts): the queue in every
// role, the handler in a `worker`, the 07:00 Asia/Taipei schedule in a `scheduler`. Call after `jobs.start()`.
import type { Services } from '../../container.ts';
import { TAIPEI, type Jobs } from '../../platform/jobs/jobs.ts';
import { runNewsletterDigest, type DigestResult } from './digest.ts';

export const NEWSLETTER_DIGEST_QUEUE = 'newsletter.digest';
/** Every day at 07:00 in Taipei. */
export const NEWSLETTER_DIGEST_CRON = '0 7 * * *';

export interface NewsletterJobOptions {
  /** Called with each run's totals (for logs and metrics). */
  onDigest?: (result: DigestResult) => void;
}

export async function registerNewsletterJobs(
  jobs: Jobs,
  services: Pick<Services, 'db' | 'clock' | 'config' | 'kickMail'>,
  opts: NewsletterJobOptions = {},
): Promise<void> {
  // singleton: one run at a time. A failed run is retried; that is safe because a subscriber mailed today is
  // skipped and each mail commits with its last_sent_at.
  await jobs.createQueue(NEWSLETTER_DIGEST_QUEUE, { policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 60 * 60 });
  if (jobs.roles.includes('worker')) {
    await jobs.work(NEWSLETTER_DIGEST_QUEUE, async () => {
      const result = await runNewsletterDigest(services, { afterBatch: () => services.kickMail() });
      opts.onDigest?.(result);
    });
  }
  if (jobs.roles.includes('scheduler')) {
    await jobs.schedule(NEWSLETTER_DIGEST_QUEUE, NEWSLETTER_DIGEST_CRON, null, { tz: TAIPEI });
  }
}
