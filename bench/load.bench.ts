// A model of real use on PostgreSQL (issue 15): 10× the real system's peak of 3,194 online users, about
// 1,000 requests/s for 60 s, sent on a schedule (open loop: a slow answer does not slow the sender down, and its
// wait counts in its latency). The traffic, shuffled:
// - 60 % searches with filters: the keywords of bench/search-mix.ts, each with one or two of 工作地, 官等,
//   職缺類別, a page of 30, or page 2;
// - 25 % job pages (/jobs/<職缺編號>) of published jobs;
// - 5 % open-data feeds: the four files, half of the requests with the ETag of the last answer (If-None-Match,
//   as a polling aggregator sends), and the /opendata page;
// - 10 % pages of signed-in applicants (履歷表, 變更密碼), each with the session cookie of one of 50 accounts.
// The database holds 3,000 published jobs (the real feed + recombined rows: the top of the real published set).
// The same traffic runs for 5 s first on the same connections, not counted (connections opened, code compiled, the
// pages of the mix rendered once). Prints p50/p95/p99, errors (not 200/304) and timeouts by kind and overall, and the
// p95 of each second's requests by kind. Loopback only; bounded by --seconds (≤ 120) and the scheduled count.
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.bench.ts [--rate 1000] [--seconds 60]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/container.ts';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { vacancies } from '../src/modules/vacancies/vacancy.schema.ts';
import { warmSearchIndex } from '../src/modules/vacancies/search.service.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { benchConfig, runLoadInChild } from './load-runner.ts';
import { searchMix } from './search-mix.ts';
import { fillSyntheticVacancies } from './synthetic-vacancies.ts';
import type { LoadReport } from './load-client.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '60' },
    rows: { type: 'string', default: '3000' },
    connections: { type: 'string', default: '200' },
  },
});
const RATE = Math.min(5_000, Number(args.rate));
const SECONDS = Math.min(120, Number(args.seconds));
const ROWS = Number(args.rows);
const CONNECTIONS = Math.min(500, Number(args.connections));
const WARMUP_SECONDS = 5;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load1 = () => loadavg().map((l) => l.toFixed(2)).join(' ');

type Kind = 'search' | 'job' | 'opendata' | 'applicant';
interface Planned {
  kind: Kind;
  path: string;
  cookie: string;
  headers?: Record<string, string>;
}

function shuffle<T>(list: T[], seed: number): T[] {
  let x = seed;
  for (let i = list.length - 1; i > 0; i--) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = x % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

async function main(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: this benchmark runs on PostgreSQL');
  console.log(`Load model (issue 15) — node ${process.version}, ${availableParallelism()} cores, load average ${load1()}`);
  const name = `sqr_load_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  let database: Database | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-load-'));
  try {
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
    await migrate(database.pool);
    const today = systemClock.today();
    const fill = await fillSyntheticVacancies(database, { rows: ROWS, today });
    console.log(`PostgreSQL: ${fmt(fill.rows)} published jobs`);
    const config = benchConfig(dataDir);
    const services = createServices(config, database);
    const app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await warmSearchIndex(database, today);

    // Signed-in applicants: 50 active accounts, one session each.
    const hash = await hashPassword('Bench#2026load');
    const accounts = await database.db
      .insert(applicantAccounts)
      .values(Array.from({ length: 50 }, (_, i) => ({ email: `load${i}@example.tw`, passwordHash: hash, status: 'active' as const, activatedAt: new Date() })))
      .returning({ id: applicantAccounts.id });
    const cookies: string[] = [];
    for (const a of accounts) cookies.push(`sid=${(await services.sessions.create({ principal: { kind: 'applicant', id: a.id, method: 'password' } })).token}`);

    const workIds = (await database.db.select({ workId: vacancies.workId }).from(vacancies).limit(2_000)).map((r) => r.workId);
    const etags: Record<string, string> = {};
    for (const path of ['/opendata/jobs.xml', '/opendata/jobs.json', '/opendata/jobs.csv', '/opendata/jobs.atom']) {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      etags[path] = res.headers.get('etag') ?? '';
    }
    const mix = searchMix(400);
    const extras = ['place=10', 'rank=薦任', 'access=open', 'size=30', 'page=2', 'place=63&rank=委任', 'place=63&access=open', 'access=civil_service'];
    const plan: Planned[] = [];
    for (let i = 0; i < 600; i++) plan.push({ kind: 'search', path: `/jobs?keyword=${encodeURIComponent(mix[i % mix.length]!.keyword)}&${new URLSearchParams(extras[i % extras.length]).toString()}`, cookie: '' });
    for (let i = 0; i < 250; i++) plan.push({ kind: 'job', path: `/jobs/${workIds[(i * 7) % workIds.length]}`, cookie: '' });
    const feeds = Object.keys(etags);
    for (let i = 0; i < 50; i++) {
      const path = i % 10 === 9 ? '/opendata' : feeds[i % feeds.length]!;
      plan.push({ kind: 'opendata', path, cookie: '', ...(i % 2 === 0 && etags[path] ? { headers: { 'if-none-match': etags[path]! } } : {}) });
    }
    for (let i = 0; i < 100; i++) plan.push({ kind: 'applicant', path: i % 2 ? '/platform/resume' : '/platform/account/password', cookie: cookies[i % cookies.length]! });
    shuffle(plan, 15);

    for (const p of plan.filter((x, i, all) => all.findIndex((y) => y.kind === x.kind && y.path.split('?')[0] === x.path.split('?')[0]) === i)) {
      const res = await fetch(base + p.path, { headers: { ...(p.headers ?? {}), ...(p.cookie ? { cookie: p.cookie } : {}) }, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 200 && res.status !== 304) throw new Error(`${p.kind} ${p.path}: HTTP ${res.status}`);
    }

    const kinds: Kind[] = ['search', 'job', 'opendata', 'applicant'];
    // One load client per kind, each at its share of the rate, so that latencies are reported by kind.
    const share: Record<Kind, number> = { search: 0.6, job: 0.25, opendata: 0.05, applicant: 0.1 };
    const run = (seconds: number, warmupSeconds: number) =>
      Promise.all(
        kinds.map((kind) => {
          const mine = plan.filter((p) => p.kind === kind);
          return runLoadInChild({
            base,
            paths: mine.map((p) => p.path),
            cookies: mine.map((p) => p.cookie),
            headers: mine.map((p) => p.headers),
            connections: Math.max(10, Math.round(CONNECTIONS * share[kind])),
            seconds,
            warmupSeconds,
            rate: RATE * share[kind],
            maxRequests: Math.ceil(RATE * share[kind] * seconds) + 10,
          });
        }),
      );
    // Warm-up: the same traffic on the same connections for WARMUP_SECONDS first, not counted (connections
    // opened, code compiled, the pages of the mix rendered once), so that the figures are those of a running
    // system, as in bench/search.bench.ts.
    console.log(`${fmt(RATE)} requests/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up (not counted), ${CONNECTIONS} connections; load average before ${load1()}`);
    const reports = await run(SECONDS, WARMUP_SECONDS);
    const show = (label: string, r: LoadReport) =>
      console.log(
        `  ${label.padEnd(10)} ${fmt(r.requests).padStart(7)} requests ${fmt(r.rps).padStart(6)}/s  p50 ${fmt(r.p50, 1).padStart(7)}  p95 ${fmt(r.p95, 1).padStart(7)}  p99 ${fmt(r.p99, 1).padStart(7)}  max ${fmt(r.max).padStart(6)} ms  errors ${r.errors}  timeouts ${r.timeouts}` +
          (r.errors ? `  statuses ${JSON.stringify(r.statuses)}` : ''),
      );
    kinds.forEach((k, i) => show(k, reports[i]!));
    console.log('  p95 (ms) of the requests sent in each second:');
    kinds.forEach((k, i) => console.log(`  ${k.padEnd(10)} ${reports[i]!.p95BySecond.map((x) => fmt(x)).join(' ')}`));
    const requests = reports.reduce((n, r) => n + r.requests, 0);
    // Overall percentiles: weighted from the per-kind ones is wrong, so the worst per-kind p95 is given as a bound.
    const worstP95 = Math.max(...reports.map((r) => r.p95));
    const weightedP95 = reports.reduce((n, r) => n + r.p95 * r.requests, 0) / requests;
    console.log(
      `  all: ${fmt(requests)} requests, ${fmt(reports.reduce((n, r) => n + r.rps, 0))}/s; p95 by kind ≤ ${fmt(worstP95, 1)} ms (request-weighted ${fmt(weightedP95, 1)} ms); ` +
        `errors ${reports.reduce((n, r) => n + r.errors, 0)}, timeouts ${reports.reduce((n, r) => n + r.timeouts, 0)}; load average after ${load1()}`,
    );
    console.log(`  goal: p95 < 200 ms, 0 errors — ${worstP95 < 200 && reports.every((r) => r.errors === 0 && r.timeouts === 0) ? 'met' : 'NOT met'}`);
    await app.close();
  } finally {
    await database?.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
