// 應徵 under load (issue 11, GEN-1): 50 applicants apply at the same time, 20 open jobs each (1,000 applications),
// through HTTP (POST /platform/apply with the session and CSRF token, one job per request) against the real app
// with pg-boss running the produce-resume worker in the same process (PGlite: on the shared connection). The
// applicants' HTTP clients run in a process of their own (bench/apply-client.ts), as the other benches' clients do.
// Prints the apply request's p50/p95/p99, whether every resume PDF reached 'ready', and the time from applied_at
// to resume_file_ready_at (median, p95), with the load average before and after, and the CPU one application cost
// this process and (PostgreSQL on this machine) the server's processes.
//
// By default every applicant applies to its jobs back to back (a closed loop: no time between one answer and the
// next request), and keeps one resume, so its applications share one resume file (GEN-1). Options:
//   --think MS     each applicant waits MS (±50 %, random) between its applications, as a person reading the
//                  應徵職缺 page would (0: the closed loop)
//   --distinct     every application by an account of its own (50 at a time), so every application needs its own file
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/apply.bench.ts [--applicants 50] [--jobs 20]
//   npx tsx bench/apply.bench.ts --db pglite
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/container.ts';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { applications } from '../src/modules/applications/application.schema.ts';
import { PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS, registerResumeFileJobs } from '../src/modules/applications/produce-resume-file.ts';
import { resumes } from '../src/modules/resumes/resume.schema.ts';
import { vacancies } from '../src/modules/vacancies/vacancy.schema.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { addDays } from '../src/platform/tw/roc-date.ts';
import { loadConfig } from '../src/config.ts';
import { runApplicantsInChild } from './load-runner.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    applicants: { type: 'string', default: '50' },
    jobs: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '600' },
    // --worker off: no produce-resume worker in this process (the apply request alone; PDFs are not waited for).
    worker: { type: 'string', default: 'on' },
    think: { type: 'string', default: '0' },
    // --prepared off: PostgreSQL without named prepared statements (DATABASE_PREPARED_STATEMENTS=0), for comparison.
    prepared: { type: 'string', default: 'on' },
    distinct: { type: 'boolean', default: false },
  },
});
const APPLICANTS = Math.min(200, Number(args.applicants));
const JOBS_ARG = Math.min(100, Number(args.jobs));
// --distinct: every application by an account of its own (its own resume), the applicant's n-th request using the
// n-th of its accounts; otherwise one account per applicant.
const ACCOUNTS = args.distinct ? APPLICANTS * JOBS_ARG : APPLICANTS;
const JOBS = JOBS_ARG;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const THINK_MS = Math.max(0, Number(args.think));

/** CPU seconds (user + system) of every process named `postgres` on this machine (0 where /proc is not readable). */
function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
        const f = stat.slice(close + 2).split(' ');
        ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // the process ended
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}
const nodeCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  console.log(`Apply bench (issue 11) — node ${process.version}, ${availableParallelism()} cores, load average ${load()}, db ${args.db}${args.db === 'pglite' ? '' : `, prepared statements ${args.prepared}`}`);
  let admin: pg.Client | null = null;
  let name = '';
  let database: Database;
  if (args.db === 'pglite') {
    database = await openDatabase({ kind: 'pglite-memory' });
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (or pass --db pglite)');
    name = `sqr_apply_${randomBytes(5).toString('hex')}`;
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const url = new URL(adminUrl);
    url.pathname = '/' + name;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), preparedStatements: args.prepared !== 'off' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-apply-'));
  const jobs = createJobs({ database, onError: () => undefined });
  try {
    await migrate(database.pool);
    const today = systemClock.today();
    const db = database.db;
    const workIds = Array.from({ length: JOBS }, (_, i) => `11512${String(10000 + i).padStart(5, '0')}`);
    await db.insert(vacancies).values(
      workIds.map((workId, i) => ({
        workId,
        orgName: '行政院人事行政總處',
        orgId: 'A58000000A',
        personKind: '約僱人員',
        title: `效能測試職缺 ${i + 1}`,
        validFrom: addDays(today, -1),
        validTo: addDays(today, 30),
        accessMode: 'open' as const,
        source: 'form' as const,
        vitaeEmail: 'hr@example.gov.tw',
      })),
    );
    const accounts = await db
      .insert(applicantAccounts)
      .values(Array.from({ length: ACCOUNTS }, (_, i) => ({ email: `apply${i}@example.tw`, passwordHash: 'x', status: 'active' as const, activatedAt: new Date() })))
      .returning({ id: applicantAccounts.id });
    await db.insert(resumes).values(
      accounts.map((a, i) => ({
        applicantId: a.id,
        idNumberHash: `bench-${i}`,
        basic: { chineseName: `應徵者${i}`, englishName: 'BENCH', idNumber: 'A123456789', gender: 'M', birthDate: '1990-01-01', phone: '0912-345-678', zip: '100', county: '臺北市', district: '中正區', street: '重慶南路一段1號', email: `apply${i}@example.tw`, identity: [] },
        education: [{ school: '國立臺灣大學', department: '政治學系', degree: '學士', status: '畢業', startDate: '2008-09-01', endDate: '2012-06-30' }],
        experience: [{ organization: '某公司', jobTitle: '專員', status: '離職', startDate: '2012-07-01', endDate: '2020-12-31' }],
        languages: [],
        skills: '文書處理、資料分析',
        autobiography: '我出生於臺北市。'.repeat(40),
      })),
    );
    await jobs.start();
    const services = createServices(
      loadConfig({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        BASE_URL: 'http://127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        SESSION_SECRET: randomBytes(32).toString('hex'),
        RATE_LIMIT_PER_MINUTE: '1000000000',
        // Mail stays in the outbox: this process runs no mail worker.
        SMTP_URL: 'smtp://127.0.0.1:2525',
        DATA_KEY: randomBytes(32).toString('hex'),
      }),
      database,
      { jobs },
    );
    if (args.worker === 'off') await jobs.createQueue(PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS);
    else await registerResumeFileJobs(jobs, services.deps.applications, { pollingIntervalSeconds: 0.5, localConcurrency: 2 });
    const app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // Each account: a session, the CSRF cookie and token of the 應徵職缺 page.
    const sessionsOf = await Promise.all(
      accounts.map(async (a) => {
        const { token } = await services.sessions.create({ principal: { kind: 'applicant', id: a.id, method: '帳號' } });
        let cookie = `sid=${token}`;
        const page = await fetch(`${base}/platform/apply`, { headers: { cookie } });
        for (const c of page.headers.getSetCookie()) cookie += `; ${c.split(';')[0]}`;
        const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        return { cookie, csrf };
      }),
    );
    const plan = Array.from({ length: APPLICANTS }, (_, n) => workIds.map((workId, i) => ({ ...sessionsOf[args.distinct ? n * JOBS + i : n]!, workId })));
    console.log(`${APPLICANTS} applicants × ${JOBS} jobs = ${APPLICANTS * JOBS} applications; load average ${load()}`);
    console.log(
      `mode: ${THINK_MS ? `each applicant waits ${THINK_MS} ms (±50 %) before each application` : 'closed loop (no wait between applications)'}; ${args.distinct ? 'every application with a resume of its own' : 'one resume per applicant'}; the applicants in a process of their own`,
    );
    const cpu0 = { node: nodeCpuSeconds(), pg: postgresCpuSeconds() };
    const report = await runApplicantsInChild({ base, applicants: plan, thinkMs: THINK_MS }, Number(args.timeout));
    const latencies = report.latencies;
    const errors = latencies.length - (report.statuses['303'] ?? 0);
    // From the applicants' first request to their last answer (the child's start-up is not counted).
    const applySeconds = report.seconds;
    const cpu = { node: nodeCpuSeconds() - cpu0.node, pg: postgresCpuSeconds() - cpu0.pg };
    const per = (x: number) => ms((x * 1000) / latencies.length);
    console.log(
      `CPU while applying: this process ${cpu.node.toFixed(1)} s (${(cpu.node / applySeconds).toFixed(2)} cores), PostgreSQL ${cpu.pg.toFixed(1)} s (${(cpu.pg / applySeconds).toFixed(2)} cores); ` +
        `per application ${per(cpu.node)} + ${per(cpu.pg)} (the app${args.worker === 'off' ? '' : ' with its PDF worker'}; the applicants' process not counted)`,
    );
    console.log(
      `apply: ${latencies.length} requests in ${applySeconds.toFixed(1)} s (${(latencies.length / applySeconds).toFixed(0)}/s), p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, p99 ${ms(pct(latencies, 99))}, errors ${errors}; load average ${load()}`,
    );
    if (args.worker === 'off') {
      console.log(`goal: apply p95 < 150 ms — ${pct(latencies, 95) < 150 ? 'met' : 'NOT met'} (no worker in this run)`);
      await app.close();
      return;
    }
    const deadline = Date.now() + Number(args.timeout) * 1000;
    for (;;) {
      const [r] = await db.select({ n: count() }).from(applications).where(eq(applications.resumeFileState, 'ready'));
      if (Number(r?.n) >= APPLICANTS * JOBS || Date.now() > deadline) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    const rows = await db.select({ state: applications.resumeFileState, waitMs: sql<number>`extract(epoch from (${applications.resumeFileReadyAt} - ${applications.appliedAt})) * 1000` }).from(applications);
    const ready = rows.filter((r) => r.state === 'ready');
    const waits = ready.map((r) => Number(r.waitMs));
    const [done] = await db.select({ last: sql<string>`max(${applications.resumeFileReadyAt})`, first: sql<string>`min(${applications.appliedAt})` }).from(applications);
    console.log(
      `resume PDFs: ${ready.length}/${rows.length} ready (${rows.filter((r) => r.state === 'failed').length} failed); apply → ready median ${ms(pct(waits, 50))}, p95 ${ms(pct(waits, 95))}, max ${ms(Math.max(...waits))}; ` +
        `all ready ${((Date.parse(done!.last) - Date.parse(done!.first)) / 1000).toFixed(1)} s after the first apply; load average ${load()}`,
    );
    console.log(`goals: apply p95 < 150 ms — ${pct(latencies, 95) < 150 ? 'met' : 'NOT met'}; median apply → ready < 2 s — ${pct(waits, 50) < 2000 ? 'met' : 'NOT met'}`);
    await app.close();
  } finally {
    await jobs.stop({ timeoutMs: 5_000 }).catch(() => undefined);
    await database.close().catch(() => undefined);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
