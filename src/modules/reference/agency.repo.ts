// Queries on the agencies code table (ADM-2). Names are matched the way agency.rules.ts agencyNameKey
// does: NFKC and no whitespace, so 「臺北市政府 財政局」 finds 「臺北市政府財政局」.
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { agencyNameKey } from './agency.rules.ts';
import { agencies } from './agency.schema.ts';
import { referenceAgencies } from './codes.ts';

export type Agency = typeof agencies.$inferSelect;

export interface AgencyInput {
  readonly code: string;
  readonly name: string;
  /** null or absent: keep the stored value (an upsert never erases an address or parent). */
  readonly address?: string | null;
  readonly parentCode?: string | null;
  /** Used when the agency is inserted; an upsert does not reactivate or deactivate an agency. */
  readonly active?: boolean;
  readonly codeKnown?: boolean;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const BATCH = 500;

/** The SQL twin of agencyNameKey. */
const nameKeySql: SQL = sql`regexp_replace(normalize(${agencies.name}, NFKC), '\\s+', '', 'g')`;

/** Best first: a real code before a synthetic one, an active agency before an inactive one. */
const preference = [desc(agencies.codeKnown), desc(agencies.active), asc(agencies.code)];

/**
 * Inserts new codes; for codes already stored, sets name and code_known, and address / parent_code when
 * the input gives them. updated_at moves only when something changed. With keepExisting, stored
 * agencies are left exactly as they are (the importer uses this: the back office owns the table).
 */
export async function upsertAgencies(
  q: Queryable,
  rows: readonly AgencyInput[],
  opts: { keepExisting?: boolean } = {},
): Promise<UpsertCounts> {
  const unique = [...new Map(rows.map((r) => [r.code, r])).values()];
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < unique.length; i += BATCH) {
    const values = unique.slice(i, i + BATCH).map((r) => ({
      code: r.code,
      name: r.name,
      address: r.address ?? null,
      parentCode: r.parentCode ?? null,
      active: r.active ?? true,
      codeKnown: r.codeKnown ?? true,
    }));
    const insert = q.insert(agencies).values(values);
    const returned = opts.keepExisting
      ? await insert.onConflictDoNothing({ target: agencies.code }).returning({ code: agencies.code, fresh: sql<boolean>`true` })
      : await insert
          .onConflictDoUpdate({
            target: agencies.code,
            set: {
              name: sql`excluded.name`,
              codeKnown: sql`excluded.code_known`,
              address: sql`coalesce(excluded.address, ${agencies.address})`,
              parentCode: sql`coalesce(excluded.parent_code, ${agencies.parentCode})`,
              updatedAt: sql`now()`,
            },
            setWhere: sql`(${agencies.name}, ${agencies.codeKnown}, ${agencies.address}, ${agencies.parentCode})
              is distinct from (excluded.name, excluded.code_known, coalesce(excluded.address, ${agencies.address}),
              coalesce(excluded.parent_code, ${agencies.parentCode}))`,
          })
          .returning({ code: agencies.code, fresh: sql<boolean>`(xmax = 0)` });
    const inserted = returned.filter((r) => r.fresh).length;
    counts.inserted += inserted;
    counts.updated += returned.length - inserted;
    counts.unchanged += values.length - returned.length;
  }
  return counts;
}

/** Stores the committed seed agencies (data/agencies.json) that are not in the table yet. */
export async function seedReferenceAgencies(q: Queryable): Promise<UpsertCounts> {
  return upsertAgencies(q, referenceAgencies(), { keepExisting: true });
}

export async function findAgency(q: Queryable, code: string): Promise<Agency | null> {
  const rows = await q.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return rows[0] ?? null;
}

/** The agency with this name (whitespace and full-width forms ignored); a real code is preferred. */
export async function findAgencyByName(q: Queryable, name: string): Promise<Agency | null> {
  const key = agencyNameKey(name);
  if (key === '') return null;
  const exact = await q.select().from(agencies).where(eq(agencies.name, name.trim())).orderBy(...preference).limit(1);
  if (exact[0]) return exact[0];
  const loose = await q.select().from(agencies).where(sql`${nameKeySql} = ${key}`).orderBy(...preference).limit(1);
  return loose[0] ?? null;
}

/** For many names at once: name key (agencyNameKey) → the preferred agency of that name. */
export async function findAgenciesByNames(q: Queryable, names: readonly string[]): Promise<Map<string, Agency>> {
  const keys = [...new Set(names.map(agencyNameKey).filter((k) => k !== ''))];
  const found = new Map<string, Agency>();
  if (keys.length === 0) return found;
  const rows = await q
    .select()
    .from(agencies)
    .where(sql`${nameKeySql} = any(${sql.param(keys)}::text[])`)
    .orderBy(...preference);
  for (const row of rows) {
    const key = agencyNameKey(row.name);
    if (!found.has(key)) found.set(key, row);
  }
  return found;
}

/** Agencies in code order; activeOnly leaves out those the back office has deactivated. */
export async function listAgencies(q: Queryable, opts: { activeOnly?: boolean } = {}): Promise<Agency[]> {
  const query = q.select().from(agencies);
  return opts.activeOnly ? query.where(eq(agencies.active, true)).orderBy(asc(agencies.code)) : query.orderBy(asc(agencies.code));
}
