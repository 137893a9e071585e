// 應徵 under load (issue 11, GEN-1): 50 applicants apply at the same time, 20 open jobs each (1,000 applications),
// through HTTP (POST /platform/apply with the session and CSRF token, one job per request) against the real app.
// Prints the apply request's p50/p95/p99, whether every resume PDF reached 'ready', and the time from applied_at
// to resume_file_ready_at (median, p95), with the load average, and the CPU one application cost the web process,
// the worker process and (PostgreSQL on this machine) the server's processes.
//
// The system runs as docs/operations.md describes it:
// - by default one process with every role (ROLES=web,worker,scheduler, the default; `npm start`): the app of
//   src/app.ts on a port of loopback, pg-boss running the produce-resume worker (rendering on its PDF thread) and
//   mail delivery, as src/main.ts registers them;
// - --worker process (PostgreSQL): this process is the `web` role, and the `worker` role is src/main.ts with
//   ROLES=worker in a process of its own, started with `nice -n 10` (--worker-nice), as a deployment that runs the
//   roles apart does; PGlite is one process only.
// The applicants' HTTP clients (bench/apply-client.ts) and the mail server every confirmation goes to
// (bench/smtp-sink.ts) run in processes of their own: the world outside the system.
//
// Before the measured runs a warm-up, as a server that has been up a while is: 50 other accounts apply to 6 other
// jobs each (closed loop), and their PDFs are made; none of it is counted. The measured applicants' resumes are
// new, so each still needs its own PDF.
//
// Two measured runs (phases), each with 50 applicants and 20 jobs of its own, every applicant keeping one resume,
// so its applications share one resume file (GEN-1):
//   people       each applicant waits 1 s ± 50 % (random) before each 確定應徵: a person reads the 應徵職缺 page (the
//                job, the resume preview, the consent) first; 50 of them make ~43 applications a second
//   closed loop  each applicant sends its next 確定應徵 the moment the last is answered: 50 requests always in flight,
//                the system's capacity (its mean latency is 50 ÷ throughput)
// Both are judged against the goals; the last lines say which are met. Options:
//   --phases people,closed | people | closed
//   --think MS     the pause of the people phase (default 1000)
//   --distinct     every application by an account of its own (50 at a time), so every application needs its own file
//   --worker process (PostgreSQL) the worker role in a process of its own
//   --worker off   no worker at all: the apply request alone (PDFs and mail are not waited for)
//   --warmup N     applications per warm-up account (0: no warm-up)
//   --worker-nice N  the worker process's nice value (default 10, as docs/operations.md advises; 0: as the web's)
//   --prepared off PostgreSQL without named prepared statements (DATABASE_PREPARED_STATEMENTS=0)
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/apply.bench.ts [--applicants 50] [--jobs 20]
//   npx tsx bench/apply.bench.ts --db pglite
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/container.ts';
import { applicantAccounts } from '../src/modules/accounts/account.schema.ts';
import { applications } from '../src/modules/applications/application.schema.ts';
import { PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS } from '../src/modules/applications/produce-resume-file.ts';
import { modules } from '../src/modules/index.ts';
import { resumes } from '../src/modules/resumes/resume.schema.ts';
import { vacancies } from '../src/modules/vacancies/vacancy.schema.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { registerMailJobs } from '../src/platform/jobs/mail-jobs.ts';
import { addDays } from '../src/platform/tw/roc-date.ts';
import { loadConfig } from '../src/config.ts';
import { benchEnv, runApplicantsInChild } from './load-runner.ts';
import type { ApplyStep } from './apply-client.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    applicants: { type: 'string', default: '50' },
    jobs: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '600' },
    // inline (every role in this process, the default) | process (PostgreSQL: the worker role apart) | off
    worker: { type: 'string', default: 'inline' },
    think: { type: 'string', default: '1000' },
    // people,closed (both, in that order) | people | closed
    phases: { type: 'string', default: 'people,closed' },
    prepared: { type: 'string', default: 'on' },
    distinct: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '6' },
    'worker-nice': { type: 'string', default: '10' },
  },
});
const WORKER = args.worker === 'on' || args.worker === '' ? 'inline' : args.worker;
if (!['process', 'inline', 'off'].includes(WORKER)) throw new Error(`--worker process | inline | off, not ${args.worker}`);
if (WORKER === 'process' && args.db === 'pglite') throw new Error('PGlite is one process: --worker inline or off');
const APPLICANTS = Math.min(200, Number(args.applicants));
const JOBS = Math.min(100, Number(args.jobs));
const WARMUP = Math.min(10, Math.max(0, Number(args.warmup)));
// --distinct: every application by an account of its own (its own resume), the applicant's n-th request using the
// n-th of its accounts; otherwise one account per applicant. The warm-up's accounts come after them.
const ACCOUNTS = args.distinct ? APPLICANTS * JOBS : APPLICANTS;
const WARM_ACCOUNTS = WARMUP ? APPLICANTS : 0;
const THINK_MS = Math.max(0, Number(args.think));
const WORKER_NICE = existsSync('/usr/bin/nice') ? Math.min(19, Math.max(0, Number(args['worker-nice']))) : 0;
interface Phase {
  name: string;
  thinkMs: number;
  what: string;
}
const PHASES: Phase[] = args.phases.split(',').map((p) => {
  if (p === 'people') return { name: 'people', thinkMs: THINK_MS, what: `applicants who wait ${THINK_MS} ms (±50 %, random) before each 確定應徵` };
  if (p === 'closed') return { name: 'closed loop', thinkMs: 0, what: 'closed loop: every applicant sends its next 確定應徵 the moment the last is answered (capacity)' };
  throw new Error(`--phases people,closed | people | closed, not ${args.phases}`);
});
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** CPU seconds (user + system, all threads) of the processes `match` picks by pid and name (0 without /proc). */
function cpuSeconds(match: (pid: number, name: string) => boolean): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (!match(Number(pid), stat.slice(stat.indexOf('(') + 1, close))) continue;
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

/** The mail server (bench/smtp-sink.ts): its port, and a way to ask how many messages it has received. */
async function startSmtpSink(): Promise<{ url: string; count: () => Promise<number>; stop: () => void }> {
  const child = fork(new URL('./smtp-sink.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () =>
      new Promise<number>((resolve) => {
        child.once('message', (m: { count: number }) => resolve(m.count));
        child.send('count');
      }),
    stop: () => child.kill(),
  };
}

/** src/main.ts with ROLES=worker, as production runs it; resolves once pg-boss has started its workers. */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  // At a lower CPU priority than the web process, as docs/operations.md advises where the two share cores.
  const niced = WORKER_NICE > 0;
  const child = spawn(niced ? '/usr/bin/nice' : process.execPath, [...(niced ? ['-n', String(WORKER_NICE), process.execPath] : []), '--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('jobs: pg-boss started')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
  return child;
}

async function main(): Promise<void> {
  console.log(
    `Apply bench (issue 11) — node ${process.version}, ${availableParallelism()} cores, load average ${load()}, db ${args.db}` +
      `${args.db === 'pglite' ? '' : `, prepared statements ${args.prepared}`}, worker ${WORKER === 'process' ? `in a process of its own (nice ${WORKER_NICE})` : WORKER === 'inline' ? 'in the web process' : 'off'}`,
  );
  let admin: pg.Client | null = null;
  let name = '';
  let url = '';
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
    const u = new URL(adminUrl);
    u.pathname = '/' + name;
    url = u.toString();
    database = await openDatabase({ kind: 'postgres', url, preparedStatements: args.prepared !== 'off' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-apply-'));
  const jobs = createJobs({ database, roles: WORKER === 'inline' ? undefined : ['web'], onError: () => undefined });
  const sink = WORKER === 'off' ? null : await startSmtpSink();
  let worker: ChildProcess | null = null;
  try {
    await migrate(database.pool);
    const today = systemClock.today();
    const db = database.db;
    const vacancy = (workId: string, title: string) => ({
      workId,
      orgName: '行政院人事行政總處',
      orgId: 'A58000000A',
      personKind: '約僱人員',
      title,
      validFrom: addDays(today, -1),
      validTo: addDays(today, 30),
      accessMode: 'open' as const,
      source: 'form' as const,
      vitaeEmail: 'hr@example.gov.tw',
    });
    // Per phase: JOBS jobs and ACCOUNTS accounts of its own; then the warm-up's.
    const phaseVacancies: string[][] = [];
    for (const [p, phase] of PHASES.entries()) {
      const rows = await db
        .insert(vacancies)
        .values(Array.from({ length: JOBS }, (_, i) => vacancy(`1151${2 + p}${String(10000 + i).padStart(5, '0')}`, `效能測試職缺 ${phase.name} ${i + 1}`)))
        .returning({ id: vacancies.id, workId: vacancies.workId });
      phaseVacancies.push(rows.map((r) => r.workId));
    }
    const warmWorkIds = Array.from({ length: WARMUP }, (_, i) => `11519${String(10000 + i).padStart(5, '0')}`);
    if (WARMUP) await db.insert(vacancies).values(warmWorkIds.map((w, i) => vacancy(w, `暖機職缺 ${i + 1}`)));
    const accounts = await db
      .insert(applicantAccounts)
      .values(Array.from({ length: ACCOUNTS * PHASES.length + WARM_ACCOUNTS }, (_, i) => ({ email: `apply${i}@example.tw`, passwordHash: 'x', status: 'active' as const, activatedAt: new Date() })))
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
    // Unused where no mail worker runs (--worker off): the mail stays in the outbox.
    const env = benchEnv(dataDir, sink ? { SMTP_URL: sink.url } : {});
    await jobs.start();
    const services = createServices(loadConfig(env), database, { jobs });
    if (WORKER === 'inline') {
      // As src/main.ts does with every role in one process.
      await registerMailJobs(jobs, { db, transport: services.mailTransport, clock: services.clock, mailFrom: services.config.mailFrom, storage: services.storage });
      for (const module of modules) await module.jobs?.(jobs, services);
    } else if (WORKER === 'process') {
      worker = await startWorkerProcess({ ...env, ROLES: 'worker', DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: args.prepared === 'off' ? '0' : '1' });
    } else {
      await jobs.createQueue(PRODUCE_RESUME_QUEUE, PRODUCE_RESUME_QUEUE_OPTIONS);
    }
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
    const ofJobs = (workIds: string[]) => inArray(applications.vacancyId, db.select({ id: vacancies.id }).from(vacancies).where(inArray(vacancies.workId, workIds)));
    const waitReady = async (workIds: string[], n: number) => {
      const deadline = Date.now() + Number(args.timeout) * 1000;
      for (;;) {
        const [r] = await db
          .select({ n: count() })
          .from(applications)
          .where(and(eq(applications.resumeFileState, 'ready'), ofJobs(workIds)));
        if (Number(r?.n) >= n || Date.now() > deadline) return;
        await new Promise((res) => setTimeout(res, 200));
      }
    };

    if (WARMUP) {
      const warmPlan: ApplyStep[][] = sessionsOf.slice(ACCOUNTS * PHASES.length).map((s) => warmWorkIds.map((workId) => ({ ...s, workId })));
      const warm = await runApplicantsInChild({ base, applicants: warmPlan, thinkMs: 0 }, Number(args.timeout));
      if (WORKER !== 'off') await waitReady(warmWorkIds, WARM_ACCOUNTS * WARMUP);
      console.log(`warm-up (not counted): ${warm.latencies.length} applications by ${WARM_ACCOUNTS} other accounts${WORKER === 'off' ? '' : ', their PDFs made'}; load average ${load()}`);
    }

    const verdicts: string[] = [];
    for (const [p, phase] of PHASES.entries()) {
      const mySessions = sessionsOf.slice(p * ACCOUNTS, (p + 1) * ACCOUNTS);
      const workIds = phaseVacancies[p]!;
      const plan = Array.from({ length: APPLICANTS }, (_, n) => workIds.map((workId, i) => ({ ...mySessions[args.distinct ? n * JOBS + i : n]!, workId })));
      console.log(`\n== ${phase.name}: ${APPLICANTS} applicants × ${JOBS} jobs = ${APPLICANTS * JOBS} applications; ${phase.what}; ${args.distinct ? 'every application with a resume of its own' : 'one resume per applicant'}; load average ${load()}`);
      const workerPid = worker?.pid ?? -1;
      const cpuNow = () => ({ web: nodeCpuSeconds(), worker: cpuSeconds((pid) => pid === workerPid), pg: cpuSeconds((_, n) => n === 'postgres') });
      const cpu0 = cpuNow();
      const report = await runApplicantsInChild({ base, applicants: plan, thinkMs: phase.thinkMs }, Number(args.timeout));
      const cpu1 = cpuNow();
      const latencies = report.latencies;
      const errors = latencies.length - (report.statuses['303'] ?? 0);
      // From the applicants' first request to their last answer (the child's start-up is not counted).
      const applySeconds = report.seconds;
      const per = (x: number) => ms((x * 1000) / latencies.length);
      const cores = (x: number) => `${x.toFixed(1)} s (${(x / applySeconds).toFixed(2)} cores)`;
      const spent = { web: cpu1.web - cpu0.web, worker: cpu1.worker - cpu0.worker, pg: cpu1.pg - cpu0.pg };
      console.log(
        `CPU while applying: ${WORKER === 'inline' ? 'web and worker process' : 'web process'} ${cores(spent.web)}` +
          `${WORKER === 'process' ? `, worker process ${cores(spent.worker)}` : ''}, PostgreSQL ${cores(spent.pg)}, the applicants' process ${cores(report.cpuSeconds)}; ` +
          `per application ${per(spent.web)}${WORKER === 'process' ? ` + ${per(spent.worker)}` : ''} + ${per(spent.pg)} (the mail server's process not counted)`,
      );
      console.log(
        `apply: ${latencies.length} requests in ${applySeconds.toFixed(1)} s (${(latencies.length / applySeconds).toFixed(0)}/s), p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, p99 ${ms(pct(latencies, 99))}, errors ${errors}; load average ${load()}`,
      );
      const windows: string[] = [];
      const step = applySeconds > 10 ? 5000 : 500;
      for (let w = 0; w * step < applySeconds * 1000; w++) {
        const xs = latencies.filter((_, i) => Math.floor(report.startedAt[i]! / step) === w);
        if (xs.length) windows.push(`${((w * step) / 1000).toFixed(1)} s: ${xs.length}, ${pct(xs, 95).toFixed(0)}`);
      }
      console.log(`apply p95 by when the request was sent (from, requests, p95 ms): ${windows.join(' · ')}`);
      const first = latencies.filter((_, i) => report.steps[i] === 0);
      console.log(`each applicant's first application (its PDF is new): p50 ${ms(pct(first, 50))}, p95 ${ms(pct(first, 95))}`);
      const applyMet = pct(latencies, 95) < 150;
      if (WORKER === 'off') {
        verdicts.push(`${phase.name}: apply p95 < 150 ms — ${applyMet ? 'met' : 'NOT met'} (no worker in this run)`);
        continue;
      }
      await waitReady(workIds, APPLICANTS * JOBS);
      const rows = await db
        .select({ state: applications.resumeFileState, waitMs: sql<number>`extract(epoch from (${applications.resumeFileReadyAt} - ${applications.appliedAt})) * 1000` })
        .from(applications)
        .where(ofJobs(workIds));
      const ready = rows.filter((r) => r.state === 'ready');
      const waits = ready.map((r) => Number(r.waitMs));
      const [done] = await db.select({ last: sql<string>`max(${applications.resumeFileReadyAt})`, first: sql<string>`min(${applications.appliedAt})` }).from(applications).where(ofJobs(workIds));
      console.log(
        `resume PDFs: ${ready.length}/${rows.length} ready (${rows.filter((r) => r.state === 'failed').length} failed); apply → ready median ${ms(pct(waits, 50))}, p95 ${ms(pct(waits, 95))}, max ${ms(Math.max(...waits))}; ` +
          `all ready ${((Date.parse(done!.last) - Date.parse(done!.first)) / 1000).toFixed(1)} s after the first apply; load average ${load()}`,
      );
      if (sink) console.log(`mail: ${await sink.count()} messages delivered to the mail server so far (every phase and the warm-up)`);
      verdicts.push(`${phase.name}: apply p95 < 150 ms — ${applyMet ? 'met' : 'NOT met'}; median apply → ready < 2 s — ${pct(waits, 50) < 2000 ? 'met' : 'NOT met'}; all PDFs ready — ${ready.length === rows.length ? 'yes' : 'NO'}`);
    }
    console.log(`\ngoals (issue 11):\n${verdicts.map((v) => `  ${v}`).join('\n')}`);
    await app.close();
  } finally {
    if (worker) {
      worker.kill('SIGTERM');
      await new Promise((res) => worker!.once('exit', res));
    }
    sink?.stop();
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
