// The back office's vacancy search (ADM-1): its query string, read leniently (anything unusable falls back to its
// default, never a 500), and the links that keep it. Pure.
import { fill } from '../../platform/i18n/i18n.ts';
import { formatRoc, parseRocDate } from '../../platform/tw/roc-date.ts';
import { backofficeMessages, type BackofficeMessages } from './backoffice.messages.ts';

export const REVIEW_STATES = ['flagged', 'approved', 'rejected', 'taken_down', 'deleted'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const SOURCES = ['form', 'bulk_import', 'opendata_import', 'demo'] as const;
export type Source = (typeof SOURCES)[number];
export const PAGE_SIZE = 20;

/** A row's 來源 in the page's language (an unknown source as stored). */
export function sourceLabel(m: BackofficeMessages, source: string): string {
  return (SOURCES as readonly string[]).includes(source) ? m[`source.${source as Source}`] : source;
}

const ZH = backofficeMessages('zh-TW');

export interface VacancySearch {
  workId: string;
  agency: string;
  keyword: string;
  /** 刊登日期 range, ISO (null: open). */
  from: string | null;
  to: string | null;
  fromText: string;
  toText: string;
  state: ReviewState | '';
  source: Source | '';
  page: number;
  errors: Record<string, string>;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const oneOf = <T extends string>(list: readonly T[], v: string): T | '' => ((list as readonly string[]).includes(v) ? (v as T) : '');

export function parsePage(v: unknown): number {
  const n = Number(str(v, 6));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** A ROC date field of a query: its ISO date, or an error message (empty text: no bound). */
export function rocBound(text: string, label: string, m: BackofficeMessages = ZH): { iso: string | null; error?: string } {
  if (!text) return { iso: null };
  const p = parseRocDate(text);
  return p.ok ? { iso: p.date } : { iso: null, error: fill(m['error.rocDate'], { label }) };
}

export function parseVacancySearch(q: Record<string, unknown>, m: BackofficeMessages = ZH): VacancySearch {
  const fromText = str(q.from, 12);
  const toText = str(q.to, 12);
  const from = rocBound(fromText, m['search.from'], m);
  const to = rocBound(toText, m['search.to'], m);
  const errors: Record<string, string> = {};
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  return {
    workId: str(q.workId, 20),
    agency: str(q.agency, 50),
    keyword: str(q.keyword, 50),
    from: from.iso,
    to: to.iso,
    fromText,
    toText,
    state: oneOf(REVIEW_STATES, str(q.state, 20)),
    source: oneOf(SOURCES, str(q.source, 20)),
    page: parsePage(q.page),
    errors,
  };
}

export function vacancySearchHref(f: VacancySearch, page: number): string {
  const p = new URLSearchParams();
  if (f.workId) p.set('workId', f.workId);
  if (f.agency) p.set('agency', f.agency);
  if (f.keyword) p.set('keyword', f.keyword);
  if (f.from) p.set('from', formatRoc(f.from));
  if (f.to) p.set('to', formatRoc(f.to));
  if (f.state) p.set('state', f.state);
  if (f.source) p.set('source', f.source);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/backoffice/vacancies?${s}` : '/backoffice/vacancies';
}

/** The state a person reads for a row (deleted and taken down first: they override the review verdict). */
export function stateOf(v: { reviewStatus: string; deletedAt: Date | null; takenDownAt: Date | null }): ReviewState {
  if (v.deletedAt) return 'deleted';
  if (v.takenDownAt) return 'taken_down';
  return oneOf(REVIEW_STATES, v.reviewStatus) || 'approved';
}
