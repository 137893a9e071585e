// 職缺相關附件 on the 機關徵才登錄 form (AGY-2), the back office acting for any agency (issue 10), and the English
// texts (SYS-6) — over HTTP on both databases.
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { minimalPdf } from '../../platform/storage/pdf-fixture.ts';
import { createAgency, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { vacancies, vacancyAttachments } from '../vacancies/index.ts';
import { agencyStagedUploads } from './agency.schema.ts';
import { vacancyFields } from './agency.test-support.ts';

type Upload = { name: string; bytes: Buffer };

describe.each(dbDrivers())('agency attachments, back office, English (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;
  const today = () => h.current.services.clock.today();
  const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 1)]);

  async function staffClient(roles: ('agency_hr' | 'backoffice')[] = ['agency_hr']) {
    const agency = await createAgency(db(), { address: '宜蘭縣宜蘭市縣政北路1號' });
    const staff = await createStaff(db(), { agencyCode: agency.code, name: '林人事', roles });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    return { agency, staff, c };
  }

  /** Posts the form as the browser does: multipart, the CSRF token in the action's query. */
  async function postMultipart(c: HttpClient, page: string, action: string, fields: Record<string, string | string[]>, files: Upload[] = []) {
    await c.get(page);
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    for (const f of files) fd.append('attachments', new Blob([new Uint8Array(f.bytes)]), f.name);
    const sep = action.includes('?') ? '&' : '?';
    const res = await h.current.app.inject({ method: 'POST', url: `${action}${sep}_csrf=${encodeURIComponent(c.csrf)}`, payload: fd as never, headers: { cookie: c.cookie }, remoteAddress: c.ip });
    return res;
  }

  const stagedIds = (body: string) => [...body.matchAll(/name="staged" value="([^"]+)"/g)].map((m) => m[1]!);
  const audits = (action: string, vacancyId: string) => db().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, vacancyId)));

  it('AGY-2 職缺相關附件: files chosen with an error elsewhere are kept (staged), saved on 送出, listed, downloadable from the public page, audited', async () => {
    const { c, staff } = await staffClient();
    const pdf = minimalPdf('agency');
    const first = await postMultipart(c, '/agency/new', '/agency/new', vacancyFields(today(), { title: '' }), [
      { name: '簡章.pdf', bytes: pdf },
      { name: '地圖.png', bytes: await png() },
    ]);
    expect(first.statusCode).toBe(422);
    expect(first.body).toContain('請填寫職稱');
    expect(first.body).toContain('簡章.pdf');
    expect(first.body).toContain('地圖.png');
    const ids = stagedIds(first.body);
    expect(ids).toHaveLength(2);

    const saved = await postMultipart(c, '/agency/new', '/agency/new', vacancyFields(today(), { title: '附件測試職缺', staged: ids }));
    expect(saved.statusCode).toBe(303);
    const [v] = await db().select().from(vacancies).where(eq(vacancies.title, '附件測試職缺'));
    const files = await db().select().from(vacancyAttachments).where(eq(vacancyAttachments.vacancyId, v!.id));
    expect(files.map((f) => f.originalName).sort()).toEqual(['地圖.png', '簡章.pdf']);
    expect(files.find((f) => f.originalName === '簡章.pdf')!.contentType).toBe('application/pdf');
    expect(await db().select().from(agencyStagedUploads).where(eq(agencyStagedUploads.staffId, staff.id))).toHaveLength(0);
    expect(await audits('vacancy.attachment_add', v!.id)).toHaveLength(2);

    const edit = await c.get(`/agency/${v!.id}/edit`);
    expect(edit.body).toContain('簡章.pdf');
    const job = await c.get(`/jobs/${v!.workId}`);
    expect(job.body).toContain('簡章.pdf');
    const pdfRow = files.find((f) => f.originalName === '簡章.pdf')!;
    const download = await new HttpClient(h.current.app).get(`/jobs/${v!.workId}/attachments/${pdfRow.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
  });

  it('AGY-2 SYS-4 a renamed .exe is refused with a message beside the field; nothing is staged and what was typed is kept', async () => {
    const { c, staff } = await staffClient();
    const res = await postMultipart(c, '/agency/new', '/agency/new', vacancyFields(today(), { title: '保留的職稱' }), [{ name: '簡章.pdf', bytes: exe }]);
    expect(res.statusCode).toBe(422);
    const beside = /id="f-attachments-error"[^>]*>([\s\S]*?)<\/p>/.exec(res.body)?.[1] ?? '';
    expect(beside).toContain('簡章.pdf');
    expect(beside).toContain('檔案格式不符');
    expect(res.body).toContain('href="#f-attachments"'); // the error summary links to the field
    expect(res.body).toContain('value="保留的職稱"');
    expect(await db().select().from(agencyStagedUploads).where(eq(agencyStagedUploads.staffId, staff.id))).toHaveLength(0);
    expect(await db().select().from(vacancies).where(eq(vacancies.title, '保留的職稱'))).toHaveLength(0);
  });

  it('AGY-2 at most 5 attachments; 修改 removes a ticked one (audited, file deleted) and adds a new one', async () => {
    const { c } = await staffClient();
    const five = await Promise.all([1, 2, 3, 4, 5].map(async (i) => ({ name: `附件${i}.pdf`, bytes: minimalPdf(String(i)) })));
    const created = await postMultipart(c, '/agency/new', '/agency/new', vacancyFields(today(), { title: '五個附件' }), five);
    expect(created.statusCode).toBe(303);
    const [v] = await db().select().from(vacancies).where(eq(vacancies.title, '五個附件'));
    const editUrl = `/agency/${v!.id}/edit`;
    const sixth = await postMultipart(c, editUrl, editUrl, vacancyFields(today(), { title: '五個附件' }), [{ name: '第六個.pdf', bytes: minimalPdf('6') }]);
    expect(sixth.statusCode).toBe(422);
    expect(sixth.body).toContain('職缺相關附件最多 5 個檔案');

    const stored = await db().select().from(vacancyAttachments).where(eq(vacancyAttachments.vacancyId, v!.id));
    const gone = stored.find((f) => f.originalName === '附件1.pdf')!;
    const res = await postMultipart(c, editUrl, editUrl, vacancyFields(today(), { title: '五個附件', removeAttachment: gone.id }), [{ name: '新附件.png', bytes: await png() }]);
    expect(res.statusCode).toBe(303);
    const after = await db().select().from(vacancyAttachments).where(eq(vacancyAttachments.vacancyId, v!.id));
    expect(after.map((f) => f.originalName).sort()).toEqual(['新附件.png', '附件2.pdf', '附件3.pdf', '附件4.pdf', '附件5.pdf']);
    expect(await h.current.services.storage.exists(gone.fileKey)).toBe(false);
    const removed = await audits('vacancy.attachment_remove', v!.id);
    expect(removed).toHaveLength(1);
    expect(removed[0]!.details).toMatchObject({ name: '附件1.pdf' });
  });

  it('AGY-1 AGY-5 SYS-4 a back-office user chooses an agency, then lists, adds, edits and deletes its vacancies; audited with that agency', async () => {
    const target = await createAgency(db(), { address: '基隆市中正區義一路1號' });
    const theirs = await createVacancy(db(), { orgId: target.code, orgName: target.name, title: '代理機關的職缺' });
    const { c, staff } = await staffClient(['backoffice']);

    const chooser = await c.get(`/agency?q=${encodeURIComponent(target.name)}`);
    expect(chooser.statusCode).toBe(200);
    expect(chooser.body).toContain(`/agency?agency=${encodeURIComponent(target.code)}`);
    const unknown = await c.get('/agency?agency=ZZ9999999Z');
    expect(unknown.body).toContain('查無機關代碼「ZZ9999999Z」');

    const list = await c.get(`/agency?agency=${target.code}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('代理機關的職缺');
    expect(list.body).toContain(`/agency/new?agency=${target.code}`);

    const created = await postMultipart(c, `/agency/new?agency=${target.code}`, `/agency/new?agency=${target.code}`, vacancyFields(today(), { title: '後臺代填職缺' }));
    expect(created.statusCode).toBe(303);
    expect(String(created.headers.location)).toContain(`agency=${target.code}`);
    const [v] = await db().select().from(vacancies).where(eq(vacancies.title, '後臺代填職缺'));
    expect(v!.orgId).toBe(target.code);
    const audit = await audits('vacancy.create', v!.id);
    expect(audit[0]!.actorId).toBe(staff.id);
    expect(audit[0]!.details).toMatchObject({ agency: target.code });

    const editUrl = `/agency/${theirs.id}/edit`;
    expect((await c.get(editUrl)).statusCode).toBe(200);
    const edited = await postMultipart(c, editUrl, editUrl, vacancyFields(today(), { title: '代理機關的職缺（修正）', accessMode: theirs.accessMode, csAll: 'yes' }));
    expect(edited.statusCode, /class="field-error"[^>]*>([\s\S]*?)<\/p>/.exec(edited.body)?.[1]).toBe(303);
    expect((await audits('vacancy.update', theirs.id))[0]!.details).toMatchObject({ agency: target.code });

    await c.get(`/agency/${theirs.id}/delete`);
    const deleted = await c.post(`/agency/${theirs.id}/delete`, {});
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`/agency?agency=${target.code}`);
    expect((await audits('vacancy.delete', theirs.id))[0]!.details).toMatchObject({ agency: target.code });
    expect((await c.get(`/jobs/${theirs.workId}`)).statusCode).toBe(410);
  });

  it('AGY-1 a back-office member who is also agency HR starts with their own agency and may choose another (改選其他機關)', async () => {
    const { c, agency } = await staffClient(['agency_hr', 'backoffice']);
    const own = await c.get('/agency');
    expect(own.body).toContain(agency.code);
    expect(own.body).toContain('href="/agency?agency="');
    const chooser = await c.get('/agency?agency=&q=' + encodeURIComponent(agency.name));
    expect(chooser.body).toContain('選擇代理的機關');
    expect(chooser.body).toContain(`/agency?agency=${agency.code}`);
  });

  it('AGY-1 SYS-4 agency HR staff cannot act for another agency: ?agency= is ignored', async () => {
    const other = await createAgency(db(), {});
    await createVacancy(db(), { orgId: other.code, orgName: other.name, title: '別人的職缺' });
    const { c, agency } = await staffClient();
    const list = await c.get(`/agency?agency=${other.code}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(agency.code);
    expect(list.body).not.toContain('別人的職缺');
  });

  it('SYS-6 the agency pages in English: list, form labels and an error beside the field', async () => {
    const { c } = await staffClient();
    await c.get('/lang?to=en&next=%2Fagency');
    const list = await c.get('/agency');
    expect(list.body).toContain('Agency vacancies');
    expect(list.body).toContain('Past vacancies');
    const form = await c.get('/agency/new');
    expect(form.body).toContain('Attachments');
    expect(form.body).toContain('Agency details');
    const res = await postMultipart(c, '/agency/new', '/agency/new', vacancyFields(today(), { title: '', headcount: '0' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter the Job title.');
    expect(res.body).toContain('Number of posts: a whole number from 1 to 999.');
  });
});
