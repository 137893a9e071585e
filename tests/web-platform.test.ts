import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/platform/clock.ts';
import { createSessionStore } from '../src/platform/auth/sessions.ts';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { cookieHeader, csrfFrom, useTestApp } from './helpers/app.ts';
import { dbDrivers, useTestDatabase } from './helpers/db.ts';

describe('web platform', () => {
  const t = useTestApp();

  it('SYS-4 /healthz answers while the process is up and /readyz when the database answers', async () => {
    const h = await t.current.app.inject('/healthz');
    expect(h.statusCode).toBe(200);
    expect(h.json()).toEqual({ status: 'ok' });
    const r = await t.current.app.inject('/readyz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('SYS-6 an unknown route gets a 404 page in Traditional Chinese, and in English after the switch', async () => {
    const res = await t.current.app.inject('/no/such/page');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('找不到這個頁面');
    expect(res.body).toContain('<html lang="zh-Hant-TW">');
    const sw = await t.current.app.inject('/lang?to=en&next=/no/such/page');
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe('/no/such/page');
    const en = await t.current.app.inject({ url: '/no/such/page', headers: { cookie: cookieHeader(sw) } });
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('<html lang="en">');
  });

  it('SYS-4 the language switch never redirects off the site', async () => {
    const res = await t.current.app.inject('/lang?to=en&next=//evil.example/x');
    expect(res.headers.location).toBe('/');
  });

  it('SYS-4 a state-changing form without its CSRF token is refused with a 403 page', async () => {
    const res = await t.current.app.inject({ method: 'POST', url: '/logout', payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('無法完成這個動作');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('SYS-4 the same form with its CSRF token goes through (登出 ends the session, ACC-8)', async () => {
    // A real, active account: the principal is loaded from it on every request (SYS-4).
    const [account] = await t.current.services.db.insert(applicantAccounts).values({ email: 'logout@example.com', passwordHash: 'x', status: 'active' }).returning();
    const { token } = await t.current.services.sessions.create({ principal: { kind: 'applicant', id: account!.id, method: '帳號' } });
    const page = await t.current.app.inject({ url: '/', headers: { cookie: `sid=${token}` } });
    expect(page.body).toContain('action="/logout"');
    const cookie = cookieHeader(page, `sid=${token}`);
    const res = await t.current.app.inject({
      method: 'POST',
      url: '/logout',
      payload: `_csrf=${encodeURIComponent(csrfFrom(page.body))}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(res.statusCode).toBe(303);
    expect(await t.current.services.sessions.load(token)).toBeNull();
  });

  it('SYS-4 an oversized body gets a 413 page, not a crash', async () => {
    const res = await t.current.app.inject({
      method: 'POST',
      url: '/logout',
      payload: 'x=' + 'a'.repeat(2 * 1024 * 1024),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('送出的資料太大');
  });

  it('SYS-4 pages carry a Content-Security-Policy that allows no inline script, and no-sniff', async () => {
    const res = await t.current.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('SYS-5 every page has a skip link, a main landmark and the three front doors', async () => {
    const res = await t.current.app.inject('/');
    expect(res.body).toContain('href="#main"');
    expect(res.body).toContain('<main id="main"');
    for (const door of ['事求人機關徵才系統', '不須具公務人員任用資格職缺應徵平台', '人事服務網']) expect(res.body).toContain(door);
  });
});

describe.each(dbDrivers())('sessions on %s', (driver) => {
  const db = useTestDatabase(driver);

  it('ACC-8 a session expires after the idle time and is rotated on sign-in', async () => {
    const clock = fixedClock('2026-11-22T02:00:00Z');
    const store = createSessionStore(db.current.db, clock, 30);
    const first = await store.create({ principal: null });
    expect(await store.load(first.token)).not.toBeNull();
    const signedIn = await store.rotate(first.token, { principal: { kind: 'applicant', id: '00000000-0000-4000-8000-000000000001', method: '帳號' } });
    expect(signedIn.token).not.toBe(first.token);
    expect(await store.load(first.token)).toBeNull(); // the old id is dead: no fixation
    expect((await store.load(signedIn.token))?.principal?.kind).toBe('applicant');
    clock.advance(29 * 60_000);
    expect(await store.load(signedIn.token)).not.toBeNull(); // activity extends it
    clock.advance(31 * 60_000);
    expect(await store.load(signedIn.token)).toBeNull();
  });

  it('PUB-7 counts sessions seen in the last 15 minutes', async () => {
    const clock = fixedClock('2026-11-22T03:00:00Z');
    const store = createSessionStore(db.current.db, clock, 30);
    const before = await store.countActiveSince(new Date(clock.now().getTime() - 15 * 60_000));
    await store.create({ principal: null });
    expect(await store.countActiveSince(new Date(clock.now().getTime() - 15 * 60_000))).toBe(before + 1);
  });
});
