// ECPA-6 MyData 履歷表下載 through the whole app on PGlite and, with TEST_DATABASE_URL, PostgreSQL: the page on
// 應用系統, the PDF download and its audit row, 404 for staff who are not civil servants, the sign-in redirect for
// applicants and visitors, and the message when the HR record is gone or says 卸職.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { signInApplicant } from '../../../tests/factories/session.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { CIVIL_SERVICE_LABELS } from '../../platform/pdf/index.ts';
import { pdfText } from '../../platform/pdf/testing/poppler.ts';
import { createLocalHrDatabase, type HrDatabase, type HrPerson } from '../hrdb/index.ts';
import { ecpaMessages } from './ecpa.messages.ts';
import { insertStaff } from './ecpa.test-support.ts';

const zh = ecpaMessages('zh-TW');
const en = ecpaMessages('en');

/** The local HR database, with people the test makes disappear or leave service after they signed in. */
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

describe.each(dbDrivers())('MyData 履歷表下載 on %s', (driver) => {
  const hrdb = changingHrdb();
  const t = useTestApp(driver, { overrides: { clock: fixedClock('2025-06-02T09:00:00+08:00'), hrdb } });
  const app = () => t.current.app;
  const db = () => t.current.services.db;

  let servant: Awaited<ReturnType<typeof insertStaff>>;
  beforeAll(async () => {
    const config = t.current.config;
    // P900003 張家豪 and P900004 李淑芬 of the local dataset, and P900011 林宜蘭 (agency HR, not a civil_servant role).
    servant = await insertStaff(db(), config, { account: 'civil.servant', name: '張家豪', agencyCode: 'A58000000A', roles: ['civil_servant'], nationalId: 'A128730468' });
    await insertStaff(db(), config, { account: 'current.contract', name: '吳佳蓉', agencyCode: 'A58000000A', roles: ['civil_servant'], nationalId: 'C226084136' });
    await insertStaff(db(), config, { account: 'yilan.hr', name: '林宜蘭', roles: ['agency_hr'], nationalId: 'G203457162' });
    // An account whose name matches an HR person but whose ID hash is someone else's.
    await insertStaff(db(), config, { account: 'former.hire', name: '冒名', roles: ['civil_servant'], nationalId: 'A128730468' });
  });

  async function signedIn(account: string): Promise<HttpClient> {
    const c = new HttpClient(app());
    await c.signInStaff(account, STAFF_PASSWORD);
    return c;
  }

  it('ECPA-6 a civil servant reaches MyData 履歷表下載 from 應用系統; the page says what the file holds', async () => {
    const c = await signedIn('civil.servant');
    const apps = await c.get('/ecpa/apps');
    expect(apps.body).toContain('href="/ecpa/mydata"');
    expect(apps.body).toContain(zh['apps.MYDATA']);
    const page = await c.get('/ecpa/mydata');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1`);
    expect(page.body).toContain(zh['title.mydata']);
    expect(page.body).toContain(zh['mydata.holds']);
    expect(page.body).toContain(`href="/ecpa/mydata/resume.pdf"`);
    expect(page.body).toContain(zh['mydata.download']);
    const english = await c.get('/ecpa/mydata', { cookie: `${c.cookie}; lang=en` });
    expect(english.body).toContain(en['mydata.download']);
  });

  it('ECPA-6 the download is the whole HR resume as PDF (no-store, attachment with a neutral name); SYS-2 audits who and when, not the content', async () => {
    const c = await signedIn('civil.servant');
    const res = await c.get('/ecpa/mydata/resume.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mydata-resume\.pdf"/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('張家豪');
    expect(text).toContain('A128730468');
    for (const heading of Object.values(CIVIL_SERVICE_LABELS.sections)) expect(text.replace(/\s+/g, '')).toContain(heading.replace(/\s+/g, ''));
    expect(text).toContain('製表時間：民國 114 年 06 月 02 日 09:00');
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'hrdb.resume_download'), eq(auditEvents.actorId, servant.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'staff', subjectKind: 'staff_user', subjectId: servant.id, details: {} });
    expect(JSON.stringify(rows[0])).not.toContain('A128730468');
  });

  it('ECPA-6 agency HR staff without the civil_servant role get 404, and no MyData item on 應用系統', async () => {
    const c = await signedIn('yilan.hr');
    expect((await c.get('/ecpa/apps')).body).not.toContain('/ecpa/mydata');
    expect((await c.get('/ecpa/mydata')).statusCode).toBe(404);
    expect((await c.get('/ecpa/mydata/resume.pdf')).statusCode).toBe(404);
  });

  it('ECPA-6 applicants and visitors are sent to the eCPA sign-in and get no PDF', async () => {
    const applicant = await signInApplicant(t.current);
    for (const headers of [{}, { cookie: applicant.cookie }]) {
      for (const url of ['/ecpa/mydata', '/ecpa/mydata/resume.pdf']) {
        const res = await app().inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location).toMatch(/^\/ecpa\/login\?next=/);
      }
    }
  });

  it('ECPA-6 an HR record gone since sign-in, or an account not tied to its HR person, gets a clear message (409), never a PDF or a 500', async () => {
    const impostor = await signedIn('former.hire');
    const r1 = await impostor.get('/ecpa/mydata/resume.pdf');
    expect(r1.statusCode).toBe(409);
    expect(r1.headers['content-type']).toMatch(/^text\/html/);
    expect(r1.body).toContain(zh['title.mydataNotFound']);
    const c = await signedIn('current.contract');
    hrdb.gone.add('P900005');
    try {
      const r2 = await c.get('/ecpa/mydata/resume.pdf');
      expect(r2.statusCode).toBe(409);
      expect(r2.body).toContain(zh['mydataNotFound.body']);
      expect(r2.body).toContain('href="/ecpa/apps"');
    } finally {
      hrdb.gone.delete('P900005');
    }
  });

  it('ECPA-6 a civil servant who left service since signing in is told so; nothing is audited as a download', async () => {
    const c = await signedIn('current.contract');
    hrdb.left.add('P900005');
    try {
      const res = await c.get('/ecpa/mydata/resume.pdf');
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain(zh['title.mydataLeft']);
    } finally {
      hrdb.left.delete('P900005');
    }
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, 'hrdb.resume_download'));
    expect(rows.every((r) => r.actorId === servant.id)).toBe(true);
  });
});
