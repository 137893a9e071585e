import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../tests/helpers/app.ts';
import { createTestDatabase, dbDrivers, type TestDatabase } from '../../../tests/helpers/db.ts';
import { buildApp } from '../../app.ts';
import { createServices, type Services } from '../../container.ts';
import { fixedClock } from '../../platform/clock.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/http/context.ts';
import { CountersPanel } from './counters-panel.tsx';
import { isNewVisit, isVisitPath, taipeiMidnightAfter, VISIT_COOKIE } from './counters.rules.ts';
import { countVisit, visitTotals } from './counters.repo.ts';
import { readCounters } from './counters.service.ts';
import { registerVisitCounting } from './visit-counting.ts';
import { FLUSH_AFTER_MS, VisitTally } from './visit-tally.ts';
import { visitCounters } from '../../platform/db/schema/platform.ts';
import { eq } from 'drizzle-orm';

function visitedCookie(res: { cookies: { name: string; value: string; expires?: Date; httpOnly?: boolean; sameSite?: string }[] }) {
  return res.cookies.find((c) => c.name === VISIT_COOKIE);
}

describe.each(dbDrivers())('visitor counters on %s', (driver) => {
  const clock = fixedClock('2026-11-22T06:00:00Z'); // 民國 115 年 11 月 22 日 14:00 in Taipei
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    services = createServices(testConfig(), database, { clock });
    app = await buildApp(services);
    registerVisitCounting(app, services);
    registerVisitCounting(app, services); // a second call (e.g. once app.ts wires it) does not count twice
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(services.config.dataDir, { recursive: true, force: true });
  });

  it('PUB-7 a first page of the day counts a visit and marks the browser until Taipei midnight', async () => {
    const res = await app.inject('/guide/sop');
    expect(res.statusCode).toBe(200);
    const cookie = visitedCookie(res);
    expect(cookie?.value).toBe('2026-11-22');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.expires?.toISOString()).toBe('2026-11-22T16:00:00.000Z'); // 2026-11-23 00:00 Taipei
    expect(await visitTotals(services.db, '2026-11-22')).toEqual({ today: 1, total: 1 });
  });

  it('PUB-7 the same browser with the cookie is not counted again that day', async () => {
    const res = await app.inject({ url: '/platform', headers: { cookie: `${VISIT_COOKIE}=2026-11-22` } });
    expect(res.statusCode).toBe(200);
    expect(visitedCookie(res)).toBeUndefined();
    expect(await visitTotals(services.db, '2026-11-22')).toEqual({ today: 1, total: 1 });
  });

  it('PUB-7 assets, health checks, captcha, open data, HEAD requests, non-HTML and error pages are not visits', async () => {
    const before = await visitTotals(services.db, '2026-11-22');
    for (const url of ['/assets/css/site.css', '/healthz', '/readyz', '/captcha/image', '/guide/blank-resume.pdf', '/no/such/page', '/lang?to=en&next=/']) {
      const res = await app.inject(url);
      expect(visitedCookie(res), url).toBeUndefined();
    }
    const head = await app.inject({ method: 'HEAD', url: '/guide/sop' });
    expect(visitedCookie(head)).toBeUndefined();
    expect(await visitTotals(services.db, '2026-11-22')).toEqual(before);
  });

  it('PUB-7 a new Taipei day counts the browser again; the total adds up every day', async () => {
    clock.set('2026-11-22T16:00:05Z'); // 2026-11-23 00:00:05 in Taipei
    const res = await app.inject({ url: '/guide/sop', headers: { cookie: `${VISIT_COOKIE}=2026-11-22` } });
    expect(visitedCookie(res)?.value).toBe('2026-11-23');
    await app.inject('/platform'); // another browser
    expect(await visitTotals(services.db, '2026-11-23')).toEqual({ today: 2, total: 3 });
    const c = await readCounters(services);
    expect(c).toMatchObject({ today: 2, total: 3, date: '民國 115 年 11 月 23 日', day: '2026-11-23' });
    clock.set('2026-11-22T06:00:00Z');
  });

  it('PUB-7 目前線上人數 counts sessions active in the last 15 minutes', async () => {
    clock.set('2026-11-24T02:00:00Z');
    const base = (await readCounters(services)).online;
    await services.sessions.create({ principal: null });
    clock.advance(10 * 60_000);
    await services.sessions.create({ principal: { kind: 'applicant', id: '00000000-0000-4000-8000-000000000001', method: '帳號' } });
    expect((await readCounters(services)).online).toBe(base + 2);
    clock.advance(6 * 60_000); // the first session is now 16 minutes quiet
    expect((await readCounters(services)).online).toBe(base + 1);
    clock.advance(10 * 60_000);
    expect((await readCounters(services)).online).toBe(base);
    clock.set('2026-11-22T06:00:00Z');
  });

  it('PUB-7 50 first visits at once are all counted: shown at once by this process, written in one statement within a second', async () => {
    clock.set('2026-12-01T02:00:00Z');
    const pages = await Promise.all(Array.from({ length: 50 }, () => app.inject('/guide/sop')));
    expect(pages.every((p) => p.statusCode === 200 && visitedCookie(p)?.value === '2026-12-01')).toBe(true);
    expect((await visitTotals(services.db, '2026-12-01')).today).toBe(50);
    const row = async () => (await services.db.select().from(visitCounters).where(eq(visitCounters.day, '2026-12-01')))[0]?.visits ?? 0;
    expect(await row()).toBe(0); // not yet written: the pages did not wait for the database
    await new Promise((r) => setTimeout(r, FLUSH_AFTER_MS + 300));
    expect(await row()).toBe(50);
    expect((await visitTotals(services.db, '2026-12-01')).today).toBe(50);
    clock.set('2026-11-22T06:00:00Z');
  });

  it('PUB-7 countVisit is an upsert: concurrent visits on one day are all counted', async () => {
    clock.set('2026-12-31T15:59:59Z'); // 2026-12-31 23:59:59 Taipei
    await Promise.all(Array.from({ length: 5 }, () => countVisit(services.db, clock)));
    expect((await visitTotals(services.db, '2026-12-31')).today).toBe(5);
    clock.set('2026-11-22T06:00:00Z');
  });
});

describe('visitor counter rules and panel', () => {
  it('PUB-7 only successful HTML GET pages without today’s cookie are visits', () => {
    const base = { method: 'GET', path: '/ecpa', status: 200, contentType: 'text/html; charset=utf-8', visitedCookie: undefined, today: '2026-11-22' };
    expect(isNewVisit(base)).toBe(true);
    expect(isNewVisit({ ...base, visitedCookie: '2026-11-21' })).toBe(true);
    expect(isNewVisit({ ...base, visitedCookie: '2026-11-22' })).toBe(false);
    expect(isNewVisit({ ...base, method: 'HEAD' })).toBe(false);
    expect(isNewVisit({ ...base, method: 'POST' })).toBe(false);
    expect(isNewVisit({ ...base, status: 303 })).toBe(false);
    expect(isNewVisit({ ...base, status: 404 })).toBe(false);
    expect(isNewVisit({ ...base, contentType: 'application/json' })).toBe(false);
    for (const p of ['/assets/css/site.css', '/healthz', '/readyz', '/captcha/audio', '/opendata', '/opendata/jobs.json', '/opendata.csv', '/dev/mail']) expect(isVisitPath(p), p).toBe(false);
    for (const p of ['/', '/jobs', '/ecpa', '/guide/sop', '/assetsmanagement']) expect(isVisitPath(p), p).toBe(true);
  });

  it('PUB-7 the cookie ends at the next Taipei midnight, across month and year ends', () => {
    expect(taipeiMidnightAfter('2026-11-22').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(taipeiMidnightAfter('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  function ctxFor(locale: 'zh-TW' | 'en'): PageContext {
    return { locale, t: translator(locale), path: '/ecpa', url: '/ecpa', principal: null, csrf: () => 'x', flash: [], showDevLinks: false, idleMinutes: 30, demoEnvironment: false };
  }

  it('PUB-7 SYS-7 the panel lists the three counts and the date 民國 yyy 年 MM 月 dd 日 in a labelled section', async () => {
    const counters = { online: 466, today: 41395, total: 71336842, date: '民國 108 年 06 月 17 日', day: '2019-06-17' };
    const html = await CountersPanel({ ctx: ctxFor('zh-TW'), counters });
    expect(html).toContain('<section class="counters" aria-labelledby="counters-title">');
    expect(html).toContain('id="counters-title"');
    expect(html).toMatch(/<dt>目前線上人數<\/dt><dd>466<\/dd>/);
    expect(html).toMatch(/<dt>今日總計人數<\/dt><dd>41395<\/dd>/);
    expect(html).toMatch(/<dt>累積上線人數<\/dt><dd>71336842<\/dd>/);
    expect(html).toContain('<time datetime="2019-06-17">民國 108 年 06 月 17 日</time>');
    const en = await CountersPanel({ ctx: ctxFor('en'), counters });
    expect(en).toContain('Online now');
    expect(en).toContain('108/06/17 (2019-06-17)');
  });

  it('SYS-7 readCounters dates are 民國 yyy 年 MM 月 dd 日 in Taipei, even just after midnight UTC+8', async () => {
    const clock = fixedClock('2026-01-04T16:30:00Z'); // 2026-01-05 00:30 Taipei
    const fake = {
      clock,
      db: { select: () => ({ from: async () => [{ today: '0', total: '0' }] }) },
      sessions: { countActiveSince: async () => 0 },
    } as unknown as Parameters<typeof readCounters>[0];
    expect((await readCounters(fake)).date).toBe('民國 115 年 01 月 05 日');
  });
});

describe('PUB-7 the visit tally', () => {
  it('PUB-7 a failed write is kept and written by the next flush; flushes run one after another', async () => {
    const written: [string, number][] = [];
    let fail = true;
    const errors: unknown[] = [];
    const tally = new VisitTally(
      async (day, n) => {
        if (fail) throw new Error('database away');
        written.push([day, n]);
      },
      (err) => errors.push(err),
    );
    tally.add('2026-12-01');
    tally.add('2026-12-01');
    tally.add('2026-12-02');
    await tally.flush();
    expect(errors).toHaveLength(2);
    expect(tally.unwritten('2026-12-01')).toBe(2);
    expect(tally.unwritten()).toBe(3);
    fail = false;
    tally.add('2026-12-01');
    await tally.flush();
    expect(written).toEqual([['2026-12-01', 3], ['2026-12-02', 1]]);
    expect(tally.unwritten()).toBe(0);
  });
});
