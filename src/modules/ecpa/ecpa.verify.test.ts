// RES-4 seam: 人事服務網身分驗證 of an applicant signed in on the platform, against the local HR database and the
// eCPA accounts of its well-known people (seedHrdbDemo). The principal never changes; the session keeps the
// keyed hash of the ID; verifiedHrdbPerson() honours it for 10 minutes.
import { randomUUID } from 'node:crypto';
import { applicantAccounts } from '../accounts/index.ts';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_CAPTCHA, useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { isFormerContractEmployee, seedHrdbDemo, createLocalHrDatabase, HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from '../hrdb/index.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import { HRDB_VERIFICATION_TTL_MS } from './ecpa.rules.ts';
import { getThenPost, insertStaff } from './ecpa.test-support.ts';
import { forgetHrdbVerification, HRDB_VERIFIED_KEY, verifiedHrdbPerson } from './hrdb-verification.ts';
import { STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { freshIp } from '../../../tests/helpers/http-client.ts';

const FORMER = WELL_KNOWN_PEOPLE.formerContract;
const NEXT = '/platform/resume?from=hrdb';

describe.each(dbDrivers())('人事服務網身分驗證 (RES-4) on %s', (driver) => {
  const clock = fixedClock('2025-06-02T09:00:00+08:00');
  const t = useTestApp(driver, { overrides: { clock } });
  const hrdb = createLocalHrDatabase();

  beforeAll(async () => {
    await seedHrdbDemo(t.current.services.db, t.current.config);
  });

  /** A platform applicant's session (the applicant module signs people in; here we only need the principal). */
  async function applicantSession() {
    // A real, active account: the principal is loaded from it on every request (SYS-4).
    const [account] = await t.current.services.db.insert(applicantAccounts).values({ email: `${randomUUID()}@example.com`, passwordHash: 'x', status: 'active' }).returning();
    const id = account!.id;
    const { token } = await t.current.services.sessions.create({ principal: { kind: 'applicant', id, method: '帳號' } });
    return { id, token, cookie: `sid=${token}` };
  }

  /** The request verifiedHrdbPerson sees for this session. */
  async function requestFor(token: string): Promise<FastifyRequest> {
    const session = await t.current.services.sessions.load(token);
    return { session, principal: session?.principal ?? null } as unknown as FastifyRequest;
  }

  const verify = (cookie: string, fields: Record<string, string>, next = NEXT) =>
    getThenPost(t.current.app, `/ecpa/verify?next=${encodeURIComponent(next)}`, '/ecpa/verify', { next, captcha: TEST_CAPTCHA, ...fields }, { cookie, ip: freshIp() });

  it('RES-4 /ecpa/verify is for a signed-in applicant: a visitor is sent to the platform sign-in first', async () => {
    const res = await t.current.app.inject({ method: 'GET', url: `/ecpa/verify?next=${encodeURIComponent(NEXT)}`, remoteAddress: freshIp() });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/platform/login?next=${encodeURIComponent(`/ecpa/verify?next=${encodeURIComponent(NEXT)}`)}`);
  });

  it('RES-4 the form is titled 人事服務網身分驗證 and says the HR database data will be brought in', async () => {
    const a = await applicantSession();
    const res = await t.current.app.inject({ method: 'GET', url: `/ecpa/verify?next=${encodeURIComponent(NEXT)}`, headers: { cookie: a.cookie }, remoteAddress: freshIp() });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>人事服務網身分驗證</h1>');
    expect(res.body).toContain('公務人力資料庫');
    expect(res.body).toContain(`name="next" value="${NEXT.replace('&', '&amp;')}"`);
    expect(res.body).toContain('name="captcha"');
  });

  it('RES-4 a right eCPA password stores the verified ID hash in the applicant session, keeps the principal, and the person can be read back', async () => {
    const a = await applicantSession();
    const r = await verify(a.cookie, { account: FORMER.ecpaAccount, password: HRDB_DEMO_PASSWORD });
    expect(r.status).toBe(303);
    expect(r.location).toBe(NEXT);
    const session = await t.current.services.sessions.load(a.token);
    expect(session?.principal).toEqual({ kind: 'applicant', id: a.id, method: '帳號' });
    expect(session?.data[HRDB_VERIFIED_KEY]).toMatchObject({ nationalIdHash: idHasher(t.current.config).hash(FORMER.nationalId), personId: FORMER.personId, applicantId: a.id });
    expect(JSON.stringify(session?.data)).not.toContain(FORMER.nationalId); // SYS-3: never the ID itself

    const person = await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb);
    expect(person?.name).toBe(FORMER.name);
    expect(person?.nationalId).toBe(FORMER.nationalId);
    expect(isFormerContractEmployee(person)).toBe(true);
    // The resume module passes the resume's ID: the same person only.
    expect((await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb, { nationalId: FORMER.nationalId.toLowerCase() }))?.personId).toBe(FORMER.personId);
    expect(await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb, { nationalId: WELL_KNOWN_PEOPLE.formerHire.nationalId })).toBeNull();

    const audit = await t.current.services.db.select().from(auditEvents).where(eq(auditEvents.action, 'ecpa.hrdb_verify.success'));
    expect(audit.find((x) => x.actorId === a.id)).toMatchObject({ actorKind: 'applicant', subjectKind: 'staff_user', details: { personId: FORMER.personId } });
  });

  it(`RES-4 a verification older than ${HRDB_VERIFICATION_TTL_MS / 60_000} minutes returns null`, async () => {
    const a = await applicantSession();
    expect((await verify(a.cookie, { account: WELL_KNOWN_PEOPLE.formerHire.ecpaAccount, password: HRDB_DEMO_PASSWORD })).status).toBe(303);
    clock.advance(HRDB_VERIFICATION_TTL_MS - 1_000);
    expect((await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb))?.personId).toBe(WELL_KNOWN_PEOPLE.formerHire.personId);
    clock.advance(1_000);
    expect(await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb)).toBeNull();
  });

  it('RES-4 forgetHrdbVerification drops it', async () => {
    const a = await applicantSession();
    await verify(a.cookie, { account: FORMER.ecpaAccount, password: HRDB_DEMO_PASSWORD });
    const req = await requestFor(a.token);
    await forgetHrdbVerification(req, t.current.services);
    expect(await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb)).toBeNull();
  });

  it("RES-4 another applicant's session does not carry the verification, nor does one copied into it", async () => {
    const a = await applicantSession();
    await verify(a.cookie, { account: FORMER.ecpaAccount, password: HRDB_DEMO_PASSWORD });
    const b = await applicantSession();
    expect(await verifiedHrdbPerson(await requestFor(b.token), t.current.services, hrdb)).toBeNull();
    const stolen = (await t.current.services.sessions.load(a.token))!.data;
    const bSession = (await t.current.services.sessions.load(b.token))!;
    await t.current.services.sessions.setData(bSession.id, stolen);
    expect(await verifiedHrdbPerson(await requestFor(b.token), t.current.services, hrdb)).toBeNull();
  });

  it('RES-4 a wrong password verifies nothing and says the same as the sign-in', async () => {
    const a = await applicantSession();
    const r = await verify(a.cookie, { account: FORMER.ecpaAccount, password: 'Wrong1234!' });
    expect(r.status).toBe(400);
    expect(r.body).toContain('帳號或密碼錯誤');
    expect((await t.current.services.sessions.load(a.token))?.data[HRDB_VERIFIED_KEY]).toBeUndefined();
    const captcha = await verify(a.cookie, { account: FORMER.ecpaAccount, password: HRDB_DEMO_PASSWORD, captcha: '1' });
    expect(captcha.status).toBe(400);
    expect(captcha.body).toContain('驗證碼');
  });

  it('RES-4 the national ID works as the account; a person who left service (卸職) may verify', async () => {
    const a = await applicantSession();
    const r = await verify(a.cookie, { account: WELL_KNOWN_PEOPLE.leftService.nationalId, password: HRDB_DEMO_PASSWORD });
    expect(r.status).toBe(303);
    expect((await verifiedHrdbPerson(await requestFor(a.token), t.current.services, hrdb))?.personId).toBe(WELL_KNOWN_PEOPLE.leftService.personId);
  });

  it('RES-4 an eCPA account not linked to an HR-database person is refused with its own message', async () => {
    await insertStaff(t.current.services.db, t.current.config, { account: 'no.hrdb.link' });
    const a = await applicantSession();
    const r = await verify(a.cookie, { account: 'no.hrdb.link', password: STAFF_PASSWORD });
    expect(r.status).toBe(400);
    expect(r.body).toContain('公務人力資料庫查無此帳號的資料');
  });

  it('RES-4 `next` must be a same-site path; anything else returns to the platform', async () => {
    const a = await applicantSession();
    const r = await verify(a.cookie, { account: FORMER.ecpaAccount, password: HRDB_DEMO_PASSWORD }, 'https://evil.example/');
    expect(r.location).toBe('/platform');
  });
});
