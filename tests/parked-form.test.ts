// SYS-5 / RES-11 (issue 16 item 2): a session expires while the resume is being written; 儲存履歷 then goes to
// 登入, and after signing in again as the same account the form comes back as it was sent (unsaved) with a
// notice. It is kept encrypted, for 24 hours, for that account only; passwords and files are never kept.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findResume } from '../src/modules/resumes/resume.repo.ts';
import { formData, validFields } from '../src/modules/resumes/resumes.test-support.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { unseal } from '../src/platform/crypto/seal.ts';
import { auditEvents, parkedForms, sessions } from '../src/platform/db/schema/platform.ts';
import { hashToken } from '../src/platform/auth/sessions.ts';
import { PARK_SEAL_LABEL, sealContext } from '../src/platform/http/parked-form.rules.ts';
import { runMaintenance } from '../src/platform/jobs/maintenance-jobs.ts';
import { createAccount } from './factories/index.ts';
import { useTestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';
import { HttpClient } from './helpers/http-client.ts';

const MINUTE = 60_000;
const AUTOBIOGRAPHY = '這是我花了四十分鐘寫的自傳，逾時後不應消失。';
const RESTORED = '您的登入已逾時，已保留您剛才送出的內容（不含當時選擇的照片或附件檔案），尚未儲存。請確認後再按「儲存履歷」。';
const AT_LOGIN = '您的登入已逾時，請重新登入。您剛才送出的內容已暫時保留（密碼與選擇的檔案不保留），登入同一個帳號後會再顯示，請確認後再送出。';
const TO_LOGIN = '/platform/login?next=%2Fplatform%2Fresume';

describe.each(dbDrivers())('parked forms (SYS-5, RES-11) on %s', (driver) => {
  const clock = fixedClock(new Date('2026-12-03T02:00:00Z'));
  const t = useTestApp(driver, { overrides: { clock } });
  const db = () => t.current.services.db;

  /** Signs `email` in, opens 履歷填寫 and lets the session expire (30 idle minutes) before anything is sent. */
  async function expiredWriter(email: string) {
    const account = await createAccount(t.current.services, { email });
    const c = new HttpClient(t.current.app);
    await c.signInApplicant(email);
    await c.get('/platform/resume');
    const expiredSid = c.sid()!;
    clock.advance(31 * MINUTE);
    return { account, c, expiredSid };
  }

  const parkedRows = (accountId: string) => db().select().from(parkedForms).where(eq(parkedForms.principalId, accountId));

  it('SYS-5 RES-11 儲存履歷 after the session expired: 登入, sign in, the typed 自傳 is back unsaved with a notice; then saved', async () => {
    const { account, c } = await expiredWriter('late-writer@example.tw');
    const photo = { name: 'photo' as const, filename: 'me.jpg', bytes: Buffer.from('chosen before the expiry') };
    const sent = await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY, action: 'save', password: 'Not-Kept-Passw0rd' }), [photo]));
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(TO_LOGIN);

    // Parked: one row, sealed (no plaintext, no JSON), bound to this account and page; no password inside.
    const [row] = await parkedRows(account.id);
    expect(row).toBeDefined();
    expect(row!.path).toBe('/platform/resume');
    expect(row!.payload.startsWith('v1.')).toBe(true);
    for (const plain of [AUTOBIOGRAPHY, '王小明', 'A123456789', '"values"']) expect(row!.payload).not.toContain(plain);
    expect(Buffer.from(row!.payload.slice(3), 'base64url').toString('utf8')).not.toContain('王小明');
    expect(row!.expiresAt.getTime() - clock.now().getTime()).toBe(24 * 60 * MINUTE);
    const opened = unseal(t.current.services.config, PARK_SEAL_LABEL, sealContext('applicant', account.id, '/platform/resume'), row!.payload)!;
    expect(opened).toContain(AUTOBIOGRAPHY);
    expect(opened).not.toContain('Not-Kept-Passw0rd');
    expect(opened).not.toContain('chosen before the expiry');

    const login = await c.followRedirects(sent);
    expect(login.body).toContain(AT_LOGIN);
    const back = await c.login('late-writer@example.tw', undefined, { next: '/platform/resume' });
    expect(back.headers.location).toBe('/platform/resume');
    const form = await c.get('/platform/resume');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(RESTORED);
    expect(form.body).toContain(AUTOBIOGRAPHY);
    expect(form.body).toContain('value="國立臺灣大學"');
    expect(await findResume(db(), account.id)).toBeNull(); // not saved by itself
    expect(await parkedRows(account.id)).toHaveLength(0); // taken once
    expect((await c.get('/platform/resume')).body).not.toContain(RESTORED);

    const saved = await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY, action: 'save' })));
    expect(saved.statusCode).toBe(303);
    expect((await findResume(db(), account.id))?.autobiography).toBe(AUTOBIOGRAPHY);

    // The audit log says a form was parked and restored, for which page, never what it held.
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.actorId, account.id));
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('form.parked');
    expect(actions).toContain('form.restored');
    expect(JSON.stringify(audit)).not.toContain(AUTOBIOGRAPHY);
  });

  it('SYS-5 another account signing in (in the same browser or its own) finds nothing; the owner still does', async () => {
    const { account, c } = await expiredWriter('owner@example.tw');
    await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })));
    await createAccount(t.current.services, { email: 'other@example.tw' });
    // The same browser, signed in as someone else.
    await c.signInApplicant('other@example.tw');
    const theirs = await c.get('/platform/resume');
    expect(theirs.body).not.toContain(AUTOBIOGRAPHY);
    expect(theirs.body).not.toContain(RESTORED);
    expect(await parkedRows(account.id)).toHaveLength(1);
    // The owner, later the same day, in a new browser.
    clock.advance(3 * 60 * MINUTE);
    const owner = new HttpClient(t.current.app);
    await owner.signInApplicant('owner@example.tw');
    expect((await owner.get('/platform/resume')).body).toContain(AUTOBIOGRAPHY);
  });

  it('SYS-5 a parked form is kept 24 hours: later it is not restored, and maintenance purges it', async () => {
    const { account, c } = await expiredWriter('too-late@example.tw');
    await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })));
    const second = await expiredWriter('purged@example.tw');
    await second.c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })));
    clock.advance(24 * 60 * MINUTE + MINUTE);
    await runMaintenance(t.current.services);
    expect(await parkedRows(second.account.id)).toHaveLength(0);
    // Even a row not purged yet is no longer restored.
    await db().insert(parkedForms).values({ principalKind: 'applicant', principalId: account.id, path: '/platform/resume', payload: 'v1.x', expiresAt: new Date(clock.now().getTime() - 1) });
    const fresh = new HttpClient(t.current.app);
    await fresh.signInApplicant('too-late@example.tw');
    expect((await fresh.get('/platform/resume')).body).not.toContain(RESTORED);
    expect(await parkedRows(account.id)).toHaveLength(0);
  });

  it('SYS-5 nothing is parked after 登出, for a visitor, or for a live session; a second send replaces the first', async () => {
    // Signed out: the session row is gone, so the old cookie names no one.
    await createAccount(t.current.services, { email: 'left@example.tw' });
    const out = new HttpClient(t.current.app);
    await out.signInApplicant('left@example.tw');
    await out.get('/platform/resume');
    const sid = out.sid()!;
    await out.post('/logout', {});
    out.cookie = `${out.cookie}; sid=${sid}`;
    const afterLogout = await out.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })));
    expect(afterLogout.headers.location).toBe(TO_LOGIN);
    expect(await db().select().from(parkedForms)).toHaveLength(0);

    // Sent twice after the expiry (e.g. back, and 儲存履歷 again with the expired session's cookie): one row, the last.
    const { account, c, expiredSid } = await expiredWriter('twice@example.tw');
    await c.postMultipart('/platform/resume', formData(validFields({ autobiography: '第一次送出' })));
    c.cookie = c.cookie.replace(/sid=[^;]*/, `sid=${expiredSid}`);
    await c.postMultipart('/platform/resume', formData(validFields({ autobiography: '第二次送出' })));
    const rows = await parkedRows(account.id);
    expect(rows).toHaveLength(1);
    const opened = unseal(t.current.services.config, PARK_SEAL_LABEL, sealContext('applicant', account.id, '/platform/resume'), rows[0]!.payload);
    expect(opened).toContain('第二次送出');

    // A live session: the form is simply handled (here 新增學歷), nothing parked.
    const live = await createAccount(t.current.services, { email: 'live@example.tw' });
    const l = new HttpClient(t.current.app);
    await l.signInApplicant('live@example.tw');
    await l.get('/platform/resume');
    const handled = await l.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY, action: 'add-education' })));
    expect(handled.statusCode).toBe(200);
    expect(handled.body).toContain(AUTOBIOGRAPHY);
    expect(await parkedRows(live.id)).toHaveLength(0);
  });

  it('SYS-5 the expired session keeps its owner only while its cookie can be sent, with its data emptied; a visitor session goes at once', async () => {
    const { c, expiredSid } = await expiredWriter('sessions@example.tw');
    await c.get('/platform/account/email'); // loads the expired session: it is not a session any more
    const [kept] = await db().select().from(sessions).where(eq(sessions.id, hashToken(expiredSid)));
    expect(kept?.principalId).toBeTruthy();
    expect(kept?.data).toEqual({});
    expect(kept?.ip).toBeNull();
    expect(await t.current.services.sessions.load(expiredSid)).toBeNull();
    expect((await t.current.services.sessions.expiredIdentity(expiredSid))?.kind).toBe('applicant');
    // Expired rows never loaded again are emptied by maintenance too.
    const other = await t.current.services.sessions.create({ principal: { kind: 'applicant', id: kept!.principalId!, method: '帳號' }, data: { flash: [] }, ip: '10.0.0.1' });
    clock.advance(31 * MINUTE);
    await runMaintenance(t.current.services);
    const [emptied] = await db().select().from(sessions).where(eq(sessions.id, other.record.id));
    expect(emptied).toMatchObject({ data: {}, ip: null, userAgent: null });
    clock.advance(-31 * MINUTE);
    // Three idle periods after the expiry (four after the cookie was last set) the cookie is gone: the row is purged.
    clock.advance(90 * MINUTE);
    await runMaintenance(t.current.services);
    expect(await db().select().from(sessions).where(eq(sessions.id, hashToken(expiredSid)))).toHaveLength(0);
    const visitor = await t.current.services.sessions.create({ principal: null });
    clock.advance(31 * MINUTE);
    expect(await t.current.services.sessions.load(visitor.token)).toBeNull();
    expect(await db().select().from(sessions).where(and(eq(sessions.id, visitor.record.id)))).toHaveLength(0);
  });

  it('SYS-5 activity renews the session cookie with the expiry: hours of use never outlive the cookie', async () => {
    await createAccount(t.current.services, { email: 'all-day@example.tw' });
    const c = new HttpClient(t.current.app);
    await c.signInApplicant('all-day@example.tw');
    const sid = c.sid();
    for (let i = 0; i < 6; i++) {
      clock.advance(25 * MINUTE); // 150 minutes in all: longer than the cookie's first Max-Age (120)
      const page = await c.get('/platform/account/email');
      expect(page.statusCode).toBe(200);
      const renewed = (page.cookies as { name: string; value: string; maxAge?: number }[]).find((k) => k.name === 'sid');
      expect(renewed).toMatchObject({ value: sid, maxAge: 4 * 30 * 60 });
    }
  });

  it('SYS-5 a stale token as well (the CSRF cookie went too): parked from our own pages, a plain 403 from another site', async () => {
    const { account, c } = await expiredWriter('stale-too@example.tw');
    c.csrf = 'no-longer-valid';
    const cross = await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })), { headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
    expect(await parkedRows(account.id)).toHaveLength(0);
    const own = await c.postMultipart('/platform/resume', formData(validFields({ autobiography: AUTOBIOGRAPHY })), { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(TO_LOGIN);
    expect(await parkedRows(account.id)).toHaveLength(1);
  });
});
