// Issue 16 item 10: the demo never empties. A daily job (Asia/Taipei, outside production) moves the demo
// vacancies' validity on by the days that passed; the clock is injected.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { importFeed } from '../vacancies/index.ts';
import { demoModule } from './index.ts';
import { demoShiftDays, NEWEST_POSTING_LAG_DAYS } from './refresh.rules.ts';
import { DEMO_REFRESH_CRON, DEMO_REFRESH_QUEUE, refreshDemoVacancies } from './refresh.service.ts';

const FEED = readFileSync(new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url), 'utf8');

describe('PUB-1 demo refresh rule', () => {
  it('PUB-1 the newest demo posting is moved to yesterday; never backwards; nothing without demo rows', () => {
    expect(demoShiftDays('2026-11-30', '2026-12-01')).toBe(0); // seeded today: the feed's own lag of one day
    expect(demoShiftDays('2026-11-30', '2026-12-31')).toBe(30);
    expect(demoShiftDays('2026-02-27', '2026-03-01')).toBe(1); // across the end of February
    expect(demoShiftDays('2026-12-30', '2026-12-01')).toBe(0); // clock set back
    expect(demoShiftDays(null, '2026-12-01')).toBe(0);
  });

  it('PUB-1 the lag matches the real feed: newest DATE_FROM is NEWEST_POSTING_LAG_DAYS before ANNOUNCE_DATE', () => {
    const newest = [...FEED.matchAll(/<DATE_FROM>(\d{7})<\/DATE_FROM>/g)].map((m) => m[1]!).sort().at(-1);
    const announce = /<ANNOUNCE_DATE>(\d{7})<\/ANNOUNCE_DATE>/.exec(FEED)![1]!;
    expect(Number(announce) - Number(newest)).toBe(NEWEST_POSTING_LAG_DAYS); // 1050515 − 1050514, same month
  });
});

describe.each(dbDrivers())('PUB-1 demo refresh (%s)', (driver) => {
  const clock = fixedClock('2026-12-01T09:00:00+08:00');
  const t = useTestApp(driver, { overrides: { clock } });
  const publishedOn = async (day: string): Promise<number> => {
    const r = await t.current.services.db.execute<{ n: number }>(
      sql`select count(*)::int as n from vacancies where source = 'demo' and valid_from <= ${day}::date and ${day}::date <= valid_to`,
    );
    return Number(r.rows[0]!.n);
  };

  it('PUB-1 a month later the demo still shows every job it showed on the seed day; production is never touched', async () => {
    const seeded = await importFeed(t.current.services.db, FEED, { source: 'demo', shiftDatesTo: '2026-12-01' });
    expect(seeded.inserted).toBe(1106);
    expect(await publishedOn('2026-12-01')).toBe(1106);
    expect(await refreshDemoVacancies(t.current.services)).toEqual({ shiftedDays: 0, rows: 0 }); // the seed day itself

    clock.set('2026-12-31T00:05:00+08:00'); // the schedule's minute, Taipei
    expect(await publishedOn('2026-12-31')).toBeLessThan(200); // without the refresh the demo has emptied
    const prod = { ...t.current.services, config: { ...t.current.services.config, env: 'production' as const } };
    expect(await refreshDemoVacancies(prod)).toEqual({ shiftedDays: 0, rows: 0 });
    expect(await publishedOn('2026-12-31')).toBeLessThan(200);

    expect(await refreshDemoVacancies(t.current.services)).toEqual({ shiftedDays: 30, rows: 1106 });
    expect(await publishedOn('2026-12-31')).toBe(1106);
    expect(await refreshDemoVacancies(t.current.services)).toEqual({ shiftedDays: 0, rows: 0 }); // twice a day: idempotent
  });

  it('PUB-1 the job is registered daily in Asia/Taipei outside production, and not at all in production', async () => {
    const calls: string[] = [];
    const jobs = {
      roles: ['worker', 'scheduler'],
      createQueue: async (name: string) => void calls.push(`queue ${name}`),
      work: async (name: string) => (calls.push(`work ${name}`), 'w'),
      schedule: async (name: string, cron: string, _d: unknown, opts: { tz?: string }) => void calls.push(`schedule ${name} ${cron} ${opts.tz}`),
    } as unknown as Jobs;
    await demoModule.jobs!(jobs, t.current.services);
    expect(calls).toEqual([`queue ${DEMO_REFRESH_QUEUE}`, `work ${DEMO_REFRESH_QUEUE}`, `schedule ${DEMO_REFRESH_QUEUE} ${DEMO_REFRESH_CRON} Asia/Taipei`]);
    calls.length = 0;
    await demoModule.jobs!(jobs, { ...t.current.services, config: { ...t.current.services.config, env: 'production' } });
    expect(calls).toEqual([]);
  });
});
