// 登入 (ACC-4) over HTTP: landing, next, inactive and locked accounts, the lockout, no enumeration, sessions, audit.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { TEST_CAPTCHA, useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
import { ACCOUNT_POSTS_PER_MINUTE } from './account.rules.ts';
import { accountById, auditActions, stable, summaryOf } from './accounts.test-support.ts';
import { createAccount, PASSWORD } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

describe.each(dbDrivers())('登入 (ACC-4) on %s', (driver) => {
  const t = useTestApp(driver);
  const app = () => t.current.app;
  const db = () => t.current.services.db;
  const services = () => t.current.services;

  it('ACC-4 the login page asks 帳號, 密碼 and 驗證碼, and links to 忘記密碼, 重寄確認信 and 註冊', async () => {
    const res = await new Client(app()).get('/platform/login');
    expect(res.statusCode).toBe(200);
    for (const s of ['<h1>登入</h1>', '>帳號<', '>密碼<', '>驗證碼<', '<button type="submit">登入</button>', 'href="/platform/forgot"', 'href="/platform/resend"', 'href="/platform/register"']) {
      expect(res.body).toContain(s);
    }
    expect(res.body).toContain('autocomplete="current-password"');
    expect(res.body).toContain('連續 3 次密碼錯誤將鎖定帳號');
  });

  it('ACC-4 a right 帳號, 密碼 and 驗證碼 land on 履歷填寫 with a new session (rotated), audited', async () => {
    const account = await createAccount(services(), { email: 'land@example.tw' });
    const c = new Client(app());
    await c.get('/platform/login');
    const visitorSid = c.sid();
    expect(visitorSid).toBeTruthy();
    const res = await c.post('/platform/login', { email: ' LAND@example.tw ', password: PASSWORD, captcha: TEST_CAPTCHA });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/resume');
    expect(c.sid()).toBeTruthy();
    expect(c.sid()).not.toBe(visitorSid);
    expect(await services().sessions.load(visitorSid!)).toBeNull();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/sid=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const page = await c.get('/platform/account/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('目前登入帳號：land@example.tw');
    const actions = await auditActions(db(), account.id);
    expect(actions.find((a) => a.action === 'account.login.success')).toMatchObject({ actorKind: 'applicant', actorId: account.id, ip: c.ip });
  });

  it('ACC-4 issue 16 item 9: with `next` the page names one destination; a 5,000-character password is called too long', async () => {
    const c = new Client(app());
    const withNext = await c.get('/platform/login?next=%2Fjobs%2F1150500001%2Fapply');
    expect(withNext.body).toContain('登入後將回到您剛才的頁面');
    expect(withNext.body).not.toContain('登入後將前往「履歷填寫」');
    expect((await c.get('/platform/login')).body).toContain('登入後將前往「履歷填寫」');
    await createAccount(services(), { email: 'long@example.tw' });
    const long = await c.post('/platform/login', { email: 'long@example.tw', password: 'a'.repeat(5000), captcha: TEST_CAPTCHA });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('密碼過長：最多 128 個字元');
    expect(long.body).not.toContain('請輸入密碼');
  });

  it('ACC-4 PUB-3 a sign-in goes back to a same-site `next`, never to another site', async () => {
    await createAccount(services(), { email: 'next@example.tw' });
    const c = new Client(app());
    const page = await c.get('/platform/login?next=%2Fplatform%2Fapply%2F1150500001');
    expect(page.body).toContain('name="next" value="/platform/apply/1150500001"');
    expect(page.body).toContain('請先登入，登入後將回到您剛才的頁面。');
    const res = await c.post('/platform/login', { email: 'next@example.tw', password: PASSWORD, captcha: TEST_CAPTCHA, next: '/platform/apply/1150500001' });
    expect(res.headers.location).toBe('/platform/apply/1150500001');
    for (const evil of ['https://evil.example/x', '//evil.example/x', '/\\evil.example']) {
      const d = new Client(app());
      await d.get(`/platform/login?next=${encodeURIComponent(evil)}`);
      expect(d.lastPage).not.toContain('name="next"');
      const r = await d.post('/platform/login', { email: 'next@example.tw', password: PASSWORD, captcha: TEST_CAPTCHA, next: evil });
      expect(r.headers.location, evil).toBe('/platform/resume');
    }
  });

  it('ACC-4 an applicant page asks for sign-in with `next`, and an applicant already signed in skips the login page', async () => {
    await createAccount(services(), { email: 'guard@example.tw' });
    const c = new Client(app());
    const guarded = await c.get('/platform/account/password');
    expect(guarded.statusCode).toBe(303);
    expect(guarded.headers.location).toBe('/platform/login?next=%2Fplatform%2Faccount%2Fpassword');
    await c.login('guard@example.tw');
    const again = await c.get('/platform/login?next=%2Fplatform%2Faccount%2Fpassword');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/platform/account/password');
  });

  it('ACC-4 an inactive account is told to activate, with the resend link, and is not signed in', async () => {
    const account = await createAccount(services(), { email: 'inactive@example.tw', status: 'pending_activation' });
    const c = new Client(app());
    const res = await c.login('inactive@example.tw');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('帳號尚未啟用');
    expect(res.body).toContain('<a href="/platform/resend">重寄確認信</a>');
    expect((await c.get('/platform/account/password')).statusCode).toBe(303);
    expect((await auditActions(db(), account.id)).map((a) => [a.action, a.details.reason])).toContainEqual(['account.login.refused', 'inactive']);
  });

  it('ACC-4 locks the account after 3 failed logins; the page says so; even the right password is then refused', async () => {
    const account = await createAccount(services(), { email: 'lock@example.tw' });
    const c = new Client(app());
    const first = await c.login('lock@example.tw', 'Wrong#pass1');
    expect(summaryOf(first.body)).toEqual(['f-password 密碼：帳號或密碼錯誤']);
    expect(first.body).toContain('value="lock@example.tw"');
    expect(first.body).not.toContain('Wrong#pass1');
    await c.login('lock@example.tw', 'Wrong#pass2');
    expect(await accountById(db(), account.id)).toMatchObject({ status: 'active', failedLoginCount: 2 });
    const third = await c.login('lock@example.tw', 'Wrong#pass3');
    expect(third.statusCode).toBe(400);
    expect(third.body).toContain('帳號已鎖定，請使用忘記密碼重設密碼');
    expect(third.body).toContain('<a href="/platform/forgot">忘記密碼</a>');
    expect(await accountById(db(), account.id)).toMatchObject({ status: 'locked', failedLoginCount: 3 });
    const right = await c.login('lock@example.tw', PASSWORD);
    expect(right.statusCode).toBe(400);
    expect(right.body).toContain('帳號已鎖定，請使用忘記密碼重設密碼');
    const actions = (await auditActions(db(), account.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'account.login.failure')).toHaveLength(3);
    expect(actions).toContain('account.lock');
    expect(actions).toContain('account.login.refused');
  });

  it('ACC-4 locking ends the sessions the account already had', async () => {
    await createAccount(services(), { email: 'lock-sessions@example.tw' });
    const owner = new Client(app());
    await owner.login('lock-sessions@example.tw');
    expect((await owner.get('/platform/account/password')).statusCode).toBe(200);
    const attacker = new Client(app());
    for (let i = 0; i < 3; i++) await attacker.login('lock-sessions@example.tw', `Wrong#pass${i}`);
    expect((await owner.get('/platform/account/password')).statusCode).toBe(303);
  });

  it('ACC-4 the count is of consecutive failures: a success resets it', async () => {
    const account = await createAccount(services(), { email: 'reset-count@example.tw' });
    const c = new Client(app());
    await c.login('reset-count@example.tw', 'Wrong#pass1');
    await c.login('reset-count@example.tw', 'Wrong#pass2');
    expect((await c.login('reset-count@example.tw')).statusCode).toBe(303);
    expect(await accountById(db(), account.id)).toMatchObject({ failedLoginCount: 0, status: 'active' });
    const d = new Client(app());
    await d.login('reset-count@example.tw', 'Wrong#pass3');
    await d.login('reset-count@example.tw', 'Wrong#pass4');
    expect(await accountById(db(), account.id)).toMatchObject({ failedLoginCount: 2, status: 'active' });
  });

  it('ACC-4 a wrong captcha is refused before the password is looked at and does not count towards the lockout', async () => {
    const account = await createAccount(services(), { email: 'captcha-first@example.tw' });
    const c = new Client(app());
    for (let i = 0; i < 4; i++) {
      const res = await c.login('captcha-first@example.tw', 'Wrong#pass1', { captcha: '13579' });
      expect(summaryOf(res.body)).toEqual([expect.stringMatching(/^f-captcha 驗證碼：/)]);
    }
    expect(await accountById(db(), account.id)).toMatchObject({ failedLoginCount: 0, status: 'active' });
    expect((await auditActions(db(), account.id)).filter((a) => a.action.startsWith('account.login'))).toEqual([]);
    // The right password with the right captcha still signs in: nothing was counted.
    expect((await c.login('captcha-first@example.tw', PASSWORD)).statusCode).toBe(303);
  });

  it('ACC-4 SYS-4 an unknown account and a wrong password get the same answer in the same time', async () => {
    await createAccount(services(), { email: 'known@example.tw' });
    const run = async (email: string) => {
      const c = new Client(app());
      await c.get('/platform/login');
      const started = performance.now();
      const res = await c.post('/platform/login', { email, password: 'Wrong#pass9', captcha: TEST_CAPTCHA });
      return { status: res.statusCode, page: stable(res.body).replace(email, 'EMAIL'), ms: performance.now() - started };
    };
    const unknown = await run('unknown@example.tw');
    const wrong = await run('known@example.tw');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.page).toBe(wrong.page);
    expect(unknown.ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    expect(wrong.ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    expect(Math.abs(unknown.ms - wrong.ms)).toBeLessThan(250);
    const failures = (await auditActions(db())).filter((a) => a.action === 'account.login.failure' && a.details.reason === 'unknown-account');
    expect(failures.at(-1)).toMatchObject({ actorKind: 'visitor', subjectId: null, details: { email: 'unknown@example.tw' } });
  });

  it('ACC-4 a voided account cannot sign in and is answered like an unknown one', async () => {
    await createAccount(services(), { email: 'voided@example.tw', status: 'voided' });
    const res = await new Client(app()).login('voided@example.tw');
    expect(summaryOf(res.body)).toEqual(['f-password 密碼：帳號或密碼錯誤']);
  });

  it('ACC-4 every field is required; messages beside the fields and in the summary; the password is never sent back', async () => {
    const c = new Client(app());
    await c.get('/platform/login');
    const res = await c.post('/platform/login', { email: '', password: 'Typed#secret1', captcha: '' });
    expect(summaryOf(res.body)).toEqual(['f-email 帳號：請輸入帳號（Email）', 'f-captcha 驗證碼：請輸入驗證碼']);
    expect(res.body).not.toContain('Typed#secret1');
  });

  it(`SYS-4 more than ${ACCOUNT_POSTS_PER_MINUTE} login attempts a minute from one address are refused (429)`, async () => {
    const c = new Client(app());
    await c.get('/platform/login');
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_POSTS_PER_MINUTE; i++) statuses.push((await c.post('/platform/login', { email: '' })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });

  it('ACC-8 登出 ends the session; the applicant pages then ask for sign-in again', async () => {
    await createAccount(services(), { email: 'logout@example.tw' });
    const c = new Client(app());
    await c.login('logout@example.tw');
    const page = await c.get('/platform/account/password');
    expect(page.body).toContain('action="/logout"');
    const sid = c.sid()!;
    const out = await c.post('/logout', {});
    expect(out.statusCode).toBe(303);
    expect(await services().sessions.load(sid)).toBeNull();
    expect((await c.get('/platform/account/password')).statusCode).toBe(303);
  });
});
