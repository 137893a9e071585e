// ADM-1 by the back office over HTTP on both databases: the review queue (reason, flagged words marked),
// 審核通過 (public search finds it at once), 審核不通過 and 下架 with a required reason (the agency's list and mail),
// the search of every agency's vacancies, and SYS-4: nobody else reaches any of it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages } from '../../platform/db/schema/platform.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { createAgency, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { vacancies } from '../vacancies/index.ts';

const AGENCY = '376420000A';

describe.each(dbDrivers())('back office review (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;

  async function backOffice() {
    await createAgency(db(), { code: 'A58000000A', name: '行政院人事行政總處' });
    const staff = await createStaff(db(), { agencyCode: 'A58000000A', name: '王小明', roles: ['backoffice'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { staff, c };
  }
  async function agencyHr() {
    await createAgency(db(), { code: AGENCY, name: '宜蘭縣政府' });
    const staff = await createStaff(db(), { agencyCode: AGENCY, name: '林人事', roles: ['agency_hr'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { staff, c };
  }
  const flagged = (over: Partial<typeof vacancies.$inferInsert> = {}) =>
    createVacancy(db(), {
      orgId: AGENCY,
      orgName: '宜蘭縣政府',
      title: `審核測試 ${Math.random().toString(36).slice(2, 8)}`,
      workQuality: '限３５歲以下，高中以上學歷。<b>粗體</b>',
      reviewStatus: 'flagged',
      reviewReason: '年齡限制：「35歲以下」',
      vitaeEmail: 'hr@ilan.example.gov.tw',
      ...over,
    });

  it('ADM-1 the queue lists flagged vacancies with the reason; the vacancy page marks the flagged words, escaped', async () => {
    const { c } = await backOffice();
    const v = await flagged();
    const queue = await c.get('/backoffice/review');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(v.workId);
    expect(queue.body).toContain('<mark>35歲以下</mark>');
    const page = await c.get(`/backoffice/vacancies/${v.id}`);
    expect(page.statusCode).toBe(200);
    // The full-width digits of the agency's text are marked as written (the check matched their NFKC form).
    expect(page.body).toContain('<mark>３５歲以下</mark>');
    expect(page.body).toContain('&lt;b>粗體&lt;/b>');
    expect(page.body).not.toContain('<b>粗體</b>');
    expect(page.body).toContain('審核通過（刊登）');
  });

  it('ADM-1 審核通過 publishes: the very next public search finds it, the job page is 200, audited', async () => {
    const { staff, c } = await backOffice();
    const v = await flagged({ title: '審核通過後搜尋得到的職缺' });
    expect((await c.get(`/jobs?keyword=${encodeURIComponent('審核通過後搜尋得到')}`)).body).not.toContain(v.workId);
    expect((await c.get(`/jobs/${v.workId}`)).statusCode).toBe(404);
    await c.get(`/backoffice/vacancies/${v.id}`);
    const res = await c.post(`/backoffice/vacancies/${v.id}/approve`, {});
    expect(res.statusCode).toBe(303);
    const search = await c.get(`/jobs?keyword=${encodeURIComponent('審核通過後搜尋得到')}`);
    expect(search.body).toContain(v.workId);
    expect((await c.get(`/jobs/${v.workId}`)).statusCode).toBe(200);
    const [row] = await db().select().from(vacancies).where(eq(vacancies.id, v.id));
    expect(row).toMatchObject({ reviewStatus: 'approved', reviewReason: null });
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.review.approve'), eq(auditEvents.subjectId, v.id)));
    expect(audit).toMatchObject({ actorKind: 'staff', actorId: staff.id, details: expect.objectContaining({ workId: v.workId, before: 'flagged' }) });
  });

  it('ADM-1 審核不通過 needs a reason (422, typed text kept); with one the agency sees it on its list and by mail', async () => {
    const { c } = await backOffice();
    const v = await flagged();
    await c.get(`/backoffice/vacancies/${v.id}`);
    const empty = await c.post(`/backoffice/vacancies/${v.id}/reject`, { reason: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('請填寫理由');
    expect((await db().select().from(vacancies).where(eq(vacancies.id, v.id)))[0]!.reviewStatus).toBe('flagged');
    const tooLong = await c.post(`/backoffice/vacancies/${v.id}/reject`, { reason: '字'.repeat(501) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('字'.repeat(501));
    const res = await c.post(`/backoffice/vacancies/${v.id}/reject`, { reason: '資格條件不得限制年齡<script>' });
    expect(res.statusCode).toBe(303);
    const [row] = await db().select().from(vacancies).where(eq(vacancies.id, v.id));
    expect(row).toMatchObject({ reviewStatus: 'rejected', reviewReason: '資格條件不得限制年齡<script>' });
    const mails = await db().select().from(outboxMessages).where(eq(outboxMessages.to, 'hr@ilan.example.gov.tw'));
    expect(mails.at(-1)!.subject).toContain(`職缺審核不通過（職缺編號 ${v.workId}）`);
    expect(mails.at(-1)!.text).toContain('資格條件不得限制年齡');
    const { c: hr } = await agencyHr();
    const list = await hr.get('/agency');
    expect(list.body).toContain('審核不通過');
    expect(list.body).toContain('（資格條件不得限制年齡&lt;script>）');
    expect((await c.get(`/jobs/${v.workId}`)).statusCode).toBe(404);
  });

  it('ADM-1 no mail for demo or imported vacancies; a second verdict on a decided vacancy is refused and changes nothing', async () => {
    const { c } = await backOffice();
    const demo = await flagged({ source: 'demo', vitaeEmail: 'demo@ilan.example.gov.tw' });
    await c.get(`/backoffice/vacancies/${demo.id}`);
    expect((await c.post(`/backoffice/vacancies/${demo.id}/reject`, { reason: '示範' })).statusCode).toBe(303);
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.to, 'demo@ilan.example.gov.tw'))).toHaveLength(0);
    const again = await c.followRedirects(await c.post(`/backoffice/vacancies/${demo.id}/reject`, { reason: '再一次' }));
    expect(again.body).toContain('只有待審核的職缺可以審核不通過');
    expect((await db().select().from(vacancies).where(eq(vacancies.id, demo.id)))[0]!.reviewReason).toBe('示範');
    const down = await c.followRedirects(await c.post(`/backoffice/vacancies/${demo.id}/take-down`, { reason: '下架' }));
    expect(down.body).toContain('只有審核通過的職缺可以下架');
  });

  it('ADM-1 下架 needs a reason; then the public page is 410 with a neutral text, search drops it, the agency sees the reason', async () => {
    const { c } = await backOffice();
    const v = await createVacancy(db(), { orgId: AGENCY, orgName: '宜蘭縣政府', title: '將被下架的職缺甲', vitaeEmail: 'hr2@ilan.example.gov.tw' });
    expect((await c.get(`/jobs?keyword=${encodeURIComponent('將被下架的職缺甲')}`)).body).toContain(v.workId);
    await c.get(`/backoffice/vacancies/${v.id}`);
    expect((await c.post(`/backoffice/vacancies/${v.id}/take-down`, {})).statusCode).toBe(422);
    const res = await c.post(`/backoffice/vacancies/${v.id}/take-down`, { reason: '內容涉及就業歧視' });
    expect(res.statusCode).toBe(303);
    const gone = await c.get(`/jobs/${v.workId}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('此職缺已停止刊登');
    expect(gone.body).not.toContain('內容涉及就業歧視');
    expect((await c.get(`/jobs?keyword=${encodeURIComponent('將被下架的職缺甲')}`)).body).not.toContain(v.workId);
    expect((await c.get('/opendata/jobs.json')).body).not.toContain(v.workId);
    const { c: hr } = await agencyHr();
    const list = await hr.get('/agency');
    expect(list.body).toContain('已下架');
    expect(list.body).toContain('（內容涉及就業歧視）');
    const [mail] = await db().select().from(outboxMessages).where(eq(outboxMessages.to, 'hr2@ilan.example.gov.tw'));
    expect(mail!.subject).toContain('職缺已下架');
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.take_down'), eq(auditEvents.subjectId, v.id)));
    expect(audit!.details).toMatchObject({ reason: '內容涉及就業歧視', mailed: true });
  });

  it('ADM-1 searches every agency by 職缺編號, agency, keyword, posting dates, review state and source; a bad date is a message', async () => {
    const { c } = await backOffice();
    const a = await createVacancy(db(), { orgId: '376570000A', orgName: '基隆市政府', title: '查詢用職缺基隆', source: 'bulk_import', postedAt: new Date('2026-03-10T10:00:00+08:00') });
    const b = await flagged({ title: '查詢用職缺宜蘭', postedAt: new Date('2026-04-01T10:00:00+08:00') });
    const get = async (qs: string) => (await c.get(`/backoffice/vacancies?${qs}`)).body;
    expect(await get(`workId=${a.workId}`)).toContain(a.workId);
    expect(await get(`workId=${a.workId}`)).not.toContain(b.workId);
    expect(await get(`agency=${encodeURIComponent('基隆')}&keyword=${encodeURIComponent('查詢用職缺')}`)).toContain(a.workId);
    expect(await get(`agency=376570000A`)).not.toContain(b.workId);
    expect(await get(`keyword=${encodeURIComponent('查詢用職缺')}&state=flagged`)).toContain(b.workId);
    expect(await get(`keyword=${encodeURIComponent('查詢用職缺')}&state=flagged`)).not.toContain(a.workId);
    expect(await get(`keyword=${encodeURIComponent('查詢用職缺')}&source=bulk_import`)).toContain(a.workId);
    expect(await get(`keyword=${encodeURIComponent('查詢用職缺')}&source=bulk_import`)).not.toContain(b.workId);
    const range = await get(`keyword=${encodeURIComponent('查詢用職缺')}&from=${formatRoc('2026-03-10')}&to=${formatRoc('2026-03-10')}`);
    expect(range).toContain(a.workId);
    expect(range).not.toContain(b.workId);
    const bad = await c.get('/backoffice/vacancies?from=115/13/45&state=<x>&page=-1');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('刊登日期（起）請以民國日期填寫');
  });

  it('SYS-4 ADM-1 agency HR staff forging back-office URLs get 404 (audited), and change nothing', async () => {
    const v = await flagged();
    const { staff, c } = await agencyHr();
    await c.get('/agency');
    for (const url of ['/backoffice', '/backoffice/review', '/backoffice/vacancies', `/backoffice/vacancies/${v.id}`, '/backoffice/audit', '/backoffice/audit.csv', '/backoffice/outbox']) {
      expect((await c.get(url)).statusCode, url).toBe(404);
    }
    await c.get('/agency');
    expect((await c.post(`/backoffice/vacancies/${v.id}/approve`, {})).statusCode).toBe(404);
    expect((await c.post(`/backoffice/vacancies/${v.id}/take-down`, { reason: 'x' })).statusCode).toBe(404);
    expect((await db().select().from(vacancies).where(eq(vacancies.id, v.id)))[0]!.reviewStatus).toBe('flagged');
    const refused = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'authz.refused'), eq(auditEvents.actorId, staff.id)));
    expect(refused.length).toBeGreaterThanOrEqual(9);
  });

  it('ADM-1 切換至後臺 on 應用系統 leads the back office to its home page with the queue count', async () => {
    const { c } = await backOffice();
    await flagged();
    const apps = await c.get('/ecpa/apps');
    expect(apps.body).toContain('href="/backoffice"');
    const home = await c.get('/backoffice');
    expect(home.statusCode).toBe(200);
    expect(home.body).toMatch(/職缺審核：待審核 [1-9]\d* 筆/);
  });
});
