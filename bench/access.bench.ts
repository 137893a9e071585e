// Agency access at volume (issue 12), through HTTP against the real app (production config, no workers):
//  - ACS-1 applicant list of a vacancy with 5,000 applicants: GET the first page, the last page and the 身分證字號
//    filter, sequentially; p50 / p95 / p99 against /healthz in the same run. Goal: p95 < 100 ms.
//  - ACS-4 匯出聯絡資訊 of a vacancy with 10,000 applicants: POST for the xlsx and the ods file (read, guard,
//    write, audit); each timed end to end. Goal: < 1.5 s each.
// Applications are inserted in SQL (generate_series) with a frozen snapshot like a real one's basic data.
//
//   npx tsx bench/access.bench.ts --db pglite
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/access.bench.ts
//   options: --list 5000 --export 10000 --requests 200 --runs 5
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/container.ts';
import { staffUsers } from '../src/modules/ecpa/staff.schema.ts';
import { vacancies } from '../src/modules/vacancies/vacancy.schema.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { addDays } from '../src/platform/tw/roc-date.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    list: { type: 'string', default: '5000' },
    export: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
  },
});
const LIST_N = Number(args.list);
const EXPORT_N = Number(args.export);
const REQUESTS = Number(args.requests);
const RUNS = Number(args.runs);
const AGENCY = '376420000A';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (args.db === 'pglite') return { database: await openDatabase({ kind: 'pglite-memory' }), drop: async () => undefined };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (or pass --db pglite)');
  const name = `sqr_access_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  return {
    database: await openDatabase({ kind: 'postgres', url: url.toString() }),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}

/** `n` applicant accounts and their active applications of `vacancyId`, in two statements. */
async function fillApplications(database: Database, vacancyId: string, n: number, tag: string): Promise<void> {
  await database.pool.query(
    `INSERT INTO applicant_accounts (email, password_hash, status, activated_at)
     SELECT '${tag}' || g || '@example.tw', 'x', 'active', now() FROM generate_series(1, $1) g`,
    [n],
  );
  await database.pool.query(
    `INSERT INTO applications (vacancy_id, applicant_id, applied_at, consent_version, consent_at, resume_snapshot, resume_file_state, resume_file_key)
     SELECT $1, a.id, now() - (row_number() OVER (ORDER BY a.email)) * interval '1 minute', 'v1', now(),
       jsonb_build_object('v', 1, 'resumeId', a.id, 'savedAt', now(), 'attachmentName', null, 'data', jsonb_build_object('basic', jsonb_build_object(
         'chineseName', '應徵者' || substr(a.email, 2, 8), 'englishName', '', 'idNumber', 'A1' || lpad(substring(a.email from '[0-9]+'), 8, '0'),
         'gender', 'M', 'birthDate', '1990-06-17', 'phone', '0912-345-678', 'email', a.email, 'identity', '[]'::jsonb))),
       'ready', 'bench/none.pdf'
     FROM applicant_accounts a WHERE a.email LIKE '${tag}%'`,
    [vacancyId],
  );
}

async function main(): Promise<void> {
  console.log(`Access bench (issue 12) — node ${process.version}, ${availableParallelism()} cores, load average ${load()}, db ${args.db}`);
  const { database, drop } = await openBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'sqr-access-'));
  try {
    await migrate(database.pool);
    const today = systemClock.today();
    const vacancy = (workId: string) => ({
      workId,
      orgName: '宜蘭縣政府',
      orgId: AGENCY,
      personKind: '約僱人員',
      title: `效能測試職缺 ${workId}`,
      validFrom: addDays(today, -1),
      validTo: addDays(today, 30),
      accessMode: 'open' as const,
      source: 'form' as const,
      vitaeEmail: 'hr@example.gov.tw',
    });
    const [listVacancy, exportVacancy] = await database.db
      .insert(vacancies)
      .values([vacancy('115120000001'), vacancy('115120000002')])
      .returning({ id: vacancies.id });
    const t0 = performance.now();
    await fillApplications(database, listVacancy!.id, LIST_N, 'l');
    await fillApplications(database, exportVacancy!.id, EXPORT_N, 'e');
    await database.pool.query('ANALYZE');
    console.log(`filled ${LIST_N} + ${EXPORT_N} applications in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [staff] = await database.db
      .insert(staffUsers)
      .values({ account: 'bench.hr', passwordHash: 'x', name: '效能測試', email: 'bench@example.gov.tw', agencyCode: AGENCY, roles: ['agency_hr'] })
      .returning({ id: staffUsers.id });

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
        SMTP_URL: 'smtp://127.0.0.1:2525',
        DATA_KEY: randomBytes(32).toString('hex'),
      }),
      database,
    );
    const app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const { token } = await services.sessions.create({ principal: { kind: 'staff', id: staff!.id, method: '帳號' } });
    let cookie = `sid=${token}`;
    const listUrl = `${base}/agency/vacancies/${listVacancy!.id}/applicants`;
    const first = await fetch(listUrl, { headers: { cookie } });
    for (const c of first.headers.getSetCookie()) cookie += `; ${c.split(';')[0]}`;
    const firstHtml = await first.text();
    const total = /共\s*([\d,]+)\s*人/u.exec(firstHtml)?.[1];
    if (first.status !== 200 || !total) throw new Error(`the list page answered ${first.status} without 共N人`);
    console.log(`list page: ${first.status}, 共${total}人`);

    const timeGets = async (url: string, headers: Record<string, string> = {}) => {
      const out: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        out.push(performance.now() - t);
      }
      return out;
    };
    const healthz = await timeGets(`${base}/healthz`);
    const lastPage = Math.ceil(LIST_N / 50);
    const cases: [string, string][] = [
      ['page 1', listUrl],
      [`page ${lastPage}`, `${listUrl}?page=${lastPage}`],
      ['身分證字號 filter', `${listUrl}?idNumber=A100002500`],
    ];
    console.log(`/healthz: p50 ${ms(pct(healthz, 50))}, p95 ${ms(pct(healthz, 95))} over ${REQUESTS} requests`);
    let worst = 0;
    for (const [label, url] of cases) {
      const t = await timeGets(url, { cookie });
      worst = Math.max(worst, pct(t, 95));
      console.log(`ACS-1 list, ${LIST_N} applicants, ${label}: p50 ${ms(pct(t, 50))}, p95 ${ms(pct(t, 95))}, p99 ${ms(pct(t, 99))} over ${REQUESTS} requests (p95 ÷ /healthz p95 = ${(pct(t, 95) / pct(healthz, 95)).toFixed(1)})`);
    }
    console.log(`goal: list p95 < 100 ms — ${worst < 100 ? 'met' : 'NOT met'}; load average ${load()}`);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(firstHtml)?.[1] ?? '';
    let slowest = 0;
    for (const type of ['xlsx', 'ods']) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= RUNS; run++) {
        const t = performance.now();
        const res = await fetch(`${base}/agency/vacancies/${exportVacancy!.id}/contacts`, {
          method: 'POST',
          body: new URLSearchParams({ _csrf: csrf, type }),
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        });
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`export ${type} answered ${res.status}`);
        if (run > 0) times.push(performance.now() - t); // the first run is a warm-up
      }
      slowest = Math.max(slowest, pct(times, 50));
      console.log(`ACS-4 export, ${EXPORT_N} applicants, ${type}: ${(bytes / 1024).toFixed(0)} KiB, median ${ms(pct(times, 50))}, max ${ms(Math.max(...times))} over ${RUNS} runs`);
    }
    console.log(`goal: export < 1.5 s each — ${slowest < 1500 ? 'met' : 'NOT met'} (median); load average ${load()}`);
    await app.close();
  } finally {
    await database.close().catch(() => undefined);
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
