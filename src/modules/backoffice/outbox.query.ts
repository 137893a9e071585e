// The back office's mail outbox list (ADM-4): its query string, read leniently. Pure.
import { parsePage } from './vacancy-search.query.ts';

export const MAIL_STATES = ['failed', 'pending', 'sent'] as const;
export type MailState = (typeof MAIL_STATES)[number];
export const MAIL_PAGE_SIZE = 30;

export interface OutboxQuery {
  state: MailState | '';
  to: string;
  page: number;
}

export function parseOutboxQuery(q: Record<string, unknown>): OutboxQuery {
  const state = typeof q.state === 'string' && (MAIL_STATES as readonly string[]).includes(q.state) ? (q.state as MailState) : '';
  const to = typeof q.to === 'string' ? q.to.trim().slice(0, 100) : '';
  return { state, to, page: parsePage(q.page) };
}

export function outboxHref(f: OutboxQuery, page: number): string {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.to) p.set('to', f.to);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/backoffice/outbox?${s}` : '/backoffice/outbox';
}
