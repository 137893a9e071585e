// The daily demo refresh (issue 16 item 10): one UPDATE moving every source='demo' vacancy's validity window
// by `demoShiftDays`. updated_at moves too, so the open-data export and any search cache see the change.
import { sql } from 'drizzle-orm';
import type { Services } from '../../container.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { TAIPEI } from '../../platform/jobs/jobs.ts';
import { demoShiftDays } from './refresh.rules.ts';

export const DEMO_REFRESH_QUEUE = 'demo.refresh';
/** 00:05 every day, Asia/Taipei: just after the date changes there. */
export const DEMO_REFRESH_CRON = '5 0 * * *';

type RefreshServices = Pick<Services, 'db' | 'clock' | 'config'>;

/** Shifts the demo vacancies so the newest posting is yesterday; returns the days moved (0 in production). */
export async function refreshDemoVacancies(services: RefreshServices): Promise<{ shiftedDays: number; rows: number }> {
  if (services.config.env === 'production') return { shiftedDays: 0, rows: 0 };
  const r = await services.db.execute<{ newest: string | null }>(
    sql`select max(valid_from)::text as newest from vacancies where source = 'demo'`,
  );
  const days = demoShiftDays(r.rows[0]?.newest ?? null, services.clock.today());
  if (days === 0) return { shiftedDays: 0, rows: 0 };
  const u = await services.db.execute<{ n: number }>(sql`
    with moved as (
      update vacancies
         set valid_from = valid_from + ${days}::int, valid_to = valid_to + ${days}::int, updated_at = ${services.clock.now()}
       where source = 'demo'
      returning 1)
    select count(*)::int as n from moved`);
  return { shiftedDays: days, rows: Number(u.rows[0]?.n ?? 0) };
}

/** Registered by the demo module outside production only: a worker and the daily Taipei schedule. */
export async function registerDemoRefresh(jobs: Jobs, services: RefreshServices): Promise<void> {
  if (services.config.env === 'production') return;
  await jobs.createQueue(DEMO_REFRESH_QUEUE, { policy: 'singleton', retryLimit: 1 });
  if (jobs.roles.includes('worker')) await jobs.work(DEMO_REFRESH_QUEUE, async () => void (await refreshDemoVacancies(services)));
  if (jobs.roles.includes('scheduler')) await jobs.schedule(DEMO_REFRESH_QUEUE, DEMO_REFRESH_CRON, null, { tz: TAIPEI });
}
