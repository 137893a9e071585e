// Applicant access over HTTP on both databases (ACS-1..ACS-4): the list, the AES zip opened by 7z, the summaries, the
// contact export read back; another agency's vacancy is 404; bad input comes back beside the fields, never a 500.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { createAgency, createApplication, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { applications, type ResumeSnapshot } from '../applications/index.ts';

const PASSWORD = 'Zip-Pass9!';
const has = (cmd: string) => spawnSync('which', [cmd]).status === 0;

function snapshot(n: number, over: Partial<ResumeSnapshot['data']['basic']> = {}): ResumeSnapshot {
  return {
    v: 1,
    resumeId: `r${n}`,
    savedAt: new Date().toISOString(),
    attachmentName: null,
    data: {
      basic: { chineseName: `應徵者${n}`, englishName: '', idNumber: `A1${String(n).padStart(8, '0')}`, gender: n % 2 ? 'M' : 'F', birthDate: '1990-06-17', phone: '0912-345-678', zip: '', county: '', district: '', street: '', email: `p${n}@example.com`, identity: [], ...over },
      education: [{ school: '國立臺灣大學', department: '法律學系', degree: '學士', status: '畢業', startDate: '2008-09-01', endDate: '2012-06-30' }],
      experience: [{ organization: '宜蘭縣政府', jobTitle: '約僱人員', status: '離職', startDate: '2013-01-01', endDate: '2015-12-31' }],
      languages: [{ language: '英文', listening: '中等', speaking: '略懂', reading: '精通', writing: '中等' }],
      skills: '文書處理',
      autobiography: '自傳全文不在簡歷中',
    },
  };
}

describe.each(dbDrivers())('agency access to applicants (%s)', (driver) => {
  const h = useTestApp(driver);
  const db = () => h.current.services.db;
  const storage = () => h.current.services.storage;

  async function setup(count = 3) {
    const agency = await createAgency(db());
    const staff = await createStaff(db(), { agencyCode: agency.code });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(staff.account, STAFF_PASSWORD);
    const v = await createVacancy(db(), { orgId: agency.code, orgName: agency.name, accessMode: 'open' });
    const apps = [];
    for (let i = 1; i <= count; i++) {
      const resumeKey = `test/resume-${v.id}-${i}.pdf`;
      await storage().put(resumeKey, Buffer.from(`%PDF-1.4 resume ${i}`), { contentType: 'application/pdf' });
      const attachmentKey = `test/att-${v.id}-${i}.pdf`;
      await storage().put(attachmentKey, Buffer.from(`%PDF-1.4 attachment ${i}`), { contentType: 'application/pdf' });
      apps.push(
        await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(i), resumeFileState: 'ready', resumeFileKey: resumeKey, resumeFileReadyAt: new Date(), attachmentKey, attachmentName: `應徵者${i}證照.pdf`, appliedAt: new Date(Date.now() - (10 - i) * 60_000) }),
      );
    }
    return { agency, staff, c, v, apps };
  }

  it('ACS-1 the list: 職缺編號 and type, 共N人, masked IDs (the filter match in full), not-ready rows untickable, cancelled apart, paging', async () => {
    const { c, v, apps } = await setup(2);
    const pending = await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(7, { chineseName: '產製中者' }), resumeFileState: 'pending' });
    const cancelled = await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(8, { chineseName: '已取消者' }), resumeFileState: 'ready', status: 'cancelled', cancelledAt: new Date() });
    const res = await c.get(`/agency/vacancies/${v.id}/applicants`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('機關徵才登錄-調閱履歷');
    expect(res.body).toContain(`職缺編號 ${v.workId} 不須具公務人員任用資格`);
    expect(res.body).toContain('使用者目前登入的方式');
    expect(res.body).toContain('請設定下載壓縮檔密碼');
    expect(res.body).toContain('共3人');
    expect(res.body).toContain('應徵者1');
    expect(res.body).toContain('A1000*****');
    expect(res.body).not.toContain('A100000001');
    expect(res.body).toContain('079/06/17');
    expect(res.body).toContain(`name="app" value="${apps[0]!.id}"`);
    expect(res.body).not.toContain(`name="app" value="${pending.id}"`);
    expect(res.body).toContain(`name="notify" value="${pending.id}"`);
    expect(res.body).toContain('履歷資料產製中.....');
    expect(res.body).not.toContain('已取消者');
    expect(res.body).toContain(`/agency/vacancies/${v.id}/applicants/${apps[0]!.id}/notice`);
    expect(res.body).toContain(`formaction="/agency/vacancies/${v.id}/notices/batch"`);
    expect(res.body).toContain('請選擇匯出聯絡資訊檔案類型');
    const filtered = await c.get(`/agency/vacancies/${v.id}/applicants?idNumber=a100000002`);
    expect(filtered.body).toContain('共1人');
    expect(filtered.body).toContain('A100000002');
    expect(filtered.body).not.toContain('應徵者1');
    const gone = await c.get(`/agency/vacancies/${v.id}/applicants?view=cancelled`);
    expect(gone.body).toContain('已取消者');
    expect(gone.body).not.toContain(`value="${cancelled.id}"`);
    const list = await c.get('/agency');
    expect(list.body).toContain(`href="/agency/vacancies/${v.id}/applicants"`);
    expect(list.body).toContain(`href="/agency/vacancies/${v.id}/summaries"`);
    expect(list.body).toContain('3 人');
  });

  it('ACS-1 paged by 50', async () => {
    const { c, v } = await setup(0);
    for (let i = 0; i < 51; i++) await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(100 + i), resumeFileState: 'ready' });
    const first = await c.get(`/agency/vacancies/${v.id}/applicants`);
    expect(first.body).toContain('共51人');
    expect(first.body.match(/name="notify"/g)).toHaveLength(50);
    const second = await c.get(`/agency/vacancies/${v.id}/applicants?page=2`);
    expect(second.body.match(/name="notify"/g)).toHaveLength(1);
  });

  it.skipIf(!has('7z'))('ACS-2 調閱履歷: an AES-256 zip 7z opens with the password, neutral names, viewed_at set, audited per applicant, no password stored', async () => {
    const { c, v, apps } = await setup(2);
    const page = await c.get(`/agency/vacancies/${v.id}/applicants`);
    expect(page.body).toContain('請自行記得所設定之密碼，本系統不再提供查詢');
    expect(page.body).toContain('7-Zip');
    const res = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: apps.map((a) => a.id), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = res.rawPayload;
    expect(zip.includes(Buffer.from('應徵者'))).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'acs2-'));
    try {
      writeFileSync(join(dir, 'a.zip'), zip);
      const listing = execFileSync('7z', ['l', '-slt', `-p${PASSWORD}`, join(dir, 'a.zip')]).toString();
      expect(listing).toContain('AES-256');
      const wrong = spawnSync('7z', ['x', '-pWrong-Pass1!', `-o${join(dir, 'bad')}`, join(dir, 'a.zip')]);
      expect(wrong.status).not.toBe(0);
      execFileSync('7z', ['x', `-p${PASSWORD}`, `-o${join(dir, 'out')}`, join(dir, 'a.zip')]);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['01-attachment.pdf', '01-resume.pdf', '02-attachment.pdf', '02-resume.pdf']);
      expect(readFileSync(join(dir, 'out', '01-resume.pdf'), 'utf8')).toBe('%PDF-1.4 resume 1');
      expect(readFileSync(join(dir, 'out', '02-attachment.pdf'), 'utf8')).toBe('%PDF-1.4 attachment 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const rows = await db().select().from(applications).where(inArray(applications.id, apps.map((a) => a.id)));
    expect(rows.every((r) => r.viewedAt instanceof Date)).toBe(true);
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.download'), inArray(auditEvents.subjectId, apps.map((a) => a.id))));
    expect(audits.map((a) => a.subjectId).sort()).toEqual(apps.map((a) => a.id).sort());
    expect(JSON.stringify(audits)).not.toContain(PASSWORD);
  });

  it('ACS-2 bad input: 11 ticks, a weak password, a not-ready or cancelled or another vacancy\'s id → the list with the message, ticks kept, never 500', async () => {
    const { c, v, apps } = await setup(11);
    await c.get(`/agency/vacancies/${v.id}/applicants`);
    const eleven = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: apps.map((a) => a.id), password: PASSWORD });
    expect(eleven.statusCode).toBe(422);
    expect(eleven.body).toContain('※ 每次調閱最多僅能調閱10個人員之履歷（您勾選了 11 位）');
    expect(eleven.body).toMatch(new RegExp(`value="${apps[3]!.id}"[^>]*checked`));
    const weak = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: [apps[0]!.id], password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('密碼長度至少 8 個字元');
    expect(weak.body).not.toContain('value="short"');
    const pending = await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(50), resumeFileState: 'producing' });
    const notReady = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: [pending.id], password: PASSWORD });
    expect(notReady.statusCode).toBe(422);
    expect(notReady.body).toContain('產製中');
    await db().update(applications).set({ status: 'cancelled' }).where(eq(applications.id, apps[1]!.id));
    const gone = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: [apps[1]!.id], password: PASSWORD });
    expect(gone.statusCode).toBe(422);
    const other = await createVacancy(db(), { orgId: 'B99999999B' });
    const foreign = await createApplication(db(), { vacancyId: other.id, resumeSnapshot: snapshot(60), resumeFileState: 'ready' });
    const forged = await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: [foreign.id, 'not-a-uuid'], password: PASSWORD });
    expect(forged.statusCode).toBe(422);
    expect((await c.get(`/agency/vacancies/${other.id}/applicants`)).statusCode).toBe(404);
    expect((await c.post(`/agency/vacancies/${other.id}/applicants/archive`, { app: [foreign.id], password: PASSWORD })).statusCode).toBe(404);
    expect((await c.post(`/agency/vacancies/${v.id}/applicants/archive`, { app: [apps[0]!.id], password: PASSWORD }, { csrf: false })).statusCode).toBe(403);
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.download'), inArray(auditEvents.subjectId, apps.map((a) => a.id))))).toHaveLength(0);
  });

  it('ACS-1..ACS-3 in English: the list, the refusal of 調閱履歷 and the summaries (SYS-6)', async () => {
    const { c, v, apps } = await setup(1);
    const list = await c.get(`/agency/vacancies/${v.id}/applicants?lang=en`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Vacancy registration – applicants’ resumes');
    expect(list.body).toContain(`Vacancy number ${v.workId} no civil-service qualification required`);
    expect(list.body).toContain('Set a password for the archive');
    expect(list.body).toContain('Choose the file type for the contact export');
    expect(list.body).not.toContain('請設定下載壓縮檔密碼');
    const refused = await c.post(`/agency/vacancies/${v.id}/applicants/archive?lang=en`, { app: [apps[0]!.id], password: 'short' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('The password needs an upper-case letter (A-Z)');
    const summaries = await c.get(`/agency/vacancies/${v.id}/summaries?lang=en`);
    expect(summaries.body).toContain('<h1>Applicant summaries</h1>');
    expect(summaries.body).toContain('Education');
  });

  it('ACS-3 調閱簡歷: each active applicant\'s summary without the full ID, audited; another agency 404', async () => {
    const { c, v, apps } = await setup(2);
    await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(9, { chineseName: '已取消者' }), status: 'cancelled' });
    const res = await c.get(`/agency/vacancies/${v.id}/summaries`);
    expect(res.statusCode).toBe(200);
    for (const s of ['應徵者1', '應徵者2', 'A1000*****', '國立臺灣大學', '宜蘭縣政府', '英文', '文書處理']) expect(res.body).toContain(s);
    expect(res.body).not.toContain('A100000001');
    expect(res.body).not.toContain('已取消者');
    expect(res.body).not.toContain('自傳全文不在簡歷中');
    const one = await c.get(`/agency/vacancies/${v.id}/summaries?app=${apps[1]!.id}`);
    expect(one.body).toContain('應徵者2');
    expect(one.body).not.toContain('應徵者1');
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.summary_view'), eq(auditEvents.subjectId, apps[1]!.id)));
    expect(audits).toHaveLength(2);
    const other = await createVacancy(db(), { orgId: 'B99999999B' });
    expect((await c.get(`/agency/vacancies/${other.id}/summaries`)).statusCode).toBe(404);
  });

  it('ACS-4 匯出聯絡資訊: ODS and Excel read back exactly, formulas neutralised, audited', async () => {
    const { c, v } = await setup(2);
    await createApplication(db(), { vacancyId: v.id, resumeSnapshot: snapshot(3, { chineseName: '=HYPERLINK("http://x")' }), appliedAt: new Date() });
    await c.get(`/agency/vacancies/${v.id}/applicants`);
    for (const kind of ['ods', 'xlsx'] as const) {
      const res = await c.post(`/agency/vacancies/${v.id}/contacts`, { type: kind });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(`.${kind}`);
      const wb = XLSX.read(res.rawPayload, { type: 'buffer' });
      const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
      expect(rows[0]).toEqual(['姓名', '性別', '出生', '電話', '聯絡Email', '應徵時間', '面試回覆狀態']);
      expect(rows[1]!.slice(0, 5)).toEqual(['應徵者1', '男', '079/06/17', '0912-345-678', 'p1@example.com']);
      expect(rows[3]![0]).toBe('\'=HYPERLINK("http://x")');
      expect(rows).toHaveLength(4);
      if (has('soffice')) {
        const dir = mkdtempSync(join(tmpdir(), 'acs4-'));
        try {
          writeFileSync(join(dir, `c.${kind}`), res.rawPayload);
          execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, `c.${kind}`)], { timeout: 60_000 });
          const csv = readFileSync(join(dir, 'c.csv'), 'utf8');
          expect(csv).toContain('應徵者2,女,079/06/17,0912-345-678,p2@example.com');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'contacts.export'), eq(auditEvents.subjectId, v.id)))).toHaveLength(2);
  });
});
