// Issue 9 item 8: `lang` is Secure under an https BASE_URL; flash text (which can hold a typed e-mail) is kept in
// the server session, never in a cookie.
import { describe, expect, it } from 'vitest';
import { HttpClient as Client } from './helpers/http-client.ts';
import { signInApplicant } from './factories/index.ts';
import { useTestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';

describe.each(dbDrivers())('cookies on an https site (%s)', (driver) => {
  const t = useTestApp(driver, { env: { BASE_URL: 'https://jobs.example.gov.tw' } });

  it('SYS-4 item 8: the lang cookie is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await t.current.app.inject('/lang?to=en&next=/');
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/^lang=en;/);
    expect(set).toContain('Secure');
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Lax');
  });

  it('SYS-4 item 8: a flash with a typed e-mail is not in any cookie, yet shows once on the next page', async () => {
    const c = new Client(t.current.app);
    const email = 'flash-typed@example.tw';
    const res = await c.submit('/platform/forgot', { email });
    expect(res.statusCode).toBe(303);
    const setCookies = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
    expect(setCookies.join('\n')).not.toContain('flash=');
    expect(decodeURIComponent(setCookies.join('\n'))).not.toContain(email);
    expect(decodeURIComponent(c.cookie)).not.toContain(email);
    for (const cookie of setCookies) expect(cookie).toContain('Secure');
    const next = await c.get(String(res.headers.location));
    expect(next.body).toContain('flash-list');
    expect(next.body).toContain(email);
    expect((await c.get(String(res.headers.location))).body).not.toContain('flash-list');
  });

  it('SYS-5 item 8: a flash after 登出 (no session left) still shows once', async () => {
    const c = new Client(t.current.app);
    // A real active account: the principal is loaded per request, and a session of nobody is ended at once.
    const { token } = await signInApplicant(t.current);
    c.cookie = `sid=${token}`;
    await c.get('/');
    const out = await c.post('/logout', {});
    expect(out.statusCode).toBe(303);
    expect((await c.get('/')).body).toContain('您已登出');
  });
});
