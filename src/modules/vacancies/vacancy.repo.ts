// Queries on vacancies. Published = approved ∧ not deleted ∧ valid_from ≤ today ≤ valid_to (DOMAIN.md).
import { and, arrayOverlaps, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { vacancies } from './vacancy.schema.ts';
import { escapeLike, keywordTerms, type SearchCriteria } from './search.rules.ts';

export function publishedOn(today: string): SQL {
  return and(eq(vacancies.reviewStatus, 'approved'), isNull(vacancies.deletedAt), lte(vacancies.validFrom, today), gte(vacancies.validTo, today))!;
}

function keywordCondition(keyword: string): SQL | undefined {
  const parts = keywordTerms(keyword).map((term) =>
    term.index === 'bigram'
      ? sql`bigrams(${vacancies.searchText}) @> ARRAY[${term.text}]::text[]`
      : sql`${vacancies.searchText} LIKE ${'%' + escapeLike(term.text) + '%'}`,
  );
  return parts.length ? and(...parts) : undefined;
}

export function searchConditions(c: Pick<SearchCriteria, 'keyword' | 'place'>, today: string): SQL {
  const conds: (SQL | undefined)[] = [publishedOn(today), keywordCondition(c.keyword)];
  if (c.place.length) conds.push(arrayOverlaps(vacancies.workPlaces, c.place));
  return and(...conds)!;
}

export const listColumns = {
  id: vacancies.id,
  workId: vacancies.workId,
  postedAt: vacancies.postedAt,
  title: vacancies.title,
  orgName: vacancies.orgName,
  sysnamText: vacancies.sysnamText,
  rankText: vacancies.rankText,
  workPlaces: vacancies.workPlaces,
  workPlaceText: vacancies.workPlaceText,
  validFrom: vacancies.validFrom,
  validTo: vacancies.validTo,
};
export type VacancyListRow = { [K in keyof typeof listColumns]: (typeof vacancies.$inferSelect)[K] };

export async function searchPublished(q: Queryable, c: SearchCriteria, today: string): Promise<{ total: number; rows: VacancyListRow[] }> {
  const where = searchConditions(c, today);
  const [count] = await q.select({ n: sql<number>`count(*)::int` }).from(vacancies).where(where);
  const rows = await q
    .select(listColumns)
    .from(vacancies)
    .where(where)
    .orderBy(desc(vacancies.postedAt), desc(vacancies.workId))
    .limit(c.size)
    .offset((c.page - 1) * c.size);
  return { total: count?.n ?? 0, rows };
}
