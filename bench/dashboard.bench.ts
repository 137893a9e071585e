// 統計圖表 (issue 14 item 6): each dashboard query's time at 200,000 vacancies and 1,000,000 applications, against
// the goal of < 200 ms. On PostgreSQL (TEST_DATABASE_URL: the server of a throwaway UTF-8 database made here and
// dropped at the end) it fills, in SQL with generate_series (no row-by-row inserts):
//   - 100,000 applicant accounts;
//   - --vacancies vacancies posted over the last 730 days (valid 60 days from posting: about 8 % published today),
//     20 職系 codes, 22 工作地, the three access modes;
//   - --applications applications, 5 a vacancy, each 1–120 hours after its posting, 97 % of resume files ready;
//   - 200,000 mails over the last 90 days and 20,000 sessions of today;
// then VACUUM ANALYZE, and runs each query of dashboard.repo.ts --runs times (after one warm-up), printing p50 and
// p95 and the whole page's data (loadDashboard) and its drawing (the eight charts).
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dashboard -- [--vacancies 200000]
//       [--applications 1000000] [--runs 20] [--explain]
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import * as repo from '../src/modules/backoffice/dashboard.repo.ts';
import { taipeiHour, weekStarts, windowStart } from '../src/modules/backoffice/dashboard.rules.ts';
import { loadDashboard, MAIL_DAYS } from '../src/modules/backoffice/dashboard.service.ts';
import { dashboardCharts } from '../src/modules/backoffice/dashboard.view.ts';

const { values: args } = parseArgs({
  options: {
    vacancies: { type: 'string', default: '200000' },
    applications: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '20' },
    explain: { type: 'boolean', default: false },
  },
});
const VACANCIES = Number(args.vacancies);
const APPLICATIONS = Number(args.applications);
const RUNS = Math.max(1, Math.min(200, Number(args.runs)));
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set TEST_DATABASE_URL (a PostgreSQL server where a throwaway database may be made).');
  process.exit(2);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const name = `sqr_bench_dash_${randomBytes(5).toString('hex')}`;
let database: Database | null = null;

async function admin(query: string): Promise<void> {
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  try {
    await a.query(query);
  } finally {
    await a.end();
  }
}

async function cleanUp(): Promise<void> {
  await database?.close().catch(() => undefined);
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err: unknown) => console.error('cleanup:', err));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

async function step(label: string, sql: string): Promise<void> {
  const t = performance.now();
  await database!.pool.query(sql);
  console.log(`  ${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function fill(): Promise<void> {
  const codes = ['A101', 'A102', 'A103', 'A104', 'A105', 'A201', 'A202', 'A301', 'A302', 'A401', 'A501', 'A601', 'A701', 'B101', 'B201', 'B301', 'B401', 'B501', 'B601', null];
  const places = ['10', '20', '23', '26', '30', '31', '32', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '90', '91', '95'];
  const codeArray = `ARRAY[${codes.map((c) => (c ? `'${c}'` : 'NULL')).join(',')}]::text[]`;
  const placeArray = `ARRAY[${places.map((p) => `'${p}'`).join(',')}]::text[]`;
  await step('100,000 applicant accounts', `
    INSERT INTO applicant_accounts (email, password_hash, status)
    SELECT 'bench' || g || '@example.test', 'x', 'active' FROM generate_series(1, 100000) g`);
  await step(`${VACANCIES.toLocaleString('en-US')} vacancies`, `
    INSERT INTO vacancies (work_id, org_name, person_kind, title, sysnam_code, work_places, valid_from, valid_to, access_mode, source, posted_at)
    SELECT 'B' || lpad(g::text, 10, '0'), '測試機關', '一般人員', '職缺 ' || g,
           (${codeArray})[1 + (g * 7) % ${codes.length}],
           CASE WHEN g % 10 = 0 THEN ARRAY[(${placeArray})[1 + g % ${places.length}], (${placeArray})[1 + (g / 7) % ${places.length}]]
                ELSE ARRAY[(${placeArray})[1 + (g * 3) % ${places.length}]] END,
           p::date, p::date + 60,
           (ARRAY['civil_service', 'open', 'none'])[1 + g % 3], 'form', p
      FROM generate_series(1, ${VACANCIES}) g,
           LATERAL (SELECT now() - ((g % 730) || ' days')::interval - ((g * 13 % 24) || ' hours')::interval AS p) x`);
  await step(`${APPLICATIONS.toLocaleString('en-US')} applications`, `
    WITH v AS (SELECT id, posted_at, row_number() OVER (ORDER BY work_id) - 1 AS i FROM vacancies),
         a AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS i FROM applicant_accounts)
    INSERT INTO applications (vacancy_id, applicant_id, applied_at, consent_version, consent_at, resume_snapshot, resume_file_state)
    SELECT v.id, a.id, t, 'v1', t, '{}'::jsonb,
           CASE WHEN g % 100 < 97 THEN 'ready' WHEN g % 100 < 99 THEN 'pending' ELSE 'failed' END
      FROM generate_series(0, ${APPLICATIONS - 1}) g
      JOIN v ON v.i = g % ${VACANCIES}
      JOIN a ON a.i = (g % ${VACANCIES} + (g / ${VACANCIES}) * 13) % 100000
      CROSS JOIN LATERAL (SELECT least(now(), v.posted_at + ((1 + g % 120) || ' hours')::interval) AS t) x`);
  await step('200,000 mails over 90 days', `
    INSERT INTO outbox_messages ("to", subject, text, state, created_at, next_attempt_at)
    SELECT 'm' || g || '@example.test', '主旨', '內容',
           CASE WHEN g % 200 = 0 THEN 'failed' WHEN g % 500 = 1 THEN 'pending' ELSE 'sent' END,
           now() - ((g % 129600) || ' minutes')::interval, now() - ((g % 129600) || ' minutes')::interval
      FROM generate_series(1, 200000) g`);
  await step('20,000 sessions of today', `
    INSERT INTO sessions (id, created_at, last_seen_at, expires_at)
    SELECT 'bench' || g, s, s + ((g % 90) || ' minutes')::interval, now() + interval '2 hours'
      FROM generate_series(1, 20000) g,
           LATERAL (SELECT date_trunc('day', now() AT TIME ZONE 'Asia/Taipei') AT TIME ZONE 'Asia/Taipei' + ((g % 720) || ' minutes')::interval AS s) x`);
  await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p95 = quantile(ms, 0.95);
  console.log(`  ${label.padEnd(34)} p50 ${quantile(ms, 0.5).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   ${p95 < 200 ? 'ok' : 'OVER 200 ms'}`);
  return p95;
}

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(adminUrl!);
  url.pathname = '/' + name;
  database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(database.pool);
  const version = (await database.pool.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
  console.log(`=== ${version}; load average ${load()}`);
  console.log('fill:');
  await fill();
  const db = database.db;
  const now = new Date();
  const today = systemClock.today();
  const from = windowStart(today);
  const published = (await database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM vacancies WHERE valid_from <= $1 AND valid_to >= $1`, [today])).rows[0]!.n;
  const recent = (await database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM applications WHERE applied_at >= now() - interval '90 days'`)).rows[0]!.n;
  console.log(`queries (${RUNS} runs each; ${Number(published).toLocaleString('en-US')} vacancies published today, ${Number(recent).toLocaleString('en-US')} applications in 90 days); load average ${load()}`);
  const p95s = [
    await time('applications per day (90 days)', () => repo.applicationsPerDay(db, from, today)),
    await time('published by 職系', () => repo.publishedBySysnam(db, today)),
    await time('published by 工作地', () => repo.publishedByPlace(db, today)),
    await time('published by access mode', () => repo.publishedByAccess(db, today)),
    await time('first application (13 weeks)', () => repo.firstApplicationByWeek(db, weekStarts(today)[0]!)),
    await time('resume-file states (90 days)', () => repo.resumeFileStates(db, from)),
    await time('resume files waiting (all)', () => repo.resumeFilesWaiting(db)),
    await time(`mails per day (${MAIL_DAYS} days)`, () => repo.mailsPerDay(db, windowStart(today, MAIL_DAYS))),
    await time('mails waiting', () => repo.mailsWaiting(db)),
    await time('sessions per hour (today)', () => repo.sessionsPerHour(db, today, taipeiHour(now))),
  ];
  await time('whole page: loadDashboard', () => loadDashboard(db, now, today));
  const data = await loadDashboard(db, now, today);
  await time('drawing the eight charts', () => dashboardCharts(data, 'zh-TW'));
  if (args.explain) {
    const plan = await db.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN (ANALYZE, BUFFERS) ${repo.firstApplicationSql(weekStarts(today)[0]!)}`);
    console.log('first application, plan:\n' + plan.rows.map((r) => '    ' + r['QUERY PLAN']).join('\n'));
  }
  console.log(`load average ${load()}; ${p95s.every((p) => p < 200) ? 'every query under 200 ms (p95)' : 'SOME QUERY OVER 200 ms'}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
