// Back-office dashboards (issue 14 item 6; no SPEC rule names them: the tests are named after the rules the charts
// report on or obey): each chart's numbers on a small known data set on both databases, the page over HTTP (SVG
// role="img" named by its caption, the table with the same numbers), and the SVG made fit for the CSP.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { fitSvg, renderChart } from '../../platform/charts/svg-chart.ts';
import { outboxMessages, sessions } from '../../platform/db/schema/platform.ts';
import { createAgency, createApplication, createStaff, createVacancy, STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { fillDays, topWithOther, weekStarts } from './dashboard.rules.ts';
import { loadDashboard, type DashboardData } from './dashboard.service.ts';
import { dashboardSpecs } from './dashboard.view.ts';

const T = '2026-12-04'; // a Friday
const NOW = new Date('2026-12-04T04:30:00Z'); // 12:30 in Taipei
const at = (iso: string) => new Date(iso);
const published = { validFrom: '2026-12-03', validTo: '2026-12-11', reviewStatus: 'approved' as const };

describe('dashboard rules', () => {
  it('ADM-4 SYS-7 fills 90 Taipei days ending today, keeps the 12 largest groups and sums the rest, weeks start on Monday', () => {
    const days = fillDays([{ key: '2026-12-01', n: 3 }], T);
    expect(days).toHaveLength(90);
    expect(days[0]!.key).toBe('2026-09-06');
    expect(days.at(-1)).toEqual({ key: T, n: 0 });
    expect(days.find((d) => d.key === '2026-12-01')!.n).toBe(3);
    const many = Array.from({ length: 15 }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, n: 100 - i }));
    const top = topWithOther(many, '其他');
    expect(top).toHaveLength(13);
    expect(top.at(-1)).toEqual({ key: '其他', n: 88 + 87 + 86 });
    expect(topWithOther(many.slice(0, 3), '其他')).toHaveLength(3);
    const weeks = weekStarts(T);
    expect(weeks).toHaveLength(13);
    expect(weeks.at(-1)).toBe('2026-11-30');
    expect(weeks[0]).toBe('2026-09-07');
  });
});

describe('chart SVG', () => {
  it('SYS-5 SYS-4 the SVG is role="img" named by its caption, has no style attribute, <style> or script, and escapes its texts', async () => {
    const svg = await renderChart({
      labelledBy: 'c1-title',
      kind: 'bar',
      categories: ['<script>alert(1)</script>', '臺北市'],
      series: [{ name: '件數', data: [1, 2], color: '#1f5f99' }],
    });
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="c1-title" focusable="false" class="chart-svg" /);
    expect(svg).not.toMatch(/<script|style=|<style/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('臺北市');
    expect(svg).toMatch(/font-family="'Noto Sans TC'/);
    expect(svg).toContain('fill="#1f5f99"');
  });

  it('SYS-4 fitSvg turns style declarations into presentation attributes, drops others, and refuses active content', () => {
    const out = fitSvg('<svg width="1"><text style="font-size:12px;font-family:&quot;A&quot;, sans-serif;position:fixed;">x</text><style>.a{}</style></svg>', 'x-title');
    expect(out).toBe('<svg role="img" aria-labelledby="x-title" focusable="false" class="chart-svg" width="1"><text font-size="12px" font-family="&quot;A&quot;, sans-serif">x</text></svg>');
    expect(() => fitSvg('<svg><a href="javascript:x()">x</a></svg>', 'y')).toThrow(/active content/);
    expect(() => fitSvg('<svg onload="x()"></svg>', 'y')).toThrow(/active content/);
  });
});

describe.each(dbDrivers())('dashboards (%s)', (driver) => {
  const h = useTestApp(driver, { overrides: { clock: fixedClock(NOW) } });
  const db = () => h.current.services.db;
  let data: DashboardData;

  async function seed() {
    const va = await createVacancy(db(), { ...published, sysnamCode: 'A101', workPlaces: ['10', '23'], accessMode: 'civil_service', postedAt: at('2026-11-24T01:00:00Z') });
    const vb = await createVacancy(db(), { ...published, sysnamCode: 'A101', workPlaces: ['10'], accessMode: 'open', postedAt: at('2026-11-30T01:00:00Z') });
    const vc = await createVacancy(db(), { ...published, sysnamCode: 'A102', workPlaces: ['26'], accessMode: 'none', postedAt: at('2026-12-01T01:00:00Z') });
    const vd = await createVacancy(db(), { ...published, sysnamCode: null, sysnamText: '<b>自由填寫</b>', workPlaces: ['10'], accessMode: 'civil_service', postedAt: at('2026-01-01T01:00:00Z') });
    await createVacancy(db(), { ...published, sysnamCode: 'A102', workPlaces: ['26'], accessMode: 'open', postedAt: at('2026-12-02T01:00:00Z') });
    await createVacancy(db(), { ...published, reviewStatus: 'flagged', sysnamCode: 'A101', workPlaces: ['10'], postedAt: at('2026-12-02T01:00:00Z') });
    await createVacancy(db(), { validFrom: '2026-11-01', validTo: '2026-12-02', sysnamCode: 'A103', workPlaces: ['10'], postedAt: at('2026-11-01T01:00:00Z') });
    await createVacancy(db(), { ...published, deletedAt: at('2026-12-03T00:00:00Z'), sysnamCode: 'A103', workPlaces: ['10'], postedAt: at('2026-12-01T01:00:00Z') });

    await createApplication(db(), { vacancyId: va.id, appliedAt: at('2026-11-26T01:00:00Z'), resumeFileState: 'ready' });
    await createApplication(db(), { vacancyId: va.id, appliedAt: at('2026-11-27T01:00:00Z'), resumeFileState: 'ready' });
    await createApplication(db(), { vacancyId: vb.id, appliedAt: at('2026-12-01T01:00:00Z'), resumeFileState: 'pending' });
    await createApplication(db(), { vacancyId: vc.id, appliedAt: at('2026-12-03T17:00:00Z'), resumeFileState: 'failed' }); // 12/04 01:00 in Taipei
    await createApplication(db(), { vacancyId: vd.id, appliedAt: at('2026-08-01T01:00:00Z'), resumeFileState: 'failed' }); // before the window
    await createApplication(db(), { vacancyId: vb.id, appliedAt: at('2026-12-03T15:59:59Z'), resumeFileState: 'producing' }); // 12/03 23:59 in Taipei

    const mail = (createdAt: string, state: 'sent' | 'pending' | 'failed', nextAttemptAt = createdAt) =>
      db().insert(outboxMessages).values({ to: 'a@example.test', subject: 's', text: 't', state, createdAt: at(createdAt), nextAttemptAt: at(nextAttemptAt) });
    await mail('2026-12-04T01:00:00Z', 'sent');
    await mail('2026-12-03T01:00:00Z', 'failed');
    await mail('2026-12-04T02:00:00Z', 'pending');
    await mail('2026-11-01T01:00:00Z', 'sent');

    const session = (id: string, createdAt: string, lastSeenAt: string) =>
      db().insert(sessions).values({ id, createdAt: at(createdAt), lastSeenAt: at(lastSeenAt), expiresAt: at('2026-12-05T00:00:00Z') });
    await session('s1', '2026-12-04T00:30:00Z', '2026-12-04T02:10:00Z'); // 08:30–10:10
    await session('s2', '2026-12-03T15:00:00Z', '2026-12-03T16:30:00Z'); // 23:00 yesterday – 00:30
    await session('s3', '2026-12-03T09:00:00Z', '2026-12-03T10:00:00Z'); // yesterday only
    await session('s4', '2026-12-04T04:00:00Z', '2026-12-04T04:20:00Z'); // 12:00–12:20
  }

  it('ADM-1 applications per Taipei day over 90 days, published vacancies by 職系, by 工作地 and by access mode', async () => {
    await seed();
    data = await loadDashboard(db(), NOW, T);
    expect(data.perDay).toHaveLength(90);
    expect(data.perDay.filter((d) => d.n > 0)).toEqual([
      { key: '2026-11-26', n: 1 },
      { key: '2026-11-27', n: 1 },
      { key: '2026-12-01', n: 1 },
      { key: '2026-12-03', n: 1 },
      { key: '2026-12-04', n: 1 },
    ]);
    const sorted = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
    expect(sorted(data.sysnam).map((r) => [r.key, r.n])).toEqual([['', 1], ['A101', 2], ['A102', 2]]);
    expect(sorted(data.places)).toEqual([{ key: '10', n: 3 }, { key: '23', n: 1 }, { key: '26', n: 2 }]);
    expect(sorted(data.access)).toEqual([{ key: 'civil_service', n: 2 }, { key: 'none', n: 1 }, { key: 'open', n: 2 }]);
  });

  it('ADM-1 median time from posting to the first application, by Taipei week of posting and in all', () => {
    expect(data.weeks).toHaveLength(13);
    const w = (monday: string) => data.weeks.find((x) => x.week === monday)!;
    expect(w('2026-11-23')).toEqual({ week: '2026-11-23', posted: 1, answered: 1, medianSeconds: 2 * 86_400 });
    expect(w('2026-11-30').posted).toBe(3);
    expect(w('2026-11-30').answered).toBe(2);
    expect(w('2026-11-30').medianSeconds).toBeCloseTo(((1 + 8 / 3) / 2) * 86_400, 0);
    expect(w('2026-11-16')).toEqual({ week: '2026-11-16', posted: 0, answered: 0, medianSeconds: null });
    expect(data.firstOverall.posted).toBe(5); // with the one posted 11/01, now expired
    expect(data.firstOverall.answered).toBe(3);
    expect(data.firstOverall.medianSeconds).toBeCloseTo(2 * 86_400, 0);
  });

  it('GEN-1 ADM-4 PUB-7 resume-file states, mails per day by state and waiting, sessions on line in each hour of today', () => {
    const states = Object.fromEntries(data.resumeStates.map((r) => [r.key, r.n]));
    expect(states).toEqual({ ready: 2, pending: 1, producing: 1, failed: 1 });
    expect(Object.fromEntries(data.resumeWaiting.map((r) => [r.key, r.n]))).toEqual({ pending: 1, producing: 1, failed: 2 });
    expect(data.mailDays).toHaveLength(14);
    expect(data.mailDays.at(-1)).toEqual({ day: T, sent: 1, pending: 1, failed: 0 });
    expect(data.mailDays.at(-2)).toEqual({ day: '2026-12-03', sent: 0, pending: 0, failed: 1 });
    expect(data.mailsWaiting).toEqual({ pending: 1, failed: 1, oldestDue: at('2026-12-04T02:00:00Z') });
    expect(data.hours.map((x) => x.n)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1]);
  });

  it('SYS-6 the charts name 職系 and 工作地 from the code tables, in both languages, and each table holds the chart’s numbers', () => {
    const zh = dashboardSpecs(data, 'zh-TW');
    const sysnam = zh.find((c) => c.view.id === 'chart-sysnam')!;
    expect(sysnam.view.rows).toEqual([['綜合行政', '2'], ['社勞行政', '2'], ['<b>自由填寫</b>', '1']]);
    expect(sysnam.spec.categories).toEqual(['綜合行政', '社勞行政', '<b>自由填寫</b>']);
    expect(sysnam.spec.series[0]!.data).toEqual([2, 2, 1]);
    const places = zh.find((c) => c.view.id === 'chart-places')!;
    expect(places.view.rows).toEqual([['臺北市', '3'], ['宜蘭縣', '2'], ['新北市', '1']]);
    const perDay = zh.find((c) => c.view.id === 'chart-applications')!;
    expect(perDay.view.title).toBe('近 90 日每日應徵件數（115/09/06 至 115/12/04，共 5 件）');
    expect(perDay.view.rows.at(-1)).toEqual(['115/12/04', '1']);
    const first = zh.find((c) => c.view.id === 'chart-first-application')!;
    expect(first.view.title).toContain('整體 2 日，3/5 筆職缺已有應徵');
    const resume = zh.find((c) => c.view.id === 'chart-resume-files')!;
    expect(resume.view.notes.join('')).toContain('GEN-2');
    const en = dashboardSpecs(data, 'en');
    expect(en.find((c) => c.view.id === 'chart-access')!.view.rows).toEqual([
      ['Civil-service qualification required', '2'],
      ['Civil-service qualification not required', '2'],
      ['Resumes not consulted online', '1'],
    ]);
  });

  it('SYS-5 /backoffice/dashboard: each chart a figure whose SVG is named by its caption, with its data table; agency HR gets 404', async () => {
    await createAgency(db(), { code: '376420000A', name: '宜蘭縣政府' });
    const admin = await createStaff(db(), { agencyCode: '376420000A', name: '王小明', roles: ['backoffice'] });
    const c = new HttpClient(h.current.app);
    await c.signInStaff(admin.account, STAFF_PASSWORD);
    const home = await c.get('/backoffice');
    expect(home.body).toContain('href="/backoffice/dashboard"');
    const res = await c.get('/backoffice/dashboard');
    expect(res.statusCode).toBe(200);
    const figures = res.body.match(/<figure class="dashboard-chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(8);
    for (const f of figures) {
      const id = /<figcaption id="([^"]+)"/.exec(f)![1]!;
      expect(f).toContain(`<svg role="img" aria-labelledby="${id}"`);
      expect(f).toMatch(/<details class="chart-data"><summary>資料表<\/summary><table class="data-table">/);
    }
    expect(res.body).not.toMatch(/<svg[^>]* style=|<script(?! src)/);
    expect(res.body).toContain('<th scope="row">綜合行政</th><td class="num" data-label="職缺數">2</td>');
    expect(res.body).toContain('<th scope="row">&lt;b>自由填寫&lt;/b></th>'); // a 職系 text without a code, as the agency wrote it
    expect(res.body).not.toContain('<b>自由填寫</b>');

    const hr = await createStaff(db(), { agencyCode: '376420000A', name: '李小華', roles: ['agency_hr'] });
    const other = new HttpClient(h.current.app);
    await other.signInStaff(hr.account, STAFF_PASSWORD);
    expect((await other.get('/backoffice/dashboard')).statusCode).toBe(404);
  });
});
