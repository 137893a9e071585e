// Fills `vacancies` with many jobs made from the real feed's vocabulary, fast, for the PUB-1 search
// benchmark (bench/search.bench.ts) and the EXPLAIN test (src/modules/vacancies/search.explain.test.ts).
//
// 1. The real 2016 DGPA feed (1,106 jobs, 527 agencies) is imported with its dates shifted to `today`.
// 2. The other rows are recombined from those: for row g, the job (title, 人員區分, 官等職等, 職系, access
//    mode, special conditions) of one real row, the agency of another, 資格條件 of a third, 工作項目 of a
//    fourth, the work places of a fifth — each picked by hashint8extended(g, seed), so the search texts
//    are new combinations with the real words in their real frequencies. Every validity window is
//    current (valid_from ≤ today ≤ valid_to), posted_at spreads over the last 120 days.
// 3. Bulk load: the secondary indexes are dropped, rows go in with INSERT … SELECT over generate_series
//    (one statement per `chunk` rows), the indexes are re-created from their own definitions
//    (pg_indexes.indexdef, so they are exactly the migrated ones), then ANALYZE.
// 4. The migrated bigrams() (0000_extensions.sql) is O(n²) in the text length: substr(lower(t), i, n) per
//    gram re-lowers the whole text and walks the multibyte string to i. Measured on the 1,106 real
//    search texts (~200 characters): 15 ms a row on PostgreSQL 15, 3.9 ms on PGlite, i.e. ~50 min to
//    index 200k rows on PostgreSQL. Unless `migratedBigrams` is set, the fill swaps in FAST_BIGRAMS_SQL
//    — the same grams in the same order, O(n) — for the index build and ANALYZE, restores the migrated
//    definition (with its COST) before returning, and checks both give the same arrays on sampled rows.
//    The index holds exactly what the migrated function computes; the benchmark runs on the migrated one.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Database } from '../src/platform/db/client.ts';
import { importFeed } from '../src/modules/vacancies/opendata/import.service.ts';

export const REAL_FEED = new URL('../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);

/** bigrams() body: every 1- and 2-character gram of lower(t) holding no white space, distinct, sorted. O(n). */
export const FAST_BIGRAMS_BODY = `
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
  FROM (
    SELECT c AS g FROM unnest(string_to_array(lower(t), NULL)) AS c
    UNION ALL
    SELECT c || lead(c) OVER (ORDER BY i) FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS x(c, i)
  ) grams
  WHERE g !~ '\\s'`;

export interface FillOptions {
  /** Rows in the table at the end (the real ones included). */
  rows: number;
  /** ISO date the validity windows are current on (the app's clock.today()). */
  today: string;
  /** Rows per INSERT statement; default 20,000. */
  chunk?: number;
  onProgress?: (message: string) => void;
  /** Build the index with the migrated (slow) bigrams() instead of swapping in FAST_BIGRAMS_BODY. */
  migratedBigrams?: boolean;
  /** false: leave out the two GIN indexes of search_text (the SQL keyword path; minutes to build at 200,000). */
  textIndexes?: boolean;
}

export interface FillResult {
  rows: number;
  realRows: number;
  ms: { import: number; insert: number; indexes: number; analyze: number; total: number };
  indexes: string[];
  /** How bigrams() was computed during the fill, and the rows whose arrays were compared afterwards. */
  bigrams: { swapped: boolean; checkedRows: number };
}

const INSERT = `
INSERT INTO vacancies (
  work_id, org_id, org_name, person_kind, person_kind_code, title, rank_text, grade_min, grade_max,
  sysnam_text, sysnam_code, number_of_text, headcount, gender_type, gender, work_place_text, work_places,
  valid_from, valid_to, is_handicap, is_original, is_local_original, is_traning, type_text, rank_types,
  vitae_email, resumes_by_email, work_quality, work_item, work_address, contact_method, access_mode,
  review_status, source, posted_at
)
SELECT
  '9' || lpad(g::text, 9, '0'), o.org_id, o.org_name, r.person_kind, r.person_kind_code, r.title, r.rank_text,
  r.grade_min, r.grade_max, r.sysnam_text, r.sysnam_code, r.number_of_text, r.headcount, r.gender_type, r.gender,
  p.work_place_text, p.work_places, d.valid_from, d.valid_to, r.is_handicap, r.is_original, r.is_local_original,
  r.is_traning, r.type_text, r.rank_types, o.vitae_email, o.resumes_by_email, q.work_quality, w.work_item,
  p.work_address, o.contact_method, r.access_mode, 'approved', 'demo',
  ((d.valid_from - 1)::timestamp + make_interval(mins => 480 + (g % 600)::int)) AT TIME ZONE 'Asia/Taipei'
FROM generate_series($1::int, $2::int) AS g
CROSS JOIN LATERAL (SELECT $3::date - (g % 120)::int AS valid_from, $3::date + 1 + (g % 180)::int AS valid_to) AS d
JOIN bench_src r ON r.i = 1 + ((hashint8extended(g::bigint, 1) % $4) + $4) % $4
JOIN bench_src o ON o.i = 1 + ((hashint8extended(g::bigint, 2) % $4) + $4) % $4
JOIN bench_src q ON q.i = 1 + ((hashint8extended(g::bigint, 3) % $4) + $4) % $4
JOIN bench_src w ON w.i = 1 + ((hashint8extended(g::bigint, 4) % $4) + $4) % $4
JOIN bench_src p ON p.i = 1 + ((hashint8extended(g::bigint, 5) % $4) + $4) % $4`;

/** Secondary indexes of vacancies (not the primary key nor the work_id unique index), as CREATE statements. */
async function secondaryIndexes(client: pg.PoolClient): Promise<{ name: string; def: string }[]> {
  const res = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'vacancies'
       AND indexname NOT IN ('vacancies_pkey', 'vacancies_work_id_uq') ORDER BY indexname`,
  );
  return res.rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
}

/** Compares the migrated bigrams() with FAST_BIGRAMS_BODY on `sample` rows (synthetic and real); throws on a difference. */
async function checkSameGrams(client: pg.PoolClient, sample: number): Promise<number> {
  await client.query(`CREATE OR REPLACE FUNCTION pg_temp.bench_bigrams_fast(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $body$${FAST_BIGRAMS_BODY}$body$`);
  const res = await client.query<{ n: number; differ: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE bigrams(search_text) IS DISTINCT FROM pg_temp.bench_bigrams_fast(search_text))::int AS differ
       FROM (SELECT search_text FROM vacancies ORDER BY hashtext(work_id) LIMIT $1) s`,
    [sample],
  );
  const { n, differ } = res.rows[0]!;
  if (differ > 0) throw new Error(`bigrams(): the fast definition differs from the migrated one on ${differ} of ${n} rows`);
  return n;
}

export async function fillSyntheticVacancies(database: Database, opts: FillOptions): Promise<FillResult> {
  const say = opts.onProgress ?? (() => undefined);
  const started = performance.now();
  const t0 = performance.now();
  const imported = await importFeed(database.db, readFileSync(REAL_FEED, 'utf8'), { source: 'demo', shiftDatesTo: opts.today });
  const realRows = imported.inserted + imported.updated + imported.unchanged;
  const importMs = performance.now() - t0;
  say(`imported the real feed: ${realRows} jobs in ${(importMs / 1000).toFixed(1)} s`);

  const client = await database.pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '${database.kind === 'pglite' ? '128MB' : '256MB'}'`);
    await client.query(`DROP TABLE IF EXISTS bench_src`);
    await client.query(`CREATE TEMP TABLE bench_src AS SELECT row_number() OVER (ORDER BY work_id)::int AS i, * FROM vacancies`);
    const n = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_src`)).rows[0]!.n;

    const dropped = await secondaryIndexes(client);
    for (const ix of dropped) await client.query(`DROP INDEX ${ix.name}`);
    const indexes = opts.textIndexes === false ? dropped.filter((ix) => !/^vacancies_search_/.test(ix.name)) : dropped;
    const migrated = (await client.query<{ def: string }>(`SELECT pg_get_functiondef('bigrams(text)'::regprocedure) AS def`)).rows[0]!.def;
    const swapped = opts.migratedBigrams !== true;

    const t1 = performance.now();
    const chunk = Math.max(1, opts.chunk ?? 20_000);
    const synthetic = Math.max(0, opts.rows - realRows);
    for (let from = 1; from <= synthetic; from += chunk) {
      const to = Math.min(synthetic, from + chunk - 1);
      await client.query(INSERT, [from, to, opts.today, n]);
      say(`inserted ${to + realRows} / ${opts.rows} rows (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
    }
    const insertMs = performance.now() - t1;

    let indexMs = 0;
    let analyzeMs = 0;
    if (swapped) await client.query(`CREATE OR REPLACE FUNCTION bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $body$${FAST_BIGRAMS_BODY}$body$`);
    try {
      const t2 = performance.now();
      for (const ix of indexes) {
        const t = performance.now();
        await client.query(ix.def);
        say(`built ${ix.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      indexMs = performance.now() - t2;
      const t3 = performance.now();
      await client.query(`DROP TABLE bench_src`);
      await client.query(`ANALYZE vacancies`);
      analyzeMs = performance.now() - t3;
    } finally {
      if (swapped) await client.query(migrated);
    }
    await client.query(`RESET maintenance_work_mem`);
    const checkedRows = swapped ? await checkSameGrams(client, database.kind === 'pglite' ? 300 : 200) : 0;
    if (swapped) say(`bigrams(): migrated definition restored; same grams as the fast one on ${checkedRows} sampled rows`);
    const rows = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies`)).rows[0]!.n;
    return {
      rows,
      realRows,
      ms: { import: importMs, insert: insertMs, indexes: indexMs, analyze: analyzeMs, total: performance.now() - started },
      indexes: indexes.map((i) => i.def),
      bigrams: { swapped, checkedRows },
    };
  } finally {
    client.release();
  }
}
