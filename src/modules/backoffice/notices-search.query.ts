// ADM-3 查詢回覆紀錄 across agencies: its query string, read leniently (a bad date is an error beside its field,
// anything else unknown is dropped — never a 500), and its links. Pure.
import { formatRoc } from '../../platform/tw/roc-date.ts';
import type { AllNoticesFilter } from '../notices/index.ts';
import { parsePage, rocBound } from './vacancy-search.query.ts';

export const NOTICES_PAGE_SIZE = 30;
export const NOTICES_EXPORT_MAX = 10_000;

export interface NoticesSearch extends AllNoticesFilter {
  fromText: string;
  toText: string;
  page: number;
  /** Message keys of staff.messages.ts by field. */
  errors: Record<string, string>;
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, max) : '');

export function parseNoticesSearch(q: Record<string, unknown>): NoticesSearch {
  const fromText = str(q.from, 12);
  const toText = str(q.to, 12);
  const from = rocBound(fromText, '');
  const to = rocBound(toText, '');
  const errors: Record<string, string> = {};
  if (from.error) errors.from = 'notices.dateFormat';
  if (to.error) errors.to = 'notices.dateFormat';
  if (from.iso && to.iso && from.iso > to.iso) errors.to = 'notices.dateOrder';
  const kind = q.kind === 'interview' || q.kind === 'offer' ? q.kind : '';
  const reply = q.reply === 'none' || q.reply === 'accepted' || q.reply === 'declined' || q.reply === 'accept_and_report' ? q.reply : '';
  return { agency: str(q.agency, 50), workId: str(q.workId, 20), kind, reply, from: from.iso, to: to.iso, fromText, toText, page: parsePage(q.page), errors };
}

export function noticesQueryString(f: NoticesSearch, page = 1): string {
  const p = new URLSearchParams();
  if (f.agency) p.set('agency', f.agency);
  if (f.workId) p.set('workId', f.workId);
  if (f.kind) p.set('kind', f.kind);
  if (f.reply) p.set('reply', f.reply);
  if (f.from) p.set('from', formatRoc(f.from));
  if (f.to) p.set('to', formatRoc(f.to));
  if (page > 1) p.set('page', String(page));
  return p.toString();
}

export const noticesHref = (f: NoticesSearch, page: number) => {
  const s = noticesQueryString(f, page);
  return s ? `/backoffice/notices?${s}` : '/backoffice/notices';
};
