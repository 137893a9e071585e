// PUB-1 search under load (issue 15). For each target — PostgreSQL at 200,000 jobs (when TEST_DATABASE_URL is set:
// a fresh UTF-8 database, dropped at the end), PGlite (in memory) at 1,106 (the real daily size: the real feed
// alone) and at 50,000 — it fills `vacancies` (bench/synthetic-vacancies.ts: the real feed plus rows
// recombined from its vocabulary), starts the app on 127.0.0.1 (rate limit out of the way, no logging), loads
// the in-process search index (timed, with its memory), times one search by the SQL path (vacancy.repo.ts)
// and by the index for the mix, then drives the app with 50 keep-alive connections: /healthz for --seconds,
// then the mix (bench/search-mix.ts: 400 searches from the real feed's titles, 1-, 2- and 3–4-character
// keywords, 60 % with one 工作地) for --seconds, and prints requests/s, p50/p95/p99, timeouts (no answer in
// 10 s) and the mix/healthz ratio against the goals (≥ 0.20 with p99 < 50 ms; ≥ 0.08 on PGlite at 50,000).
// Then the limits of the page cache (ADR 0008 addendum 2): the mix again while one published job is changed
// every second (each change drops every kept page and result), and against a second app on the same database
// with SEARCH_PAGE_CACHE_MB=0 (every page rendered).
//
//   npx tsx bench/search.bench.ts [--rows 200000] [--pglite-rows 1106,50000] [--seconds 10] [--connections 50]
//                                 [--only postgres|pglite]
//
// Bounded: every load phase stops after --seconds (≤ 60) or 2,000,000 requests; loopback only.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/container.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { parseSearchQuery, type SearchCriteria } from '../src/modules/vacancies/search.rules.ts';
import { currentSearchIndex as indexOf, searchVacancies, warmSearchIndex } from '../src/modules/vacancies/search.service.ts';
import { searchPublished } from '../src/modules/vacancies/vacancy.repo.ts';
import { searchMix } from './search-mix.ts';
import { fillSyntheticVacancies } from './synthetic-vacancies.ts';
import type { LoadReport } from './load-client.ts';
import { benchConfig, runLoadInChild } from './load-runner.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'pglite-rows': { type: 'string', default: '1106,50000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'no-text-indexes': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const PGLITE_ROWS = args['pglite-rows'].split(',').map(Number);
const SECONDS = Math.min(60, Number(args.seconds));
const CONNECTIONS = Math.min(200, Number(args.connections));
const WARMUP_SECONDS = 2;
const MIX = searchMix(400);

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((err: unknown) => console.error('cleanup:', err));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const secs = (ms: number) => `${fmt(ms / 1000, 1)} s`;
const mb = (bytes: number) => `${fmt(bytes / 1_048_576)} MB`;
const load1 = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function openPostgres(adminUrl: string): Promise<Database> {
  const name = `sqr_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  cleanups.push(async () => {
    await database.close().catch(() => undefined);
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  await migrate(database.pool);
  return database;
}

async function openPglite(): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  cleanups.push(() => database.close());
  await migrate(database.pool);
  return database;
}

function criteriaOf(path: string): SearchCriteria {
  const parsed = parseSearchQuery(Object.fromEntries(new URLSearchParams(path.split('?')[1])));
  if (!parsed.ok) throw new Error(`bad query ${path}`);
  return parsed.criteria;
}

function line(label: string, r: LoadReport): string {
  return (
    `  ${label.padEnd(30)} rps ${fmt(r.rps).padStart(7)}  p50 ${fmt(r.p50, 1).padStart(6)}  p95 ${fmt(r.p95, 1).padStart(6)}  p99 ${fmt(r.p99, 1).padStart(6)}  max ${fmt(r.max).padStart(5)} ms` +
    `  ${fmt(r.requests)} requests, ${r.errors} not 200, ${r.timeouts} timeouts`
  );
}

/** Mean time of one search through `run`, over the mix (at most `limit` of its searches, `passes` times). */
async function timeSearches(run: (c: SearchCriteria) => Promise<unknown>, limit: number, passes: number): Promise<number> {
  const list = MIX.slice(0, limit).map((m) => criteriaOf(m.path));
  const t = performance.now();
  for (let p = 0; p < passes; p++) for (const c of list) await run(c);
  return (performance.now() - t) / (list.length * passes);
}

interface Outcome {
  label: string;
  health: LoadReport;
  mix: LoadReport;
  mixChanging: LoadReport;
  mixUncached: LoadReport;
  goal: number;
}

async function benchDatabase(kind: 'postgres' | 'pglite', rows: number): Promise<Outcome> {
  const database = kind === 'postgres' ? await openPostgres(process.env.TEST_DATABASE_URL!) : await openPglite();
  const version = (await database.pool.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
  const today = systemClock.today();
  const label = `${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${fmt(rows)}`;
  console.log(`\n=== ${label} jobs (${version}), today ${today}; load average ${load1()}`);
  const textIndexes = !(args['no-text-indexes'] && rows > 10_000);
  const fill = await fillSyntheticVacancies(database, { rows, today, textIndexes, onProgress: () => undefined });
  console.log(`  filled ${fmt(fill.rows)} jobs (${fmt(fill.realRows)} real) in ${secs(fill.ms.total)}${textIndexes ? '' : ' — without the GIN indexes of search_text (--no-text-indexes): the SQL path is not timed'}`);

  const before = process.memoryUsage();
  const t0 = performance.now();
  const index = await warmSearchIndex(database, today);
  const loadMs = performance.now() - t0;
  global.gc?.();
  const after = process.memoryUsage();
  console.log(
    `  in-process index: ${fmt(index.rows)} candidates, ${fmt(index.grams)} grams, gram lists ${mb(index.postingBytes)}; loaded and built in ${secs(loadMs)}; ` +
      `process memory +${mb(after.rss - before.rss)} RSS (heap +${mb(after.heapUsed - before.heapUsed)}, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)})`,
  );

  const sqlMs = textIndexes ? await timeSearches((c) => searchPublished(database.db, c, today), kind === 'postgres' ? 100 : 400, 1) : NaN;
  const indexMs = await timeSearches(async (c) => (await indexOf(database, today)).search({ filters: c, page: c.page, size: c.size, today }), 400, 3);
  const servedMs = await timeSearches((c) => searchVacancies(database, { filters: c, page: c.page, size: c.size }, today), 400, 3);
  console.log(
    `  one search, alone, mean over the mix: SQL path ${textIndexes ? fmt(sqlMs, 2) + ' ms' : 'not timed'}; in-process index ${fmt(indexMs, 3)} ms uncached; ` +
      `as served (version check, results cache of the current index, warm) ${fmt(servedMs, 3)} ms`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const config = benchConfig(dataDir);
  const app = await buildApp(createServices(config, database));
  cleanups.push(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const totals: number[] = [];
  for (const m of MIX) {
    const res = await fetch(base + m.path);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`${m.path}: HTTP ${res.status}`);
    totals.push(Number((/共 ([\d,]+) 筆職缺/.exec(html)?.[1] ?? '0').replace(/,/g, '')));
  }
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(`  the mix: ${MIX.length} searches, ${MIX.filter((m) => m.place).length} with a 工作地; results per search: median ${fmt(sorted[sorted.length >> 1]!)}, max ${fmt(sorted[sorted.length - 1]!)}, ${totals.filter((n) => n === 0).length} with none`);

  // The same app without the page cache (SEARCH_PAGE_CACHE_MB=0): every search page rendered.
  const uncachedApp = await buildApp(createServices(benchConfig(dataDir, { SEARCH_PAGE_CACHE_MB: '0' }), database));
  cleanups.push(() => uncachedApp.close());
  await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
  const uncachedBase = `http://127.0.0.1:${(uncachedApp.server.address() as AddressInfo).port}`;

  const paths = MIX.map((m) => m.path);
  const load = (list: string[], seconds: number, at = base) => runLoadInChild({ base: at, paths: list, connections: CONNECTIONS, seconds });
  await load(paths, WARMUP_SECONDS);
  const health = await load(['/healthz'], SECONDS);
  const mix = await load(paths, SECONDS);
  // A published vacancy changed every second while the mix runs (an agency saving a form): each change gives the
  // search a new epoch, so the kept pages are dropped and rendered again.
  const [changed] = (await database.pool.query<{ id: string }>('SELECT id FROM vacancies ORDER BY work_id LIMIT 1')).rows;
  let changes = 0;
  const writer = setInterval(() => {
    changes++;
    void database.pool.query('UPDATE vacancies SET title = title WHERE id = $1', [changed!.id]);
  }, 1000);
  const mixChanging = await load(paths, SECONDS).finally(() => clearInterval(writer));
  await load(paths, WARMUP_SECONDS, uncachedBase);
  const mixUncached = await load(paths, SECONDS, uncachedBase);
  const goal = kind === 'pglite' && rows > 10_000 ? 0.08 : 0.2;
  console.log(`  ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up; load average ${load1()} on ${availableParallelism()} cores`);
  console.log(line('/healthz', health));
  console.log(line('the mix (400 searches)', mix));
  console.log(line(`  … a job changed each second`, mixChanging) + ` (${changes} changes)`);
  console.log(line('  … without the page cache', mixUncached));
  console.log(
    `  ratio mix/healthz ${fmt(mix.rps / health.rps, 3)} (goal ≥ ${goal}${goal === 0.2 ? ', p99 < 50 ms' : ''}); ` +
      `with a change each second ${fmt(mixChanging.rps / health.rps, 3)}; without the page cache ${fmt(mixUncached.rps / health.rps, 3)}`,
  );
  await cleanUp();
  return { label, health, mix, mixChanging, mixUncached, goal };
}

async function main(): Promise<void> {
  console.log(`PUB-1 search benchmark — node ${process.version}, ${availableParallelism()} cores, load average ${load1()}`);
  const targets: ['postgres' | 'pglite', number][] = [];
  if (process.env.TEST_DATABASE_URL && args.only !== 'pglite') targets.push(['postgres', ROWS]);
  else if (args.only !== 'pglite') console.log('(TEST_DATABASE_URL is not set: PostgreSQL skipped)');
  if (args.only !== 'postgres') for (const rows of PGLITE_ROWS) targets.push(['pglite', rows]);
  const outcomes: Outcome[] = [];
  try {
    for (const [kind, rows] of targets) outcomes.push(await benchDatabase(kind, rows));
  } finally {
    await cleanUp();
  }
  console.log(`\n| database, jobs | /healthz rps | mix rps | p50 / p95 / p99 ms | timeouts | ratio | goal | a change each second: ratio, p99 | no page cache: ratio, p99 |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const o of outcomes) {
    const ratio = o.mix.rps / o.health.rps;
    const met = ratio >= o.goal && (o.goal === 0.08 || o.mix.p99 < 50) && o.mix.timeouts === 0 && o.health.timeouts === 0;
    console.log(
      `| ${o.label} | ${fmt(o.health.rps)} | ${fmt(o.mix.rps)} | ${fmt(o.mix.p50, 1)} / ${fmt(o.mix.p95, 1)} / ${fmt(o.mix.p99, 1)} | ${o.mix.timeouts} | ${fmt(ratio, 3)} | ${met ? 'met' : 'NOT met'} (≥ ${o.goal}) | ` +
        `${fmt(o.mixChanging.rps / o.health.rps, 3)}, ${fmt(o.mixChanging.p99, 1)} ms | ${fmt(o.mixUncached.rps / o.health.rps, 3)}, ${fmt(o.mixUncached.p99, 1)} ms |`,
    );
  }
}

await main();
