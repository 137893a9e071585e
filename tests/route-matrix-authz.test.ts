// SYS-4 (issue 8 part 1): the principal loaded per request, roles against audiences, scoped finders and policies
// over real HTTP on a real database.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { staffUsers } from '../src/modules/ecpa/staff.schema.ts';
import { forApplicant } from '../src/modules/resumes/resume.repo.ts';
import { forAgency } from '../src/modules/vacancies/vacancy.repo.ts';
import { auditEvents, sessions } from '../src/platform/db/schema/platform.ts';
import { hashToken } from '../src/platform/auth/sessions.ts';
import { useTestApp, type TestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';
import { testOnlyRoutes } from './route-matrix/test-routes.ts';
import { AGENCY_A, AGENCY_B, insertApplicant, insertResume, insertStagedPhoto, insertStaff, insertVacancy, jpegOf } from './route-matrix/fixtures.ts';

async function session(t: TestApp, kind: 'applicant' | 'staff', id: string): Promise<{ token: string; cookie: string }> {
  const { token } = await t.services.sessions.create({ principal: { kind, id, method: '帳號' } });
  return { token, cookie: `sid=${token}` };
}
const get = (t: TestApp, url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });

describe.each(dbDrivers())('authorization (SYS-4) on %s', (driver) => {
  const t = useTestApp(driver, { routes: testOnlyRoutes });
  let me: string;
  let other: string;
  let hrA: string;
  let hrB: string;
  let backoffice: string;

  beforeAll(async () => {
    me = await insertApplicant(t.current);
    other = await insertApplicant(t.current);
    hrA = await insertStaff(t.current, AGENCY_A, ['agency_hr']);
    hrB = await insertStaff(t.current, AGENCY_B, ['agency_hr']);
    backoffice = await insertStaff(t.current, 'A58000000A', ['agency_hr', 'backoffice']);
  });

  it('SYS-4 agency HR staff cannot reach a back-office route: the 404 page (never 403), and the refusal is audited', async () => {
    const { cookie } = await session(t.current, 'staff', hrA);
    const res = await get(t.current, '/test/backoffice', cookie);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('{"page"');
    const h1 = (html: string) => /<h1[^>]*>(.*?)<\/h1>/.exec(html)?.[1];
    expect(h1(res.body)).toBe(h1((await get(t.current, '/no/such/page', cookie)).body)); // the same page as an unknown address
    const [row] = await t.current.services.db.select().from(auditEvents).where(eq(auditEvents.actorId, hrA));
    expect(row).toMatchObject({ action: 'authz.refused', actorKind: 'staff', details: { method: 'GET', route: '/test/backoffice', audience: 'backoffice' } });
    const bo = await get(t.current, '/test/backoffice', (await session(t.current, 'staff', backoffice)).cookie);
    expect(bo.statusCode).toBe(200);
  });

  it('SYS-4 AGY-1 staff of agency A cannot reach a vacancy of agency B (scoped finder + policy): 404; their own: 200', async () => {
    const ofA = await insertVacancy(t.current, AGENCY_A);
    const ofB = await insertVacancy(t.current, AGENCY_B);
    expect(await forAgency(t.current.services.db, AGENCY_A, ofB.id)).toBeNull();
    expect(await forAgency(t.current.services.db, AGENCY_A, ofB.workId)).toBeNull();
    expect((await forAgency(t.current.services.db, AGENCY_A, ofA.workId))?.id).toBe(ofA.id);
    const a = (await session(t.current, 'staff', hrA)).cookie;
    expect((await get(t.current, `/test/agency/vacancies/${ofB.workId}`, a)).statusCode).toBe(404);
    expect((await get(t.current, `/test/agency/vacancies/${ofB.id}`, a)).statusCode).toBe(404);
    const own = await get(t.current, `/test/agency/vacancies/${ofA.workId}`, a);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ workId: ofA.workId, agency: AGENCY_A });
    expect((await get(t.current, `/test/agency/vacancies/${ofB.workId}`, (await session(t.current, 'staff', hrB)).cookie)).statusCode).toBe(200);
  });

  it('SYS-4 RES-9 RES-10 an applicant cannot reach another applicant’s resume, photo, attachment or staged upload', async () => {
    const mine = { photo: await jpegOf('#204060'), attachment: Buffer.from('%PDF-1.4\nmine\n%%EOF\n') };
    const theirs = { photo: await jpegOf('#a01010'), attachment: Buffer.from('%PDF-1.4\ntheirs\n%%EOF\n') };
    await insertResume(t.current, me, mine);
    const theirResume = await insertResume(t.current, other, theirs);
    const theirStaged = await insertStagedPhoto(t.current, other, await jpegOf('#00ff00'));
    const myStaged = await insertStagedPhoto(t.current, me, await jpegOf('#0000ff'));
    // scoped finders: another person's object is not found
    expect(await forApplicant.resumeById(t.current.services.db, me, theirResume)).toBeNull();
    expect(await forApplicant.stagedUpload(t.current.services.db, me, theirStaged, 'photo')).toBeNull();
    expect((await forApplicant.savedFile(t.current.services.db, me, 'attachment'))?.key).not.toBe((await forApplicant.savedFile(t.current.services.db, other, 'attachment'))?.key);
    // real routes: the staged upload of another is 404; the resume, photo and attachment routes name no one, and give only one's own
    const cookie = (await session(t.current, 'applicant', me)).cookie;
    expect((await get(t.current, `/platform/resume/photo/staged/${theirStaged}`, cookie)).statusCode).toBe(404);
    expect((await get(t.current, `/platform/resume/photo/staged/${myStaged}`, cookie)).statusCode).toBe(200);
    const photo = await get(t.current, '/platform/resume/photo', cookie);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(mine.photo)).toBe(true);
    const attachment = await get(t.current, '/platform/resume/attachment', cookie);
    expect(attachment.rawPayload.equals(mine.attachment)).toBe(true);
    expect(attachment.body).not.toContain('theirs');
    const preview = await get(t.current, '/platform/resume/preview', cookie);
    expect(preview.statusCode).toBe(200);
    // a staff member of any role is not an applicant: sent to the applicant sign-in, never shown a file
    const staffRes = await get(t.current, `/platform/resume/photo/staged/${theirStaged}`, (await session(t.current, 'staff', backoffice)).cookie);
    expect(staffRes.statusCode).toBe(303);
    expect(staffRes.headers.location).toBe(`/platform/login?next=${encodeURIComponent(`/platform/resume/photo/staged/${theirStaged}`)}`);
  });

  it('SYS-4 ACC-6 ECPA-3 a voided or locked applicant and a 卸職 staff member are signed out at their next request', async () => {
    for (const status of ['voided', 'locked'] as const) {
      const id = await insertApplicant(t.current);
      const { token, cookie } = await session(t.current, 'applicant', id);
      expect((await get(t.current, '/platform/resume', cookie)).statusCode).toBe(200);
      await t.current.services.db.update(applicantAccounts).set({ status }).where(eq(applicantAccounts.id, id));
      const res = await get(t.current, '/platform/resume', cookie);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/platform/login?next=%2Fplatform%2Fresume');
      expect(await t.current.services.db.select().from(sessions).where(eq(sessions.id, hashToken(token)))).toEqual([]);
    }
    const staff = await insertStaff(t.current, AGENCY_A, ['agency_hr']);
    const { token, cookie } = await session(t.current, 'staff', staff);
    expect((await get(t.current, '/test/agency-hr', cookie)).statusCode).toBe(200);
    await t.current.services.db.update(staffUsers).set({ status: 'left_service' }).where(eq(staffUsers.id, staff));
    const res = await get(t.current, '/test/agency-hr', cookie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ecpa/login?next=%2Ftest%2Fagency-hr');
    expect(await t.current.services.db.select().from(sessions).where(eq(sessions.id, hashToken(token)))).toEqual([]);
    const [ended] = await t.current.services.db.select().from(auditEvents).where(eq(auditEvents.actorId, staff));
    expect(ended).toMatchObject({ action: 'session.ended', details: { reason: 'inactive' } });
  });

  it('SYS-4 the principal carries kind, roles, agency and status, loaded from the account', async () => {
    const facts = await t.current.services.principals.load('staff', backoffice);
    expect(facts).toEqual({ roles: ['agency_hr', 'backoffice'], agencyCode: 'A58000000A', status: 'active' });
    expect(await t.current.services.principals.load('applicant', me)).toEqual({ roles: [], agencyCode: null, status: 'active' });
    expect(await t.current.services.principals.load('applicant', hrA)).toBeNull(); // a staff id is no applicant
    expect(await t.current.services.principals.load('staff', 'not-a-uuid')).toBeNull();
  });
});
