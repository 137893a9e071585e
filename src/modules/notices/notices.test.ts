// Notices end to end over HTTP on both databases (ACS-5..ACS-9, NTF-1, NTF-2), the mails delivered through the outbox
// to a real (in-process) SMTP server, the .ics attachment parsed.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAgency, createApplication, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { systemClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import type { ResumeSnapshot } from '../applications/index.ts';
import { noticeStatuses, notices } from './index.ts';

const snapshot = (name: string, email: string) => ({ v: 1, resumeId: 'x', savedAt: new Date().toISOString(), data: { basic: { chineseName: name, email } }, attachmentName: null }) as unknown as ResumeSnapshot;

const fields = (over: Record<string, string> = {}) => ({
  content: '請攜帶身分證<script>alert(1)</script>，準時報到; 謝謝, 再見',
  contactName: '林人事',
  contactPhone: '03-9251000#123',
  contactEmail: 'hr@yilan.example.tw',
  interviewDate: '115/12/10',
  interviewTime: '14:30',
  interviewPlace: '宜蘭縣政府 3F <b>會議室</b>',
  ...over,
});

describe.each(dbDrivers())('notices (%s)', (driver) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let seen = 0;
  const db = () => t.services.db;

  beforeAll(async () => {
    t = await createTestApp(driver);
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
    await t?.close();
  });

  async function deliver(): Promise<ReceivedMail[]> {
    for (;;) {
      const r = await deliverDueMail({ db: t.services.db, transport, clock: systemClock, mailFrom: t.config.mailFrom, storage: t.services.storage });
      if (r.sent + r.failed + r.retried === 0) break;
    }
    const fresh = smtp.received.slice(seen);
    seen = smtp.received.length;
    return fresh;
  }

  async function setup(source: 'form' | 'demo' = 'form') {
    const agency = await createAgency(db(), {});
    const staff = await createStaff(db(), { agencyCode: agency.code, name: '林人事' });
    const c = new HttpClient(t.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    const vacancy = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, source, fillerName: '林人事', fillerPhone: '03-9251000', vitaeEmail: 'hr@yilan.example.tw' });
    const applicant = await createAccount(db());
    const a = await createApplication(db(), { vacancyId: vacancy.id, applicantId: applicant.id, resumeSnapshot: snapshot('王<i>小明</i>', `app.${applicant.id.slice(0, 8)}@example.com`) });
    const applicantClient = new HttpClient(t.app);
    await applicantClient.signInApplicant(applicant.email);
    return { agency, staff, c, vacancy, applicant, a, applicantClient };
  }

  const single = (vId: string, aId: string, q = '') => `/agency/vacancies/${vId}/applicants/${aId}/notice${q}`;

  it('ACS-6 通知面試 to one applicant: the page shows 通知機關, 職缺編號, 通知對象; one notice, one mail with the .ics (TZID Asia/Taipei, escaped), audited', async () => {
    const { c, vacancy, a, agency, staff } = await setup();
    const page = await c.get(single(vacancy.id, a.id));
    expect(page.statusCode).toBe(200);
    for (const text of ['通知職缺面試-內容', '通知機關', '職缺編號', '通知對象', vacancy.workId, '送出邀約', '回上一頁', '聯絡窗口', '聯絡電話', '聯絡Email']) expect(page.body).toContain(text);
    expect(page.body).toContain('王&lt;i>小明&lt;/i>');
    expect(page.body).not.toContain('<i>小明');
    expect(page.body).toContain(agency.name);
    const res = await c.post(single(vacancy.id, a.id), fields());
    expect(res.statusCode).toBe(303);
    const rows = await db().select().from(notices).where(eq(notices.applicationId, a.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'interview', interviewDate: '2026-12-10', interviewTime: '14:30', sentBy: staff.id, reply: null });
    const mails = await deliver();
    const mail = mails.find((m) => m.to.some((x) => x.startsWith('app.')))!;
    expect(mail.subject).toContain('通知面試');
    expect(mail.subject).toContain(vacancy.workId);
    expect(mail.text).toContain('請攜帶身分證<script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script');
    const att = mail.parsed.attachments.find((x) => x.filename === 'interview.ics')!;
    expect(att.contentType).toBe('text/calendar');
    const ics = att.content.toString('utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;TZID=Asia/Taipei:20261210T143000');
    expect(ics).toContain('DTEND;TZID=Asia/Taipei:20261210T153000');
    expect(ics).toContain('TZID:Asia/Taipei');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('請攜帶身分證<script>alert(1)</script>，準時報到\\; 謝謝\\, 再見');
    expect(unfolded).toContain('LOCATION:宜蘭縣政府 3F <b>會議室</b>');
    for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.send'), eq(auditEvents.subjectId, a.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(staff.id);
  });

  it('ACS-6 bad input: messages beside the fields, nothing typed lost, never a 500; a cancelled application is refused', async () => {
    const { c, vacancy, a } = await setup();
    await c.get(single(vacancy.id, a.id));
    const res = await c.post(single(vacancy.id, a.id), fields({ content: '', contactEmail: 'not-an-email', interviewDate: '', interviewTime: '25:00', contactName: '我打的窗口' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('請輸入內容');
    expect(res.body).toContain('聯絡Email格式不正確');
    expect(res.body).toContain('面試時間請以 24 小時制填寫');
    expect(res.body).toContain('value="我打的窗口"');
    await c.get('/lang?to=en&next=%2F');
    const en = await c.post(single(vacancy.id, a.id), fields({ content: '', interviewTime: '9' }));
    expect(en.body).toContain('Enter the content.');
    expect(en.body).toContain('Interview time: use the 24-hour clock');
    expect(en.body).toContain('Interview notice');
    await c.get('/lang?to=zh-TW&next=%2F');
    expect((await c.post(single(vacancy.id, a.id), fields({ interviewDate: 'abc' }))).statusCode).toBe(422);
    expect((await c.post(single(vacancy.id, a.id), fields({ interviewDate: '', interviewTime: '10:00' }))).body).toContain('請一併填寫面試日期');
    expect((await c.post(single(vacancy.id, a.id), {})).statusCode).toBe(422);
    expect((await c.post(single(vacancy.id, a.id), fields(), { csrf: false })).statusCode).toBe(403);
    const cancelled = await createApplication(db(), { vacancyId: vacancy.id, status: 'cancelled', cancelledAt: new Date(), resumeSnapshot: snapshot('取消者', 'x@example.com') });
    const refused = await c.post(single(vacancy.id, cancelled.id), fields());
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('已取消應徵，無法通知');
    expect(await db().select().from(notices).where(eq(notices.applicationId, cancelled.id))).toHaveLength(0);
    expect(await db().select().from(notices).where(eq(notices.applicationId, a.id))).toHaveLength(0);
  });

  it('SYS-4 ACS-6 ACS-7 another agency gets 404 for the vacancy, the application and the notice', async () => {
    const { c, vacancy, a } = await setup();
    await c.post(single(vacancy.id, a.id), fields());
    const [n] = await db().select().from(notices).where(eq(notices.applicationId, a.id));
    const other = await setup();
    expect((await other.c.get(single(vacancy.id, a.id))).statusCode).toBe(404);
    expect((await other.c.post(single(vacancy.id, a.id), fields())).statusCode).toBe(404);
    expect((await other.c.get(single(other.vacancy.id, a.id))).statusCode).toBe(404);
    expect((await other.c.get(`/agency/notices/${n!.id}`)).statusCode).toBe(404);
    expect((await other.c.post(`/agency/vacancies/${other.vacancy.id}/notices/batch`, { notify: [other.a.id, a.id] })).statusCode).toBe(404);
    expect((await other.applicantClient.get(`/platform/notices/${n!.id}`)).statusCode).toBe(404);
    expect((await other.applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'accepted' })).statusCode).toBe(404);
    expect((await other.c.get('/agency/notices')).body).not.toContain(vacancy.workId);
  });

  it('ACS-5 批次通知面試: 請輸入通知職缺內容 with the ids hidden, then one notice and one mail per applicant; a cancelled one refused', async () => {
    const { c, vacancy, a } = await setup();
    const b = await createApplication(db(), { vacancyId: vacancy.id, resumeSnapshot: snapshot('李四', 'li4@example.com') });
    await c.get(single(vacancy.id, a.id));
    const batch = `/agency/vacancies/${vacancy.id}/notices/batch`;
    const step = await c.post(batch, { notify: [a.id, b.id] });
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('請輸入通知職缺內容');
    expect(step.body).toContain(`通知職缺- ${vacancy.workId}`);
    expect(step.body).toContain(`name="notify" value="${a.id}"`);
    expect(step.body).toContain(`name="notify" value="${b.id}"`);
    const bad = await c.post(batch, { notify: [a.id, b.id], do: 'send', ...fields({ contactPhone: '' }) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('請輸入聯絡電話');
    expect(bad.body).toContain(`name="notify" value="${b.id}"`);
    const sent = await c.post(batch, { notify: [a.id, b.id], do: 'send', ...fields({ interviewDate: '', interviewTime: '' }) });
    expect(sent.statusCode).toBe(303);
    expect(await db().select().from(notices).where(eq(notices.kind, 'interview'))).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: a.id }), expect.objectContaining({ applicationId: b.id })]));
    const mails = (await deliver()).filter((m) => m.subject?.includes(vacancy.workId));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([`app.${a.applicantId!.slice(0, 8)}@example.com`, 'li4@example.com'].sort());
    expect(mails.every((m) => m.parsed.attachments.length === 0)).toBe(true);
    const statuses = await noticeStatuses(db(), [a.id, b.id]);
    expect(statuses.get(a.id)!.status).toBe('已通知');
    const cancelled = await createApplication(db(), { vacancyId: vacancy.id, status: 'cancelled', cancelledAt: new Date(), resumeSnapshot: snapshot('取消者', 'x@example.com') });
    const refused = await c.post(batch, { notify: [a.id, cancelled.id], do: 'send', ...fields() });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('取消者');
    expect((await c.post(batch, { notify: ['not-a-uuid'] })).statusCode).toBe(404);
    expect((await c.post(batch, {})).statusCode).toBe(303);
  });

  it('NTF-1 ACS-7 the applicant sees 通知面試職缺, opens 【回覆】, downloads the .ics, accepts once (mail to 聯絡Email); 查看通知 shows 接受 and its time', async () => {
    const { c, vacancy, a, applicantClient } = await setup();
    expect((await noticeStatuses(db(), [a.id])).get(a.id)).toEqual({ status: '', href: null });
    await c.get(single(vacancy.id, a.id));
    await c.post(single(vacancy.id, a.id), fields());
    await deliver();
    const [n] = await db().select().from(notices).where(eq(notices.applicationId, a.id));
    const list = await applicantClient.get('/platform/notices');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('通知面試職缺');
    expect(list.body).toContain('錄取通知職缺');
    expect(list.body).toContain(`/platform/notices/${n!.id}`);
    const page = await applicantClient.get(`/platform/notices/${n!.id}`);
    for (const text of ['林人事', '03-9251000#123', 'hr@yilan.example.tw', '【接受邀約】', '【婉拒邀約】', '115/12/10 14:30']) expect(page.body).toContain(text);
    expect(page.body).not.toContain('<script>alert');
    const ics = await applicantClient.get(`/platform/notices/${n!.id}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART;TZID=Asia/Taipei:20261210T143000');
    const res = await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'accepted' });
    expect(res.statusCode).toBe(303);
    const mails = await deliver();
    expect(mails.map((m) => m.to[0])).toEqual(['hr@yilan.example.tw']);
    expect(mails[0]!.subject).toContain('接受');
    const again = await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'declined' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('您已回覆此通知，無法再次回覆');
    const [after] = await db().select().from(notices).where(eq(notices.id, n!.id));
    expect(after!.reply).toBe('accepted');
    expect(after!.repliedAt).not.toBeNull();
    const status = (await noticeStatuses(db(), [a.id])).get(a.id)!;
    expect(status).toEqual({ status: '接受', href: `/agency/notices/${n!.id}` });
    const view = await c.get(status.href!);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('查看通知');
    expect(view.body).toContain('接受');
    expect(view.body).toContain('回覆時間');
    // ACS-1 ACS-7 the agency's applicant list shows the reply in 面試回覆狀態 and links 查看通知.
    const applicants = await c.get(`/agency/vacancies/${vacancy.id}/applicants`);
    expect(applicants.statusCode).toBe(200);
    expect(applicants.body).toContain(`href="/agency/notices/${n!.id}"`);
    expect(applicants.body).toMatch(/<td[^>]*>\s*接受\s*<\/td>/);
    expect((await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'accept_and_report' })).statusCode).toBe(409);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.reply'), eq(auditEvents.subjectId, n!.id)));
    expect(audits).toHaveLength(1);
  });

  it('ACS-8 NTF-2 錄取通知: sent like 通知面試, the applicant answers 同意被錄取並報到; never mailed for a demo vacancy', async () => {
    const { c, vacancy, a, applicantClient } = await setup('demo');
    const page = await c.get(single(vacancy.id, a.id, '?kind=offer'));
    expect(page.body).toContain('錄取通知-內容');
    expect((await c.post(single(vacancy.id, a.id, '?kind=offer'), fields({ interviewDate: '', interviewTime: '', interviewPlace: '' }))).statusCode).toBe(303);
    await deliver();
    const [n] = await db().select().from(notices).where(eq(notices.applicationId, a.id));
    expect(n!.kind).toBe('offer');
    const mine = await applicantClient.get(`/platform/notices/${n!.id}`);
    expect(mine.body).toContain('【同意被錄取並報到】');
    expect(mine.body).toContain('【婉拒錄取】');
    expect((await applicantClient.get(`/platform/notices/${n!.id}/ics`)).statusCode).toBe(404);
    expect((await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'accepted' })).statusCode).toBe(409);
    expect((await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'accept_and_report' })).statusCode).toBe(303);
    expect(await deliver()).toEqual([]);
    expect((await c.get(`/agency/notices/${n!.id}`)).body).toContain('同意被錄取並報到');
    expect((await noticeStatuses(db(), [a.id])).get(a.id)!.status).toBe('');
  });

  it('ACS-9 查詢回覆紀錄: every notice of the agency, filtered; CSV with BOM and formula guard, audited', async () => {
    const { c, vacancy, a, staff, applicantClient } = await setup();
    await c.get(single(vacancy.id, a.id));
    await c.post(single(vacancy.id, a.id), fields({ content: '=HYPERLINK("x")' }));
    await c.post(single(vacancy.id, a.id, '?kind=offer'), fields());
    const [n] = await db().select().from(notices).where(and(eq(notices.applicationId, a.id), eq(notices.kind, 'interview')));
    await applicantClient.post(`/platform/notices/${n!.id}/reply`, { reply: 'declined' });
    const all = await c.get('/agency/notices');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('共2筆');
    expect((await c.get('/agency/notices?kind=offer')).body).toContain('共1筆');
    expect((await c.get('/agency/notices?reply=declined')).body).toContain('共1筆');
    expect((await c.get('/agency/notices?workId=nope')).body).toContain('共0筆');
    expect((await c.get('/agency/notices?from=999/99/99&kind=<x>')).statusCode).toBe(200);
    const csv = await c.get(`/agency/notices?format=csv&workId=${vacancy.workId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.body).toContain('婉拒');
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.export'), eq(auditEvents.actorId, staff.id)));
    expect(audits).toHaveLength(1);
    expect((await applicantClient.get('/agency/notices')).statusCode).not.toBe(200);
  });

  /** A civil servant's DK application (ECPA-5: staff_user_id set, applicant_id null) to the agency's vacancy. */
  async function civilServantSetup(source: 'form' | 'demo' = 'form') {
    const base = await setup(source);
    const servant = await createStaff(db(), { name: '張家豪', agencyCode: 'A58000000A', roles: ['civil_servant'] });
    const dk = await createApplication(db(), { vacancyId: base.vacancy.id, applicantId: null, staffUserId: servant.id, resumeSnapshot: snapshot('張家豪', `cs.${servant.id.slice(0, 8)}@example.gov.tw`) });
    const servantClient = new HttpClient(t.app);
    await servantClient.signInStaff(servant.account, STAFF_PASSWORD);
    return { ...base, servant, dk, servantClient };
  }

  it('ECPA-5 NTF-1 ACS-7 a civil servant reads the 通知面試 in DK 通知我的職缺 (mail links DK), downloads the .ics, accepts once (mail to 聯絡Email, audited); the agency list shows 接受', async () => {
    const { c, vacancy, dk, servant, servantClient } = await civilServantSetup();
    await c.get(single(vacancy.id, dk.id));
    expect((await c.post(single(vacancy.id, dk.id), fields())).statusCode).toBe(303);
    const sent = (await deliver()).find((m) => m.to[0] === `cs.${servant.id.slice(0, 8)}@example.gov.tw`)!;
    expect(sent.text).toContain(`${t.config.baseUrl}/ecpa/dk/notices`);
    expect(sent.text).not.toContain('/platform/notices');
    expect(sent.text).toContain('DK 職缺應徵');
    const [n] = await db().select().from(notices).where(eq(notices.applicationId, dk.id));
    const list = await servantClient.get('/ecpa/dk/notices');
    expect(list.statusCode).toBe(200);
    for (const text of ['通知我的職缺', '通知面試職缺', '錄取通知職缺', vacancy.workId, '尚未回覆', `href="/ecpa/dk/notices/${n!.id}"`, '【回覆】', '我的應徵', 'href="/ecpa/dk/applications"']) expect(list.body).toContain(text);
    expect(list.body).not.toContain('/platform/notices');
    const page = await servantClient.get(`/ecpa/dk/notices/${n!.id}`);
    expect(page.statusCode).toBe(200);
    for (const text of ['林人事', '03-9251000#123', 'hr@yilan.example.tw', '聯絡窗口', '聯絡電話', '聯絡Email', '【接受邀約】', '【婉拒邀約】', '115/12/10 14:30', `action="/ecpa/dk/notices/${n!.id}/reply"`, `href="/ecpa/dk/notices/${n!.id}/ics"`, 'name="_csrf"']) expect(page.body).toContain(text);
    expect(page.body).not.toContain('<script>alert');
    const ics = await servantClient.get(`/ecpa/dk/notices/${n!.id}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART;TZID=Asia/Taipei:20261210T143000');
    expect((await servantClient.post(`/ecpa/dk/notices/${n!.id}/reply`, { reply: 'accepted' }, { csrf: false })).statusCode).toBe(403);
    expect((await servantClient.post(`/ecpa/dk/notices/${n!.id}/reply`, { reply: 'nonsense' })).statusCode).toBe(409);
    const res = await servantClient.post(`/ecpa/dk/notices/${n!.id}/reply`, { reply: 'accepted' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/ecpa/dk/notices/${n!.id}`);
    const done = await servantClient.get(`/ecpa/dk/notices/${n!.id}`);
    expect(done.body).toContain('已回覆：接受');
    expect(done.body).not.toContain('【接受邀約】');
    const mails = await deliver();
    expect(mails.map((m) => m.to[0])).toEqual(['hr@yilan.example.tw']);
    expect(mails[0]!.subject).toContain('張家豪 接受');
    const again = await servantClient.post(`/ecpa/dk/notices/${n!.id}/reply`, { reply: 'declined' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('您已回覆此通知，無法再次回覆；若要變更，請直接聯絡徵才機關。');
    const [after] = await db().select().from(notices).where(eq(notices.id, n!.id));
    expect(after!.reply).toBe('accepted');
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.reply'), eq(auditEvents.subjectId, n!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: 'staff', actorId: servant.id });
    expect((await noticeStatuses(db(), [dk.id])).get(dk.id)!.status).toBe('接受');
    const applicants = await c.get(`/agency/vacancies/${vacancy.id}/applicants`);
    expect(applicants.statusCode).toBe(200);
    expect(applicants.body).toContain(`href="/agency/notices/${n!.id}"`);
    expect(applicants.body).toMatch(/<td[^>]*>\s*接受\s*<\/td>/);
    const english = await servantClient.get('/ecpa/dk/notices', { cookie: `${servantClient.cookie}; lang=en` });
    expect(english.body).toContain('My notices');
    expect(english.body).toContain('Interview invitations');
  });

  it('ECPA-5 NTF-2 a civil servant answers a 錄取通知 in DK with 【同意被錄取並報到】 / 【婉拒錄取】; a demo vacancy is never mailed', async () => {
    const { c, vacancy, dk, servantClient } = await civilServantSetup('demo');
    await c.get(single(vacancy.id, dk.id, '?kind=offer'));
    expect((await c.post(single(vacancy.id, dk.id, '?kind=offer'), fields({ interviewDate: '', interviewTime: '', interviewPlace: '' }))).statusCode).toBe(303);
    await deliver();
    const [n] = await db().select().from(notices).where(eq(notices.applicationId, dk.id));
    const list = await servantClient.get('/ecpa/dk/notices');
    expect(list.body).toContain(`href="/ecpa/dk/notices/${n!.id}"`);
    const page = await servantClient.get(`/ecpa/dk/notices/${n!.id}`);
    expect(page.body).toContain('【同意被錄取並報到】');
    expect(page.body).toContain('【婉拒錄取】');
    expect((await servantClient.get(`/ecpa/dk/notices/${n!.id}/ics`)).statusCode).toBe(404);
    expect((await servantClient.post(`/ecpa/dk/notices/${n!.id}/reply`, { reply: 'declined' })).statusCode).toBe(303);
    expect(await deliver()).toEqual([]);
    expect((await c.get(`/agency/notices/${n!.id}`)).body).toContain('婉拒錄取');
  });

  it('SYS-4 ECPA-5 another person\'s notice is 404 in DK and on the platform; DK 通知我的職缺 is for civil servants only', async () => {
    const { c, vacancy, a, dk, servantClient, applicantClient } = await civilServantSetup();
    await c.get(single(vacancy.id, dk.id));
    await c.post(single(vacancy.id, dk.id), fields());
    await c.post(single(vacancy.id, a.id), fields());
    const [mine] = await db().select().from(notices).where(eq(notices.applicationId, dk.id));
    const [theirs] = await db().select().from(notices).where(eq(notices.applicationId, a.id));
    // The applicant's notice is not the civil servant's, and the other way round.
    for (const url of [`/ecpa/dk/notices/${theirs!.id}`, `/ecpa/dk/notices/${theirs!.id}/ics`, '/ecpa/dk/notices/not-a-uuid']) expect((await servantClient.get(url)).statusCode, url).toBe(404);
    expect((await servantClient.post(`/ecpa/dk/notices/${theirs!.id}/reply`, { reply: 'accepted' })).statusCode).toBe(404);
    expect((await servantClient.get(`/platform/notices/${mine!.id}`)).statusCode).not.toBe(200);
    expect((await applicantClient.get(`/platform/notices/${mine!.id}`)).statusCode).toBe(404);
    expect((await applicantClient.post(`/platform/notices/${mine!.id}/reply`, { reply: 'accepted' })).statusCode).toBe(404);
    expect((await servantClient.get('/ecpa/dk/notices')).body).not.toContain(theirs!.id);
    expect((await applicantClient.get('/platform/notices')).body).not.toContain(mine!.id);
    // Another civil servant, the agency's HR staff: 404; a visitor: the eCPA sign-in.
    const other = await createStaff(db(), { roles: ['civil_servant'] });
    const otherClient = new HttpClient(t.app);
    await otherClient.signInStaff(other.account, STAFF_PASSWORD);
    expect((await otherClient.get(`/ecpa/dk/notices/${mine!.id}`)).statusCode).toBe(404);
    expect((await otherClient.post(`/ecpa/dk/notices/${mine!.id}/reply`, { reply: 'declined' })).statusCode).toBe(404);
    expect((await otherClient.get('/ecpa/dk/notices')).body).not.toContain(mine!.id);
    expect((await c.get('/ecpa/dk/notices')).statusCode).toBe(404);
    expect((await c.get(`/ecpa/dk/notices/${mine!.id}`)).statusCode).toBe(404);
    const visitor = await t.app.inject({ method: 'GET', url: '/ecpa/dk/notices' });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/ecpa');
    const [still] = await db().select().from(notices).where(eq(notices.id, mine!.id));
    expect(still!.reply).toBeNull();
  });
});
