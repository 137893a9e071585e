// 機關徵才匯入 (AGY-7) throughput: a 500-row file (every column filled, like the template) through 檢查 (content
// check, parse, the form's rules on every row, staging) and 確認匯入 (500 vacancies with their 職缺編號, automatic
// check and audit rows in one transaction), on PGlite in memory (the slower database). xlsx, ods and csv; the
// first run of each is a warm-up. Goal (issue 10): 500 rows import in under 5 s.
// With --postgres <admin url> (or TEST_DATABASE_URL set) it also runs on a fresh PostgreSQL database, dropped after.
// Run: npm run bench:import   (or npx tsx bench/agency-import.bench.ts [--rows 500] [--runs 3] [--postgres url])
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { toIsoDate } from '../src/platform/tw/roc-date.ts';
import { readSheet, templateFile, type SheetKind } from '../src/modules/agency/agency-import.sheet.ts';
import { checkImport, confirmImport } from '../src/modules/agency/agency-import.service.ts';
import { fillTemplate, validRow } from '../src/modules/agency/agency-import.test-support.ts';
import { MAX_IMPORT_ROWS } from '../src/modules/agency/agency-import.rules.ts';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' }, postgres: { type: 'string', default: process.env.TEST_DATABASE_URL ?? '' } } });
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const GOAL_MS = 5_000;

async function withPostgres(adminUrl: string, run: (d: Database) => Promise<void>): Promise<void> {
  const name = `bench_import_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/' + name;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await migrate(database.pool);
    await run(database);
  } finally {
    await database.close().catch(() => undefined);
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  }
}

async function main(): Promise<void> {
  const pglite = await openDatabase({ kind: 'pglite-memory' });
  await migrate(pglite.pool);
  await benchOn(pglite, 'PGlite in memory');
  await pglite.close();
  if (args.postgres) await withPostgres(args.postgres, (d) => benchOn(d, 'PostgreSQL'));
}

async function benchOn(database: Database, label: string): Promise<void> {
  const db = database.db;
  const today = toIsoDate(new Date());
  const agency = { code: 'B000000000', name: '效能測試機關' };
  const f = (n: number) => n.toFixed(0);
  console.log(`機關徵才匯入 ${ROWS} rows, ${label}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  for (const kind of ['xlsx', 'ods', 'csv'] as SheetKind[]) {
    const rows = Array.from({ length: ROWS }, (_, i) => validRow(today, i + 1, { workQuality: `大學以上畢業，具相關工作經驗者優先。熟悉文書處理軟體。第 ${i + 1} 列。`.repeat(3) }));
    const file = fillTemplate(templateFile(kind), kind, rows);
    const totals: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const actor = { kind: 'staff' as const, id: randomUUID(), ip: '127.0.0.1' };
      const t0 = performance.now();
      const parsed = readSheet(file, kind, MAX_IMPORT_ROWS);
      const t1 = performance.now();
      const checked = await checkImport(db, actor, agency, { filename: `bench.${kind}`, bytes: file, truncated: false }, new Date(), today);
      const t2 = performance.now();
      if (checked.kind !== 'staged') throw new Error(`not staged: ${JSON.stringify(checked).slice(0, 500)}`);
      const done = await confirmImport(db, actor, agency, checked.batchId, new Date(), today);
      const t3 = performance.now();
      if (!done.ok) throw new Error('confirm failed');
      if (!parsed.ok) throw new Error('parse failed');
      if (run === 0) continue; // warm-up
      totals.push(t3 - t1);
      console.log(`  ${kind} run ${run}: file ${(file.length / 1024).toFixed(0)} KiB · parse alone ${f(t1 - t0)} ms · 檢查 (check + parse + validate + stage) ${f(t2 - t1)} ms · 確認匯入 (${done.created.length} vacancies + audits, one transaction) ${f(t3 - t2)} ms · total ${f(t3 - t1)} ms`);
    }
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    console.log(`  ${kind}: mean total ${f(mean)} ms — goal < ${GOAL_MS} ms ${mean < GOAL_MS ? 'met' : 'NOT met'}`);
  }
}

await main();
