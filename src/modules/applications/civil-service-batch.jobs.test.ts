// GEN-2 through a real pg-boss on both databases: a scheduler schedules the batch at 01:00, 07:00, 13:00 and 19:00
// Asia/Taipei; a worker running the queued batch produces a pending civil servant's file and records the run; a
// web process has only the queue.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createVacancy } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { insertStaff } from '../ecpa/ecpa.test-support.ts';
import { applications, resumeBatchRuns } from './application.schema.ts';
import { applyAsCivilServant } from './civil-service-apply.ts';
import { registerResumeBatchJobs, RESUME_BATCH_QUEUE } from './civil-service-batch.ts';
import { DK_CONSENT_VERSION } from './civil-service.rules.ts';

describe.each(dbDrivers())('GEN-2 resume batch job on %s', { timeout: 120_000 }, (driver) => {
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
    const jobs = createJobs({ database: app.database, roles, schema: 'pgboss_gen2', onError: (e) => void (stopping || errors.push(e)) });
    open.push({ jobs, app });
    await jobs.start();
    return { app, jobs };
  }

  it('GEN-2 a scheduler schedules the batch at 01/07/13/19 Asia/Taipei and a worker runs it: the pending file becomes ready, the run is recorded', async () => {
    const { app, jobs } = await start(['web', 'worker', 'scheduler']);
    const s = app.services;
    await registerResumeBatchJobs(jobs, s.deps.applications);
    const schedules = await jobs.boss.getSchedules(RESUME_BATCH_QUEUE);
    expect(schedules.map((x) => [x.cron, x.timezone])).toEqual([['0 1,7,13,19 * * *', 'Asia/Taipei']]);
    const staff = await insertStaff(s.db, app.config, { account: 'civil.servant', name: '張家豪', roles: ['civil_servant'], nationalId: 'A128730468' });
    const job = await createVacancy(s, { accessMode: 'civil_service', civilServiceSections: { all: true } });
    const applied = await applyAsCivilServant(s.deps.applications, { staffUserId: staff.id, workId: job.workId, consent: true, consentVersion: DK_CONSENT_VERSION });
    expect(applied.kind).toBe('done');
    await jobs.send(RESUME_BATCH_QUEUE, null);
    await expect.poll(async () => (await s.db.select().from(applications).where(eq(applications.vacancyId, job.id)))[0]?.resumeFileState, { timeout: 60_000, interval: 250 }).toBe('ready');
    await expect.poll(async () => (await s.db.select().from(resumeBatchRuns)).filter((r) => r.finishedAt && r.produced === 1).length, { timeout: 10_000, interval: 250 }).toBe(1);
  });

  it('GEN-2 a web process only has the queue: no handler, no schedule', async () => {
    const { app, jobs } = await start(['web']);
    await registerResumeBatchJobs(jobs, app.services.deps.applications);
    expect(await jobs.boss.getSchedules()).toEqual([]);
    expect(jobs.boss.getWipData().filter((w) => w.name === RESUME_BATCH_QUEUE)).toEqual([]);
  });
});
