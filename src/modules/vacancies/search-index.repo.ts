// Reads for the in-process search index (search-index.ts): the candidate vacancies and the change log of
// migration 0008 (vacancy_search_version, vacancy_search_changes, filled by triggers on vacancies).
import type pg from 'pg';
import { foldCompact, foldSearchText } from './search-fold.rules.ts';
import type { IndexedVacancy } from './search-index.ts';
import type { VacancySource } from './vacancy.schema.ts';

/** Versions the change log keeps (migration 0008 prunes older ones): a process further behind reloads all. */
export const SEARCH_LOG_KEEP = 50_000;

const COLUMNS = `id, work_id, posted_at, title, org_name, sysnam_text, rank_text, work_places, work_place_text,
  valid_from, valid_to, sysnam_code, person_kind, person_kind_code, grade_min, grade_max, rank_types, access_mode,
  is_handicap, is_original, is_local_original, is_traning, work_quality, work_item, source`;
/** Candidates: what may be published on any day from `$1` on (the day's own check is the index's). */
const CANDIDATE = `review_status = 'approved' AND deleted_at IS NULL AND taken_down_at IS NULL AND valid_to >= $1::date`;

interface DbRow {
  id: string;
  work_id: string;
  posted_at: Date;
  title: string;
  org_name: string;
  sysnam_text: string;
  rank_text: string;
  work_places: string[];
  work_place_text: string;
  valid_from: string;
  valid_to: string;
  sysnam_code: string | null;
  person_kind: string;
  person_kind_code: string | null;
  grade_min: number | null;
  grade_max: number | null;
  rank_types: string[];
  access_mode: string;
  is_handicap: boolean;
  is_original: boolean;
  is_local_original: boolean;
  is_traning: boolean;
  work_quality: string;
  work_item: string;
  source: VacancySource;
}

function toIndexed(r: DbRow): IndexedVacancy {
  return {
    id: r.id,
    workId: r.work_id,
    postedAt: r.posted_at,
    title: r.title,
    orgName: r.org_name,
    sysnamText: r.sysnam_text,
    rankText: r.rank_text,
    workPlaces: r.work_places,
    workPlaceText: r.work_place_text,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    sysnamCode: r.sysnam_code,
    personKind: r.person_kind,
    personKindCode: r.person_kind_code,
    gradeMin: r.grade_min,
    gradeMax: r.grade_max,
    rankTypes: r.rank_types,
    accessMode: r.access_mode,
    isHandicap: r.is_handicap,
    isOriginal: r.is_original,
    isLocalOriginal: r.is_local_original,
    isTraning: r.is_traning,
    source: r.source,
    // As search_text (vacancy.schema.ts SEARCH_TEXT_SQL): title, agency, 資格條件, 工作項目; folded.
    text: foldSearchText(`${r.title} ${r.org_name} ${r.work_quality} ${r.work_item}`),
    org: foldCompact(r.org_name),
  };
}

/** The change-log version now (one primary-key row). */
export async function readSearchVersion(pool: pg.Pool): Promise<number> {
  const res = await pool.query<{ v: string }>('SELECT version::text AS v FROM vacancy_search_version');
  return Number(res.rows[0]?.v ?? 0);
}

/** Runs `fn` in one read-only REPEATABLE READ transaction: the version and the rows come from one snapshot. */
async function inSnapshot<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function versionIn(client: pg.PoolClient): Promise<number> {
  return Number((await client.query<{ v: string }>('SELECT version::text AS v FROM vacancy_search_version')).rows[0]?.v ?? 0);
}

/** Every candidate vacancy for days from `fromDay` on, and the version they are current at. */
export async function loadSearchCandidates(pool: pg.Pool, fromDay: string): Promise<{ version: number; rows: IndexedVacancy[] }> {
  return inSnapshot(pool, async (client) => {
    const version = await versionIn(client);
    const res = await client.query<DbRow>(`SELECT ${COLUMNS} FROM vacancies WHERE ${CANDIDATE}`, [fromDay]);
    return { version, rows: res.rows.map(toIndexed) };
  });
}

export type SearchDelta =
  | { kind: 'none'; version: number }
  /** Too far behind, or the table was truncated: load everything. */
  | { kind: 'reload'; version: number }
  /** Each changed id: its row if it is still a candidate, else null. */
  | { kind: 'changes'; version: number; changes: Map<string, IndexedVacancy | null> };

/** What changed after version `since`, for candidates from `fromDay` on. `maxIds`: more changed ids → reload. */
export async function loadSearchDelta(pool: pg.Pool, since: number, fromDay: string, maxIds: number): Promise<SearchDelta> {
  return inSnapshot(pool, async (client) => {
    const version = await versionIn(client);
    if (version === since) return { kind: 'none', version };
    if (version - since >= SEARCH_LOG_KEEP || version < since) return { kind: 'reload', version };
    const logged = await client.query<{ vacancy_id: string | null }>(
      'SELECT DISTINCT vacancy_id FROM vacancy_search_changes WHERE version > $1 AND version <= $2 LIMIT $3',
      [since, version, maxIds + 1],
    );
    if (logged.rows.length > maxIds || logged.rows.some((r) => r.vacancy_id === null)) return { kind: 'reload', version };
    const ids = logged.rows.map((r) => r.vacancy_id!);
    const changes = new Map<string, IndexedVacancy | null>(ids.map((id) => [id, null]));
    if (ids.length) {
      const res = await client.query<DbRow>(`SELECT ${COLUMNS} FROM vacancies WHERE ${CANDIDATE} AND id = ANY($2::uuid[])`, [fromDay, ids]);
      for (const row of res.rows) changes.set(row.id, toIndexed(row));
    }
    return { kind: 'changes', version, changes };
  });
}
