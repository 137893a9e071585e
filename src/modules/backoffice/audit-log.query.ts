// The audit log search (SYS-2, ADM-3): its query string, read leniently (never a 500), and its links. Pure.
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { backofficeMessages, type BackofficeMessages } from './backoffice.messages.ts';
import { parsePage, rocBound } from './vacancy-search.query.ts';

export const AUDIT_PAGE_SIZE = 30;
/** At most this many rows in one CSV export (the page says so). */
export const AUDIT_EXPORT_MAX = 10_000;

export interface AuditSearch {
  /** 行為人: a staff member's name or account, an applicant's e-mail (in part), or an actor id. */
  actor: string;
  /** 動作: an action code, or its prefix ending in a dot (`vacancy.`). */
  action: string;
  /** 對象: an object id, or a 職缺編號. */
  subject: string;
  from: string | null;
  to: string | null;
  fromText: string;
  toText: string;
  ip: string;
  page: number;
  errors: Record<string, string>;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export function parseAuditSearch(q: Record<string, unknown>, m: BackofficeMessages = backofficeMessages('zh-TW')): AuditSearch {
  const fromText = str(q.from, 12);
  const toText = str(q.to, 12);
  const from = rocBound(fromText, m['audit.from'], m);
  const to = rocBound(toText, m['audit.to'], m);
  const errors: Record<string, string> = {};
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (from.iso && to.iso && from.iso > to.iso) errors.to = m['audit.error.range'];
  const ip = str(q.ip, 45);
  if (ip && !/^[0-9a-fA-F:.]+$/.test(ip)) errors.ip = m['audit.error.ip'];
  return { actor: str(q.actor, 100), action: str(q.action, 60), subject: str(q.subject, 100), from: from.iso, to: to.iso, fromText, toText, ip, page: parsePage(q.page), errors };
}

export function auditQueryString(f: AuditSearch, page = 1): string {
  const p = new URLSearchParams();
  if (f.actor) p.set('actor', f.actor);
  if (f.action) p.set('action', f.action);
  if (f.subject) p.set('subject', f.subject);
  if (f.from) p.set('from', formatRoc(f.from));
  if (f.to) p.set('to', formatRoc(f.to));
  if (f.ip) p.set('ip', f.ip);
  if (page > 1) p.set('page', String(page));
  return p.toString();
}

export const auditHref = (f: AuditSearch, page: number) => {
  const s = auditQueryString(f, page);
  return s ? `/backoffice/audit?${s}` : '/backoffice/audit';
};
