// AGY-6 daily applicant counts, the use case: every vacancy due today (agency-count-mail.rules.ts) gets one mail to
// its 聯絡E-mail with the cumulative number of active applicants and a link to its applicants. Candidates are read a
// batch at a time (keyset on id); each vacancy is handled in its own short transaction that re-reads it, counts,
// claims today (agency_count_mails) and queues the mail together — so a crash or a second run the same day (pg-boss
// retry, a second scheduler) never mails twice, and the next day mails again.
import type { Services } from '../../container.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicationCounts } from '../applications/index.ts';
import { applicantCountMail } from './agency-count-mail.mails.ts';
import { claimCountMail, countMailCandidates, countMailVacancy, lastCountMailOn } from './agency-count-mail.repo.ts';
import { countMailDue } from './agency-count-mail.rules.ts';

export type CountMailDeps = Pick<Services, 'db' | 'clock'> & { config: Pick<Services['config'], 'baseUrl'> };

export interface CountMailOptions {
  batchSize?: number;
  /** Called after each batch has committed (main: kick mail delivery). */
  afterBatch?: () => void;
}

export interface CountMailResult {
  /** Candidate vacancies looked at. */
  vacancies: number;
  /** Mails queued. */
  mailed: number;
}

export async function runApplicantCountMails(deps: CountMailDeps, opts: CountMailOptions = {}): Promise<CountMailResult> {
  const batchSize = opts.batchSize ?? 200;
  const now = deps.clock.now();
  const today = deps.clock.today();
  const result: CountMailResult = { vacancies: 0, mailed: 0 };
  for (let cursor: string | null = null; ; ) {
    const ids = await countMailCandidates(deps.db, today, cursor, batchSize);
    for (const id of ids) {
      result.vacancies++;
      if (await mailOne(deps, id, now, today)) result.mailed++;
    }
    if (ids.length) opts.afterBatch?.();
    if (ids.length < batchSize) break;
    cursor = ids[ids.length - 1]!;
  }
  await deps.db.transaction((tx) => recordAudit(tx, { kind: 'system' }, 'agency.applicant_counts', null, { today, ...result }));
  return result;
}

async function mailOne(deps: CountMailDeps, id: string, now: Date, today: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const v = await countMailVacancy(tx, id);
    if (!v) return false;
    const count = (await applicationCounts(tx, [id])).get(id) ?? 0;
    if (!countMailDue(v, count, await lastCountMailOn(tx, id), today)) return false;
    if (!(await claimCountMail(tx, id, today, count, now))) return false;
    await enqueueMail(tx, applicantCountMail({ to: v.vitaeEmail.trim(), baseUrl: deps.config.baseUrl, at: now, count, vacancy: v }));
    return true;
  });
}
