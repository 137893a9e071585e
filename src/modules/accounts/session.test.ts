// Idle sessions and 登出 (ACC-8) for applicants: expiry, the warning's markup, 「繼續使用」, cookie flags.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { latestMailTo, linkIn } from './accounts.test-support.ts';
import { createAccount } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

const MINUTE = 60_000;

describe.each(dbDrivers())('idle sessions (ACC-8) on %s', (driver) => {
  const clock = fixedClock(new Date());
  const t = useTestApp(driver, { overrides: { clock } });
  const app = () => t.current.app;

  it('ACC-8 after 30 idle minutes the session is gone: an applicant page sends to 登入 with `next`, and back after sign-in', async () => {
    await createAccount(t.current.services, { email: 'idle@example.tw' });
    const c = new Client(app());
    await c.login('idle@example.tw');
    clock.advance(29 * MINUTE);
    expect((await c.get('/platform/account/email')).statusCode).toBe(200); // activity moves the expiry
    clock.advance(29 * MINUTE);
    expect((await c.get('/platform/account/email')).statusCode).toBe(200);
    clock.advance(30 * MINUTE + 1000);
    const expired = await c.get('/platform/account/email');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/platform/login?next=%2Fplatform%2Faccount%2Femail');
    await c.get(String(expired.headers.location));
    expect(c.lastPage).toContain('請先登入，登入後將回到您剛才的頁面。');
    const back = await c.login('idle@example.tw', undefined, { next: '/platform/account/email' });
    expect(back.headers.location).toBe('/platform/account/email');
  });

  it('ACC-8 signed-in pages carry the idle warning (hidden until the script shows it) with 「繼續使用」', async () => {
    await createAccount(t.current.services, { email: 'notice@example.tw' });
    const c = new Client(app());
    await c.login('notice@example.tw');
    const page = await c.get('/platform/account/password');
    expect(page.body).toMatch(/<div class="session-notice" id="session-notice" role="alert" hidden data-session-notice data-idle-seconds="1800" data-warn-seconds="120" data-touch-seconds="60"/);
    expect(page.body).toContain('系統將於 2 分鐘後自動登出');
    expect(page.body).toContain('href="/platform/session/keepalive?next=%2Fplatform%2Faccount%2Fpassword" data-session-continue>繼續使用</a>');
    expect(page.body).toContain('<script src="/assets/js/accounts-session.js" defer></script>');
    // Public pages have none.
    expect((await new Client(app()).get('/platform/login')).body).not.toContain('data-session-notice');
  });

  it('ACC-8 「繼續使用」 refreshes the session: JSON for the script, a redirect back without JavaScript', async () => {
    await createAccount(t.current.services, { email: 'keep@example.tw' });
    const c = new Client(app());
    await c.login('keep@example.tw');
    clock.advance(28 * MINUTE);
    const json = await c.get('/platform/session/keepalive', { accept: 'application/json' });
    expect(json.statusCode).toBe(200);
    expect(JSON.parse(json.body)).toEqual({ ok: true, idleSeconds: 1800 });
    expect(json.headers['cache-control']).toBe('no-store');
    clock.advance(28 * MINUTE);
    const plain = await c.get('/platform/session/keepalive?next=%2Fplatform%2Faccount%2Fpassword');
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toBe('/platform/account/password');
    clock.advance(28 * MINUTE);
    expect((await c.get('/platform/account/password')).statusCode).toBe(200);
    // Once expired, 「繼續使用」 can only send to 登入 (the script then goes there too).
    clock.advance(31 * MINUTE);
    const late = await c.get('/platform/session/keepalive', { accept: 'application/json' });
    expect(late.statusCode).toBe(303);
    expect(String(late.headers.location)).toMatch(/^\/platform\/login\?next=/);
    const offsite = new Client(app());
    await offsite.login('keep@example.tw');
    expect((await offsite.get('/platform/session/keepalive?next=https%3A%2F%2Fevil.example')).headers.location).toBe('/platform/resume');
  });
});

describe('session cookies (ACC-8) on an https site', () => {
  const t = useTestApp('pglite', { env: { BASE_URL: 'https://jobs.example.gov.tw' } });

  it('ACC-8 the session cookie is Secure, HttpOnly and SameSite, and mail links use the https address', async () => {
    await createAccount(t.current.services, { email: 'secure@example.tw' });
    const c = new Client(t.current.app);
    const res = await c.login('secure@example.tw');
    expect(res.statusCode).toBe(303);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string[] | string).find((s) => s.startsWith('sid='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    await new Client(t.current.app).register('https-link@example.tw');
    const mail = await latestMailTo(t.current.services.db, 'https-link@example.tw');
    expect(linkIn(mail.text, '/platform/activate').startsWith('https://jobs.example.gov.tw/platform/activate?token=')).toBe(true);
  });
});
