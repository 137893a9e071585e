// Housekeeping: expired sessions, answered/expired captchas, expired staged uploads and stale storage temp files
// are removed every hour.
import { sql } from 'drizzle-orm';
import type { Services } from '../../container.ts';
import { purgeCaptchas } from '../captcha/index.ts';
import { purgeLoginThrottles } from '../../modules/ecpa/staff.repo.ts';
import { TAIPEI, type Jobs } from './jobs.ts';
import { purgeExpiredStagedUploads } from '../../modules/resumes/stage-upload.ts';
import { purgeStaleTempFiles } from '../storage/temp-files.ts';

export const MAINTENANCE_QUEUE = 'maintenance.purge';

type MaintenanceServices = Pick<Services, 'db' | 'clock' | 'sessions' | 'storage' | 'config'>;

export async function runMaintenance(services: MaintenanceServices): Promise<{ sessions: number; captchas: number; stagedUploads: number; tempFiles: number }> {
  const sessions = await services.sessions.purgeExpired();
  // Issue 9 item 5: expired staged resume uploads, and temp files a crash left in disk storage.
  const stagedUploads = await purgeExpiredStagedUploads(services);
  const tempFiles = services.config.storage.driver === 'disk' ? await purgeStaleTempFiles(services.config.storage.dir, services.clock.now()) : 0;
  const captchas = await purgeCaptchas({ db: services.db, clock: services.clock });
  await purgeLoginThrottles(services.db, services.clock.now());
  // Planner statistics for the search (PGlite runs no autovacuum; harmless on PostgreSQL).
  await services.db.execute(sql`ANALYZE vacancies`);
  return { sessions, captchas, stagedUploads, tempFiles };
}

export async function registerMaintenanceJobs(jobs: Jobs, services: MaintenanceServices): Promise<void> {
  await jobs.createQueue(MAINTENANCE_QUEUE, { policy: 'singleton', retryLimit: 1 });
  if (jobs.roles.includes('worker')) await jobs.work(MAINTENANCE_QUEUE, async () => void (await runMaintenance(services)));
  if (jobs.roles.includes('scheduler')) await jobs.schedule(MAINTENANCE_QUEUE, '17 * * * *', null, { tz: TAIPEI });
}
