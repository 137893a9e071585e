// Addresses and the list query of 機關徵才登錄 (AGY-1). Pure.
import { parseRocDate, formatRoc } from '../../platform/tw/roc-date.ts';

export const PAGE_SIZES = [15, 30, 50, 100] as const;

export interface ListFilters {
  view: 'current' | 'history';
  from: string | null;
  to: string | null;
  fromText: string;
  toText: string;
  workId: string;
  keyword: string;
  page: number;
  size: number;
  dateError: 'list.dateError' | null;
  /** The agency the back office acts for (`?agency=`), carried by every link of the list; null for agency staff. */
  agency: string | null;
}

/** `path` with `?agency=<code>` when the back office acts for `via` (agency staff: the path unchanged). */
export function withAgency(path: string, via: string | null | undefined): string {
  if (!via) return path;
  return `${path}${path.includes('?') ? '&' : '?'}agency=${encodeURIComponent(via)}`;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The list's query string, read leniently: anything unusable falls back to its default (never a 500). */
export function parseListQuery(q: Record<string, unknown>, via: string | null = null): ListFilters {
  const fromText = str(q.from, 12);
  const toText = str(q.to, 12);
  const from = fromText ? parseRocDate(fromText) : null;
  const to = toText ? parseRocDate(toText) : null;
  const size = Number(str(q.size, 4));
  const page = Number(str(q.page, 6));
  const dateError = (from && !from.ok) || (to && !to.ok) ? 'list.dateError' : null;
  return {
    view: q.view === 'history' ? 'history' : 'current',
    from: from?.ok ? from.date : null,
    to: to?.ok ? to.date : null,
    fromText,
    toText,
    workId: str(q.workId, 20),
    keyword: str(q.keyword, 50),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : 15,
    dateError,
    agency: via,
  };
}

export function listHref(f: ListFilters, page: number): string {
  const p = new URLSearchParams();
  if (f.agency) p.set('agency', f.agency);
  if (f.view === 'history') p.set('view', 'history');
  if (f.from) p.set('from', formatRoc(f.from));
  if (f.to) p.set('to', formatRoc(f.to));
  if (f.workId) p.set('workId', f.workId);
  if (f.keyword) p.set('keyword', f.keyword);
  if (f.size !== 15) p.set('size', String(f.size));
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/agency?${s}` : '/agency';
}

/**
 * Where AGY-6's daily mail sends the agency for a vacancy's applicants: the AGY-1 list filtered by its 職缺編號 (the
 * row shows the applicant count). The applicant-access pages (ACS-1) come in a later issue and will replace it.
 */
export function applicantListHref(workId: string): string {
  return `/agency?${new URLSearchParams({ workId }).toString()}`;
}

/** 調閱履歷 (ACS-1) and 調閱簡歷 (ACS-3) of a vacancy: the access module's pages. */
export const applicantsHref = (vacancyId: string): string => `/agency/vacancies/${encodeURIComponent(vacancyId)}/applicants`;
export const summariesHref = (vacancyId: string): string => `/agency/vacancies/${encodeURIComponent(vacancyId)}/summaries`;
