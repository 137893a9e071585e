// I/O of 機關徵才匯入 (AGY-7): the staged batch (scoped to its staff member and agency), a run of 職缺編號 in one
// statement, the vacancies inserted in chunks.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { workIdSerials } from '../vacancies/index.ts';
import { agencyImportBatches } from './agency-import.schema.ts';
import { insertVacancy, type VacancyInsert, type VacancyRow } from './agency.repo.ts';
import { vacancies } from '../vacancies/index.ts';

export type ImportBatch = typeof agencyImportBatches.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function stageBatch(q: Queryable, b: { staffId: string; agencyCode: string; fileName: string; rows: unknown[]; now: Date }): Promise<string> {
  // Batches nobody confirmed within a day are dropped on the way.
  await q.delete(agencyImportBatches).where(lt(agencyImportBatches.createdAt, new Date(b.now.getTime() - 86_400_000)));
  const [row] = await q
    .insert(agencyImportBatches)
    .values({ staffId: b.staffId, agencyCode: b.agencyCode, fileName: b.fileName, rowCount: b.rows.length, rows: b.rows, createdAt: b.now })
    .returning({ id: agencyImportBatches.id });
  return row!.id;
}

function scoped(id: string, staffId: string, agencyCode: string) {
  return and(eq(agencyImportBatches.id, id), eq(agencyImportBatches.staffId, staffId), eq(agencyImportBatches.agencyCode, agencyCode));
}

/** The batch of this staff member and agency; anything else (another's, unknown, malformed id) is null. */
export async function findBatch(q: Queryable, id: string, staffId: string, agencyCode: string): Promise<ImportBatch | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.select().from(agencyImportBatches).where(scoped(id, staffId, agencyCode)).limit(1);
  return row ?? null;
}

/** Takes the batch (delete … returning): of two concurrent confirms only one gets it. */
export async function takeBatch(q: Queryable, id: string, staffId: string, agencyCode: string): Promise<ImportBatch | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.delete(agencyImportBatches).where(scoped(id, staffId, agencyCode)).returning();
  return row ?? null;
}

/** `n` consecutive 職缺編號 of the month `yyyMM` in one atomic upsert (the serial's row lock). */
export async function nextWorkIds(q: Queryable, yyyMM: string, n: number): Promise<string[]> {
  const rows = await q
    .insert(workIdSerials)
    .values({ yyyMM, last: n })
    .onConflictDoUpdate({ target: workIdSerials.yyyMM, set: { last: sql`${workIdSerials.last} + ${n}` } })
    .returning({ last: workIdSerials.last });
  const last = rows[0]!.last;
  if (last > 99_999) throw new Error(`work id serial of ${yyyMM} exhausted`);
  return Array.from({ length: n }, (_, i) => `${yyyMM}${String(last - n + 1 + i).padStart(5, '0')}`);
}

/** Inserts the rows in chunks (one statement each), returning them in order. */
export async function insertVacancies(q: Queryable, rows: VacancyInsert[], chunk = 100): Promise<VacancyRow[]> {
  if (rows.length === 1) return [await insertVacancy(q, rows[0]!)];
  const out: VacancyRow[] = [];
  for (let i = 0; i < rows.length; i += chunk) out.push(...(await q.insert(vacancies).values(rows.slice(i, i + chunk)).returning()));
  return out;
}
