// Reads of the applicant list (ACS-1..ACS-4): the applications of one vacancy, from the frozen snapshot (APP-3).
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { applications, type ApplicationRow } from '../applications/index.ts';

const idOf = sql<string>`${applications.resumeSnapshot}->'data'->'basic'->>'idNumber'`;

export interface ListQuery {
  vacancyId: string;
  status: 'active' | 'cancelled';
  idNumber: string;
  page: number;
  size: number;
}

/** One page of a vacancy's applications (by 應徵時間), and how many match. */
export async function applicantPage(q: Queryable, f: ListQuery): Promise<{ total: number; rows: ApplicationRow[] }> {
  const where = and(eq(applications.vacancyId, f.vacancyId), eq(applications.status, f.status), f.idNumber ? eq(idOf, f.idNumber) : undefined);
  const [c] = await q.select({ n: count() }).from(applications).where(where);
  const rows = await q
    .select()
    .from(applications)
    .where(where)
    .orderBy(asc(applications.appliedAt), asc(applications.id))
    .limit(f.size)
    .offset((f.page - 1) * f.size);
  return { total: c?.n ?? 0, rows };
}

/** The applications of this vacancy among `ids` (another vacancy's ids are simply not found). */
export async function applicationsOf(q: Queryable, vacancyId: string, ids: readonly string[]): Promise<ApplicationRow[]> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return [];
  return q
    .select()
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), inArray(applications.id, uuids)))
    .orderBy(asc(applications.appliedAt), asc(applications.id));
}

/** Every active application of a vacancy (ACS-3 summaries, ACS-4 export). */
export async function activeApplications(q: Queryable, vacancyId: string): Promise<ApplicationRow[]> {
  return q
    .select()
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), eq(applications.status, 'active')))
    .orderBy(asc(applications.appliedAt), asc(applications.id));
}

/** ACS-2: the first 調閱 (a later one keeps the first date). */
export async function markViewed(q: Queryable, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await q.update(applications).set({ viewedAt: now }).where(and(inArray(applications.id, [...ids]), isNull(applications.viewedAt)));
}
