// Housekeeping every hour: expired sessions, answered/expired captchas, stale storage temp files (issue 9
// item 5) and parked forms past their 24 hours (issue 16 item 2) are removed here; the modules add their own tasks (AppModule.maintenance, e.g.
// the resumes' expired staged uploads, the search's planner statistics).
import type { PlatformServices } from '../services.ts';
import { purgeCaptchas } from '../captcha/index.ts';
import { purgeStaleTempFiles } from '../storage/temp-files.ts';
import { purgeLoginThrottles } from '../auth/lockout.ts';
import { purgeParkedForms } from '../http/parked-form.ts';
import { TAIPEI, type Jobs } from './jobs.ts';

export const MAINTENANCE_QUEUE = 'maintenance.purge';

/** A module's housekeeping: what it removed, when it counts. */
export type MaintenanceTask = () => Promise<number | void>;

type MaintenanceServices = Pick<PlatformServices, 'db' | 'clock' | 'sessions' | 'config'>;

export async function runMaintenance(
  services: MaintenanceServices,
  tasks: readonly MaintenanceTask[] = [],
): Promise<{ sessions: number; captchas: number; tempFiles: number }> {
  const sessions = await services.sessions.purgeExpired();
  const tempFiles = services.config.storage.driver === 'disk' ? await purgeStaleTempFiles(services.config.storage.dir, services.clock.now()) : 0;
  const captchas = await purgeCaptchas({ db: services.db, clock: services.clock });
  // Sign-in lockout rows of every door (platform/auth/lockout.ts) once they no longer lock anything.
  await purgeLoginThrottles(services.db, services.clock.now());
  await purgeParkedForms(services.db, services.clock.now());
  for (const task of tasks) await task();
  return { sessions, captchas, tempFiles };
}

export async function registerMaintenanceJobs(jobs: Jobs, services: MaintenanceServices, tasks: readonly MaintenanceTask[] = []): Promise<void> {
  await jobs.createQueue(MAINTENANCE_QUEUE, { policy: 'singleton', retryLimit: 1 });
  if (jobs.roles.includes('worker')) await jobs.work(MAINTENANCE_QUEUE, async () => void (await runMaintenance(services, tasks)));
  if (jobs.roles.includes('scheduler')) await jobs.schedule(MAINTENANCE_QUEUE, '17 * * * *', null, { tz: TAIPEI });
}
