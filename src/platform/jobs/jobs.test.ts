import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { systemClock } from '../clock.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server.ts';
import { createSmtpTransport } from '../mail/transport.ts';
import { enqueueMail, getMail, messageIdFor } from '../outbox/outbox.ts';
import { createJobs, jobsTx, type Jobs, type JobsOptions } from './jobs.ts';
import { MAIL_DELIVER_QUEUE, kickMailDelivery, registerMailJobs } from './mail-jobs.ts';

const FROM = '事求人機關徵才系統 <no-reply@shiqiuren.test>';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(25);
  }
}

class Rollback extends Error {}

describe.each(dbDrivers())('jobs on %s', (driver) => {
  const t = useTestDatabase(driver);
  const running: Jobs[] = [];
  const errors: Error[] = [];
  let schemas = 0;
  let smtp: TestSmtpServer;

  /** A started pg-boss in a schema of its own, so every test sees a fresh install. */
  async function startJobs(over: Partial<JobsOptions> = {}): Promise<Jobs> {
    const jobs = createJobs({ database: t.current, schema: `pgboss_t${++schemas}`, onError: (e) => errors.push(e), ...over });
    running.push(jobs);
    await jobs.start();
    return jobs;
  }

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    for (const jobs of running.splice(0)) await jobs.stop({ timeoutMs: 5_000 });
    expect(errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  it('SYS-1 pg-boss installs itself on the database and a job sent is worked exactly once', async () => {
    const jobs = await startJobs();
    const seen: { n: number }[] = [];
    await jobs.work<{ n: number }>('test.once', async (job) => void seen.push(job.data), { pollingIntervalSeconds: 0.5 });
    const id = await jobs.send('test.once', { n: 7 });
    await until(() => seen.length > 0);
    await sleep(1_200); // two more polls: a second delivery would show up here
    expect(seen).toEqual([{ n: 7 }]);
    const [job] = await jobs.boss.findJobs('test.once', { id: id! });
    expect(job?.state).toBe('completed');
  });

  it('SYS-1 stop() is graceful: it waits for the running handler to finish', async () => {
    const jobs = await startJobs();
    let started = false;
    let finished = false;
    await jobs.work(
      'test.slow',
      async () => {
        started = true;
        await sleep(700);
        finished = true;
      },
      { pollingIntervalSeconds: 0.5 },
    );
    const id = await jobs.send('test.slow', {});
    await until(() => started);
    await jobs.stop({ timeoutMs: 10_000 });
    expect(finished).toBe(true);
    const rows = await t.current.pool.query(`select state from pgboss_t${schemas}.job where id = $1`, [id]);
    expect(rows.rows[0]?.state).toBe('completed');
  });

  it('SYS-1 a job sent inside a transaction exists only if the transaction commits', async () => {
    const jobs = await startJobs();
    await jobs.createQueue('test.tx');
    await expect(
      t.current.db.transaction(async (tx) => {
        await jobs.send('test.tx', { n: 1 }, { db: jobsTx(tx) });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    const committed = await t.current.db.transaction((tx) => jobs.send('test.tx', { n: 2 }, { db: jobsTx(tx) }));
    const found = await jobs.boss.findJobs<{ n: number }>('test.tx');
    expect(found.map((j) => [j.id, j.data.n])).toEqual([[committed, 2]]);
    await expect(t.current.db.transaction((tx) => jobs.send('test.unknown', {}, { db: jobsTx(tx) }))).rejects.toThrow(/createQueue/);
  });

  it('SYS-1 the mail job delivers a committed mail to the SMTP server, kicked right after the commit', async () => {
    const jobs = await startJobs();
    const transport = createSmtpTransport(smtp.url);
    await registerMailJobs(jobs, { db: t.current.db, transport, clock: systemClock, mailFrom: FROM, pollingIntervalSeconds: 0.5 });
    const [id] = await t.current.db.transaction((tx) =>
      enqueueMail(tx, { to: 'wang@example.tw', subject: '【事求人】面試通知', text: '王小明 您好：請於 115/12/01 上午 10 時到場面試。' }),
    );
    expect(await kickMailDelivery(jobs)).toBe(true);
    const [got] = await smtp.waitFor(1);
    expect(got).toMatchObject({ subject: '【事求人】面試通知', messageId: messageIdFor(id!, FROM), to: ['wang@example.tw'] });
    expect(got?.text?.trim()).toBe('王小明 您好：請於 115/12/01 上午 10 時到場面試。');
    await until(async () => (await getMail(t.current.db, id!))?.state === 'sent');
    const schedules = await jobs.boss.getSchedules(MAIL_DELIVER_QUEUE);
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['* * * * *', 'Asia/Taipei']]);
    expect(smtp.received).toHaveLength(1);
  });

  it('SYS-1 a web process only kicks: no mail handler and no schedule of its own', async () => {
    const jobs = await startJobs({ roles: ['web'] });
    const transport = createSmtpTransport(smtp.url);
    await registerMailJobs(jobs, { db: t.current.db, transport, clock: systemClock, mailFrom: FROM });
    expect(await kickMailDelivery(jobs)).toBe(true);
    expect(await kickMailDelivery(jobs)).toBe(true); // collapses into the queued run (stately queue)
    expect(jobs.boss.getWipData().filter((w) => w.name === MAIL_DELIVER_QUEUE)).toEqual([]);
    expect(await jobs.boss.getSchedules()).toEqual([]);
    const queued = await jobs.boss.findJobs(MAIL_DELIVER_QUEUE, { queued: true });
    expect(queued).toHaveLength(1);
  });
});
