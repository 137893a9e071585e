// AGY-6 daily applicant counts on both databases with a fixed clock, delivered through the outbox to a real
// (in-process) SMTP server: one mail per due vacancy with its count and the link, nothing twice the same day, again
// the next day; demo / open-data vacancies never mailed; cancelled applications not counted.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication, createVacancy } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock, systemClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import { runApplicantCountMails } from './agency-count-mail.ts';
import { agencyCountMails } from './agency.schema.ts';

const at = (local: string) => new Date(`${local}+08:00`);

describe.each(dbDrivers())('AGY-6 daily applicant counts on %s', (driver) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const clock = fixedClock(at('2026-06-16T08:00:00'));
  let seen = 0;

  beforeAll(async () => {
    t = await createTestApp(driver, { overrides: { clock } });
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
    await t?.close();
  });

  /** Delivers the outbox (the system clock: outbox rows carry the database's time) and returns the new mails. */
  async function deliver(): Promise<ReceivedMail[]> {
    for (;;) {
      const r = await deliverDueMail({ db: t.services.db, transport, clock: systemClock, mailFrom: t.config.mailFrom });
      if (r.sent + r.failed + r.retried === 0) break;
    }
    const fresh = smtp.received.slice(seen);
    seen = smtp.received.length;
    return fresh;
  }
  const run = async (when: string) => {
    clock.set(at(when));
    return runApplicantCountMails(t.services);
  };
  const valid = { validFrom: '2026-06-10', validTo: '2026-06-30' };
  const mailOf = (driverTag: string) => `${driverTag}.${driver}@agency.example.tw`;

  it('AGY-6 one mail per published 須具/不須具 vacancy with applicants, with the count (cancelled not counted) and the link; none twice the same day; again the next day; demo and open-data never', async () => {
    const db = t.services.db;
    const open = await createVacancy(db, { ...valid, title: '不須具職缺', accessMode: 'open', source: 'form', vitaeEmail: mailOf('open') });
    const civil = await createVacancy(db, { ...valid, title: '須具職缺', accessMode: 'civil_service', source: 'bulk_import', vitaeEmail: mailOf('civil') });
    const demo = await createVacancy(db, { ...valid, accessMode: 'open', source: 'demo', vitaeEmail: mailOf('demo') });
    const opendata = await createVacancy(db, { ...valid, accessMode: 'civil_service', source: 'opendata_import', vitaeEmail: mailOf('opendata') });
    const noMode = await createVacancy(db, { ...valid, accessMode: 'none', source: 'form', vitaeEmail: mailOf('none') });
    const nobody = await createVacancy(db, { ...valid, accessMode: 'open', source: 'form', vitaeEmail: mailOf('nobody') });
    const onlyCancelled = await createVacancy(db, { ...valid, accessMode: 'open', source: 'form', vitaeEmail: mailOf('cancelled') });
    const ended = await createVacancy(db, { validFrom: '2026-05-01', validTo: '2026-06-15', accessMode: 'open', source: 'form', vitaeEmail: mailOf('ended') });
    const takenDown = await createVacancy(db, { ...valid, accessMode: 'open', source: 'form', vitaeEmail: mailOf('down'), takenDownAt: new Date(), takenDownReason: '不符規定' });
    for (const v of [open, open, civil, demo, opendata, noMode, ended, takenDown]) await createApplication(db, { vacancyId: v.id });
    await createApplication(db, { vacancyId: open.id, status: 'cancelled', cancelledAt: new Date() });
    await createApplication(db, { vacancyId: onlyCancelled.id, status: 'cancelled', cancelledAt: new Date() });

    const first = await run('2026-06-16T08:00:00');
    expect(first.mailed).toBeGreaterThanOrEqual(2);
    const mails = await deliver();
    const to = (v: { vitaeEmail: string }) => mails.filter((m) => m.to.includes(v.vitaeEmail));
    expect(to(open)).toHaveLength(1);
    expect(to(civil)).toHaveLength(1);
    for (const v of [demo, opendata, noMode, nobody, onlyCancelled, ended, takenDown]) expect(to(v), v.vitaeEmail).toEqual([]);
    const mail = to(open)[0]!;
    expect(mail.subject).toBe(`【事求人機關徵才系統】職缺應徵人數通知：不須具職缺（職缺編號 ${open.workId}）累計 2 人`);
    expect(mail.text).toContain('累計應徵人數為 2 人（不含已取消應徵者）');
    expect(mail.text).toContain('民國 115 年 06 月 16 日 08:00');
    expect(mail.text).toContain(`http://localhost:3000/agency?workId=${open.workId}`);
    expect(mail.html).toContain(`<a href="http://localhost:3000/agency?workId=${open.workId}">`);
    expect(to(civil)[0]!.subject).toContain('累計 1 人');
    const [state] = await db.select().from(agencyCountMails).where(eq(agencyCountMails.vacancyId, open.id));
    expect(state).toMatchObject({ lastSentOn: '2026-06-16', lastCount: 2 });

    // The same day again (a retry, a second scheduler, a new applicant): nothing.
    await createApplication(db, { vacancyId: open.id });
    expect(await run('2026-06-16T08:00:00')).toMatchObject({ mailed: 0 });
    expect(await run('2026-06-16T23:59:00')).toMatchObject({ mailed: 0 });
    expect(await deliver()).toEqual([]);

    // The next day: again, with the new cumulative count.
    const next = await run('2026-06-17T08:00:00');
    expect(next.mailed).toBeGreaterThanOrEqual(2);
    const again = await deliver();
    const openAgain = again.filter((m) => m.to.includes(open.vitaeEmail));
    expect(openAgain.map((m) => m.subject)).toEqual([`【事求人機關徵才系統】職缺應徵人數通知：不須具職缺（職缺編號 ${open.workId}）累計 3 人`]);
    expect(again.filter((m) => m.to.includes(civil.vitaeEmail))).toHaveLength(1);
    for (const v of [demo, opendata, noMode, nobody, onlyCancelled, ended, takenDown]) expect(again.filter((m) => m.to.includes(v.vitaeEmail))).toEqual([]);

    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'agency.applicant_counts'), eq(auditEvents.actorKind, 'system')));
    expect(audits.length).toBeGreaterThanOrEqual(4);
  });

  it('AGY-6 two runs at once the same day still send one mail per vacancy', async () => {
    const v = await createVacancy(t.services.db, { ...valid, accessMode: 'open', source: 'form', vitaeEmail: mailOf('race') });
    await createApplication(t.services.db, { vacancyId: v.id });
    clock.set(at('2026-06-18T08:00:00'));
    await Promise.all([runApplicantCountMails(t.services), runApplicantCountMails(t.services)]);
    expect((await deliver()).filter((m) => m.to.includes(v.vitaeEmail))).toHaveLength(1);
  });
});
