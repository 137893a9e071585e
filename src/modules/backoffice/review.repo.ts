// I/O of the back office's review (ADM-1): the queue, the search over every agency's vacancies, one vacancy, the
// verdict written with updated_at (the public search's change log, migration 0008, sees it at once).
import { and, asc, count, desc, eq, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { vacancies } from '../vacancies/index.ts';
import { PAGE_SIZE, type VacancySearch } from './vacancy-search.query.ts';

export type VacancyRow = typeof vacancies.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Posted on Taipei day `iso` or later / before the day after `iso`. */
const taipeiDay = (iso: string) => sql`(${iso}::date::timestamp AT TIME ZONE 'Asia/Taipei')`;

const listColumns = {
  id: vacancies.id,
  workId: vacancies.workId,
  orgId: vacancies.orgId,
  orgName: vacancies.orgName,
  title: vacancies.title,
  postedAt: vacancies.postedAt,
  validFrom: vacancies.validFrom,
  validTo: vacancies.validTo,
  reviewStatus: vacancies.reviewStatus,
  reviewReason: vacancies.reviewReason,
  deletedAt: vacancies.deletedAt,
  takenDownAt: vacancies.takenDownAt,
  takenDownReason: vacancies.takenDownReason,
  source: vacancies.source,
};
export type VacancyListItem = Pick<VacancyRow, keyof typeof listColumns>;

function stateCondition(state: VacancySearch['state']): SQL | undefined {
  switch (state) {
    case 'deleted':
      return isNotNull(vacancies.deletedAt);
    case 'taken_down':
      return and(isNull(vacancies.deletedAt), isNotNull(vacancies.takenDownAt));
    case '':
      return undefined;
    default:
      return and(isNull(vacancies.deletedAt), isNull(vacancies.takenDownAt), eq(vacancies.reviewStatus, state));
  }
}

function searchWhere(f: VacancySearch): SQL | undefined {
  const parts: (SQL | undefined)[] = [stateCondition(f.state)];
  if (f.workId) parts.push(eq(vacancies.workId, f.workId));
  if (f.agency) parts.push(or(eq(vacancies.orgId, f.agency), ilike(vacancies.orgName, like(f.agency))));
  if (f.keyword) parts.push(or(ilike(vacancies.title, like(f.keyword)), ilike(vacancies.workQuality, like(f.keyword)), ilike(vacancies.workItem, like(f.keyword))));
  if (f.from) parts.push(gte(vacancies.postedAt, taipeiDay(f.from)));
  if (f.to) parts.push(lt(vacancies.postedAt, taipeiDay(addDays(f.to, 1))));
  if (f.source) parts.push(eq(vacancies.source, f.source));
  return and(...parts);
}

/** Every agency's vacancies matching the search, newest first, one page. */
export async function searchAllVacancies(q: Queryable, f: VacancySearch): Promise<{ total: number; rows: VacancyListItem[] }> {
  const where = searchWhere(f);
  const [n] = await q.select({ n: count() }).from(vacancies).where(where);
  const rows = await q
    .select(listColumns)
    .from(vacancies)
    .where(where)
    .orderBy(desc(vacancies.postedAt), desc(vacancies.workId))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return { total: n?.n ?? 0, rows };
}

/** The review queue: vacancies the automatic check held back (flagged), oldest first. */
export async function reviewQueue(q: Queryable, page: number): Promise<{ total: number; rows: VacancyListItem[] }> {
  const where = and(eq(vacancies.reviewStatus, 'flagged'), isNull(vacancies.deletedAt), isNull(vacancies.takenDownAt));
  const [n] = await q.select({ n: count() }).from(vacancies).where(where);
  const rows = await q.select(listColumns).from(vacancies).where(where).orderBy(asc(vacancies.postedAt), asc(vacancies.workId)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE);
  return { total: n?.n ?? 0, rows };
}

/** Any vacancy by id or 職缺編號 (the back office reaches every agency's), or null. `lock`: FOR UPDATE. */
export async function findAnyVacancy(q: Queryable, idOrWorkId: string, lock = false): Promise<VacancyRow | null> {
  const where = UUID.test(idOrWorkId) ? eq(vacancies.id, idOrWorkId) : /^\d{10}$/.test(idOrWorkId) ? eq(vacancies.workId, idOrWorkId) : undefined;
  if (!where) return null;
  const base = q.select().from(vacancies).where(where).limit(1);
  const [row] = lock ? await base.for('update') : await base;
  return row ?? null;
}

export async function writeVerdict(q: Queryable, id: string, changes: Partial<typeof vacancies.$inferInsert>, now: Date): Promise<void> {
  await q.update(vacancies).set({ ...changes, updatedAt: now }).where(eq(vacancies.id, id));
}
