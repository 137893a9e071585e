// 機關徵才登錄 end to end over HTTP on both databases (AGY-1..AGY-6, ADM-1 automatic part, SYS-4).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';
import { createAgency, createApplication, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { vacancies } from '../vacancies/index.ts';
import type { VacancyForm } from './agency.form.ts';
import { seedAgencyDemo } from './agency.seed.ts';
import { vacancyFields } from './agency.test-support.ts';
import { createAgencyVacancy } from './agency.service.ts';

describe.each(dbDrivers())('agency vacancies (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;
  const today = () => h.current.services.clock.today();

  const fields = (over: Record<string, string | string[]> = {}) => vacancyFields(today(), over);

  async function staffClient(agencyCode?: string) {
    const agency = await createAgency(db(), agencyCode ? { code: agencyCode } : { address: '宜蘭縣宜蘭市縣政北路1號' });
    const staff = await createStaff(db(), { agencyCode: agency.code, name: '林人事' });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { agency, staff, c };
  }

  it('AGY-2 AGY-5 送出 publishes a vacancy with a new 職缺編號: public page 200, audited; the form is pre-filled', async () => {
    const { agency, staff, c } = await staffClient();
    const form = await c.get('/agency/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('林人事');
    expect(form.body).toContain('宜蘭縣宜蘭市縣政北路1號');
    expect(form.body).toContain(agency.code);
    const res = await c.post('/agency/new', fields());
    expect(res.statusCode).toBe(303);
    const [row] = await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code));
    expect(row!.workId).toMatch(/^1\d{2}(0[1-9]|1[0-2])\d{5}$/);
    expect(row).toMatchObject({ reviewStatus: 'approved', accessMode: 'open', headcount: 2, workPlaces: ['26', '20'], isHandicap: true, source: 'form', fillerPhone: '03-9251000#123' });
    expect((await c.get(`/jobs/${row!.workId}`)).statusCode).toBe(200);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.create'), eq(auditEvents.subjectId, row!.id)));
    expect(audits[0]!.actorId).toBe(staff.id);
    const list = await c.get('/agency');
    expect(list.body).toContain(row!.workId);
    expect(list.body).toContain('審核通過');
  });

  it('ADM-1 a text with an age limit is not published: 待審核 with the reason, public page 404', async () => {
    const { agency, c } = await staffClient();
    expect((await c.post('/agency/new', fields({ workQuality: '限35歲以下，高中以上學歷。' }))).statusCode).toBe(303);
    const [row] = await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code));
    expect(row!.reviewStatus).toBe('flagged');
    expect(row!.reviewReason).toContain('35歲以下');
    expect((await c.get(`/jobs/${row!.workId}`)).statusCode).toBe(404);
    expect((await c.get('/agency')).body).toContain('待審核');
  });

  it('AGY-2 AGY-6 bad input: messages beside the fields and in the summary, nothing typed lost, never a 500', async () => {
    const { c } = await staffClient();
    await c.get('/agency/new');
    const res = await c.post('/agency/new', fields({ rankTypes: [], workPlaces: [], headcount: '0', vitaeEmail: '', validFrom: formatRoc(addDays(today(), 5)), validTo: formatRoc(today()), title: '我打的職稱' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('請選擇官等類別，若「無」官職等請勾選「其他」!');
    expect(res.body).toContain('請至少勾選一個工作地');
    expect(res.body).toContain('名額請填 1 到 999 的整數');
    expect(res.body).toContain('請填寫聯絡E-mail');
    expect(res.body).toContain('迄日早於起日');
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('value="我打的職稱"');
    const empty = await c.post('/agency/new', {});
    expect(empty.statusCode).toBe(422);
    const garbage = await c.post('/agency/new', fields({ validFrom: 'abc', gender: 'X', personKindCode: '<script>', grade: '99', sysnamCode: 'zz', title: 'x'.repeat(500) }));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.body).not.toContain('<script>');
  });

  it('SYS-4 AGY-1 staff of another agency get 404 for every URL of the vacancy, and do not see it listed', async () => {
    const { agency } = await staffClient();
    const v = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, title: '他機關職缺' });
    const other = await staffClient();
    for (const url of [`/agency/${v.id}/edit`, `/agency/${v.id}/preview`, `/agency/${v.id}/delete`, `/agency/new?copy=${v.id}`]) {
      expect((await other.c.get(url)).statusCode, url).toBe(404);
    }
    expect((await other.c.post(`/agency/${v.id}/delete`, {})).statusCode).toBe(404);
    expect((await other.c.post(`/agency/${v.id}/edit`, fields())).statusCode).toBe(404);
    expect((await other.c.get('/agency')).body).not.toContain('他機關職缺');
    expect((await db().select().from(vacancies).where(eq(vacancies.id, v.id)))[0]!.deletedAt).toBeNull();
  });

  it('AGY-2 修改 keeps the 職缺編號; a forged access-mode change inside the validity period is refused and audited', async () => {
    const { agency, c } = await staffClient();
    await c.post('/agency/new', fields());
    const [row] = await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code));
    const edit = await c.get(`/agency/${row!.id}/edit`);
    expect(edit.body).toContain('不可變更應徵者履歷調閱方式');
    const forged = await c.post(`/agency/${row!.id}/edit`, fields({ accessMode: 'none' }));
    expect(forged.statusCode).toBe(422);
    const refused = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.access_mode_refused'), eq(auditEvents.subjectId, row!.id)));
    expect(refused).toHaveLength(1);
    expect((await c.post(`/agency/${row!.id}/edit`, fields({ title: '改過的職稱' }))).statusCode).toBe(303);
    const [after] = await db().select().from(vacancies).where(eq(vacancies.id, row!.id));
    expect(after).toMatchObject({ workId: row!.workId, title: '改過的職稱', accessMode: 'open' });
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(row!.updatedAt.getTime());
    const updates = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'vacancy.update'), eq(auditEvents.subjectId, row!.id)));
    expect((updates[0]!.details as { changed: string[] }).changed).toContain('title');
  });

  it('AGY-5 刪除 asks to confirm, soft-deletes, the public page answers 410 at once', async () => {
    const { agency, c } = await staffClient();
    await c.post('/agency/new', fields());
    const [row] = await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code));
    expect((await c.get(`/agency/${row!.id}/delete`)).body).toContain('確定刪除');
    expect((await c.post(`/agency/${row!.id}/delete`, {})).statusCode).toBe(303);
    expect((await c.get(`/jobs/${row!.workId}`)).statusCode).toBe(410);
    const [after] = await db().select().from(vacancies).where(eq(vacancies.id, row!.id));
    expect(after!.deletedAt).not.toBeNull();
    expect((await c.get(`/agency/${row!.id}/edit`)).statusCode).toBe(404);
  });

  it('AGY-5 預覽 before 送出 shows the job as it will look and creates nothing; after 送出 the stored one', async () => {
    const { agency, c } = await staffClient();
    await c.get('/agency/new');
    const res = await c.post('/agency/new', fields({ do: 'preview', title: '預覽中的職稱' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('預覽中的職稱');
    expect(await db().select().from(vacancies).where(eq(vacancies.orgId, agency.code))).toHaveLength(0);
  });

  it('AGY-1 ACS-1 調閱簡歷 / 調閱履歷 show the number of active applicants of each vacancy (cancelled ones not counted, none → 0 人)', async () => {
    const { agency, c } = await staffClient();
    const busy = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, title: '有人應徵的職缺', accessMode: 'open' });
    const quiet = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, title: '沒人應徵的職缺', accessMode: 'open' });
    await createApplication(db(), { vacancyId: busy.id });
    await createApplication(db(), { vacancyId: busy.id });
    await createApplication(db(), { vacancyId: busy.id, status: 'cancelled', cancelledAt: new Date() });
    const page = await c.get('/agency');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('尚未開放');
    const rowOf = (workId: string) => page.body.split('<tr>').find((tr) => tr.includes(workId))!;
    // ACS-1 / ACS-3: the counts link to the access module's 調閱簡歷 and 調閱履歷 pages.
    expect(rowOf(busy.workId)).toContain(`<td><a href="/agency/vacancies/${busy.id}/summaries">2 人</a></td><td><a href="/agency/vacancies/${busy.id}/applicants">2 人</a></td></tr>`);
    expect(rowOf(quiet.workId)).toContain(`<td><a href="/agency/vacancies/${quiet.id}/summaries">0 人</a></td><td><a href="/agency/vacancies/${quiet.id}/applicants">0 人</a></td></tr>`);
    expect((await c.get('/agency?lang=en')).body).toContain('>2 applicant(s)</a></td>');
  });

  it('AGY-1 歷史職缺 lists ended vacancies; 複製為新職缺 pre-fills the form with empty dates', async () => {
    const { agency, c } = await staffClient();
    const old = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, title: '去年的職缺', validFrom: addDays(today(), -60), validTo: addDays(today(), -30) });
    expect((await c.get('/agency')).body).not.toContain('去年的職缺');
    const hist = await c.get('/agency?view=history');
    expect(hist.body).toContain('去年的職缺');
    expect(hist.body).toContain('複製為新職缺');
    const copy = await c.get(`/agency/new?copy=${old.id}`);
    expect(copy.statusCode).toBe(200);
    expect(copy.body).toContain('value="去年的職缺"');
    expect(copy.body).toContain('name="validFrom" type="text" value=""');
    expect((await c.get('/agency?from=abc&page=-1&size=7')).statusCode).toBe(200);
  });

  it('AGY-2 50 parallel submissions get 50 distinct 職缺編號', async () => {
    const agency = await createAgency(db());
    const form = { orgAddress: 'x', fillerName: 'x', fillerEmail: '', fillerPhone: '02-1', fillerExt: '', personKindCode: '13', title: '平行', headcount: 1, workPlaces: ['10'], validFrom: today(), validTo: addDays(today(), 3), isHandicap: false, isOriginal: false, isLocalOriginal: false, isTraning: false, rankTypes: ['其他'], grade: 'none', sysnamCode: 'none', gender: 'any', vitaeEmail: 'a@b.tw', resumesByEmail: false, workQuality: 'q', workItem: 'i', workAddress: 'a', contactMethod: 'c', accessMode: 'open', csAll: false, trainFrom: null, trainTo: null, rewardFrom: null, rewardTo: null, appraisalFrom: '', appraisalTo: '', csSections: [] } as VacancyForm;
    const actor = { kind: 'system' as const };
    const results = await Promise.all(Array.from({ length: 50 }, () => createAgencyVacancy(db(), actor, { code: agency.code, name: agency.name }, form, new Date(), today())));
    const ids = results.map((r) => (r.ok ? r.row.workId : 'error'));
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => /^\d{10}$/.test(id))).toBe(true);
  });

  it('AGY-2 demo seed: one vacancy of every access mode for 宜蘭縣政府 and 基隆市政府, source demo, once', async () => {
    expect(await seedAgencyDemo(db(), new Date(), today())).toBe(6);
    expect(await seedAgencyDemo(db(), new Date(), today())).toBe(0);
    const rows = await db().select().from(vacancies).where(and(eq(vacancies.orgId, '376420000A'), eq(vacancies.source, 'demo'), eq(vacancies.fillerName, '示範填寫人')));
    expect(rows.map((r) => r.accessMode).sort()).toEqual(['civil_service', 'none', 'open']);
  });
});
