// Test helpers for the account module: readers for accounts, audit rows, mails in the outbox and the links in
// them. Tests only. (The HTTP client is tests/helpers/http-client.ts; accounts come from tests/factories.)
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents, outboxMessages } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from './account.schema.ts';

export async function accountByEmail(q: Queryable, email: string) {
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.email, email));
  return row ?? null;
}

export async function accountById(q: Queryable, id: string) {
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.id, id));
  return row!;
}

/** Mails to `to`, newest first. */
export async function mailsTo(q: Queryable, to: string) {
  return q.select().from(outboxMessages).where(eq(outboxMessages.to, to)).orderBy(desc(outboxMessages.createdAt));
}

export async function latestMailTo(q: Queryable, to: string) {
  const [m] = await mailsTo(q, to);
  if (!m) throw new Error(`no mail to ${to}`);
  return m;
}

/** The first absolute link in `text` to `path` (e.g. /platform/activate). */
export function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+${path.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_%-]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
}

/** The path and query of an absolute link, to inject. */
export function pathOf(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

export async function auditActions(q: Queryable, subjectId?: string) {
  const rows = await q.select().from(auditEvents).orderBy(auditEvents.id);
  return rows.filter((r) => subjectId === undefined || r.subjectId === subjectId);
}

/** The page without what differs on every render: CSRF tokens and captcha cache-busters. */
export function stable(html: string): string {
  return html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""').replace(/data-csrf="[^"]+"/g, 'data-csrf=""').replace(/\?ts=[0-9a-f]+/g, '?ts=');
}

/** The text of the error summary's entries. */
export function summaryOf(html: string): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
}
