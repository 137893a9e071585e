// ADM-2 staff accounts and roles, and ADM-3 查詢回覆紀錄 across agencies, over HTTP on both databases: create
// (duplicate 帳號, unknown agency, HR-database link), grant, disable → that staff member's next request is signed
// out, reset mail through a real SMTP server, unbind, the refusal of removing one's own back-office role, the
// notices search across two agencies and its CSV; every change audited with before/after.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createMailTransport } from '../../platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../platform/outbox/delivery.ts';
import { certificateBindings, staffAgencyGrants, staffUsers } from '../ecpa/index.ts';
import { WELL_KNOWN_PEOPLE } from '../hrdb/index.ts';
import { notices } from '../notices/index.ts';
import { createAgency, createApplication, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { TEST_CAPTCHA, useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';

const YILAN = '376420000A';
const KEELUNG = '376570000A';

describe.each(dbDrivers())('back office staff accounts and 查詢回覆紀錄 (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  async function admin() {
    await createAgency(db(), { code: YILAN, name: '宜蘭縣政府' });
    await createAgency(db(), { code: KEELUNG, name: '基隆市政府' });
    await createAgency(db(), { code: 'A58000000A', name: '行政院人事行政總處' });
    const staff = await createStaff(db(), { agencyCode: 'A58000000A', name: '王後臺', roles: ['backoffice'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { staff, c };
  }

  const auditOf = async (action: string, subjectId: string) => db().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));
  const errorsOf = (body: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(body)?.[0] ?? '';

  it('ADM-2 新增: checked form (duplicate 帳號, unknown agency, unknown ID), HR-database link kept as hash + last 4, a set-password mail sent, audited; nothing typed lost', async () => {
    const { c } = await admin();
    await createStaff(db(), { account: 'taken.one' });
    await c.get('/backoffice/staff/new');
    const fields = { account: 'Taken.One', name: '<b>李人事</b>', email: 'li.hr@example.gov.tw', agencyCode: 'X9999999', nationalId: 'A123456789', roles: 'agency_hr' };
    const bad = await c.post('/backoffice/staff/new', fields);
    expect(bad.statusCode).toBe(422);
    const summary = errorsOf(bad.body);
    expect(summary).toContain('此帳號已有人使用');
    expect(summary).toContain('機關代碼表查無此機關');
    expect(summary).toContain('公務人力資料庫查無此身分證字號');
    expect(bad.body).toMatch(/value="(&lt;|<)b>李人事(&lt;|<)\/b>"/);
    expect(bad.body).not.toMatch(/>\s*<b>李人事/);
    expect(bad.body).toContain('value="li.hr@example.gov.tw"');
    const empty = await c.post('/backoffice/staff/new', { account: '', roles: 'root' });
    expect(empty.statusCode).toBe(422);
    expect(errorsOf(empty.body)).toContain('請至少勾選一個角色');

    const nid = WELL_KNOWN_PEOPLE.formerHire.nationalId;
    const ok = await c.post('/backoffice/staff/new', { ...fields, account: 'Li.HR', name: '李人事', agencyCode: YILAN.toLowerCase(), nationalId: nid });
    expect(ok.statusCode).toBe(303);
    const [row] = await db().select().from(staffUsers).where(eq(staffUsers.account, 'li.hr'));
    expect(row).toMatchObject({ name: '李人事', email: 'li.hr@example.gov.tw', agencyCode: YILAN, roles: ['agency_hr'], status: 'active', nationalIdLast4: nid.slice(-4), passwordHash: null });
    expect(row!.nationalIdHash).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(nid);
    expect(ok.headers.location).toBe(`/backoffice/staff/${row!.id}`);
    const page = await c.followRedirects(ok);
    expect(page.body).toContain(`******${nid.slice(-4)}`);
    expect(page.body).not.toContain(nid);
    expect(page.body).toContain('已新增帳號 li.hr');
    const [created] = await auditOf('staff.create', row!.id);
    expect(created!.details).toMatchObject({ account: 'li.hr', before: null, after: { agencyCode: YILAN, roles: ['agency_hr'], nationalId: `******${nid.slice(-4)}` } });
    expect(JSON.stringify(created!.details)).not.toContain(nid);
    // The same person cannot be linked twice.
    const twice = await c.post('/backoffice/staff/new', { ...fields, account: 'li.hr2', name: '李人事', agencyCode: YILAN, nationalId: nid });
    expect(errorsOf(twice.body)).toContain('此身分證字號已連結其他帳號');
  });

  it('ADM-2 list and search by 帳號/姓名, 機關, role, status; paging; markup escaped', async () => {
    const { c } = await admin();
    await createStaff(db(), { account: 'search.yilan', name: '<i>宜蘭人事</i>', agencyCode: YILAN, roles: ['agency_hr'] });
    await createStaff(db(), { account: 'search.keelung', name: '基隆人事', agencyCode: KEELUNG, roles: ['agency_hr'], status: 'disabled' });
    const table = async (qs: string) => /<tbody>[\s\S]*<\/tbody>/.exec((await c.get(`/backoffice/staff?${qs}`)).body)?.[0] ?? '';
    expect(await table('q=search.')).toContain('search.keelung');
    expect(await table('q=search.')).toContain('&lt;i>宜蘭人事&lt;/i>');
    expect(await table('q=search.')).not.toContain('<i>宜蘭人事');
    expect(await table(`agency=${encodeURIComponent('基隆')}`)).not.toContain('search.yilan');
    expect(await table(`agency=${YILAN}`)).toContain('search.yilan');
    expect(await table('q=search.&status=disabled')).not.toContain('search.yilan');
    expect(await table('role=backoffice')).not.toContain('search.');
    for (let i = 0; i < 21; i++) await createStaff(db(), { account: `page.${String(i).padStart(2, '0')}` });
    expect(await table('q=page.&page=2')).toContain('page.20');
    expect(await table('q=page.')).not.toContain('page.20');
    expect((await c.get('/backoffice/staff?page=x&role=%00&status[]=1')).statusCode).toBe(200);
    expect((await c.get('/backoffice/staff/not-a-uuid')).statusCode).toBe(404);
    // SYS-6 English texts.
    await c.get('/lang?to=en&next=%2Fbackoffice%2Fstaff');
    const en = await c.get('/backoffice/staff?q=search.');
    expect(en.body).toContain('Staff accounts');
    expect(en.body).toContain('Account or name');
    expect(en.body).toContain('Disabled');
  });

  it('ADM-2 edit roles and grants: agency_hr with another agency by explicit grant, revoke; audited before/after; unknown agency refused', async () => {
    const { c } = await admin();
    const hr = await createStaff(db(), { account: 'grant.me', agencyCode: YILAN, roles: ['agency_hr', 'civil_servant'] });
    const page = `/backoffice/staff/${hr.id}`;
    await c.get(page);
    const bad = await c.post(`${page}/grants`, { grantAgency: 'NOPE0000' });
    expect(bad.statusCode).toBe(422);
    expect(errorsOf(bad.body)).toContain('機關代碼表查無此機關');
    expect((await c.post(`${page}/grants`, { grantAgency: YILAN })).statusCode).toBe(422);
    expect((await c.post(`${page}/grants`, { grantAgency: KEELUNG.toLowerCase() })).statusCode).toBe(303);
    expect(await db().select().from(staffAgencyGrants).where(eq(staffAgencyGrants.staffUserId, hr.id))).toMatchObject([{ agencyCode: KEELUNG }]);
    expect((await c.get(page)).body).toContain('基隆市政府');
    expect((await auditOf('staff.grant', hr.id))[0]!.details).toMatchObject({ after: { agencyCode: KEELUNG } });

    expect((await c.post(page, { name: '改名', email: 'grant.me@example.gov.tw', agencyCode: YILAN, roles: ['agency_hr', 'backoffice'] })).statusCode).toBe(303);
    const [after] = await db().select().from(staffUsers).where(eq(staffUsers.id, hr.id));
    expect(after!.roles).toEqual(['agency_hr', 'backoffice', 'civil_servant']);
    const [upd] = await auditOf('staff.update', hr.id);
    expect(upd!.details).toMatchObject({ before: { name: '測試人員', roles: ['agency_hr', 'civil_servant'] }, after: { name: '改名', roles: ['agency_hr', 'backoffice', 'civil_servant'] } });

    await c.get(page);
    expect((await c.post(`${page}/grants/revoke`, { agencyCode: KEELUNG })).statusCode).toBe(303);
    expect(await db().select().from(staffAgencyGrants).where(eq(staffAgencyGrants.staffUserId, hr.id))).toHaveLength(0);
    expect(await auditOf('staff.revoke_grant', hr.id)).toHaveLength(1);
  });

  it('ADM-2 a back-office user cannot remove their own back-office role nor disable themself (refused with a message); another one can be', async () => {
    const { staff, c } = await admin();
    const page = `/backoffice/staff/${staff.id}`;
    await c.get(page);
    const res = await c.post(page, { name: staff.name, email: staff.email!, agencyCode: 'A58000000A', roles: 'agency_hr' });
    expect(res.statusCode).toBe(409);
    expect(errorsOf(res.body)).toContain('不能移除自己的後臺人員角色');
    const off = await c.post(`${page}/status`, { status: 'disabled' });
    expect(off.statusCode).toBe(303);
    expect((await c.followRedirects(off)).body).toContain('不能停用自己的帳號');
    const [me] = await db().select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    expect(me).toMatchObject({ roles: ['backoffice'], status: 'active' });
    expect(await auditOf('staff.update', staff.id)).toHaveLength(0);
    expect(await auditOf('staff.status', staff.id)).toHaveLength(0);
  });

  it('ADM-2 停用: the staff member is signed out at their next request and cannot sign in; 啟用 again; last sign-in time and method shown', async () => {
    const { c } = await admin();
    const hr = await createStaff(db(), { account: 'disable.me', agencyCode: YILAN });
    const other = new HttpClient(h.current.app);
    await other.signInStaff('disable.me', STAFF_PASSWORD);
    expect((await other.get('/ecpa/apps')).statusCode).toBe(200);
    const page = `/backoffice/staff/${hr.id}`;
    const detail = await c.get(page);
    expect(detail.body).toMatch(/\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}（帳號）/);
    expect((await c.post(`${page}/status`, { status: 'disabled' })).statusCode).toBe(303);
    const next = await other.get('/ecpa/apps');
    expect(next.statusCode).toBe(303);
    expect(String(next.headers.location)).toMatch(/^\/ecpa\/login/);
    const again = new HttpClient(h.current.app);
    await again.get('/ecpa/login');
    const refused = await again.post('/ecpa/login', { account: 'disable.me', password: STAFF_PASSWORD, captcha: TEST_CAPTCHA });
    expect(refused.body).toContain('此帳號已停用');
    expect((await auditOf('staff.status', hr.id))[0]!.details).toMatchObject({ before: { status: 'active' }, after: { status: 'disabled' } });
    await c.get(page);
    expect((await c.post(`${page}/status`, { status: 'active' })).statusCode).toBe(303);
    await again.signInStaff('disable.me', STAFF_PASSWORD);
  });

  it('ADM-2 寄送重設密碼信 is delivered through SMTP with a working link; 解除憑證綁定 deletes the row; both audited', async () => {
    const { c } = await admin();
    const hr = await createStaff(db(), { account: 'mail.me', agencyCode: YILAN, email: 'mail.me@example.gov.tw' });
    const page = `/backoffice/staff/${hr.id}`;
    await c.get(page);
    const before = smtp.received.length;
    expect((await c.post(`${page}/reset-mail`, {})).statusCode).toBe(303);
    await deliverDueMail({ db: db(), transport: createMailTransport(smtp.url), clock: { now: () => new Date(Date.now() + 1_000), today: () => h.current.services.clock.today() }, mailFrom: h.current.services.config.mailFrom });
    const mails = smtp.received.slice(before).filter((m) => m.to.includes('mail.me@example.gov.tw'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('【人事服務網】密碼重設確認信');
    const link = /http:\/\/localhost:3000(\/ecpa\/reset\?token=[A-Za-z0-9_%-]+)/.exec(mails[0]!.text ?? '')?.[1];
    expect(link).toBeDefined();
    expect((await new HttpClient(h.current.app).get(decodeURIComponent(link!))).statusCode).toBe(200);
    expect(await auditOf('staff.reset_mail', hr.id)).toHaveLength(1);

    const [binding] = await db().insert(certificateBindings).values({ staffUserId: hr.id, issuer: '內政部憑證管理中心', serial: '<s>0001', kind: '自然人憑證' }).returning();
    const shown = await c.get(page);
    expect(shown.body).toContain('&lt;s>0001');
    expect(shown.body).not.toContain('<s>0001');
    expect((await c.post(`${page}/unbind`, { bindingId: binding!.id })).statusCode).toBe(303);
    expect(await db().select().from(certificateBindings).where(eq(certificateBindings.staffUserId, hr.id))).toHaveLength(0);
    expect((await auditOf('staff.unbind_certificate', hr.id))[0]!.details).toMatchObject({ before: { serial: '<s>0001', kind: '自然人憑證' }, after: null });
    await c.get(page);
    expect((await c.post(`${page}/unbind`, { bindingId: 'x' })).statusCode).toBe(303);
  });

  it('ADM-2 an agency HR member with a granted agency chooses it in 代理機關 and then sees that agency only; a revoked grant falls back at the next request', async () => {
    const { c: admin_ } = await admin();
    const hr = await createStaff(db(), { account: 'acting.hr', agencyCode: YILAN, roles: ['agency_hr'] });
    const vy = await createVacancy(db(), { orgId: YILAN, orgName: '宜蘭縣政府', title: '宜蘭代理測試' });
    const vk = await createVacancy(db(), { orgId: KEELUNG, orgName: '基隆市政府', title: '基隆代理測試' });
    const c = new HttpClient(h.current.app);
    await c.signInStaff('acting.hr', STAFF_PASSWORD);
    expect((await c.get('/ecpa/apps')).body).not.toContain('/ecpa/acting');
    await c.get('/ecpa/acting');
    expect((await c.post('/ecpa/acting', { agency: KEELUNG })).statusCode).toBe(422);

    await admin_.get(`/backoffice/staff/${hr.id}`);
    expect((await admin_.post(`/backoffice/staff/${hr.id}/grants`, { grantAgency: KEELUNG })).statusCode).toBe(303);
    expect((await c.get('/ecpa/apps')).body).toContain(`代理機關：${YILAN} 宜蘭縣政府（切換）`);
    const chooser = await c.get('/ecpa/acting');
    expect(chooser.body).toContain(`${KEELUNG} 基隆市政府`);
    const chosen = await c.post('/ecpa/acting', { agency: KEELUNG });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe('/agency');
    const list = (await c.get('/agency')).body;
    expect(list).toContain(vk.workId);
    expect(list).not.toContain(vy.workId);
    expect((await c.get('/ecpa/apps')).body).toContain(`代理機關：${KEELUNG} 基隆市政府（切換）`);
    expect(await auditOf('staff.acting_agency', hr.id)).toHaveLength(1);

    await admin_.get(`/backoffice/staff/${hr.id}`);
    expect((await admin_.post(`/backoffice/staff/${hr.id}/grants/revoke`, { agencyCode: KEELUNG })).statusCode).toBe(303);
    const back = (await c.get('/agency')).body;
    expect(back).toContain(vy.workId);
    expect(back).not.toContain(vk.workId);
    await c.get('/ecpa/acting');
    expect((await c.post('/ecpa/acting', { agency: YILAN })).statusCode).toBe(303);
  });

  it('ADM-2 agency HR staff reach none of these pages (404)', async () => {
    await createAgency(db(), { code: YILAN, name: '宜蘭縣政府' });
    const hr = await createStaff(db(), { agencyCode: YILAN, roles: ['agency_hr'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(hr.account, STAFF_PASSWORD);
    expect((await c.get('/backoffice/staff')).statusCode).toBe(404);
    expect((await c.get(`/backoffice/staff/${hr.id}`)).statusCode).toBe(404);
    expect((await c.get('/backoffice/notices')).statusCode).toBe(404);
  });

  it('ADM-3 查詢回覆紀錄 across two agencies: filters by agency, 職缺編號, kind, reply, dates; CSV with BOM, formula guard, audited', async () => {
    const { staff, c } = await admin();
    const vy = await createVacancy(db(), { orgId: YILAN, orgName: '宜蘭縣政府', title: '=HYPERLINK("x")' });
    const vk = await createVacancy(db(), { orgId: KEELUNG, orgName: '基隆市政府', title: '基隆職缺' });
    const ay = await createApplication(db(), { vacancyId: vy.id });
    const ak = await createApplication(db(), { vacancyId: vk.id });
    const base = { content: '內容', contactName: '窗口', contactPhone: '02-1234', contactEmail: 'hr@example.gov.tw' };
    await db().insert(notices).values([
      { ...base, applicationId: ay.id, kind: 'interview', sentAt: new Date('2026-11-02T02:00:00Z'), reply: 'accepted', repliedAt: new Date('2026-11-03T02:00:00Z') },
      { ...base, applicationId: ak.id, kind: 'offer', sentAt: new Date('2026-11-20T02:00:00Z') },
    ]);
    const table = async (qs: string) => {
      const res = await c.get(`/backoffice/notices?${qs}`);
      expect(res.statusCode).toBe(200);
      return /<tbody>[\s\S]*<\/tbody>/.exec(res.body)?.[0] ?? '';
    };
    const all = await table('');
    expect(all).toContain(vy.workId);
    expect(all).toContain(vk.workId);
    expect(all).toContain('=HYPERLINK(&#34;x&#34;)');
    expect(await table(`agency=${KEELUNG}`)).not.toContain(vy.workId);
    expect(await table(`agency=${encodeURIComponent('宜蘭')}`)).toContain(vy.workId);
    expect(await table(`workId=${vk.workId}`)).not.toContain(vy.workId);
    expect(await table('kind=offer')).not.toContain(vy.workId);
    expect(await table('reply=none')).toContain(vk.workId);
    expect(await table('reply=none')).not.toContain(vy.workId);
    expect(await table('reply=accepted')).toContain('接受');
    expect(await table(`from=${encodeURIComponent('115/11/10')}`)).not.toContain(vy.workId);
    expect(await table(`to=${encodeURIComponent('115/11/10')}`)).toContain(vy.workId);
    const bad = await c.get('/backoffice/notices?from=115/13/45&to=abc');
    expect(bad.statusCode).toBe(422);
    expect(errorsOf(bad.body)).toContain('請以民國日期填寫');

    const csv = await c.get(`/backoffice/notices.csv?workId=${vy.workId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.body).toContain(`${YILAN} 宜蘭縣政府`);
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.body).not.toContain(vk.workId);
    const [exported] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'notice.export_all'), eq(auditEvents.actorId, staff.id)));
    expect(exported!.details).toMatchObject({ query: `workId=${vy.workId}`, count: 1, total: 1 });
    expect((await c.get('/backoffice/notices.csv?from=bad')).statusCode).toBe(303);
  });
});
