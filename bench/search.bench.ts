// PUB-1 search under load. For each database — PostgreSQL when TEST_DATABASE_URL is set (a fresh UTF-8
// database, dropped at the end), and PGlite (in memory) — it fills `vacancies` with jobs recombined from
// the real feed's vocabulary (bench/synthetic-vacancies.ts), ANALYZEs, prints the EXPLAIN ANALYZE of the
// benchmarked search and checks that no keyword search plan scans the table, starts the app on 127.0.0.1
// (rate limit out of the way, no logging), then drives it with 50 keep-alive connections for 10 s on
// /healthz and 10 s on searches with a 2-character keyword and two filters
// (/jobs?keyword=人事&place=10&rank=薦任 and seven like it, round-robin), and prints rps, p50, p99 and the
// search/healthz ratio.
//
//   npx tsx bench/search.bench.ts [--rows 200000] [--pglite-rows 50000] [--seconds 10] [--connections 50]
//                                 [--only postgres|pglite] [--migrated-bigrams]
//
// Filling PGlite with 200,000 jobs takes about 5 minutes (measured on a busy 2-core machine: 4.2–5.3 min,
// 3.4–4 of them building the two GIN indexes — and that with the O(n) bigrams() of synthetic-vacancies.ts;
// with the migrated one the bigram index alone needs ~13 min), so by default PGlite gets --pglite-rows
// (50,000) and the printout says so; pass --pglite-rows 200000 to wait for it.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/container.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { parseSearchQuery } from '../src/modules/vacancies/search.rules.ts';
import { searchStatements } from '../src/modules/vacancies/vacancy.repo.ts';
import { fillSyntheticVacancies, type FillResult } from './synthetic-vacancies.ts';
import type { LoadOptions, LoadReport } from './load-client.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'pglite-rows': { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'migrated-bigrams': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const PGLITE_ROWS = Number(args['pglite-rows']);
const SECONDS = Math.min(60, Number(args.seconds));
const CONNECTIONS = Math.min(200, Number(args.connections));
const WARMUP_SECONDS = 2;

/** A 2-character keyword (bigram index) + 工作地 + 官等, as a visitor would combine them. */
const SEARCHES = [
  'keyword=人事&place=10&rank=薦任',
  'keyword=行政&place=23&rank=委任',
  'keyword=護理&place=82&rank=其他',
  'keyword=技術&place=42&rank=薦任',
  'keyword=約僱&place=33&rank=其他',
  'keyword=資訊&place=10&rank=委任',
  'keyword=工程&place=72&rank=薦任',
  'keyword=會計&place=23&rank=薦任',
].map((q) => '/jobs?' + new URLSearchParams(q).toString());
/** Other keyword searches whose plans are checked (no Seq Scan on vacancies). */
const PLAN_CHECKS = ['keyword=工', 'keyword=人事', 'keyword=護理師', 'keyword=資訊處理&access=open', 'keyword=約僱 護理師', 'org=衛生福利部', 'keyword=人事&page=20'];

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

function runLoadInChild(opts: LoadOptions): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-client.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.seconds + 60) * 1000);
    child.once('message', (m: { ok: boolean; report?: LoadReport; error?: string }) => {
      clearTimeout(timer);
      if (m.ok && m.report) resolve(m.report);
      else reject(new Error(m.error ?? 'load client failed'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
    });
    child.send(opts);
  });
}

async function explain(database: Database, query: string, today: string, analyze: boolean): Promise<string[]> {
  const parsed = parseSearchQuery(Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.ok) throw new Error(`bad query ${query}: ${JSON.stringify(parsed.errors)}`);
  const out: string[] = [];
  const client = await database.pool.connect();
  try {
    // As searchPublished runs it: JIT off, no parallel workers (see vacancy.repo.ts).
    await client.query('BEGIN READ ONLY');
    await client.query(`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    for (const [name, statement] of Object.entries(searchStatements(database.db, parsed.criteria, today))) {
      const { sql, params } = statement.toSQL();
      const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${analyze ? '(ANALYZE, BUFFERS) ' : ''}${sql}`, params as unknown[]);
      out.push(`[${name}]\n` + res.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  } finally {
    await client.query('COMMIT').catch(() => undefined);
    client.release();
  }
  return out;
}

function line(label: string, r: LoadReport): string {
  return `  ${label.padEnd(44)} rps ${fmt(r.rps).padStart(7)}  p50 ${fmt(r.p50, 1).padStart(7)} ms  p99 ${fmt(r.p99, 1).padStart(7)} ms  max ${fmt(r.max, 0).padStart(6)} ms  (${fmt(r.requests)} requests, ${r.errors} not 200)`;
}

async function benchDatabase(kind: 'postgres' | 'pglite', rows: number): Promise<void> {
  const database = kind === 'postgres' ? await openPostgres(process.env.TEST_DATABASE_URL!) : await openPglite();
  const version = (await database.pool.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
  const today = systemClock.today();
  console.log(`\n=== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${version}) — filling ${fmt(rows)} jobs, today ${today}`);
  const fill: FillResult = await fillSyntheticVacancies(database, {
    rows,
    today,
    migratedBigrams: args['migrated-bigrams'],
    onProgress: (m) => console.log(`  … ${m}`),
  });
  console.log(
    `  filled ${fmt(fill.rows)} jobs (${fmt(fill.realRows)} real + ${fmt(fill.rows - fill.realRows)} recombined) in ${secs(fill.ms.total)}: ` +
      `import ${secs(fill.ms.import)}, insert ${secs(fill.ms.insert)}, indexes ${secs(fill.ms.indexes)}, ANALYZE ${secs(fill.ms.analyze)}` +
      (fill.bigrams.swapped ? ` (indexes built with the O(n) bigrams(); migrated definition restored, same grams on ${fill.bigrams.checkedRows} sampled rows)` : ' (migrated bigrams())'),
  );

  const matches = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies WHERE bigrams(search_text) @> ARRAY['人事']`);
  console.log(`  jobs whose text holds 人事: ${fmt(matches.rows[0]!.n)}`);

  console.log(`\n  EXPLAIN (ANALYZE, BUFFERS) of the benchmarked search ${decodeURIComponent(SEARCHES[0]!)}:`);
  for (const plan of await explain(database, SEARCHES[0]!.split('?')[1]!, today, true)) console.log(plan.replace(/^/gm, '    '));
  let plansOk = true;
  console.log('  EXPLAIN ANALYZE of other keyword searches (execution time of the statements searchPublished runs):');
  for (const q of [...SEARCHES.map((s) => s.split('?')[1]!), ...PLAN_CHECKS]) {
    const text = (await explain(database, q, today, true)).join('\n');
    const seq = /Seq Scan on vacancies/.test(text);
    const perRow = /Filter: .*bigrams\(/.test(text);
    const idx = [...new Set(text.match(/vacancies_search_(bigram|trgm)_idx/g) ?? [])].join(' + ');
    const ms = [...text.matchAll(/Execution Time: ([\d.]+) ms/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    plansOk &&= !seq && !perRow && idx !== '';
    console.log(`    ${decodeURIComponent(q).padEnd(34)} ${fmt(ms, 1).padStart(8)} ms  ${idx || 'NO TEXT INDEX'}${seq ? '  SEQ SCAN' : ''}${perRow ? '  bigrams() PER ROW' : ''}`);
  }
  console.log(`  keyword plans: ${plansOk ? 'every one reads a GIN index of search_text; no Seq Scan on vacancies' : 'SOME PLAN SCANS THE TABLE (see above)'}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    BASE_URL: 'http://127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const app = await buildApp(createServices(config, database));
  cleanups.push(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  for (const path of SEARCHES) {
    const res = await fetch(base + path);
    const html = await res.text();
    const total = /共 ([\d,]+) 筆職缺/.exec(html)?.[1] ?? '?';
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    console.log(`  ${decodeURIComponent(path).padEnd(44)} ${total} jobs`);
  }

  const load = (paths: string[], seconds: number) => runLoadInChild({ base, paths, connections: CONNECTIONS, seconds });
  await load(SEARCHES, WARMUP_SECONDS);
  const health = await load(['/healthz'], SECONDS);
  const search = await load(SEARCHES, SECONDS);
  console.log(`\n  ${CONNECTIONS} connections, ${SECONDS} s each, ${WARMUP_SECONDS} s search warm-up first; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  console.log(line('/healthz', health));
  console.log(line('/jobs?keyword=<2 chars>&place=…&rank=…', search));
  console.log(`  search/healthz: rps ${fmt(search.rps / health.rps, 3)} (healthz ${fmt(health.rps / search.rps, 1)}× the search rps), p50 ${fmt(search.p50 / health.p50, 1)}×, p99 ${fmt(search.p99 / health.p99, 1)}×`);
  if (kind === 'pglite' && rows < ROWS) {
    console.log(`  NOTE: PGlite was filled with ${fmt(rows)} jobs, not ${fmt(ROWS)}: filling it with ${fmt(ROWS)} takes about 5 minutes (measured 4.2–5.3 min on 2 cores, mostly building the GIN indexes); pass --pglite-rows ${ROWS} to run it anyway.`);
  }
  await cleanUp();
}

async function main(): Promise<void> {
  console.log(`PUB-1 search benchmark — node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const targets: ['postgres' | 'pglite', number][] = [];
  if (process.env.TEST_DATABASE_URL && args.only !== 'pglite') targets.push(['postgres', ROWS]);
  else if (args.only !== 'pglite') console.log('(TEST_DATABASE_URL is not set: PostgreSQL skipped)');
  if (args.only !== 'postgres') targets.push(['pglite', Math.min(ROWS, PGLITE_ROWS)]);
  try {
    for (const [kind, rows] of targets) await benchDatabase(kind, rows);
  } finally {
    await cleanUp();
  }
}

await main();
