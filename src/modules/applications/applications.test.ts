// 應徵 end to end over HTTP on both databases (APP-1..APP-7, GEN-1, SYS-3, SYS-4), mail through the outbox to a
// real (in-process) SMTP server.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createResume, createVacancy, signInApplicant } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { resumes } from '../resumes/index.ts';
import { vacancies } from '../vacancies/index.ts';
import { applications } from './application.schema.ts';
import { addMonths, CONSENT_VERSION } from './application.rules.ts';
import { purgeExpiredApplications } from './delete-application.ts';
import { produceResumeFile, resumeFileKey, sweepResumeFiles } from './produce-resume-file.ts';
import { applicationCounts, deleteApplicationRow, resumeFileInUse } from './application.repo.ts';

const PHOTO = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe.each(dbDrivers())('applying on %s', (driver) => {
  const t = useTestApp(driver);
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
  });
  const s = () => t.current.services;
  const deliver = () => deliverDueMail({ db: s().db, transport, clock: s().clock, mailFrom: t.current.config.mailFrom });
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
  const today = () => s().clock.today();

  /** A signed-in applicant with a saved resume (photo + attachment in storage) and a client holding the session. */
  async function applicant(email: string) {
    const a = await signInApplicant({ services: s() });
    await s().storage.put(`test/photo-${a.id}`, PHOTO, { contentType: 'image/jpeg' });
    await s().storage.put(`test/att-${a.id}`, PDF, { contentType: 'application/pdf' });
    const resume = await createResume(s(), {
      applicantId: a.id,
      basic: { chineseName: '林小華', birthDate: '1991-01-14', gender: 'F', phone: '0912-345-678', email },
      photoKey: `test/photo-${a.id}`,
      attachmentKey: `test/att-${a.id}`,
      attachmentName: '證照.pdf',
      attachmentType: 'application/pdf',
      attachmentSize: PDF.length,
    });
    const c = new HttpClient(t.current.app);
    c.cookie = a.cookie;
    return { a, c, resume };
  }
  const openJob = (o: Parameters<typeof createVacancy>[1] = {}) => createVacancy(s(), { accessMode: 'open', vitaeEmail: 'hr@agency.example.tw', ...o });
  const applyFields = (workIds: string[], o: Record<string, string> = {}) => ({ workId: workIds, consent: '1', consentVersion: CONSENT_VERSION, ...o });
  const rowsOf = (applicantId: string) => s().db.select().from(applications).where(eq(applications.applicantId, applicantId));
  /** Deletes an application row and checks its resume file, then keeps that transaction open until released. */
  function heldDeletion(applicationId: string, key: string) {
    let release!: () => void;
    const gate = new Promise<void>((res) => (release = res));
    const inUse = s().db.transaction(async (tx) => {
      await deleteApplicationRow(tx, applicationId);
      const used = await resumeFileInUse(tx, key);
      await gate;
      return used;
    });
    return { inUse, release };
  }

  it('APP-1 PUB-3 without a saved resume the job sends the applicant to 履歷填寫 and back', async () => {
    const a = await signInApplicant({ services: s() });
    const c = new HttpClient(t.current.app);
    c.cookie = a.cookie;
    const job = await openJob();
    const res = await c.get(`/platform/apply/${job.workId}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/platform/resume?next=${encodeURIComponent(`/platform/apply/${job.workId}`)}`);
  });

  it('APP-2 APP-7 我要應徵 → 應徵職缺 (jobs, resume, consent) → 確定應徵: one application with consent version and time; the mail lists the jobs and links to 我的應徵', async () => {
    const { a, c } = await applicant('hua-apply@example.tw');
    const j1 = await openJob({ title: '約僱人員（資料整理）' });
    const j2 = await openJob({ title: '工友' });
    expect((await c.get(`/platform/apply/${j1.workId}`)).headers.location).toBe('/platform/apply');
    await c.get(`/platform/apply/${j2.workId}`);
    const page = await c.get('/platform/apply');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('約僱人員（資料整理）');
    expect(page.body).toContain('工友');
    expect(page.body).toContain('授權人事總處取得完整履歷資料');
    expect(page.body).toContain('林小華'); // the resume preview
    expect(page.body).not.toContain('線上應徵尚未開放');
    // No consent tick: the page again with the message beside the field, the list kept.
    const noConsent = await c.post('/platform/apply', { workId: [j1.workId, j2.workId], consentVersion: CONSENT_VERSION, attach: '1' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('請勾選同意授權人事總處取得完整履歷資料');
    expect(noConsent.body).toMatch(/name="attach" value="1" checked/);
    expect(await rowsOf(a.id)).toHaveLength(0);
    const done = await c.post('/platform/apply', applyFields([j1.workId, j2.workId], { attach: '1' }));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/platform/applications');
    const rows = await rowsOf(a.id);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.consentVersion).toBe(CONSENT_VERSION);
      expect(r.consentAt).toBeInstanceOf(Date);
      expect(r.resumeFileState).toBe('pending');
      expect(r.attachFiles).toBe(true);
    }
    const audits = await s().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.create'), eq(auditEvents.actorId, a.id)));
    expect(audits).toHaveLength(2);
    await deliver();
    const [mail] = mailsTo('hua-apply@example.tw');
    expect(mail?.subject).toContain('應徵職缺通知');
    expect(mail?.text).toContain(j1.workId);
    expect(mail?.text).toContain(j2.workId);
    expect(mail?.text).toContain('http://localhost:3000/platform/applications');
    // The list is empty after applying.
    expect((await c.get('/platform/apply')).body).toContain('應徵清單中沒有職缺');
    expect((await applicationCounts(s().db, [j1.id, j2.id])).get(j1.id)).toBe(1);
  });

  it('APP-2 20 parallel 確定應徵 of the same job make exactly one application; the others are told 您已應徵過此職缺, never a 500', async () => {
    const { a, c } = await applicant('hua-race@example.tw');
    const job = await openJob();
    await c.get(`/platform/apply/${job.workId}`);
    await c.get('/platform/apply');
    const results = await Promise.all(Array.from({ length: 20 }, () => c.post('/platform/apply', applyFields([job.workId]))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, ...Array<number>(19).fill(409)]);
    expect(results.find((r) => r.statusCode === 409)?.body).toContain('您已應徵過此職缺');
    expect(await rowsOf(a.id)).toHaveLength(1);
    await deliver();
    expect(mailsTo('hua-race@example.tw')).toHaveLength(1);
  });

  it('APP-2 SYS-4 forged job ids, 須具 / 不使用 / deleted / expired jobs are refused per job with a clear message; the valid one still goes through', async () => {
    const { a, c } = await applicant('hua-forged@example.tw');
    const ok = await openJob();
    const civil = await createVacancy(s(), { accessMode: 'civil_service' });
    const none = await createVacancy(s(), { accessMode: 'none' });
    const deleted = await openJob({ deletedAt: new Date() });
    const expired = await openJob({ validFrom: addDays(today(), -30), validTo: addDays(today(), -1) });
    await c.get('/platform/apply');
    const bad = await c.post('/platform/apply', applyFields([civil.workId, none.workId, deleted.workId, expired.workId, '1159999999', 'x<script>']));
    expect(bad.statusCode).toBe(409);
    expect(bad.body).toContain('不開放線上應徵');
    expect(bad.body).toContain('已被徵才機關刪除');
    expect(bad.body).toContain('已超過上網有效期間');
    expect(bad.body).toContain('查無此職缺');
    expect(await rowsOf(a.id)).toHaveLength(0);
    const mixed = await c.post('/platform/apply', applyFields([expired.workId, ok.workId]));
    expect(mixed.statusCode).toBe(303);
    expect((await rowsOf(a.id)).map((r) => r.vacancyId)).toEqual([ok.id]);
    expect((await c.get('/platform/applications')).body).toContain('已超過上網有效期間');
    // The QR path of a 須具 job goes to its 應徵 explanation, of an unknown one to 404.
    expect((await c.get(`/platform/apply/${civil.workId}`)).headers.location).toBe(`/jobs/${civil.workId}/apply`);
    expect((await c.get('/platform/apply/1159999998')).statusCode).toBe(404);
  });

  it('SYS-4 確定應徵 without the CSRF token is refused and nothing is stored', async () => {
    const { a, c } = await applicant('hua-csrf@example.tw');
    const job = await openJob();
    const res = await c.post('/platform/apply', applyFields([job.workId]), { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await rowsOf(a.id)).toHaveLength(0);
  });

  it('APP-1 a resume deleted in another tab between preview and confirm: back to 履歷填寫 with the reason, nothing stored', async () => {
    const { a, c } = await applicant('hua-deleted@example.tw');
    const job = await openJob();
    await c.get(`/platform/apply/${job.workId}`);
    await c.get('/platform/apply');
    await s().db.delete(resumes).where(eq(resumes.applicantId, a.id));
    const res = await c.post('/platform/apply', applyFields([job.workId]));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/platform/resume');
    expect((await c.followRedirects(res)).body).toContain('您的履歷已刪除');
    expect(await rowsOf(a.id)).toHaveLength(0);
  });

  it('APP-3 the application keeps its own copy: later edits and 刪除履歷 change nothing; photo and attachment are copied in storage', async () => {
    const { a, c, resume } = await applicant('hua-frozen@example.tw');
    const job = await openJob();
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([job.workId], { attach: '1' }));
    const [row] = await rowsOf(a.id);
    expect(row!.resumeSnapshot.data.basic.chineseName).toBe('林小華');
    expect(row!.photoKey).not.toBe(resume.photoKey);
    expect(row!.attachmentKey).not.toBe(resume.attachmentKey);
    await s().db.update(resumes).set({ basic: { ...resume.basic, chineseName: '改過名' } }).where(eq(resumes.id, resume.id));
    await s().storage.delete(resume.photoKey!);
    await s().storage.delete(resume.attachmentKey!);
    await s().db.delete(resumes).where(eq(resumes.id, resume.id));
    const [after] = await rowsOf(a.id);
    expect(after!.resumeSnapshot.data.basic.chineseName).toBe('林小華');
    expect(await s().storage.getBuffer(after!.photoKey!)).toEqual(PHOTO);
    expect(await s().storage.getBuffer(after!.attachmentKey!)).toEqual(PDF);
    // GEN-1: the PDF is made from the frozen copy.
    expect(await produceResumeFile(s().deps.applications, after!.id)).toBe('ready');
    const [ready] = await rowsOf(a.id);
    expect(ready!.resumeFileState).toBe('ready');
    expect(ready!.resumeFileKey).toBe(resumeFileKey(after!.id));
    expect((await s().storage.getBuffer(ready!.resumeFileKey!))!.subarray(0, 5).toString()).toBe('%PDF-');
    // Idempotent: a ready one is left alone.
    expect(await produceResumeFile(s().deps.applications, after!.id)).toBe('skipped');
  });

  it('GEN-1 GEN-3 a worker that crashes after storing the file: the sweeper re-runs it later and there is exactly one file, ready', async () => {
    const { a, c } = await applicant('hua-crash@example.tw');
    const job = await openJob();
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([job.workId]));
    const [row] = await rowsOf(a.id);
    const deps = s().deps.applications;
    // The first worker dies between storing the PDF and marking the row ready (its promise never settles).
    void produceResumeFile(deps, row!.id, { afterStore: () => new Promise<void>(() => undefined) });
    await expect.poll(async () => (await rowsOf(a.id))[0]!.resumeFileState).toBe('producing');
    await expect.poll(async () => s().storage.exists(resumeFileKey(row!.id))).toBe(true);
    // A second delivery of the job while the first looks alive does nothing.
    expect(await produceResumeFile(deps, row!.id)).toBe('skipped');
    // Six minutes later the sweeper takes the stale row over.
    const later = fixedClock(new Date(Date.now() + 6 * 60_000));
    expect(await sweepResumeFiles({ ...deps, clock: later }, { produceInline: true })).toBeGreaterThanOrEqual(1);
    const [done] = await rowsOf(a.id);
    expect(done!.resumeFileState).toBe('ready');
    expect(done!.resumeFileAttempts).toBe(2);
    const dir = `${t.current.config.dataDir}`;
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes(row!.id) && f.endsWith('.pdf'));
    expect(files).toHaveLength(1);
  });

  it('GEN-1 one 確定應徵 of several jobs makes one resume file, shared by its applications; a later application with the same resume is ready at once; a changed resume gets its own file', async () => {
    const { a, c, resume } = await applicant('hua-shared@example.tw');
    const [j1, j2, j3, j4] = [await openJob(), await openJob(), await openJob(), await openJob()];
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId, j2.workId]));
    const first = await rowsOf(a.id);
    expect(first.map((r) => r.resumeFileState)).toEqual(['pending', 'pending']);
    expect(new Set(first.map((r) => r.resumeFileDigest)).size).toBe(1);
    const deps = s().deps.applications;
    // Either job makes the file; the other application is ready with it, nothing is rendered twice.
    expect(await produceResumeFile(deps, first[0]!.id)).toBe('ready');
    const both = await rowsOf(a.id);
    expect(both.every((r) => r.resumeFileState === 'ready' && r.resumeFileKey === resumeFileKey(first[0]!.id))).toBe(true);
    expect(await produceResumeFile(deps, first[1]!.id)).toBe('skipped');
    // The same resume tomorrow: inserted ready, sharing the file.
    await c.post('/platform/apply', applyFields([j3.workId]));
    const third = (await rowsOf(a.id)).find((r) => r.vacancyId === j3.id)!;
    expect(third).toMatchObject({ resumeFileState: 'ready', resumeFileKey: resumeFileKey(first[0]!.id) });
    expect(third.resumeFileReadyAt).toEqual(third.appliedAt);
    // A changed resume (another phone number) is another file.
    await s().db.update(resumes).set({ basic: { ...resume.basic, phone: '0987-654-321' } }).where(eq(resumes.id, resume.id));
    await c.post('/platform/apply', applyFields([j4.workId]));
    const fourth = (await rowsOf(a.id)).find((r) => r.vacancyId === j4.id)!;
    expect(fourth.resumeFileState).toBe('pending');
    expect(fourth.resumeFileDigest).not.toBe(third.resumeFileDigest);
    expect(await produceResumeFile(deps, fourth.id)).toBe('ready');
    expect((await rowsOf(a.id)).find((r) => r.id === fourth.id)!.resumeFileKey).toBe(resumeFileKey(fourth.id));
    const pdf = await s().storage.getBuffer(resumeFileKey(fourth.id));
    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('GEN-1 a job of an application whose shared file a live worker is making waits for it; a job that finds the file ready takes it', async () => {
    const { a, c } = await applicant('hua-sibling@example.tw');
    const [j1, j2] = [await openJob(), await openJob()];
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId]));
    await c.post('/platform/apply', applyFields([j2.workId]));
    const both = await rowsOf(a.id);
    const r1 = both.find((r) => r.vacancyId === j1.id);
    const r2 = both.find((r) => r.vacancyId === j2.id);
    expect(r2!.resumeFileState).toBe('pending');
    const deps = s().deps.applications;
    let release!: () => void;
    const held = new Promise<void>((res) => (release = res));
    const making = produceResumeFile(deps, r1!.id, { afterStore: () => held });
    await expect.poll(async () => s().storage.exists(resumeFileKey(r1!.id))).toBe(true);
    // r1 is being made: r2's job neither claims nor renders.
    expect(await produceResumeFile(deps, r2!.id)).toBe('skipped');
    expect((await rowsOf(a.id)).find((r) => r.id === r2!.id)!.resumeFileState).toBe('pending');
    release();
    expect(await making).toBe('ready');
    // Made: r2 is ready with r1's file.
    expect((await rowsOf(a.id)).find((r) => r.id === r2!.id)).toMatchObject({ resumeFileState: 'ready', resumeFileKey: resumeFileKey(r1!.id) });
    // A row left pending (its sibling was made before it was committed) takes the ready file when its job runs.
    await s().db.update(applications).set({ resumeFileState: 'pending', resumeFileKey: null, resumeFileReadyAt: null }).where(eq(applications.id, r2!.id));
    expect(await produceResumeFile(deps, r2!.id)).toBe('ready');
    expect((await rowsOf(a.id)).find((r) => r.id === r2!.id)).toMatchObject({ resumeFileState: 'ready', resumeFileKey: resumeFileKey(r1!.id) });
  });

  it("APP-4 我的應徵: 職缺編號, 職稱, 機關, 應徵時間, 已調閱 with its date, 【下載】 of the attachment sent; 已刪除 / 已到期 close the download; another person's id is 404", async () => {
    const { a, c } = await applicant('hua-mine@example.tw');
    const j1 = await openJob({ title: '資料登錄員' });
    const j2 = await openJob({ title: '駕駛' });
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId, j2.workId], { attach: '1' }));
    const [r1, r2] = (await rowsOf(a.id)).sort((x, y) => (x.vacancyId === j1.id ? -1 : y.vacancyId === j1.id ? 1 : 0));
    await s().db.update(applications).set({ viewedAt: new Date('2026-06-17T02:00:00Z') }).where(eq(applications.id, r1!.id));
    const page = await c.get('/platform/applications');
    expect(page.statusCode).toBe(200);
    for (const text of [j1.workId, '資料登錄員', '駕駛', '行政院人事行政總處', '已調閱（115/06/17）', '機關已調閱您的履歷', '已送出']) expect(page.body).toContain(text);
    const dl = await c.get(`/platform/applications/${r1!.id}/attachment`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(PDF);
    await s().db.update(vacancies).set({ deletedAt: new Date() }).where(eq(vacancies.id, j1.id));
    await s().db.update(vacancies).set({ validFrom: addDays(today(), -30), validTo: addDays(today(), -1) }).where(eq(vacancies.id, j2.id));
    const closed = await c.get('/platform/applications');
    expect(closed.body).toContain('已刪除');
    expect(closed.body).toContain('已到期');
    expect(closed.body).not.toContain(`/platform/applications/${r1!.id}/attachment`);
    expect((await c.get(`/platform/applications/${r1!.id}/attachment`)).statusCode).toBe(404);
    expect((await c.get(`/platform/applications/${r2!.id}/attachment`)).statusCode).toBe(404);
    const other = await signInApplicant({ services: s() });
    const oc = new HttpClient(t.current.app);
    oc.cookie = other.cookie;
    for (const path of [`/platform/applications/${r1!.id}/attachment`, `/platform/applications/${r1!.id}/cancel`, `/platform/applications/${r1!.id}/delete`]) {
      expect((await oc.get(path)).statusCode).toBe(404);
    }
    await oc.get('/platform/applications');
    expect((await oc.post(`/platform/applications/${r1!.id}/cancel`, {})).statusCode).toBe(404);
  });

  it('APP-4 ADM-1 a job taken down by the back office shows 已刪除 on 我的應徵 and its attachment is no longer downloadable', async () => {
    const { a, c } = await applicant('hua-down@example.tw');
    const job = await openJob({ title: '下架測試職缺' });
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([job.workId], { attach: '1' }));
    const [row] = await rowsOf(a.id);
    const before = await c.get('/platform/applications');
    expect(before.body).toContain(`/platform/applications/${row!.id}/attachment`);
    expect(before.body).not.toContain('<strong class="tag">已刪除</strong>');
    expect((await c.get(`/platform/applications/${row!.id}/attachment`)).statusCode).toBe(200);
    await s().db.update(vacancies).set({ takenDownAt: new Date(), takenDownReason: '內容不符規定' }).where(eq(vacancies.id, job.id));
    const after = await c.get('/platform/applications');
    expect(after.body).toContain('<strong class="tag">已刪除</strong>');
    expect(after.body).not.toContain(`/platform/applications/${row!.id}/attachment`);
    expect((await c.get(`/platform/applications/${row!.id}/attachment`)).statusCode).toBe(404);
  });

  it('APP-5 取消應徵 asks first, then mails the applicant and the vacancy 聯絡E-mail, and is audited; demo and imported jobs get no agency mail', async () => {
    const { a, c } = await applicant('hua-cancel@example.tw');
    const job = await openJob({ vitaeEmail: 'hr-cancel@agency.example.tw', source: 'form' });
    const demo = await openJob({ vitaeEmail: 'real-agency@example.gov.tw', source: 'demo' });
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([job.workId, demo.workId]));
    const rows = await rowsOf(a.id);
    for (const r of rows) {
      const confirm = await c.get(`/platform/applications/${r.id}/cancel`);
      expect(confirm.body).toContain('確定要取消應徵');
      const res = await c.post(`/platform/applications/${r.id}/cancel`, {});
      expect(res.headers.location).toBe('/platform/applications');
    }
    expect((await rowsOf(a.id)).every((r) => r.status === 'cancelled' && r.cancelledAt)).toBe(true);
    await deliver();
    expect(mailsTo('hua-cancel@example.tw').filter((m) => m.subject?.includes('取消應徵通知'))).toHaveLength(2);
    expect(mailsTo('hr-cancel@agency.example.tw').map((m) => m.subject)).toEqual(['【不須具公務人員任用資格職缺應徵平台】應徵者取消應徵通知']);
    expect(mailsTo('real-agency@example.gov.tw')).toHaveLength(0);
    expect(await s().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.cancel'), eq(auditEvents.actorId, a.id)))).toHaveLength(2);
    // Cancelled: applying again is possible.
    await c.get('/platform/apply');
    expect((await c.post('/platform/apply', applyFields([job.workId]))).statusCode).toBe(303);
    // A second cancel of a cancelled one says so.
    const again = await c.post(`/platform/applications/${rows[0]!.id}/cancel`, {});
    expect(again.statusCode).toBe(303);
  });

  it('APP-6 SYS-3 a record may be deleted 12 months after the job closed (with its files); earlier it is refused; retention purges what is older, audited', async () => {
    const { a, c } = await applicant('hua-old@example.tw');
    const job = await openJob();
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([job.workId], { attach: '1' }));
    const [row] = await rowsOf(a.id);
    await c.get(`/platform/applications`);
    expect((await c.post(`/platform/applications/${row!.id}/delete`, {})).statusCode).toBe(303);
    expect(await rowsOf(a.id)).toHaveLength(1);
    await s().db.update(vacancies).set({ validFrom: addMonths(today(), -14), validTo: addMonths(today(), -12) }).where(eq(vacancies.id, job.id));
    expect((await c.get('/platform/applications')).body).toContain('刪除紀錄');
    expect((await c.get(`/platform/applications/${row!.id}/delete`)).body).toContain('確定要刪除這筆應徵紀錄');
    await c.post(`/platform/applications/${row!.id}/delete`, {});
    expect(await rowsOf(a.id)).toHaveLength(0);
    expect(await s().storage.exists(row!.attachmentKey!)).toBe(false);
    // Retention (default 36 months): an application of a job closed 37 months ago is purged by maintenance.
    const b = await applicant('hua-purge@example.tw');
    const old = await openJob();
    await b.c.get('/platform/apply');
    await b.c.post('/platform/apply', applyFields([old.workId]));
    await s().db.update(vacancies).set({ validFrom: addMonths(today(), -40), validTo: addMonths(today(), -37) }).where(eq(vacancies.id, old.id));
    expect(s().deps.applications.retentionMonths).toBe(36);
    expect(await purgeExpiredApplications(s().deps.applications)).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(b.a.id)).toHaveLength(0);
    expect((await s().db.select().from(auditEvents).where(eq(auditEvents.action, 'application.purge'))).length).toBeGreaterThanOrEqual(1);
  });

  it('APP-6 GEN-1 a resume file shared by two applications is deleted with the last of them, not the first', async () => {
    const { a, c } = await applicant('hua-shared-old@example.tw');
    const [j1, j2] = [await openJob(), await openJob()];
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId, j2.workId]));
    const rows = await rowsOf(a.id);
    expect(await produceResumeFile(s().deps.applications, rows[0]!.id)).toBe('ready');
    const key = resumeFileKey(rows[0]!.id);
    expect((await rowsOf(a.id)).every((r) => r.resumeFileKey === key)).toBe(true);
    await s().db.update(vacancies).set({ validFrom: addMonths(today(), -14), validTo: addMonths(today(), -12) }).where(eq(vacancies.id, j1.id));
    await s().db.update(vacancies).set({ validFrom: addMonths(today(), -14), validTo: addMonths(today(), -12) }).where(eq(vacancies.id, j2.id));
    await c.get('/platform/applications');
    const [first, second] = [rows.find((r) => r.vacancyId === j1.id)!, rows.find((r) => r.vacancyId === j2.id)!];
    expect((await c.post(`/platform/applications/${first.id}/delete`, {})).statusCode).toBe(303);
    expect(await rowsOf(a.id)).toHaveLength(1);
    expect(await s().storage.exists(key)).toBe(true);
    await c.post(`/platform/applications/${second.id}/delete`, {});
    expect(await rowsOf(a.id)).toHaveLength(0);
    expect(await s().storage.exists(key)).toBe(false);
  });

  it.runIf(driver === 'postgres')('SYS-3 GEN-1 the last two applications sharing a resume file deleted at the same moment: the second waits and sees the file unused', async () => {
    const { a, c } = await applicant('hua-shared-race@example.tw');
    const [j1, j2] = [await openJob(), await openJob()];
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId, j2.workId]));
    const [r1, r2] = await rowsOf(a.id);
    expect(await produceResumeFile(s().deps.applications, r1!.id)).toBe('ready');
    const key = resumeFileKey(r1!.id);
    // The first deletion checks (the other still there: in use) and holds its transaction open.
    const first = heldDeletion(r1!.id, key);
    await new Promise((res) => setTimeout(res, 100));
    const second = s().db.transaction(async (tx) => {
      await deleteApplicationRow(tx, r2!.id);
      return resumeFileInUse(tx, key);
    });
    await new Promise((res) => setTimeout(res, 200));
    first.release();
    expect(await first.inUse).toBe(true);
    // Without waiting it would still see the first row (uncommitted) and keep the file for ever.
    expect(await second).toBe(false);
  });

  it.runIf(driver === 'postgres')('GEN-1 an application made while the last sharer of its file is being deleted does not take that file: it gets its own', async () => {
    const { a, c } = await applicant('hua-shared-late@example.tw');
    const [j1, j2] = [await openJob(), await openJob()];
    await c.get('/platform/apply');
    await c.post('/platform/apply', applyFields([j1.workId]));
    const [r1] = await rowsOf(a.id);
    expect(await produceResumeFile(s().deps.applications, r1!.id)).toBe('ready');
    const key = resumeFileKey(r1!.id);
    const deleting = heldDeletion(r1!.id, key);
    await new Promise((res) => setTimeout(res, 100));
    const applying = c.post('/platform/apply', applyFields([j2.workId]));
    await new Promise((res) => setTimeout(res, 200));
    deleting.release();
    expect(await deleting.inUse).toBe(false); // the file goes with r1
    expect((await applying).statusCode).toBe(303);
    const [r2] = await rowsOf(a.id);
    expect(r2!.vacancyId).toBe(j2.id);
    expect(r2).toMatchObject({ resumeFileState: 'pending', resumeFileKey: null });
  });

  it('APP-4 我的應徵 is paged, newest first', async () => {
    const acc = await createAccount(s());
    const { a, c } = await applicant('hua-paged@example.tw');
    void acc;
    const jobs = [];
    for (let i = 0; i < 22; i++) jobs.push(await openJob({ title: `分頁職缺${String(i).padStart(2, '0')}` }));
    for (const [i, j] of jobs.entries()) {
      await s().db.insert(applications).values({
        vacancyId: j.id,
        applicantId: a.id,
        appliedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        consentVersion: CONSENT_VERSION,
        consentAt: new Date(),
        resumeSnapshot: { v: 1, resumeId: 'x', savedAt: '', data: { basic: {} } as never, attachmentName: null },
      });
    }
    const p1 = await c.get('/platform/applications');
    expect(p1.body.indexOf('分頁職缺21')).toBeGreaterThan(-1);
    expect(p1.body.indexOf('分頁職缺21')).toBeLessThan(p1.body.indexOf('分頁職缺20'));
    expect(p1.body).not.toContain('分頁職缺01');
    expect((await c.get('/platform/applications?page=2')).body).toContain('分頁職缺01');
    // SYS-6: the English texts of the page.
    expect((await c.get('/platform/applications?lang=en')).body).toContain('My applications');
    expect((await c.get('/platform/applications?page=abc')).statusCode).toBe(200);
  });
});
