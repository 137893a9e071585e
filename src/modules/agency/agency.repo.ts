// I/O of 機關徵才登錄: the 職缺編號 serial, this agency's list, insert / update / soft delete of a vacancy row.
// Plain row writes with updated_at set: the public search's change log and the open-data cache notice them.
import { and, count, desc, eq, gte, ilike, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { staffUsers } from '../ecpa/index.ts';
import { vacancies, workIdSerials } from '../vacancies/index.ts';


export type VacancyRow = typeof vacancies.$inferSelect;
export type VacancyInsert = typeof vacancies.$inferInsert;

/**
 * The next 職缺編號 of the month `yyyMM` (ROC year + month, e.g. 11512): yyyMM + a 5-digit serial. One atomic
 * upsert: concurrent callers each get their own serial (the row lock of ON CONFLICT DO UPDATE).
 */
export async function nextWorkId(q: Queryable, yyyMM: string): Promise<string> {
  const rows = await q
    .insert(workIdSerials)
    .values({ yyyMM, last: 1 })
    .onConflictDoUpdate({ target: workIdSerials.yyyMM, set: { last: sql`${workIdSerials.last} + 1` } })
    .returning({ last: workIdSerials.last });
  const n = rows[0]!.last;
  if (n > 99_999) throw new Error(`work id serial of ${yyyMM} exhausted`);
  return `${yyyMM}${String(n).padStart(5, '0')}`;
}

export interface ListQuery {
  agencyCode: string;
  /** 'current': 迄日仍有效之職缺 (validTo ≥ today); 'history': 歷史職缺 (validTo < today). */
  view: 'current' | 'history';
  from: string | null;
  to: string | null;
  workId: string;
  keyword: string;
  page: number;
  size: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listWhere(c: ListQuery, today: string): SQL {
  const parts: SQL[] = [eq(vacancies.orgId, c.agencyCode), isNull(vacancies.deletedAt)];
  parts.push(c.view === 'history' ? lt(vacancies.validTo, today) : gte(vacancies.validTo, today));
  if (c.from) parts.push(gte(vacancies.validTo, c.from));
  if (c.to) parts.push(lte(vacancies.validFrom, c.to));
  if (c.workId) parts.push(eq(vacancies.workId, c.workId));
  if (c.keyword) {
    const p = `%${escapeLike(c.keyword)}%`;
    parts.push(or(ilike(vacancies.title, p), ilike(vacancies.workQuality, p), ilike(vacancies.workItem, p))!);
  }
  return and(...parts)!;
}

/** AGY-1: this agency's vacancies, newest first, one page. */
export async function listAgencyVacancies(q: Queryable, c: ListQuery, today: string): Promise<{ total: number; rows: VacancyRow[] }> {
  const where = listWhere(c, today);
  const [n] = await q.select({ n: count() }).from(vacancies).where(where);
  const rows = await q
    .select()
    .from(vacancies)
    .where(where)
    .orderBy(desc(vacancies.postedAt), desc(vacancies.workId))
    .limit(c.size)
    .offset((c.page - 1) * c.size);
  return { total: n?.n ?? 0, rows };
}

export async function insertVacancy(q: Queryable, v: VacancyInsert): Promise<VacancyRow> {
  const [row] = await q.insert(vacancies).values(v).returning();
  return row!;
}

export async function updateVacancy(q: Queryable, id: string, changes: Partial<VacancyInsert>, now: Date): Promise<void> {
  await q.update(vacancies).set({ ...changes, updatedAt: now }).where(eq(vacancies.id, id));
}

export async function softDeleteVacancy(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(vacancies).set({ deletedAt: now, deletedReason: 'agency', updatedAt: now }).where(and(eq(vacancies.id, id), isNull(vacancies.deletedAt)));
}

/** The staff member's name and e-mail (填寫人 pre-filled). */
export async function staffContact(q: Queryable, id: string): Promise<{ name: string; email: string | null } | null> {
  const [row] = await q.select({ name: staffUsers.name, email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}
