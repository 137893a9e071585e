// Writes feed vacancies: one INSERT … ON CONFLICT (work_id) DO UPDATE per batch, where the update happens
// only when a feed-owned column differs, so re-importing the same feed writes nothing (updated_at stays).
// Rows posted in this system (source form / bulk_import) are never overwritten by a feed.
import { getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { vacancies } from '../vacancy.schema.ts';
import type { FeedVacancy } from './feed.rules.ts';

/** The columns a feed owns (set on insert and on update). Review, deletion, attachments etc. are not. */
export const FEED_COLUMNS = [
  'orgId', 'orgName', 'personKind', 'personKindCode', 'title', 'rankText', 'gradeMin', 'gradeMax',
  'sysnamText', 'sysnamCode', 'numberOfText', 'headcount', 'reserveNum', 'genderType', 'gender',
  'workPlaceText', 'workPlaces', 'validFrom', 'validTo', 'isHandicap', 'isOriginal', 'isLocalOriginal',
  'isTraning', 'isTransfer', 'typeText', 'rankTypes', 'vitaeEmail', 'resumesByEmail', 'workQuality',
  'workItem', 'workAddress', 'contactMethod', 'urlLink', 'viewUrl', 'workType', 'accessMode', 'source',
  'postedAt', 'announceDate',
] as const satisfies readonly (keyof FeedVacancy)[];

/** Sources a feed may overwrite. */
export const FEED_SOURCES = ['opendata_import', 'demo'] as const;

/**
 * A change of announce_date alone (the same job in the next day's feed) is not a change: announce_date
 * records the feed that last inserted or changed the row.
 */
const COMPARED = FEED_COLUMNS.filter((c) => c !== 'announceDate');

const columns = getTableColumns(vacancies);
const excluded = (key: (typeof FEED_COLUMNS)[number]): SQL => sql.raw(`excluded."${columns[key].name}"`);

const SET: Record<string, SQL> = Object.fromEntries([
  ...FEED_COLUMNS.map((key) => [key, excluded(key)] as const),
  ['updatedAt', sql`now()`] as const,
]);

const CHANGED: SQL = sql`(${sql.join(
  COMPARED.map((key) => sql`${columns[key]}`),
  sql`, `,
)}) is distinct from (${sql.join(
  COMPARED.map((key) => excluded(key)),
  sql`, `,
)}) and ${inArray(vacancies.source, [...FEED_SOURCES])}`;

export interface UpsertOutcome {
  inserted: string[];
  updated: string[];
}

/** Inserts new work_ids, updates changed feed rows; work_ids in neither list were left as they were. */
export async function upsertFeedVacancies(q: Queryable, rows: readonly FeedVacancy[]): Promise<UpsertOutcome> {
  if (rows.length === 0) return { inserted: [], updated: [] };
  const returned = await q
    .insert(vacancies)
    .values(rows.map((r) => Object.fromEntries([['workId', r.workId], ...FEED_COLUMNS.map((k) => [k, r[k] ?? null])]) as FeedVacancy))
    .onConflictDoUpdate({ target: vacancies.workId, set: SET, setWhere: CHANGED })
    .returning({ workId: vacancies.workId, fresh: sql<boolean>`(xmax = 0)` });
  return {
    inserted: returned.filter((r) => r.fresh).map((r) => r.workId),
    updated: returned.filter((r) => !r.fresh).map((r) => r.workId),
  };
}

/** work_id → source of the stored vacancies among these work_ids. */
export async function sourcesOf(q: Queryable, workIds: readonly string[]): Promise<Map<string, string>> {
  if (workIds.length === 0) return new Map();
  const rows = await q
    .select({ workId: vacancies.workId, source: vacancies.source })
    .from(vacancies)
    .where(inArray(vacancies.workId, [...workIds]));
  return new Map(rows.map((r) => [r.workId, r.source]));
}
