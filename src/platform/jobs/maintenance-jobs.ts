// Housekeeping: expired sessions and answered/expired captchas are removed every hour.
import { sql } from 'drizzle-orm';
import type { Services } from '../../container.ts';
import { purgeCaptchas } from '../captcha/index.ts';
import { purgeLoginThrottles } from '../auth/lockout.ts';
import { TAIPEI, type Jobs } from './jobs.ts';

export const MAINTENANCE_QUEUE = 'maintenance.purge';

export async function runMaintenance(services: Pick<Services, 'db' | 'clock' | 'sessions'>): Promise<{ sessions: number; captchas: number }> {
  const sessions = await services.sessions.purgeExpired();
  const captchas = await purgeCaptchas({ db: services.db, clock: services.clock });
  await purgeLoginThrottles(services.db, services.clock.now());
  // Planner statistics for the search (PGlite runs no autovacuum; harmless on PostgreSQL).
  await services.db.execute(sql`ANALYZE vacancies`);
  return { sessions, captchas };
}

export async function registerMaintenanceJobs(jobs: Jobs, services: Pick<Services, 'db' | 'clock' | 'sessions'>): Promise<void> {
  await jobs.createQueue(MAINTENANCE_QUEUE, { policy: 'singleton', retryLimit: 1 });
  if (jobs.roles.includes('worker')) await jobs.work(MAINTENANCE_QUEUE, async () => void (await runMaintenance(services)));
  if (jobs.roles.includes('scheduler')) await jobs.schedule(MAINTENANCE_QUEUE, '17 * * * *', null, { tz: TAIPEI });
}
