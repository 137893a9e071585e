// Queries on vacancies. Published = approved ∧ not deleted ∧ valid_from ≤ today ≤ valid_to (DOMAIN.md).
// PUB-1 search: keyword terms (and the 機關名稱 text) are found through the two GIN indexes of
// search_text — vacancies_search_bigram_idx (bigrams(search_text) @> grams) for 1–2 characters,
// vacancies_search_trgm_idx (LIKE) for 3+ — so a keyword query never reads the whole table
// (search.explain.test.ts; bench/search.bench.ts at 200k rows).
import { and, arrayOverlaps, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { personKindName, sysnamName } from '../reference/index.ts';
import { vacancies } from './vacancy.schema.ts';
import { foldCompact, VARIANT_FOLDS } from './search-fold.rules.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { manageScope } from './vacancy.policy.ts';
import {
  EMPTY_FILTERS,
  KEYWORD_TERMS_MAX,
  containsPattern,
  splitTerms,
  keywordTerms,
  postedRange,
  termForm,
  type SearchCriteria,
  type SearchFilters,
  type SpecialCondition,
  type TermForm,
} from './search.rules.ts';

export function publishedOn(today: string): SQL {
  return and(eq(vacancies.reviewStatus, 'approved'), isNull(vacancies.deletedAt), isNull(vacancies.takenDownAt), lte(vacancies.validFrom, today), gte(vacancies.validTo, today))!;
}

/**
 * search_text holds `form`: through vacancies_search_trgm_idx (LIKE, 3+ characters) or vacancies_search_bigram_idx
 * (bigrams(search_text) @> grams, 1–2 characters; longer terms pg_trgm cannot index add a LIKE).
 * `besideTrigram`: the search also has a trigram condition. A trigram match is lossy, so PostgreSQL
 * rechecks every condition of that bitmap heap scan on each candidate row; a bigram condition there
 * would compute bigrams() row by row (2–15 ms a row: 「約僱 護理師」 took 13.9 s at 200k rows). Then
 * 1–2 character terms are plain LIKE on the rows the trigram index found (the same match: search_text
 * contains the term ⇔ its grams contain it), and no bigrams() is computed at all.
 */
function searchTextHas(form: TermForm, besideTrigram = false): SQL {
  const like = sql`${vacancies.searchText} LIKE ${containsPattern(form.text)}`;
  if (form.index === 'trigram' || besideTrigram) return like;
  const grams = sql`bigrams(${vacancies.searchText}) @> ARRAY[${sql.join(
    form.grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;
  return form.exact ? grams : and(grams, like)!;
}

function anyOf(parts: SQL[]): SQL {
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

/** The written forms of the 機關名稱 text: as typed and NFKC, lower-cased, no white space. */
function orgForms(org: string): string[] {
  const typed = org.replace(/\s+/gu, '');
  return typed === '' ? [] : [...new Set([typed.normalize('NFKC').toLowerCase(), typed.toLowerCase()])];
}

/** True when a keyword or 機關名稱 form goes through the trigram index. */
function hasTrigramForm(c: SearchFilterInput): boolean {
  return keywordTerms(c.keyword).some((t) => t.forms.some((f) => f.index === 'trigram')) || orgForms(c.org ?? '').some((o) => termForm(o).index === 'trigram');
}

function keywordCondition(keyword: string, besideTrigram: boolean): SQL | undefined {
  const terms = keywordTerms(keyword).map((term) => anyOf(term.forms.map((f) => searchTextHas(f, besideTrigram))));
  return terms.length ? and(...terms) : undefined;
}

const FOLD_FROM = Object.keys(VARIANT_FOLDS).join('');
const FOLD_TO = Object.values(VARIANT_FOLDS).join('');

/**
 * Keyword terms matched the way the in-process index matches them (search-fold.rules.ts: NFKC, lower case, 台 = 臺
 * and the other VARIANT_FOLDS): each term folded with foldCompact, search_text folded in SQL by normalize(NFKC),
 * lower() and translate(). No index serves the folded text: use it only beside a condition that narrows the rows
 * first (the 電子報 digest: jobs posted since the subscriber's last mail, through vacancies_posted_idx).
 */
function foldedKeywordCondition(keyword: string): SQL | undefined {
  const terms = [...new Set(splitTerms(keyword).map(foldCompact).filter(Boolean))].slice(0, KEYWORD_TERMS_MAX);
  if (terms.length === 0) return undefined;
  const folded = sql`translate(lower(normalize(${vacancies.searchText}, NFKC)), ${FOLD_FROM}, ${FOLD_TO})`;
  return and(...terms.map((term) => sql`${folded} LIKE ${containsPattern(term)}`));
}

/**
 * 機關名稱 contains the text. search_text starts with title and org_name, so the index narrows the rows
 * and org_name confirms where the text was found.
 */
function orgCondition(org: string, besideTrigram: boolean): SQL | undefined {
  const forms = orgForms(org);
  if (forms.length === 0) return undefined;
  return anyOf(forms.map((text) => and(searchTextHas(termForm(text), besideTrigram), sql`lower(${vacancies.orgName}) LIKE ${containsPattern(text)}`)!));
}

/**
 * 職系: the code; for rows whose 職系 text named no single current 職系 (lists such as
 * 「建築工程職系、土木工程職系」), the text containing the name. 0100 無 matches the code only.
 */
function sysnamCondition(code: string): SQL {
  const name = sysnamName(code);
  if (code === '0100' || name === null) return eq(vacancies.sysnamCode, code);
  return or(eq(vacancies.sysnamCode, code), and(isNull(vacancies.sysnamCode), sql`${vacancies.sysnamText} LIKE ${containsPattern(name)}`))!;
}

function personKindCondition(code: string): SQL {
  const name = personKindName(code);
  return name === null ? eq(vacancies.personKindCode, code) : or(eq(vacancies.personKindCode, code), and(isNull(vacancies.personKindCode), eq(vacancies.personKind, name)))!;
}

const SPECIAL_COLUMNS = {
  handicap: vacancies.isHandicap,
  original: vacancies.isOriginal,
  local_original: vacancies.isLocalOriginal,
  traning: vacancies.isTraning,
} as const satisfies Record<SpecialCondition, unknown>;

/** Filters as callers give them: keyword and place (the first version's), any other filter left out is unset. */
export type SearchFilterInput = Pick<SearchFilters, 'keyword' | 'place'> & Partial<SearchFilters>;
/** A search with its page. */
export type SearchInput = SearchFilterInput & Pick<SearchCriteria, 'page'> & { size: number };

/**
 * The published jobs matching the filters. `fold`: keyword terms match folded text (台 = 臺, NFKC) as the web
 * search's in-process index does, without the GIN indexes (foldedKeywordCondition: for narrow row sets only).
 */
export function searchConditions(c: SearchFilterInput, today: string, opts: { fold?: boolean } = {}): SQL {
  const f: SearchFilters = { ...EMPTY_FILTERS, ...c };
  const besideTrigram = hasTrigramForm(f);
  const keyword = opts.fold ? foldedKeywordCondition(f.keyword) : keywordCondition(f.keyword, besideTrigram);
  const conds: (SQL | undefined)[] = [publishedOn(today), keyword, orgCondition(f.org, besideTrigram)];
  if (f.place.length) conds.push(arrayOverlaps(vacancies.workPlaces, f.place));
  if (f.sysnam !== null) conds.push(sysnamCondition(f.sysnam));
  if (f.rank.length) conds.push(arrayOverlaps(vacancies.rankTypes, f.rank));
  if (f.grade !== null) {
    conds.push(sql`coalesce(${vacancies.gradeMin}, ${vacancies.gradeMax}) <= ${f.grade}`);
    conds.push(sql`coalesce(${vacancies.gradeMax}, ${vacancies.gradeMin}) >= ${f.grade}`);
  }
  if (f.kind !== null) conds.push(personKindCondition(f.kind));
  if (f.access !== null) conds.push(eq(vacancies.accessMode, f.access));
  for (const s of f.special) conds.push(eq(SPECIAL_COLUMNS[s], true));
  const posted = postedRange(f.from, f.to);
  if (posted.start !== null) conds.push(sql`${vacancies.postedAt} >= ${posted.start}::timestamptz`);
  if (posted.end !== null) conds.push(sql`${vacancies.postedAt} < ${posted.end}::timestamptz`);
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
  source: vacancies.source, // 「示範資料」 in the result rows (issue 16 item 10)
};
export type VacancyListRow = { [K in keyof typeof listColumns]: (typeof vacancies.$inferSelect)[K] };

/** Newest first; the larger 職缺編號 first within a posting instant (the later serial of that month). */
export const searchOrder = [desc(vacancies.postedAt), desc(vacancies.workId)];

/** True when the search has a keyword or 機關名稱 text: a condition served by the GIN indexes of search_text. */
export function hasTextCondition(c: SearchFilterInput): boolean {
  return keywordTerms(c.keyword).length > 0 || orgForms(c.org ?? '').length > 0;
}

/**
 * The statements of a search, unexecuted (for EXPLAIN in tests and the bench):
 * - `count` and `rows`: the total, then one page. Used without a text condition: the page comes straight
 *   off vacancies_posted_idx (newest first) and stops after `size` rows.
 * - `page`: one statement for a search with a keyword or 機關名稱. The CTE `hits` (the keys of every
 *   match) is used twice — for the total and for the page — so PostgreSQL materializes it and plans it on
 *   its own, for all its rows: through the GIN indexes. With ORDER BY … LIMIT on the table itself the
 *   planner may instead walk vacancies_posted_idx and compute bigrams() row by row until the page is full
 *   (measured 2–15 ms a row), as it costs the index path's recheck of bigrams() as if it ran.
 */
export function searchQueries(q: Queryable, c: SearchInput, today: string) {
  const where = searchConditions(c, today);
  const offset = (c.page - 1) * c.size;
  const hits = q.$with('hits').as(q.select({ id: vacancies.id, postedAt: vacancies.postedAt, workId: vacancies.workId }).from(vacancies).where(where));
  const keys = q.select().from(hits).orderBy(desc(hits.postedAt), desc(hits.workId)).limit(c.size).offset(offset).as('page_keys');
  return {
    count: q.select({ n: sql<number>`count(*)::int` }).from(vacancies).where(where),
    rows: q.select(listColumns).from(vacancies).where(where).orderBy(...searchOrder).limit(c.size).offset(offset),
    page: q
      .with(hits)
      .select({ ...listColumns, total: sql<number>`(SELECT count(*)::int FROM ${hits})`.as('total') })
      .from(keys)
      .innerJoin(vacancies, eq(vacancies.id, keys.id))
      .orderBy(desc(keys.postedAt), desc(keys.workId)),
  };
}

/** The statements searchPublished runs for this search, in order (a page past the end adds `count`). */
export function searchStatements(q: Queryable, c: SearchInput, today: string) {
  const all = searchQueries(q, c, today);
  return hasTextCondition(c) ? { page: all.page } : { count: all.count, rows: all.rows };
}

/**
 * One page of the search and the total. A page past the end returns no rows.
 * Runs in one read-only REPEATABLE READ transaction (the total and the page see the same jobs) with:
 * - JIT off: bigrams() is declared COST 1000000 (migration 0003) so that plans read its GIN index, which
 *   lifts the estimated cost of every keyword plan above jit_above_cost; PostgreSQL then spent 40–400 ms
 *   compiling each search (measured at 50 connections: 16 → 205 rps on 5,000 jobs);
 * - no parallel workers: starting them costs more than they save on a ~15 ms query and steals the CPU of
 *   concurrent requests (measured at 200,000 jobs: 32 → 56 rps, p50 1.5 s → 0.9 s; bench/search.bench.ts).
 */
export async function searchPublished(q: Queryable, c: SearchInput, today: string): Promise<{ total: number; rows: VacancyListRow[] }> {
  const run = async (tx: Queryable) => {
    await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return runSearch(tx, c, today);
  };
  // Inside a caller's transaction, a nested one is a savepoint (no isolation level of its own).
  if (isTransaction(q)) return q.transaction(run);
  return q.transaction(run, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

function isTransaction(q: Queryable): q is Tx {
  return typeof (q as Partial<Tx>).rollback === 'function';
}

async function runSearch(q: Queryable, c: SearchInput, today: string): Promise<{ total: number; rows: VacancyListRow[] }> {
  const queries = searchQueries(q, c, today);
  if (hasTextCondition(c)) {
    const found = await queries.page;
    if (found.length > 0) return { total: found[0]!.total, rows: found.map(({ total: _total, ...row }) => row) };
    if (c.page === 1) return { total: 0, rows: [] };
  }
  const [count] = await queries.count;
  const total = count?.n ?? 0;
  if ((c.page - 1) * c.size >= total || hasTextCondition(c)) return { total, rows: [] };
  return { total, rows: await queries.rows };
}

// ---- SYS-4 scoped finders ----

export type VacancyRow = typeof vacancies.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A vacancy by its id (uuid) or its 職缺編號 (work_id). */
function byIdOrWorkId(id: string): SQL {
  return UUID.test(id) ? eq(vacancies.id, id) : eq(vacancies.workId, id);
}

/**
 * The vacancy with this id or 職缺編號 when it belongs to `agencyCode` (徵才機關代碼, vacancies.org_id) and is not
 * deleted; another agency's vacancy is simply not found (the route answers 404, never 403). For agency HR staff:
 * `forAgency(tx, principal.agencyCode, id)`.
 */
export async function forAgency(q: Queryable, agencyCode: string | null, id: string): Promise<VacancyRow | null> {
  if (!agencyCode || id.length === 0 || id.length > 64) return null;
  const [row] = await q
    .select()
    .from(vacancies)
    .where(and(byIdOrWorkId(id), eq(vacancies.orgId, agencyCode), isNull(vacancies.deletedAt)))
    .limit(1);
  return row ?? null;
}


/**
 * The vacancy with this id or 職缺編號 that `principal` may manage on the 機關徵才登錄 pages, not deleted: agency HR
 * staff see only their own agency's (forAgency); the back office any agency's (manageScope in vacancy.policy.ts).
 * The caller still asks the policy (`authorizeOr404(principal, 'manage', vacancySubject(row, today))`).
 */
export async function forManager(q: Queryable, principal: Principal | null, id: string): Promise<VacancyRow | null> {
  const scope = manageScope(principal);
  if (scope === null || id.length === 0 || id.length > 64) return null;
  if (scope !== 'any') return forAgency(q, scope, id);
  const [row] = await q.select().from(vacancies).where(and(byIdOrWorkId(id), isNull(vacancies.deletedAt))).limit(1);
  return row ?? null;
}
