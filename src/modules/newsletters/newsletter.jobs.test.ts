// PUB-5 the daily digest job follows the mail job's pattern: queue in every role, handler in a worker, the 07:00
// Asia/Taipei schedule in a scheduler.
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { NEWSLETTER_DIGEST_QUEUE, registerNewsletterJobs } from './newsletter.jobs.ts';

describe.each(dbDrivers())('PUB-5 newsletter jobs on %s', (driver) => {
  const open: { jobs: Jobs; app: TestApp }[] = [];
  /** pg-boss's errors while a test runs (none expected); shutting down is not the test's concern. */
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
    const jobs = createJobs({ database: app.database, roles, schema: 'pgboss_nl', onError: (e) => void (stopping || errors.push(e)) });
    open.push({ jobs, app });
    await jobs.start();
    return { app, jobs };
  }

  it('PUB-5 a scheduler schedules the digest daily at 07:00 Asia/Taipei and a worker runs it', async () => {
    const { app, jobs } = await start(['web', 'worker', 'scheduler']);
    let runs = 0;
    await registerNewsletterJobs(jobs, app.services, { onDigest: () => runs++ });
    const schedules = await jobs.boss.getSchedules(NEWSLETTER_DIGEST_QUEUE);
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['0 7 * * *', 'Asia/Taipei']]);
    await jobs.send(NEWSLETTER_DIGEST_QUEUE, null);
    const until = Date.now() + 20_000;
    while (runs === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
    const rows = await app.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'newsletter.digest'), eq(auditEvents.actorKind, 'system')));
    expect(rows).toHaveLength(1);
  });

  it('PUB-5 a web process only has the queue: no handler, no schedule', async () => {
    const { app, jobs } = await start(['web']);
    await registerNewsletterJobs(jobs, app.services);
    expect(await jobs.boss.getSchedules()).toEqual([]);
    expect(jobs.boss.getWipData().filter((w) => w.name === NEWSLETTER_DIGEST_QUEUE)).toEqual([]);
    expect(await jobs.send(NEWSLETTER_DIGEST_QUEUE, null)).toEqual(expect.any(String));
  });
});
