// DK 職缺應徵 (ECPA-5) and the civil-service resume batches (GEN-2, GEN-3) over HTTP on PGlite and, with
// TEST_DATABASE_URL, PostgreSQL; mail through the outbox to a real (in-process) SMTP server; PDFs read back with
// pdftotext.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { signInApplicant } from '../../../tests/factories/session.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import { pdfText } from '../../platform/pdf/testing/poppler.ts';
import { minimalPdf } from '../../platform/storage/pdf-fixture.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { insertStaff } from '../ecpa/ecpa.test-support.ts';
import { createLocalHrDatabase, type HrDatabase, type HrPerson } from '../hrdb/index.ts';
import { vacancies } from '../vacancies/index.ts';
import { applications, resumeBatchRuns } from './application.schema.ts';
import { runResumeBatch } from './civil-service-batch.ts';
import { DK_CONSENT_VERSION } from './civil-service.rules.ts';
import { resumeFileKey } from './produce-resume-file.ts';

/** The local HR database, with people the test makes disappear or leave service after they applied. */
function changingHrdb(): HrDatabase & { gone: Set<string>; left: Set<string> } {
  const local = createLocalHrDatabase();
  const gone = new Set<string>();
  const left = new Set<string>();
  const change = (p: HrPerson | null): HrPerson | null => (!p || gone.has(p.personId) ? null : left.has(p.personId) ? { ...p, status: 'former', leftOn: '2025-06-01' } : p);
  return {
    gone,
    left,
    findPersonByNationalId: async (id) => change(await local.findPersonByNationalId(id)),
    findPersonByAccount: async (a) => change(await local.findPersonByAccount(a)),
    findPersonById: async (id) => change(await local.findPersonById(id)),
  };
}

const TRAINING_SECTIONS = { all: false, sections: ['訓練及進修', '獎懲'] };

describe.each(dbDrivers())('DK 職缺應徵 and resume batches on %s', (driver) => {
  const hrdb = changingHrdb();
  const t = useTestApp(driver, { overrides: { hrdb } });
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let servant: { id: string };
  let contract: { id: string };
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
    const db = t.current.services.db;
    const config = t.current.config;
    // P900003 張家豪 and P900005 吳佳蓉 of the local dataset (current), P900011 林宜蘭 (agency HR only).
    servant = await insertStaff(db, config, { account: 'civil.servant', name: '張家豪', agencyCode: 'A58000000A', roles: ['civil_servant'], nationalId: 'A128730468', email: 'zhang@example.tw' });
    contract = await insertStaff(db, config, { account: 'current.contract', name: '吳佳蓉', agencyCode: 'A58000000A', roles: ['civil_servant'], nationalId: 'C226084136', email: 'wu@example.tw' });
    await insertStaff(db, config, { account: 'yilan.hr', name: '林宜蘭', agencyCode: '376420000A', roles: ['agency_hr'], nationalId: 'G203457162' });
    await insertStaff(db, config, { account: 'former.hire', name: '冒名', roles: ['civil_servant'], nationalId: 'A128730468' });
    await insertStaff(db, config, { account: 'dgpa.admin', name: '王總處', agencyCode: 'A58000000A', roles: ['backoffice', 'agency_hr'], nationalId: 'A106572819' });
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
  });
  const s = () => t.current.services;
  const deps = () => s().deps.applications;
  const deliver = () => deliverDueMail({ db: s().db, transport, clock: s().clock, mailFrom: t.current.config.mailFrom });
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
  const today = () => s().clock.today();
  const csJob = (o: Parameters<typeof createVacancy>[1] = {}) => createVacancy(s(), { accessMode: 'civil_service', vitaeEmail: 'hr@agency.example.tw', civilServiceSections: { all: true }, ...o });
  const rowsOf = (staffUserId: string, vacancyId?: string) =>
    s()
      .db.select()
      .from(applications)
      .where(and(eq(applications.staffUserId, staffUserId), vacancyId ? eq(applications.vacancyId, vacancyId) : undefined));

  async function signedIn(account: string): Promise<HttpClient> {
    const c = new HttpClient(t.current.app);
    await c.signInStaff(account, STAFF_PASSWORD);
    return c;
  }
  async function apply(c: HttpClient, workId: string, fields: Record<string, string> = { consent: '1', consentVersion: DK_CONSENT_VERSION }) {
    await c.get(`/ecpa/dk/apply/${workId}`);
    return c.post(`/ecpa/dk/apply/${workId}`, fields);
  }

  it('ECPA-5 DK lists published 須具 jobs inside validity with 我的簡歷; 我的履歷 shows every part; the job page 【我要應徵】 lands in DK after sign-in', async () => {
    const open = await csJob({ title: '須具科員甲' });
    const expired = await csJob({ title: '須具已到期', validFrom: addDays(today(), -10), validTo: addDays(today(), -1) });
    const platform = await csJob({ title: '不須具職缺乙', accessMode: 'open' });
    const c = await signedIn('civil.servant');
    const page = await c.get('/ecpa/dk');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('DK:職缺應徵');
    expect(page.body).toContain('我的簡歷');
    expect(page.body).toContain('張家豪');
    expect(page.body).toContain(`href="/ecpa/dk/apply/${open.workId}"`);
    expect(page.body).not.toContain(expired.workId);
    expect(page.body).not.toContain(platform.workId);
    const english = await c.get('/ecpa/dk', { cookie: `${c.cookie}; lang=en` });
    expect(english.body).toContain('DK: Apply for jobs');
    expect(english.body).toContain('Job no.');
    const resume = await c.get('/ecpa/dk/resume');
    expect(resume.statusCode).toBe(200);
    for (const h of ['學歷', '經歷', '考績(成)或成績考核', '獎懲', '訓練及進修', '兵役']) expect(resume.body).toContain(h);
    // 【我要應徵】 of a 須具 job → DK (sign-in first for a visitor, with `next`).
    const canonical = await t.current.app.inject({ method: 'GET', url: `/jobs/${open.workId}/apply` });
    expect(canonical.headers.location).toBe(`/ecpa/dk/apply/${open.workId}`);
    const visitor = await t.current.app.inject({ method: 'GET', url: `/ecpa/dk/apply/${open.workId}` });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe(`/ecpa/login?next=${encodeURIComponent(`/ecpa/dk/apply/${open.workId}`)}`);
    const applyPage = await c.get(`/ecpa/dk/apply/${open.workId}`);
    expect(applyPage.statusCode).toBe(200);
    expect(applyPage.body).toContain('授權同意開放履歷給徵才機關調閱');
    expect(applyPage.body).toContain('將下述繳交證件，依序掃描合併單一檔案後上傳');
  });

  it('ECPA-5 SYS-4 DK is for civil servants only: agency HR 404, applicants and visitors to the eCPA sign-in', async () => {
    const hr = await signedIn('yilan.hr');
    for (const url of ['/ecpa/dk', '/ecpa/dk/resume', '/ecpa/dk/applications']) expect((await hr.get(url)).statusCode, url).toBe(404);
    const applicant = await signInApplicant(t.current);
    const res = await t.current.app.inject({ method: 'GET', url: '/ecpa/dk', headers: { cookie: applicant.cookie } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/ecpa\/login\?next=/);
  });

  it('ECPA-5 APP-7 確定應徵 needs the authorization; then one application with the HR snapshot, pending until the batch, audited, and a mail listing the job', async () => {
    const job = await csJob({ title: '須具科員（應徵）' });
    const c = await signedIn('civil.servant');
    const noConsent = await apply(c, job.workId, { consentVersion: DK_CONSENT_VERSION });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('請勾選「授權同意開放履歷給徵才機關調閱」');
    expect(noConsent.body).toContain('href="#f-consent"');
    expect(await rowsOf(servant.id, job.id)).toHaveLength(0);
    const done = await apply(c, job.workId);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/ecpa/dk/applications');
    const [row] = await rowsOf(servant.id, job.id);
    expect(row).toMatchObject({ applicantId: null, staffUserId: servant.id, consentVersion: DK_CONSENT_VERSION, resumeFileState: 'pending', status: 'active' });
    expect(row!.resumeSnapshot.data.basic).toMatchObject({ chineseName: '張家豪', idNumber: 'A128730468' });
    expect(row!.resumeSnapshot.origin).toEqual({ kind: 'hrdb', personId: 'P900003' });
    const audits = await s().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.create'), eq(auditEvents.subjectId, row!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: 'staff', actorId: servant.id });
    await deliver();
    const mail = mailsTo(row!.resumeSnapshot.data.basic.email).find((m) => m.text?.includes(job.workId));
    expect(mail?.subject).toContain('應徵職缺通知');
    expect(mail?.text).toContain('須具科員（應徵）');
    expect(mail?.text).toContain('/ecpa/dk/applications');
    const mine = await c.get('/ecpa/dk/applications');
    expect(mine.body).toContain(job.workId);
    expect(mine.body).toContain('未調閱');
  });

  it('ECPA-5 one active application per person per job: 20 parallel 確定應徵 make one row, the others are told 您已應徵過此職缺 (never 500)', async () => {
    const job = await csJob();
    const c = await signedIn('current.contract');
    await c.get(`/ecpa/dk/apply/${job.workId}`);
    const results = await Promise.all(Array.from({ length: 20 }, () => c.post(`/ecpa/dk/apply/${job.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION })));
    expect(results.filter((r) => r.statusCode === 303)).toHaveLength(1);
    expect(results.every((r) => r.statusCode === 303 || r.statusCode === 409)).toBe(true);
    expect(results.find((r) => r.statusCode === 409)?.body).toContain('您已應徵過此職缺');
    expect(await rowsOf(contract.id, job.id)).toHaveLength(1);
  });

  it('ECPA-5 a job expired or deleted between choosing and confirming is refused with a clear message; 不須具, unknown and forged ids are not applied to', async () => {
    const c = await signedIn('civil.servant');
    const expiring = await csJob();
    await c.get(`/ecpa/dk/apply/${expiring.workId}`);
    await s().db.update(vacancies).set({ validTo: addDays(today(), -1), validFrom: addDays(today(), -5) }).where(eq(vacancies.id, expiring.id));
    const r1 = await c.post(`/ecpa/dk/apply/${expiring.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION });
    expect(r1.statusCode).toBe(409);
    expect(r1.body).toContain('此職缺已到期，無法應徵');
    const deleted = await csJob();
    await c.get(`/ecpa/dk/apply/${deleted.workId}`);
    await s().db.update(vacancies).set({ deletedAt: new Date() }).where(eq(vacancies.id, deleted.id));
    const r2 = await c.post(`/ecpa/dk/apply/${deleted.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION });
    expect(r2.statusCode).toBe(409);
    expect(r2.body).toContain('此職缺已被徵才機關刪除或已下架');
    const open = await csJob({ accessMode: 'open' });
    expect((await c.get(`/ecpa/dk/apply/${open.workId}`)).headers.location).toBe(`/jobs/${open.workId}/apply`);
    expect((await c.post(`/ecpa/dk/apply/${open.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION })).headers.location).toBe(`/jobs/${open.workId}/apply`);
    for (const id of ['9999999999', 'abc', '1%27%20or%201=1']) {
      expect((await c.get(`/ecpa/dk/apply/${id}`)).statusCode, id).toBe(404);
      expect((await c.post(`/ecpa/dk/apply/${id}`, { consent: '1', consentVersion: DK_CONSENT_VERSION })).statusCode, id).toBe(404);
    }
    expect((await c.post(`/ecpa/dk/apply/${expiring.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION }, { csrf: false })).statusCode).toBe(403);
    expect(await rowsOf(servant.id, expiring.id)).toHaveLength(0);
    expect(await rowsOf(servant.id, deleted.id)).toHaveLength(0);
    expect(await rowsOf(servant.id, open.id)).toHaveLength(0);
  });

  it('ECPA-5 an account not tied to its HR person (or one gone) gets a clear 409 message, never an application', async () => {
    const job = await csJob();
    const c = await signedIn('former.hire');
    const page = await c.get('/ecpa/dk');
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('查無您的人事資料');
    expect((await c.post(`/ecpa/dk/apply/${job.workId}`, { consent: '1', consentVersion: DK_CONSENT_VERSION })).statusCode).toBe(409);
  });

  it('ECPA-5 APP-4 APP-5 我的應徵 and 取消應徵 with confirm and mails (never to a demo vacancy\'s real address); another person\'s application is 404', async () => {
    const job = await csJob({ title: '須具取消測試', vitaeEmail: 'agency-dk@example.tw' });
    const demo = await csJob({ title: '須具示範', source: 'demo', vitaeEmail: 'real-agency@example.gov.tw' });
    const c = await signedIn('civil.servant');
    await apply(c, job.workId);
    await apply(c, demo.workId);
    const [row] = await rowsOf(servant.id, job.id);
    const [demoRow] = await rowsOf(servant.id, demo.id);
    const other = await signedIn('current.contract');
    expect((await other.get(`/ecpa/dk/applications/${row!.id}/cancel`)).statusCode).toBe(404);
    expect((await other.post(`/ecpa/dk/applications/${row!.id}/cancel`, {})).statusCode).toBe(404);
    expect((await other.get(`/ecpa/dk/applications/${row!.id}/attachment`)).statusCode).toBe(404);
    expect((await rowsOf(servant.id, job.id))[0]!.status).toBe('active');
    const confirm = await c.get(`/ecpa/dk/applications/${row!.id}/cancel`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('須具取消測試');
    const done = await c.post(`/ecpa/dk/applications/${row!.id}/cancel`, {});
    expect(done.headers.location).toBe('/ecpa/dk/applications');
    expect((await rowsOf(servant.id, job.id))[0]!.status).toBe('cancelled');
    await c.get(`/ecpa/dk/applications/${demoRow!.id}/cancel`);
    await c.post(`/ecpa/dk/applications/${demoRow!.id}/cancel`, {});
    await deliver();
    expect(mailsTo('agency-dk@example.tw').map((m) => m.subject)).toEqual([expect.stringContaining('應徵者取消應徵通知')]);
    expect(mailsTo('real-agency@example.gov.tw')).toHaveLength(0);
    expect(mailsTo(row!.resumeSnapshot.data.basic.email).filter((m) => m.subject?.includes('取消應徵通知') && m.text?.includes(job.workId))).toHaveLength(1);
    const audit = await s().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.cancel'), eq(auditEvents.subjectId, row!.id)));
    expect(audit[0]).toMatchObject({ actorKind: 'staff', actorId: servant.id });
    // Applying again after a cancel is possible (the index covers active rows only).
    expect((await apply(c, job.workId)).statusCode).toBe(303);
    // 已刪除 / 已到期 in 我的應徵.
    await s().db.update(vacancies).set({ deletedAt: new Date() }).where(eq(vacancies.id, job.id));
    expect((await c.get('/ecpa/dk/applications')).body).toContain('已刪除');
  });

  it('ECPA-5 ADR-0007 the certificates file: one merged PDF (checked by content) is kept with the application; a polyglot or another type is refused beside the field', async () => {
    const job = await csJob();
    const c = await signedIn('current.contract');
    await c.get(`/ecpa/dk/apply/${job.workId}`);
    const bad = new FormData();
    bad.set('consent', '1');
    bad.set('consentVersion', DK_CONSENT_VERSION);
    bad.set('certificates', new Blob([Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>')], { type: 'application/pdf' }), '證件.pdf');
    const refused = await c.postMultipart(`/ecpa/dk/apply/${job.workId}`, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('證件檔案須為 PDF 格式');
    expect(await rowsOf(contract.id, job.id)).toHaveLength(0);
    const good = new FormData();
    good.set('consent', '1');
    good.set('consentVersion', DK_CONSENT_VERSION);
    good.set('certificates', new Blob([minimalPdf('certificates')], { type: 'application/pdf' }), '證件.pdf');
    const ok = await c.postMultipart(`/ecpa/dk/apply/${job.workId}`, good);
    expect(ok.statusCode).toBe(303);
    const [row] = await rowsOf(contract.id, job.id);
    expect(row).toMatchObject({ attachFiles: true, attachmentName: '證件.pdf', attachmentType: 'application/pdf' });
    const dl = await c.get(`/ecpa/dk/applications/${row!.id}/attachment`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('GEN-2 ACS-1 the batch produces each pending civil servant\'s PDF from the HR database with exactly the vacancy\'s AGY-4 parts; the agency list shows 履歷資料產製中..... until then; the run is recorded', async () => {
    const job = await csJob({ title: '須具批次', civilServiceSections: TRAINING_SECTIONS });
    const c = await signedIn('civil.servant');
    await apply(c, job.workId);
    const [row] = await rowsOf(servant.id, job.id);
    const report = await runResumeBatch(deps(), { trigger: 'schedule' });
    expect(report.produced).toBeGreaterThanOrEqual(1);
    const [after] = await rowsOf(servant.id, job.id);
    expect(after).toMatchObject({ resumeFileState: 'ready', resumeFileKey: resumeFileKey(row!.id) });
    const pdf = await s().storage.getBuffer(resumeFileKey(row!.id));
    const text = (await pdfText(pdf!)).replace(/\s+/g, '');
    expect(text).toContain('張家豪');
    expect(text).toContain('訓練及進修');
    expect(text).toContain('獎懲');
    expect(text).not.toContain('考績(成)或成績考核');
    expect(text).not.toContain('兵役');
    const [run] = await s().db.select().from(resumeBatchRuns).where(eq(resumeBatchRuns.id, report.runId));
    expect(run).toMatchObject({ trigger: 'schedule', produced: report.produced });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    // A second run finds nothing to do (exactly once).
    const again = await runResumeBatch(deps(), { trigger: 'schedule' });
    expect(again.produced).toBe(0);
  });

  it('GEN-3 a crash mid-batch loses nothing and duplicates nothing: rerun → one file per application, all ready', async () => {
    await runResumeBatch(deps(), { trigger: 'schedule' }); // what earlier tests left waiting
    const job = await csJob({ title: '須具中斷' });
    const a = await signedIn('civil.servant');
    const b = await signedIn('current.contract');
    const jobs = [job, await csJob(), await csJob()];
    for (const j of jobs) {
      await apply(a, j.workId);
      await apply(b, j.workId);
    }
    const ids = (await Promise.all(jobs.map(async (j) => [...(await rowsOf(servant.id, j.id)), ...(await rowsOf(contract.id, j.id))]))).flat().map((r) => r.id);
    expect(ids).toHaveLength(6);
    // The worker "dies" after storing its third file, before marking it ready.
    let stored = 0;
    const crash = runResumeBatch(deps(), {
      trigger: 'schedule',
      hooks: {
        rethrow: true,
        afterStore: async () => {
          if (++stored === 3) throw new Error('worker killed');
        },
      },
    });
    await expect(crash).rejects.toThrow('worker killed');
    // Two files ready, the third stored but its row still 'producing' (the worker died), three untouched; the run unfinished.
    const mid = await Promise.all(ids.map(async (id) => (await s().db.select().from(applications).where(eq(applications.id, id)))[0]!.resumeFileState));
    expect(mid.filter((x) => x === 'ready')).toHaveLength(2);
    expect(mid.filter((x) => x === 'producing')).toHaveLength(1);
    expect(mid.filter((x) => x === 'pending')).toHaveLength(3);
    expect((await s().db.select().from(resumeBatchRuns)).some((r) => r.finishedAt === null)).toBe(true);
    // The next batch (6 hours later; the stale 'producing' row is claimable again) finishes the rest.
    const later = { ...deps(), clock: fixedClock(new Date(Date.now() + 6 * 3600_000)) };
    const rerun = await runResumeBatch(later, { trigger: 'schedule' });
    expect(rerun.produced).toBe(4);
    const rows = await Promise.all(ids.map(async (id) => (await s().db.select().from(applications).where(eq(applications.id, id)))[0]!));
    expect(rows.every((r) => r.resumeFileState === 'ready' && r.resumeFileKey === resumeFileKey(r.id))).toBe(true);
    for (const id of ids) expect((await s().storage.getBuffer(resumeFileKey(id)))?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Exactly one claim that finished per application; at most one re-claim (the one that crashed).
    expect(rows.every((r) => r.resumeFileAttempts >= 1 && r.resumeFileAttempts <= 2)).toBe(true);
  });

  it('GEN-2 a person gone from the HR database or 卸職 at batch time → failed with a reason the agency sees', async () => {
    const job = await csJob({ title: '須具卸職', orgId: '376420000A', orgName: '宜蘭縣政府' });
    const c = await signedIn('current.contract');
    await apply(c, job.workId);
    const [row] = await rowsOf(contract.id, job.id);
    hrdb.left.add(row!.resumeSnapshot.origin!.personId);
    try {
      await runResumeBatch(deps(), { trigger: 'manual', vacancyId: job.id });
    } finally {
      hrdb.left.clear();
    }
    const [after] = await rowsOf(contract.id, job.id);
    expect(after).toMatchObject({ resumeFileState: 'failed', resumeFileLastError: 'hrdb-left-service' });
    const hr = await signedIn('yilan.hr');
    const list = await hr.get(`/agency/vacancies/${job.id}/applicants`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('履歷無法產製：應徵者已卸職');
    // Final: the next batch does not retry it.
    expect((await runResumeBatch(deps(), { trigger: 'manual', vacancyId: job.id })).failed).toBe(0);
  });

  it('GEN-2 ADM-1 立即產製 on the back-office vacancy page produces that vacancy\'s waiting files now, audited; the agency list goes from 履歷資料產製中..... to ready', async () => {
    const job = await csJob({ title: '須具立即產製', orgId: '376420000A', orgName: '宜蘭縣政府' });
    const other = await csJob();
    const c = await signedIn('civil.servant');
    await apply(c, job.workId);
    await apply(c, other.workId);
    const hr = await signedIn('yilan.hr');
    const before = await hr.get(`/agency/vacancies/${job.id}/applicants`);
    expect(before.body).toContain('履歷資料產製中.....');
    const admin = await signedIn('dgpa.admin');
    const page = await admin.get(`/backoffice/vacancies/${job.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('立即產製');
    expect(page.body).toContain('待產製 1 份');
    // Agency HR and civil servants cannot call it.
    expect((await hr.post(`/backoffice/vacancies/${job.id}/produce-resumes`, {})).statusCode).toBe(404);
    const done = await admin.post(`/backoffice/vacancies/${job.id}/produce-resumes`, {});
    expect(done.statusCode).toBe(303);
    expect((await rowsOf(servant.id, job.id))[0]!.resumeFileState).toBe('ready');
    expect((await rowsOf(servant.id, other.id))[0]!.resumeFileState).toBe('pending');
    const audit = await s().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.batch.manual'), eq(auditEvents.subjectId, job.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: 'staff', details: expect.objectContaining({ produced: 1 }) });
    // The run is listed on the dashboard (start, end, trigger, counts).
    const dash = await admin.get('/backoffice/dashboard');
    expect(dash.body).toContain('公務人員履歷批次產製紀錄');
    expect(dash.body).toContain('<span>立即產製</span>');
    const after = await hr.get(`/agency/vacancies/${job.id}/applicants`);
    expect(after.body).not.toContain('履歷資料產製中.....');
    expect(after.body).toContain('name="app"');
  });
});
