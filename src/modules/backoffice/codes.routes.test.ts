// ADM-2 code tables over HTTP on both databases: add, edit, 停用/啟用, duplicate code, bad parent, markup, CSRF,
// before/after in the audit log, and the in-memory tables refreshed without a restart (this process at once;
// another process's change after its version check).
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { codeEntries, expireCodeTablesCheck } from '../reference/code-table.test-support.ts';
import { agencies, defaultAccessMode, sysnamName, workPlaceName } from '../reference/index.ts';
import { createAgency, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';

describe.each(dbDrivers())('back office code tables (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;

  // Both databases share this process's in-memory tables: each test starts from its own database's.
  beforeEach(() => expireCodeTablesCheck());

  async function signedIn() {
    await createAgency(db(), { code: 'A58000000A', name: '行政院人事行政總處' });
    const staff = await createStaff(db(), { agencyCode: 'A58000000A', name: '李大華', roles: ['backoffice'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { staff, c };
  }

  it('ADM-2 adds an agency code, finds it by code or name in the list, and the audit log reads it with before/after', async () => {
    const { staff, c } = await signedIn();
    const home = await c.get('/backoffice');
    expect(home.body).toContain('href="/backoffice/codes"');
    const res = await c.submit('/backoffice/codes/agencies/new', { code: 'a12345678b', name: '測試代碼機關', address: '臺北市中正區', parentCode: 'A58000000A', active: 'on' }, '/backoffice/codes/agencies');
    expect(res.statusCode).toBe(303);
    const list = await c.followRedirects(res);
    expect(list.body).toContain('已新增機關代碼 A12345678B。');
    expect(list.body).toContain('測試代碼機關');
    expect((await c.get(`/backoffice/codes/agencies?q=${encodeURIComponent('代碼機關')}`)).body).toContain('A12345678B');
    expect((await c.get('/backoffice/codes/agencies?q=A12345678')).body).toContain('測試代碼機關');
    expect((await c.get('/backoffice/codes/agencies?q=nothing-like-this')).body).toContain('查無代碼');
    const [row] = await db().select().from(agencies).where(eq(agencies.code, 'A12345678B'));
    expect(row).toMatchObject({ name: '測試代碼機關', address: '臺北市中正區', parentCode: 'A58000000A', active: true, codeKnown: true });

    const edit = await c.submit('/backoffice/codes/agencies/edit?code=A12345678B', { name: '測試代碼機關（改）', address: '', parentCode: '', active: 'on' }, '/backoffice/codes/agencies/edit?code=A12345678B');
    expect(edit.statusCode).toBe(303);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'code.agency.update'), eq(auditEvents.actorId, staff.id)));
    expect(audit!.details).toMatchObject({
      code: 'A12345678B',
      before: { name: '測試代碼機關', address: '臺北市中正區', parentCode: 'A58000000A', active: true },
      after: { name: '測試代碼機關（改）', address: null, parentCode: null, active: true },
    });
    const log = (await c.get('/backoffice/audit?action=code.agency.')).body;
    expect(log).toContain('新增機關代碼（A12345678B 測試代碼機關）');
    expect(log).toContain('修改機關代碼（A12345678B 測試代碼機關（改）；名稱：測試代碼機關 → 測試代碼機關（改）；地址：臺北市中正區 → （空白）；上級機關：A58000000A → （空白））');
  });

  it('ADM-2 bad input: a duplicate code, an unknown or circular parent, markup, no CSRF — messages beside the field, what was typed kept, never a 500', async () => {
    const { c } = await signedIn();
    await createAgency(db(), { code: 'B00000001A', name: '上級', parentCode: null });
    await createAgency(db(), { code: 'B00000002A', name: '下級', parentCode: 'B00000001A' });
    const dup = await c.submit('/backoffice/codes/agencies/new', { code: 'B00000001A', name: '重複', active: 'on' }, '/backoffice/codes/agencies');
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('此機關代碼已存在');
    expect(dup.body).toContain('href="#f-code"');
    expect(dup.body).toContain('value="重複"');
    const parent = await c.submit('/backoffice/codes/agencies/new', { code: 'B00000003A', name: '孤兒', parentCode: 'Z99999999Z', active: 'on' }, '/backoffice/codes/agencies');
    expect(parent.statusCode).toBe(422);
    expect(parent.body).toContain('查無此上級機關代碼');
    const cycle = await c.submit('/backoffice/codes/agencies/edit?code=B00000001A', { name: '上級', parentCode: 'B00000002A', active: 'on' }, '/backoffice/codes/agencies/edit?code=B00000001A');
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('上級機關不可為本機關的下級機關');
    const markup = '<script>alert(1)</script>"';
    const xss = await c.submit('/backoffice/codes/agencies/new', { code: markup, name: markup, address: markup, parentCode: markup }, '/backoffice/codes/agencies');
    expect(xss.statusCode).toBe(422);
    // Kept as typed inside quoted attributes (the quote escaped); nowhere else as markup.
    expect(xss.body).toContain('value="<script>alert(1)</script>&#34;"');
    expect(xss.body.replaceAll('value="<script>alert(1)</script>&#34;"', '')).not.toContain('<script>alert');
    expect(xss.body).toContain('機關名稱不可包含 &lt; 或 >');
    const wp = await c.submit('/backoffice/codes/work-places/new', { code: '<b>', name: markup, historical: 'on', currentCode: markup }, '/backoffice/codes/work-places');
    expect(wp.statusCode).toBe(422);
    expect(wp.body.replaceAll('value="<b>"', '').replaceAll('value="<script>alert(1)</script>&#34;"', '')).not.toMatch(/<b>|<script>alert/);
    await c.get('/backoffice/codes/agencies/new');
    const noCsrf = await c.post('/backoffice/codes/agencies', { code: 'B00000004A', name: '無權杖', active: 'on' }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(await db().select().from(agencies).where(eq(agencies.code, 'B00000004A'))).toHaveLength(0);
    expect((await c.get('/backoffice/codes/nothing')).statusCode).toBe(404);
    expect((await c.get('/backoffice/codes/agencies/edit?code=Z00000000Z')).statusCode).toBe(404);
    expect((await c.get('/backoffice/codes/rank-types/new')).statusCode).toBe(404);
    expect((await c.post('/backoffice/codes/sysnam/active', { code: 'ZZZZ', active: 'false' })).statusCode).toBe(404);
  });

  it('ADM-2 停用 a 工作地 that vacancies use: allowed, it stays readable by code, and the forms no longer offer it; 啟用 brings it back', async () => {
    const { c } = await signedIn();
    await createVacancy(db(), { orgId: 'A58000000A', orgName: '行政院人事行政總處', workPlaces: ['89'] });
    await c.get('/backoffice/codes/work-places?q=89');
    const off = await c.post('/backoffice/codes/work-places/active', { code: '89', active: 'false', back: '/backoffice/codes/work-places?q=89' });
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe('/backoffice/codes/work-places?q=89');
    const list = await c.followRedirects(off);
    expect(list.body).toMatch(/已停用工作地 89 金門縣；1 筆職缺使用此代碼，仍顯示其名稱。/);
    expect(workPlaceName('89')).toBe('金門縣');
    const offered = (body: string) => body.includes('name="place" value="89"');
    expect(offered((await c.get('/jobs')).body)).toBe(false);
    expect(offered((await c.get('/jobs?place=89')).body)).toBe(false);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'code.work_place.deactivate'));
    expect(audit!.details).toMatchObject({ code: '89', before: { active: true }, after: { active: false }, vacancies: 1 });
    await c.post('/backoffice/codes/work-places/active', { code: '89', active: 'true', back: 'https://evil.example/' });
    expect(offered((await c.get('/jobs')).body)).toBe(true);
  });

  it('ADM-2 an edited 職系 name shows at once in the public search form, without a restart; a new 人員區分 is offered with its 不須具 default', async () => {
    const { c } = await signedIn();
    const res = await c.submit('/backoffice/codes/sysnam/edit?code=A101', { name: '綜合行政（測試）', sysnamClass: '行政類', active: 'on' }, '/backoffice/codes/sysnam/edit?code=A101');
    expect(res.statusCode).toBe(303);
    expect(sysnamName('A101')).toBe('綜合行政（測試）');
    expect((await c.get('/jobs')).body).toContain('綜合行政（測試）');
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'code.sysnam.update'));
    expect(audit!.details).toMatchObject({ before: { name: '綜合行政' }, after: { name: '綜合行政（測試）' } });
    const pk = await c.submit('/backoffice/codes/person-kinds/new', { code: '77', name: '測試人員', openAccess: 'open', active: 'on' }, '/backoffice/codes/person-kinds');
    expect(pk.statusCode).toBe(303);
    expect((await c.get('/jobs')).body).toContain('測試人員');
    expect(defaultAccessMode('77')).toBe('open');
  });

  it('ADM-2 a change made by another process (row and version in the database) shows here after the version check', async () => {
    const { c } = await signedIn();
    await c.get('/jobs');
    await db().transaction(async (tx) => {
      await tx.update(codeEntries).set({ name: '中興新村（他處修改）' }).where(and(eq(codeEntries.tableName, 'work_place'), eq(codeEntries.code, '101')));
      await tx.execute(sql`update code_tables_version set version = version + 1`);
    });
    expect((await c.get('/jobs')).body).not.toContain('中興新村（他處修改）');
    expireCodeTablesCheck();
    expect((await c.get('/jobs')).body).toContain('中興新村（他處修改）');
    expect(workPlaceName('101')).toBe('中興新村（他處修改）');
  });

  it('ADM-2 SYS-6 the code-table pages in English, their field errors too; a 官等職等 can only be 停用/啟用', async () => {
    const { c } = await signedIn();
    await c.get('/lang?to=en&next=%2Fbackoffice%2Fcodes');
    const home = await c.get('/backoffice/codes');
    expect(home.body).toContain('Code tables');
    expect(home.body).toContain('Personnel categories');
    const ranks = await c.get('/backoffice/codes/rank-types');
    expect(ranks.body).toContain('Grades 6 to 9');
    expect(ranks.body).not.toContain('/backoffice/codes/rank-types/new');
    expect(ranks.body).not.toContain('/backoffice/codes/rank-types/edit');
    expect(ranks.body).toContain('Deactivate 簡任 簡任');
    await c.get('/backoffice/codes/agencies/new');
    const bad = await c.submit('/backoffice/codes/agencies/new', { code: 'x', name: '', parentCode: 'Z99999999Z', active: 'on' }, '/backoffice/codes/agencies');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('An agency code has 10 characters');
    expect(bad.body).toContain('Enter the agency name');
    expect(bad.body).not.toContain('請填寫機關名稱');
    const orphan = await c.submit('/backoffice/codes/agencies/new', { code: 'B00000009A', name: 'Orphan', parentCode: 'Z99999999Z', active: 'on' }, '/backoffice/codes/agencies');
    expect(orphan.body).toContain('No agency has this parent code: add the parent agency first');
    await c.get('/backoffice/codes/sysnam/new');
    const long = await c.submit('/backoffice/codes/sysnam/new', { code: 'Z999', name: '長'.repeat(31), sysnamClass: '行政類', active: 'on' }, '/backoffice/codes/sysnam');
    expect(long.body).toContain('The job series name must be at most 30 characters');
  });
});
