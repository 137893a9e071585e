// AGY-6 the daily applicant-count job follows the digest's pattern: queue in every role, handler in a worker, the
// 08:00 Asia/Taipei schedule in a scheduler.
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { APPLICANT_COUNT_QUEUE, registerAgencyJobs } from './agency-count-mail.jobs.ts';

describe.each(dbDrivers())('AGY-6 applicant-count job on %s', (driver) => {
  const open: { jobs: Jobs; app: TestApp }[] = [];
  const errors: Error[] = [];
  let stopping = false;
  afterEach(async () => {
    const seen = errors.splice(0);
    stopping = true;
    for (const o of open.splice(0)) {
      await o.jobs.stop({ timeoutMs: 5_000 });
      await o.app.close();
    }
    stopping = false;
    expect(seen).toEqual([]);
  });

  async function start(roles: ('web' | 'worker' | 'scheduler')[]) {
    const app = await createTestApp(driver);
    const jobs = createJobs({ database: app.database, roles, schema: 'pgboss_agy6', onError: (e) => void (stopping || errors.push(e)) });
    open.push({ jobs, app });
    await jobs.start();
    return { app, jobs };
  }

  it('AGY-6 a scheduler schedules the counts daily at 08:00 Asia/Taipei and a worker runs them', async () => {
    const { app, jobs } = await start(['web', 'worker', 'scheduler']);
    let runs = 0;
    await registerAgencyJobs(jobs, app.services, { onRun: () => runs++ });
    const schedules = await jobs.boss.getSchedules(APPLICANT_COUNT_QUEUE);
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['0 8 * * *', 'Asia/Taipei']]);
    await jobs.send(APPLICANT_COUNT_QUEUE, null);
    const until = Date.now() + 20_000;
    while (runs === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
    const rows = await app.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'agency.applicant_counts'), eq(auditEvents.actorKind, 'system')));
    expect(rows).toHaveLength(1);
  });

  it('AGY-6 a web process only has the queue: no handler, no schedule', async () => {
    const { app, jobs } = await start(['web']);
    await registerAgencyJobs(jobs, app.services);
    expect(await jobs.boss.getSchedules()).toEqual([]);
    expect(jobs.boss.getWipData().filter((w) => w.name === APPLICANT_COUNT_QUEUE)).toEqual([]);
  });
});
