// PUB-1 search criteria: read from the URL (GET form), validated, turned into index-friendly terms.
// Pure: no I/O. Errors are codes (SearchErrorCode); the page turns them into zh-TW / English text.
import { z } from 'zod';
import { stringList } from '../../platform/http/forms.ts';
import { addDays, formatRoc, parseRocDate } from '../../platform/tw/roc-date.ts';
import { isRankType, isSysnamCode, isWorkPlaceCode, personKindName, rankTypeOfGrade } from '../reference/index.ts';
import type { AccessMode, RankType } from './vacancy.schema.ts';

export const PAGE_SIZES = [15, 30, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 15;
export const KEYWORD_MAX = 50;
export const KEYWORD_TERMS_MAX = 5;
export const ORG_MAX = 50;
/** Pages are numbered 1..PAGE_MAX in the URL; a page past the last one is answered with a message, not an error. */
export const PAGE_MAX = 999_999_999;
export const GRADES: readonly number[] = Object.freeze(Array.from({ length: 14 }, (_, i) => i + 1));
export const ACCESS_MODES: readonly AccessMode[] = Object.freeze(['civil_service', 'open', 'none']);
/** The four 特殊條件 of AGY-2, named after their columns (is_handicap, is_original, is_local_original, is_traning). */
export const SPECIAL_CONDITIONS = ['handicap', 'original', 'local_original', 'traning'] as const;
export type SpecialCondition = (typeof SPECIAL_CONDITIONS)[number];

/** What narrows the published jobs. Empty string / empty list / null = no condition. */
export interface SearchFilters {
  keyword: string;
  /** Part of 機關名稱 (whitespace removed). */
  org: string;
  /** 職系 code (sysnam.json), e.g. A107. */
  sysnam: string | null;
  /** 官等: any of. */
  rank: RankType[];
  /** 職等 1..14: inside grade_min..grade_max. */
  grade: number | null;
  /** 人員區分 code (person-kinds.json). */
  kind: string | null;
  access: AccessMode | null;
  /** 工作地 county codes: any of. */
  place: string[];
  /** Every ticked condition is required. */
  special: SpecialCondition[];
  /** 刊登日期 range, ISO dates, both ends included. */
  from: string | null;
  to: string | null;
}

export interface SearchCriteria extends SearchFilters {
  page: number;
  size: PageSize;
}

export const EMPTY_FILTERS: Readonly<SearchFilters> = Object.freeze({
  keyword: '',
  org: '',
  sysnam: null,
  rank: [],
  grade: null,
  kind: null,
  access: null,
  place: [],
  special: [],
  from: null,
  to: null,
});

export type SearchField = keyof SearchCriteria;
export type SearchErrorCode =
  | 'keyword.tooLong'
  | 'keyword.tooManyTerms'
  | 'org.tooLong'
  | 'sysnam.unknown'
  | 'rank.unknown'
  | 'grade.invalid'
  | 'grade.rankMismatch'
  | 'kind.unknown'
  | 'access.unknown'
  | 'place.unknown'
  | 'special.unknown'
  | 'date.format'
  | 'date.invalid'
  | 'to.beforeFrom'
  | 'page.invalid'
  | 'page.outOfRange'
  | 'size.invalid'
  /** A value of a shape the form never sends (not one of the checks above). */
  | 'invalid';

/** The fields in the order the form shows them. */
export const FORM_ORDER: readonly SearchField[] = Object.freeze(['keyword', 'org', 'place', 'sysnam', 'kind', 'rank', 'grade', 'access', 'special', 'from', 'to', 'size', 'page']);
/** Fields that sit in the 「更多條件」 part of the form. */
export const ADVANCED_FIELDS: readonly SearchField[] = Object.freeze(['sysnam', 'rank', 'grade', 'kind', 'access', 'special', 'from', 'to']);

// ── parsing ───────────────────────────────────────────────────────────────────

/** The first value of a query parameter given once or several times; '' when absent. */
const oneText = z.preprocess((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')), z.string());

/** Control characters (NUL would make PostgreSQL refuse the query) count as white space. */
function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}

const charCount = (s: string): number => [...s].length;

function codeOrNull(valid: (code: string) => boolean, error: SearchErrorCode) {
  return oneText.transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return null;
    if (!valid(s)) {
      ctx.addIssue({ code: 'custom', message: error });
      return z.NEVER;
    }
    return s;
  });
}

function codeList<T extends string>(valid: (code: string) => code is T, error: SearchErrorCode) {
  return stringList.transform((list, ctx) => {
    const codes = [...new Set(list.map((s) => s.trim()).filter(Boolean))];
    if (codes.some((c) => !valid(c))) {
      ctx.addIssue({ code: 'custom', message: error });
      return z.NEVER;
    }
    return codes as T[];
  });
}

const rocDateField = oneText.transform((raw, ctx) => {
  const s = raw.trim();
  if (s === '') return null;
  const parsed = parseRocDate(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason === 'format' ? 'date.format' : 'date.invalid' });
    return z.NEVER;
  }
  return parsed.date;
});

const isAccessMode = (s: string): s is AccessMode => (ACCESS_MODES as readonly string[]).includes(s);
const isSpecial = (s: string): s is SpecialCondition => (SPECIAL_CONDITIONS as readonly string[]).includes(s);
const isCurrentPlace = (s: string): s is string => isWorkPlaceCode(s);
const isPageSize = (n: number): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n);

const fieldSchemas = {
  keyword: oneText.transform((raw, ctx) => {
    const s = cleanText(raw);
    if (charCount(s) > KEYWORD_MAX) ctx.addIssue({ code: 'custom', message: 'keyword.tooLong' });
    else if (splitTerms(s).length > KEYWORD_TERMS_MAX) ctx.addIssue({ code: 'custom', message: 'keyword.tooManyTerms' });
    return s;
  }),
  org: oneText.transform((raw, ctx) => {
    const s = cleanText(raw).replace(/\s+/gu, '');
    if (charCount(s) > ORG_MAX) ctx.addIssue({ code: 'custom', message: 'org.tooLong' });
    return s;
  }),
  sysnam: codeOrNull(isSysnamCode, 'sysnam.unknown'),
  rank: codeList(isRankType, 'rank.unknown'),
  grade: oneText.transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return null;
    const n = /^\d{1,2}$/.test(s) ? Number(s) : NaN;
    if (!GRADES.includes(n)) {
      ctx.addIssue({ code: 'custom', message: 'grade.invalid' });
      return z.NEVER;
    }
    return n;
  }),
  kind: codeOrNull((c) => personKindName(c) !== null, 'kind.unknown'),
  access: oneText.transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return null;
    if (!isAccessMode(s)) {
      ctx.addIssue({ code: 'custom', message: 'access.unknown' });
      return z.NEVER;
    }
    return s;
  }),
  place: codeList(isCurrentPlace, 'place.unknown'),
  special: codeList(isSpecial, 'special.unknown'),
  from: rocDateField,
  to: rocDateField,
  page: oneText.transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return 1;
    if (!/^[1-9]\d{0,8}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'page.invalid' });
      return z.NEVER;
    }
    return Number(s);
  }),
  size: oneText.transform((raw, ctx) => {
    const s = raw.trim();
    if (s === '') return DEFAULT_PAGE_SIZE;
    const n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
    if (!isPageSize(n)) {
      ctx.addIssue({ code: 'custom', message: 'size.invalid' });
      return z.NEVER;
    }
    return n;
  }),
};

/** Checks between fields, on the fields that are valid on their own. */
function crossFieldErrors(c: Partial<SearchCriteria>): Partial<Record<SearchField, SearchErrorCode>> {
  const errors: Partial<Record<SearchField, SearchErrorCode>> = {};
  if (c.from && c.to && c.from > c.to) errors.to = 'to.beforeFrom';
  if (c.grade != null && c.rank && c.rank.length > 0) {
    const rankOfGrade = rankTypeOfGrade(c.grade);
    if (rankOfGrade === null || !c.rank.includes(rankOfGrade)) errors.grade = 'grade.rankMismatch';
  }
  return errors;
}

/** The whole query as one zod schema (for reuse, e.g. saved searches); parseSearchQuery reports every field at once. */
export const searchQuerySchema = z.object(fieldSchemas).superRefine((c, ctx) => {
  for (const [field, message] of Object.entries(crossFieldErrors(c as SearchCriteria))) ctx.addIssue({ code: 'custom', path: [field], message });
});

export type SearchParse =
  | { ok: true; criteria: SearchCriteria }
  | { ok: false; errors: Partial<Record<SearchField, SearchErrorCode>> };

const ERROR_CODES = new Set<string>([
  'keyword.tooLong', 'keyword.tooManyTerms', 'org.tooLong', 'sysnam.unknown', 'rank.unknown', 'grade.invalid',
  'grade.rankMismatch', 'kind.unknown', 'access.unknown', 'place.unknown', 'special.unknown', 'date.format',
  'date.invalid', 'to.beforeFrom', 'page.invalid', 'page.outOfRange', 'size.invalid', 'invalid',
]);

/**
 * Reads a search from the query string (as parsed by Fastify: repeated keys are arrays). Unknown keys are
 * ignored. Every field is checked on its own, then against the others, so that all problems show at once.
 */
export function parseSearchQuery(query: unknown): SearchParse {
  const input = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const data: Record<string, unknown> = {};
  const errors: Partial<Record<SearchField, SearchErrorCode>> = {};
  for (const [field, schema] of Object.entries(fieldSchemas) as [SearchField, z.ZodType][]) {
    const parsed = schema.safeParse(input[field]);
    if (parsed.success) data[field] = parsed.data;
    else {
      const message = parsed.error.issues[0]?.message ?? '';
      errors[field] = (ERROR_CODES.has(message) ? message : 'invalid') as SearchErrorCode;
    }
  }
  for (const [field, code] of Object.entries(crossFieldErrors(data as Partial<SearchCriteria>)) as [SearchField, SearchErrorCode][]) errors[field] ??= code;
  if (Object.keys(errors).length > 0) return { ok: false, errors: orderedErrors(errors) };
  return { ok: true, criteria: data as unknown as SearchCriteria };
}

/** Errors in the order of the form (for the error summary). */
function orderedErrors(errors: Partial<Record<SearchField, SearchErrorCode>>): Partial<Record<SearchField, SearchErrorCode>> {
  const out: Partial<Record<SearchField, SearchErrorCode>> = {};
  for (const field of FORM_ORDER) if (errors[field]) out[field] = errors[field];
  return out;
}

/** True when a filter of the 「更多條件」 part is set. */
export function hasAdvancedFilter(f: SearchFilters): boolean {
  return f.sysnam !== null || f.rank.length > 0 || f.grade !== null || f.kind !== null || f.access !== null || f.special.length > 0 || f.from !== null || f.to !== null;
}

export function hasAnyFilter(f: SearchFilters): boolean {
  return f.keyword !== '' || f.org !== '' || f.place.length > 0 || hasAdvancedFilter(f);
}

// ── URLs ──────────────────────────────────────────────────────────────────────

/**
 * The canonical query string of a search (only the conditions that are set, dates in ROC form), so that
 * page links stay short and shareable. `page` 1 and the default page size are left out.
 */
export function searchParams(c: SearchFilters & { size?: number }, page = 1): URLSearchParams {
  const p = new URLSearchParams();
  if (c.keyword) p.set('keyword', c.keyword);
  if (c.org) p.set('org', c.org);
  for (const place of c.place) p.append('place', place);
  if (c.sysnam) p.set('sysnam', c.sysnam);
  for (const rank of c.rank) p.append('rank', rank);
  if (c.grade !== null) p.set('grade', String(c.grade));
  if (c.kind) p.set('kind', c.kind);
  if (c.access) p.set('access', c.access);
  for (const s of c.special) p.append('special', s);
  if (c.from) p.set('from', formatRoc(c.from));
  if (c.to) p.set('to', formatRoc(c.to));
  if (c.size !== undefined && c.size !== DEFAULT_PAGE_SIZE) p.set('size', String(c.size));
  if (page > 1) p.set('page', String(page));
  return p;
}

export function searchHref(c: SearchFilters & { size?: number }, page = 1): string {
  const q = searchParams(c, page).toString();
  return q ? `/jobs?${q}` : '/jobs';
}

// ── keyword terms ─────────────────────────────────────────────────────────────

/** How one written form of a term is found through the indexes of search_text. */
export interface TermForm {
  /** Lower-cased text looked for inside search_text. */
  text: string;
  /**
   * 'bigram': GIN on bigrams(search_text) — 1–2 character terms, and longer terms with no run of 3 letters
   * or digits (which pg_trgm cannot index, e.g. 「a-b」, 「%%%」); 'trigram': GIN (gin_trgm_ops) by LIKE.
   */
  index: 'bigram' | 'trigram';
  /** For 'bigram': the grams search_text's bigrams must contain. */
  grams: string[];
  /** For 'bigram': true when containing the grams is the match (1–2 characters); else LIKE rechecks. */
  exact: boolean;
}

export interface KeywordTerm {
  /** Lower-cased, NFKC-normalized term. */
  text: string;
  /** The index of the normalized form (kept for callers of the first version). */
  index: 'bigram' | 'trigram';
  /** The normalized form, and the form as typed when NFKC changed it (「ＡＩ」 finds 「ai」 and 「ａｉ」). */
  forms: TermForm[];
}

/** White space (full-width space too) separates terms. */
export function splitTerms(keyword: string): string[] {
  return keyword.split(/\s+/u).filter(Boolean);
}

const TRIGRAM_RUN = /[\p{L}\p{N}]{3}/u;

/** The 1- and 2-character grams of a term, as bigrams() makes them. */
export function gramsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length <= 2) return [text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

export function termForm(text: string): TermForm {
  const length = [...text].length;
  if (length >= 3 && TRIGRAM_RUN.test(text)) return { text, index: 'trigram', grams: [], exact: false };
  return { text, index: 'bigram', grams: gramsOf(text), exact: length <= 2 };
}

/** Splits a keyword into AND-ed terms (at most KEYWORD_TERMS_MAX; validation refuses more). */
export function keywordTerms(keyword: string): KeywordTerm[] {
  const seen = new Set<string>();
  const terms: KeywordTerm[] = [];
  for (const raw of splitTerms(cleanText(keyword))) {
    const typed = raw.toLowerCase();
    const normalized = raw.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
    if (normalized === '' || seen.has(normalized)) continue;
    seen.add(normalized);
    const forms = [termForm(normalized)];
    if (typed !== normalized) forms.push(termForm(typed));
    terms.push({ text: normalized, index: forms[0]!.index, forms });
    if (terms.length === KEYWORD_TERMS_MAX) break;
  }
  return terms;
}

/** Escapes LIKE metacharacters so that user text is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** A LIKE pattern matching `s` anywhere. */
export function containsPattern(s: string): string {
  return '%' + escapeLike(s) + '%';
}

// ── dates and pages ───────────────────────────────────────────────────────────

const TAIPEI_OFFSET = '+08:00'; // Taiwan has kept UTC+8 without daylight saving since 1979.

/** The posted_at instants [start, end) of a 刊登日期 range in Taipei days; null ends are open. */
export function postedRange(from: string | null, to: string | null): { start: string | null; end: string | null } {
  return {
    start: from === null ? null : `${from}T00:00:00${TAIPEI_OFFSET}`,
    end: to === null ? null : `${addDays(to, 1)}T00:00:00${TAIPEI_OFFSET}`,
  };
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
