// Durable mail outbox (SYS-1). A mail is a row written in the transaction of the change that causes
// it, so it commits or rolls back with that change; a job (../jobs/mail-jobs.ts) delivers the rows
// later and retries them with backoff, so nothing is lost while the mail server is down.
// Delivery itself is in ./delivery.ts; this file is the write and read side.
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { outboxMessages } from '../db/schema/platform.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type OutboxState = OutboxMessage['state'];

export interface OutgoingAttachment {
  /** Key of the bytes in the storage port. */
  key: string;
  filename: string;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: OutgoingAttachment[];
}

export class InvalidMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMailError';
  }
}

const CONTROL = /[\r\n\0]/;

function check(m: OutgoingMail): void {
  if (typeof m.to !== 'string' || m.to.trim() === '' || CONTROL.test(m.to)) throw new InvalidMailError('mail needs one recipient address');
  if (typeof m.subject !== 'string' || CONTROL.test(m.subject)) throw new InvalidMailError('mail subject must be one line');
  if (typeof m.text !== 'string') throw new InvalidMailError('mail needs a text body');
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(name) || CONTROL.test(value)) throw new InvalidMailError(`invalid mail header ${JSON.stringify(name)}`);
  }
}

/**
 * Queues mails in the caller's transaction (pass the `tx`): they are sent only if it commits.
 * Returns the new rows' ids, in order.
 */
export async function enqueueMail(q: Queryable, ...messages: OutgoingMail[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await mailInsert(q, ...messages);
  return rows.map((r) => r.id);
}

/**
 * The INSERT of enqueueMail, not yet run (the messages are checked now): await it, or hand it to `together`
 * (platform/db/together.ts) to write it in one statement with another independent change. Returns the ids.
 */
export function mailInsert(q: Queryable, ...messages: OutgoingMail[]) {
  if (messages.length === 0) throw new Error('mailInsert needs at least one message');
  messages.forEach(check);
  return q
    .insert(outboxMessages)
    .values(
      messages.map((m) => ({
        to: m.to.trim(),
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        headers: m.headers ?? {},
        attachments: (m.attachments ?? []).map((a) => ({ key: a.key, filename: a.filename, contentType: a.contentType })),
      })),
    )
    .returning({ id: outboxMessages.id });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One outbox row, or null (also for an id that is not a UUID). */
export async function getMail(q: Queryable, id: string): Promise<OutboxMessage | null> {
  if (!UUID.test(id)) return null;
  const rows = await q.select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface ListMailOptions {
  limit?: number;
  offset?: number;
  /** Only mails to this address (exact match). */
  to?: string;
  state?: OutboxState;
}

/** Newest first; for the dev mailbox page and the back office. */
export async function listMail(q: Queryable, opts: ListMailOptions = {}): Promise<{ items: OutboxMessage[]; total: number }> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  const filters: SQL[] = [];
  if (opts.to) filters.push(eq(outboxMessages.to, opts.to.trim()));
  if (opts.state) filters.push(eq(outboxMessages.state, opts.state));
  const where = filters.length ? and(...filters) : undefined;
  const items = await q
    .select()
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit)
    .offset(offset);
  const [total] = await q.select({ n: count() }).from(outboxMessages).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/**
 * Puts a failed mail back in the queue, due at once (`at`, default the database's now), with a
 * fresh count of attempts. Returns false when there is no failed mail with that id.
 */
export async function retryMail(q: Queryable, id: string, at?: Date): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const now = at ?? sql`now()`;
  const rows = await q
    .update(outboxMessages)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.state, 'failed')))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

export { deliverDueMail, backoffMs, messageIdFor, type DeliverDeps, type DeliveryResult } from './delivery.ts';
