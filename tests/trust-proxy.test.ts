// Issue 9 item 3: X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (none by default).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../src/platform/db/client.ts';
import { auditEvents } from '../src/platform/db/schema/platform.ts';
import { HttpClient as Client } from './helpers/http-client.ts';
import { useTestApp } from './helpers/app.ts';

async function failedLoginIps(t: { services: { db: Queryable } }, email: string) {
  const rows = await t.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'account.login.failure')));
  return rows.filter((r) => (r.details as { email?: string }).email === email).map((r) => r.ip);
}

describe('TRUST_PROXY unset (the default; config.test.ts proves it is off in production too)', () => {
  const t = useTestApp('pglite', { env: { RATE_LIMIT_PER_MINUTE: '5' } });

  it('SYS-4 item 3: X-Forwarded-For is ignored for the rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.current.app.inject({ url: '/', remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
  });

  it('SYS-2 item 3: the audit row holds the socket address, not a forged X-Forwarded-For', async () => {
    const c = new Client(t.current.app, '203.0.113.8');
    await c.get('/platform/login');
    await t.current.app.inject({
      method: 'POST',
      url: '/platform/login',
      remoteAddress: '203.0.113.8',
      headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.99' },
      payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(c.lastPage)![1]!, email: 'nobody-xff@example.tw', password: 'Wrong#2024ab', captcha: '246810' }).toString(),
    });
    expect(await failedLoginIps(t.current, 'nobody-xff@example.tw')).toEqual(['203.0.113.8']);
  });
});

describe('TRUST_PROXY=127.0.0.1 (one reverse proxy on this machine)', () => {
  const t = useTestApp('pglite', { env: { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '5' } });

  it('SYS-4 item 3: each client behind the trusted proxy has its own rate limit; an untrusted sender does not', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await t.current.app.inject({ url: '/', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(res.statusCode).toBe(200);
    }
    const untrusted: number[] = [];
    for (let i = 0; i < 8; i++) {
      untrusted.push((await t.current.app.inject({ url: '/', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': `198.51.100.${i}` } })).statusCode);
    }
    expect(untrusted).toContain(429);
  });

  it('SYS-2 item 3: the audit row holds the client address the trusted proxy forwarded', async () => {
    const c = new Client(t.current.app, '127.0.0.1');
    await c.get('/platform/login');
    const email = 'nobody-proxy@example.tw';
    await t.current.app.inject({
      method: 'POST',
      url: '/platform/login',
      remoteAddress: '127.0.0.1',
      headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.42' },
      payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(c.lastPage)![1]!, email, password: 'Wrong#2024ab', captcha: '246810' }).toString(),
    });
    expect(await failedLoginIps(t.current, email)).toEqual(['198.51.100.42']);
  });
});
