import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../src/platform/audit/audit.ts';
import { auditEvents } from '../src/platform/db/schema/platform.ts';
import { flash } from '../src/platform/http/context.ts';
import { AppError } from '../src/platform/http/errors.ts';
import { useTestApp } from './helpers/app.ts';
import { dbDrivers } from './helpers/db.ts';
import { HttpClient } from './helpers/http-client.ts';

describe.each(dbDrivers())('web pages on %s', (driver) => {
  const t = useTestApp(driver, {
    env: { RATE_LIMIT_PER_MINUTE: '5' },
    routes: (app) => {
      app.get('/test/boom', { config: { auth: 'public' } }, async () => {
        throw new Error('secret internal detail at /srv/app.ts:12');
      });
      app.get('/test/gone', { config: { auth: 'public' } }, async () => {
        throw new AppError('gone');
      });
      app.get('/test/flash', { config: { auth: 'public' } }, async (_req, reply) => {
        flash(reply, { kind: 'success', text: '已儲存 <b>' });
        return reply.redirect('/platform', 303);
      });
      app.get('/test/applicant-only', { config: { auth: 'applicant' } }, async () => 'hello');
    },
  });

  it('SYS-4 an unexpected error gives a 500 page with a reference code and no internals', async () => {
    const res = await t.current.app.inject({ url: '/test/boom', headers: { 'x-forwarded-for': '10.0.0.1' } });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('系統暫時無法處理您的要求');
    expect(res.body).toMatch(/錯誤代碼：<code>[0-9a-f]{8}<\/code>/);
    expect(res.body).not.toContain('secret internal detail');
  });

  it('SYS-4 a typed AppError maps to its page (410)', async () => {
    const res = await t.current.app.inject({ url: '/test/gone', remoteAddress: '192.0.2.12' });
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('這個頁面已移除');
  });

  it('SYS-5 a flash message survives the redirect once, escaped, in a status region', async () => {
    const c = new HttpClient(t.current.app, '192.0.2.13');
    const page = await c.followRedirects(await c.get('/test/flash'));
    expect(page.body).toContain('<div class="flash-list" role="status">');
    expect(page.body).toContain('已儲存 &lt;b>');
    const again = await c.get('/platform');
    expect(again.body).not.toContain('flash-list');
  });

  it('SYS-4 a route for applicants sends a visitor to sign in, keeping where they were going', async () => {
    const res = await t.current.app.inject({ url: '/test/applicant-only?x=1', remoteAddress: '192.0.2.11' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/login?next=%2Ftest%2Fapplicant-only%3Fx%3D1');
  });

  it('SYS-2 audit.record writes who, what, subject, details and where from, in the caller transaction', async () => {
    const db = t.current.services.db;
    await db
      .transaction(async (tx) => {
        await recordAudit(tx, { kind: 'staff', id: 'u-rolled-back', ip: '127.0.0.1' }, 'vacancy.update', { kind: 'vacancy', id: 'v1' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await db.transaction((tx) => recordAudit(tx, { kind: 'staff', id: 'u1', ip: '203.0.113.9' }, 'resume.download', { kind: 'application', id: 'a1' }, { count: 2 }));
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'a1')).orderBy(desc(auditEvents.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: 'staff', actorId: 'u1', action: 'resume.download', subjectKind: 'application', details: { count: 2 }, ip: '203.0.113.9' });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.actorId, 'u-rolled-back'))).toHaveLength(0);
  });

  it('SYS-4 requests over the per-IP rate limit get a 429 page with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.current.app.inject({ url: '/platform', remoteAddress: '198.51.100.7' })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const limited = await t.current.app.inject({ url: '/platform', remoteAddress: '198.51.100.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('操作太頻繁');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not affected; health checks are never limited.
    expect((await t.current.app.inject({ url: '/platform', remoteAddress: '198.51.100.8' })).statusCode).toBe(200);
    expect((await t.current.app.inject({ url: '/healthz', remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });
});
