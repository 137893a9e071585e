// SYS-5 / RES-11 (issue 16 item 3): a stale form — its CSRF token no longer matches, e.g. 註冊 left open — is
// not a dead end: back to the same page with what was typed (never a password, never a file) and a message to
// submit again. A forged cross-site POST (no same-origin Origin) stays a plain 403 and plants nothing.
import { describe, expect, it } from 'vitest';
import { signInApplicant } from './factories/index.ts';
import { useTestApp } from './helpers/app.ts';
import { findResume } from '../src/modules/resumes/resume.repo.ts';
import { formData, validFields } from '../src/modules/resumes/resumes.test-support.ts';

const FORM = 'application/x-www-form-urlencoded';
const MESSAGE = '這個頁面已停留太久，無法完成送出。您填寫的內容已保留（密碼不保留），請確認後再送出一次。';
const cookieOf = (cookies: { name: string; value: string }[]) => cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('a stale form keeps what was typed', () => {
  const t = useTestApp();

  it('SYS-5 註冊 with an expired token: back to 註冊 with the e-mail and a message, never the password; shown once', async () => {
    const app = t.current.app;
    const page = await app.inject('/platform/register');
    const origin = 'http://localhost:80'; // inject's Host
    const payload = new URLSearchParams({ _csrf: 'stale-token', email: 'late@example.tw', password: 'Secret-Passw0rd!', confirm: 'Secret-Passw0rd!', captcha: 'ABCD', consent: 'yes' }).toString();
    const res = await app.inject({ method: 'POST', url: '/platform/register', payload, headers: { 'content-type': FORM, cookie: cookieOf(page.cookies), origin } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/register');
    const cookie = cookieOf([...page.cookies, ...res.cookies]);
    const back = await app.inject({ url: '/platform/register', headers: { cookie } });
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain(MESSAGE);
    expect(back.body).toContain('value="late@example.tw"');
    expect(back.body).not.toContain('Secret-Passw0rd!');
    expect(back.body).not.toContain('ABCD');
    // Once: a reload shows the empty form.
    const again = await app.inject({ url: '/platform/register', headers: { cookie } });
    expect(again.body).not.toContain('late@example.tw');
    // Nothing of it in the session either.
    const sid = [...res.cookies, ...page.cookies].find((c) => c.name === 'sid')!.value;
    expect(JSON.stringify((await t.current.services.sessions.load(sid))?.data ?? {})).not.toContain('Secret-Passw0rd!');
  });

  it('SYS-4 a cross-site POST (no same-origin Origin) is still a 403 and keeps nothing', async () => {
    const app = t.current.app;
    const page = await app.inject('/platform/register');
    const payload = new URLSearchParams({ _csrf: 'forged', email: 'victim@example.tw' }).toString();
    for (const origin of [undefined, 'https://evil.example']) {
      const res = await app.inject({ method: 'POST', url: '/platform/register', payload, headers: { 'content-type': FORM, cookie: cookieOf(page.cookies), ...(origin ? { origin } : {}) } });
      expect(res.statusCode, String(origin)).toBe(403);
      expect(res.body).toContain('無法完成這個動作');
    }
  });

  it('RES-11 履歷填寫 with a stale token: back to the form with every field as typed (no file), unsaved', async () => {
    const app = t.current.app;
    const me = await signInApplicant(t.current);
    const form = formData(validFields({ chineseName: '遲到的人', autobiography: '寫了很久的自傳。' }), [{ name: 'photo', filename: 'me.jpg', bytes: Buffer.from('not really a jpeg') }]);
    const res = await app.inject({ method: 'POST', url: '/platform/resume?_csrf=stale', payload: form, headers: { cookie: me.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/resume');
    const back = await app.inject({ url: '/platform/resume', headers: { cookie: me.cookie } });
    expect(back.body).toContain(MESSAGE);
    expect(back.body).toContain('value="遲到的人"');
    expect(back.body).toContain('寫了很久的自傳。');
    expect(back.body).toContain('value="國立臺灣大學"');
    expect(await findResume(t.current.services.db, me.id)).toBeNull();
  });
});
