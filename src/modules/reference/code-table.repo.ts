// Queries on the code tables of ADM-2 (code_entries, code_tables_version) and the back office's agency list.
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import type { RankType } from '../vacancies/index.ts';
import { agencies } from './agency.schema.ts';
import type { EntryTable } from './code-table.rules.ts';
import { codeEntries, codeTablesVersion } from './code-table.schema.ts';
import type { CodeTables, PersonKind, Sysnam } from './codes.ts';

export type CodeEntry = typeof codeEntries.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

/** Every row of the four tables, in display order, as the in-memory accessors hold them. */
export async function loadCodeTables(q: Queryable): Promise<CodeTables> {
  const rows = await q.select().from(codeEntries).orderBy(asc(codeEntries.tableName), asc(codeEntries.sortOrder), asc(codeEntries.code));
  const of = (t: EntryTable) => rows.filter((r) => r.tableName === t);
  return {
    workPlaces: of('work_place').map((r) => ({
      code: r.code,
      name: r.name,
      historical: r.historical ?? false,
      active: r.active,
      ...(r.currentCode ? { currentCode: r.currentCode } : {}),
    })),
    sysnam: of('sysnam').map((r) => ({ code: r.code, name: r.name, class: (r.sysnamClass ?? null) as Sysnam['class'], active: r.active })),
    rankTypes: of('rank_type').map((r) => ({ name: r.code as RankType, grades: r.grades ?? [], active: r.active })),
    personKinds: of('person_kind').map((r) => ({
      code: r.code,
      name: r.name,
      codeSource: (r.codeSource ?? 'backoffice') as PersonKind['codeSource'],
      openAccess: r.openAccess ?? false,
      active: r.active,
    })),
  };
}

export async function readCodeTablesVersion(q: Queryable): Promise<number> {
  const rows = await q.select({ version: codeTablesVersion.version }).from(codeTablesVersion).where(eq(codeTablesVersion.id, 1));
  return rows[0]?.version ?? 0;
}

/** In the transaction of a change: moves the version every web process watches. */
export async function bumpCodeTablesVersion(q: Queryable): Promise<number> {
  const rows = await q
    .insert(codeTablesVersion)
    .values({ id: 1, version: 2 })
    .onConflictDoUpdate({ target: codeTablesVersion.id, set: { version: sql`${codeTablesVersion.version} + 1` } })
    .returning({ version: codeTablesVersion.version });
  return rows[0]!.version;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listEntries(q: Queryable, table: EntryTable, opts: { q: string; page: number; size: number }): Promise<{ rows: CodeEntry[]; total: number }> {
  const where: SQL = opts.q ? and(eq(codeEntries.tableName, table), or(ilike(codeEntries.code, like(opts.q)), ilike(codeEntries.name, like(opts.q))))! : eq(codeEntries.tableName, table);
  const [rows, totals] = await Promise.all([
    q.select().from(codeEntries).where(where).orderBy(asc(codeEntries.sortOrder), asc(codeEntries.code)).limit(opts.size).offset((opts.page - 1) * opts.size),
    q.select({ n: count() }).from(codeEntries).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findEntry(q: Queryable, table: EntryTable, code: string, forUpdate = false): Promise<CodeEntry | null> {
  const query = q.select().from(codeEntries).where(and(eq(codeEntries.tableName, table), eq(codeEntries.code, code))).limit(1);
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function nextSortOrder(q: Queryable, table: EntryTable): Promise<number> {
  const rows = await q.select({ n: sql<number>`coalesce(max(${codeEntries.sortOrder}), -1) + 1` }).from(codeEntries).where(eq(codeEntries.tableName, table));
  return Number(rows[0]?.n ?? 0);
}

export async function insertEntry(q: Queryable, row: typeof codeEntries.$inferInsert): Promise<boolean> {
  const r = await q.insert(codeEntries).values(row).onConflictDoNothing().returning({ code: codeEntries.code });
  return r.length === 1;
}

export async function updateEntry(q: Queryable, table: EntryTable, code: string, set: Partial<typeof codeEntries.$inferInsert>, now: Date): Promise<void> {
  await q.update(codeEntries).set({ ...set, updatedAt: now }).where(and(eq(codeEntries.tableName, table), eq(codeEntries.code, code)));
}

export async function listAgencyPage(q: Queryable, opts: { q: string; page: number; size: number }): Promise<{ rows: AgencyRow[]; total: number }> {
  const where = opts.q ? or(ilike(agencies.code, like(opts.q)), ilike(agencies.name, like(opts.q))) : undefined;
  const [rows, totals] = await Promise.all([
    q.select().from(agencies).where(where).orderBy(asc(agencies.code)).limit(opts.size).offset((opts.page - 1) * opts.size),
    q.select({ n: count() }).from(agencies).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findAgencyRow(q: Queryable, code: string, forUpdate = false): Promise<AgencyRow | null> {
  const query = q.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The parent of every agency on the chain above `code` (for the cycle check): code → parent. */
export async function agencyParents(q: Queryable, code: string): Promise<Map<string, string | null>> {
  const rows = await q.execute<{ code: string; parent_code: string | null }>(sql`
    with recursive up(code, parent_code, depth) as (
      select code, parent_code, 0 from agencies where code = ${code}
      union all
      select a.code, a.parent_code, up.depth + 1 from agencies a join up on a.code = up.parent_code where up.depth < 50
    ) select code, parent_code from up`);
  return new Map(rows.rows.map((r) => [r.code, r.parent_code]));
}

export async function insertAgencyRow(q: Queryable, row: typeof agencies.$inferInsert): Promise<boolean> {
  const r = await q.insert(agencies).values(row).onConflictDoNothing().returning({ code: agencies.code });
  return r.length === 1;
}

export async function updateAgencyRow(q: Queryable, code: string, set: Partial<typeof agencies.$inferInsert>, now: Date): Promise<void> {
  await q.update(agencies).set({ ...set, updatedAt: now }).where(eq(agencies.code, code));
}


/** Vacancies (not deleted) that name this code: shown when it is 停用 (they keep showing its name). */
export async function countVacanciesUsing(q: Queryable, table: EntryTable | 'agency', code: string): Promise<number> {
  const cond =
    table === 'agency'
      ? sql`org_id = ${code}`
      : table === 'work_place'
        ? sql`${code} = any(work_places)`
        : table === 'sysnam'
          ? sql`sysnam_code = ${code}`
          : table === 'person_kind'
            ? sql`person_kind_code = ${code}`
            : sql`${code} = any(rank_types)`;
  const r = await q.execute<{ n: string | number }>(sql`select count(*) as n from vacancies where deleted_at is null and ${cond}`);
  return Number(r.rows[0]?.n ?? 0);
}
