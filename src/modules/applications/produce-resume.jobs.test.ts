// GEN-1 through a real pg-boss worker on both databases: 確定應徵 sends the produce-resume job in its transaction,
// the worker renders the PDF and the row becomes ready.
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResume, createVacancy, signInApplicant } from '../../../tests/factories/index.ts';
import { testConfig } from '../../../tests/helpers/app.ts';
import { createTestDatabase, dbDrivers, type TestDatabase } from '../../../tests/helpers/db.ts';
import { createServices, type Services } from '../../container.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { applications } from './application.schema.ts';
import { CONSENT_VERSION } from './application.rules.ts';
import { applyToVacancies } from './apply-to-vacancies.ts';
import { registerResumeFileJobs, resumeFileKey } from './produce-resume-file.ts';

describe.each(dbDrivers())('produce-resume through pg-boss on %s', { timeout: 120_000 }, (driver) => {
  let database: TestDatabase;
  let jobs: Jobs;
  let services: Services;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    jobs = createJobs({ database, schema: 'pgboss_apply', onError: () => undefined });
    await jobs.start();
    services = createServices(testConfig(), database, { jobs });
    await registerResumeFileJobs(jobs, services.deps.applications, { pollingIntervalSeconds: 0.5 });
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop({ timeoutMs: 5_000 });
    await database?.close();
    if (services) rmSync(services.config.dataDir, { recursive: true, force: true });
  });

  it('GEN-1 applying queues the job in the same transaction; the worker makes the PDF and marks it ready', async () => {
    const a = await signInApplicant({ services });
    await createResume(services, { applicantId: a.id, basic: { chineseName: '佇列測試', birthDate: '1991-01-14', gender: 'M', phone: '0912-345-678', email: 'queue@example.tw' } });
    const job = await createVacancy(services, { accessMode: 'open' });
    const result = await applyToVacancies(services.deps.applications, { applicantId: a.id, workIds: [job.workId], attachFiles: false, consent: true, consentVersion: CONSENT_VERSION });
    expect(result.kind).toBe('done');
    const id = result.kind === 'done' ? result.applied[0]!.applicationId : '';
    await expect
      .poll(async () => (await services.db.select().from(applications).where(eq(applications.id, id)))[0]?.resumeFileState, { timeout: 60_000, interval: 250 })
      .toBe('ready');
    const bytes = await services.storage.getBuffer(resumeFileKey(id));
    expect(bytes?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
