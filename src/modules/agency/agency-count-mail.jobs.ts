// AGY-6 the daily applicant-count job, set up like the newsletter digest (../newsletters/newsletter.jobs.ts): the
// queue in every role, the handler in a `worker`, the 08:00 Asia/Taipei schedule in a `scheduler`.
import type { Services } from '../../container.ts';
import { TAIPEI, type Jobs } from '../../platform/jobs/jobs.ts';
import { runApplicantCountMails, type CountMailResult } from './agency-count-mail.ts';

export const APPLICANT_COUNT_QUEUE = 'agency.applicant-counts';
/** Every day at 08:00 in Taipei. */
export const APPLICANT_COUNT_CRON = '0 8 * * *';

export async function registerAgencyJobs(
  jobs: Jobs,
  services: Pick<Services, 'db' | 'clock' | 'config' | 'kickMail'>,
  opts: { onRun?: (result: CountMailResult) => void } = {},
): Promise<void> {
  // singleton: one run at a time; a retried run is safe (each mail commits with its day in agency_count_mails).
  await jobs.createQueue(APPLICANT_COUNT_QUEUE, { policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 60 * 60 });
  if (jobs.roles.includes('worker')) {
    await jobs.work(APPLICANT_COUNT_QUEUE, async () => {
      const result = await runApplicantCountMails(services, { afterBatch: () => services.kickMail() });
      opts.onRun?.(result);
    });
  }
  if (jobs.roles.includes('scheduler')) {
    await jobs.schedule(APPLICANT_COUNT_QUEUE, APPLICANT_COUNT_CRON, null, { tz: TAIPEI });
  }
}
