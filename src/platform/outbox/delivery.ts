// Delivery of the mail outbox (SYS-1): claim due rows, send each, record the outcome.
//
// Exactly once, as far as SMTP allows:
// - Claiming is one short UPDATE of rows picked with FOR UPDATE SKIP LOCKED: it takes a lease
//   (next_attempt_at = now + lease) and counts the attempt. Two workers never claim the same row,
//   because a leased row is no longer due; a crashed worker's lease simply runs out and the row is
//   claimed again.
// - No transaction is open while we talk to the mail server (PGlite has one connection; a
//   transaction held across the network would stop every other query), and each row is marked
//   `sent` right after the server accepted it, before the next one is sent.
// - Residual at-least-once window: if the process dies, or the database cannot be reached, between
//   the server's "250 accepted" and the UPDATE that marks the row sent, or if the connection drops
//   after the server accepted the data but before we read its reply, the lease expires and the mail
//   is sent again. The Message-ID is derived from the row id, so such a duplicate carries the same
//   Message-ID as the first copy and mail clients can recognise it. SMTP offers nothing better.
// - A send is bounded by the transport's timeouts (well under the lease), and a run stops sending
//   once half the lease has gone by, giving back the rows it has not tried, so a lease never runs
//   out while its worker is still sending.
import { performance } from 'node:perf_hooks';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { outboxMessages } from '../db/schema/platform.ts';
import type { MailAttachment, MailTransport } from '../mail/transport.ts';
import type { OutboxMessage } from './outbox.ts';

/** The part of the storage port delivery needs (src/platform/storage). */
export interface AttachmentSource {
  getBuffer(key: string): Promise<Buffer | null>;
}

export interface DeliverDeps {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  /** From header, e.g. config.mailFrom. */
  mailFrom: string;
  /** Rows claimed per run. Default 50. */
  batchSize?: number;
  /** Loads attachment bytes by key. Without it, attachments are left out. */
  storage?: AttachmentSource;
  /** After this many attempts a mail is `failed`. Default 30 (about a day with the capped backoff). */
  maxAttempts?: number;
  /** How long a claim keeps other workers off a row, ms. Default 5 minutes. */
  leaseMs?: number;
}

export interface DeliveryResult {
  sent: number;
  /** Gave up for good in this run (state `failed`). */
  failed: number;
  /** Failed this time, will be tried again later. */
  retried: number;
}

const MINUTE = 60_000;

/** Wait before the next attempt after `attempts` failed ones: 1 min, 2, 4, … capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(attempts - 1, 0), 60 * MINUTE);
}

/** The Message-ID a row is sent with: stable, so a repeated send is recognisably the same mail. */
export function messageIdFor(rowId: string, mailFrom: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'localhost';
  return `<${rowId}@${domain}>`;
}

// Errors that mean the server cannot be reached at all: trying the rest of the batch is pointless.
const SERVER_DOWN = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EABORT', 'ECONNREFUSED']);

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return (typeof code === 'string' ? `${code}: ` : '') + err.message;
  }
  return String(err);
}

export async function deliverDueMail(deps: DeliverDeps): Promise<DeliveryResult> {
  const { db, transport, clock, mailFrom } = deps;
  const batchSize = deps.batchSize ?? 50;
  const maxAttempts = deps.maxAttempts ?? 30;
  const leaseMs = deps.leaseMs ?? 5 * MINUTE;
  const result: DeliveryResult = { sent: 0, failed: 0, retried: 0 };
  const started = performance.now();

  const now = clock.now();
  // A row whose last allowed attempt was claimed by a worker that died never got an outcome.
  const abandoned = await db
    .update(outboxMessages)
    .set({ state: 'failed', lastError: sql`coalesce(${outboxMessages.lastError}, 'no outcome recorded')`, updatedAt: now })
    .where(and(eq(outboxMessages.state, 'pending'), lte(outboxMessages.nextAttemptAt, now), sql`${outboxMessages.attempts} >= ${maxAttempts}`))
    .returning({ id: outboxMessages.id });
  result.failed += abandoned.length;

  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.state, 'pending'), lte(outboxMessages.nextAttemptAt, now), lt(outboxMessages.attempts, maxAttempts)))
    .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(inArray(outboxMessages.id, due))
    .returning();
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  let serverDown: string | null = null;
  for (const row of claimed) {
    // This row's claim, as an optimistic lock for the outcome: a row re-claimed by someone else
    // after our lease ran out has a higher attempt count, and our late outcome is dropped.
    const mine = and(eq(outboxMessages.id, row.id), eq(outboxMessages.attempts, row.attempts), eq(outboxMessages.state, 'pending'));
    if (performance.now() - started > leaseMs / 2) {
      await db
        .update(outboxMessages)
        .set({ attempts: sql`${outboxMessages.attempts} - 1`, nextAttemptAt: clock.now() })
        .where(mine);
      continue;
    }
    let error: string | null = serverDown === null ? null : `not tried, server unavailable: ${serverDown}`;
    let messageId = '';
    if (error === null) {
      try {
        const attachments = await loadAttachments(row, deps.storage);
        ({ messageId } = await transport.send({
          from: mailFrom,
          to: row.to,
          subject: row.subject,
          text: row.text,
          ...(row.html !== null ? { html: row.html } : {}),
          ...(Object.keys(row.headers).length ? { headers: row.headers } : {}),
          ...(attachments.length ? { attachments } : {}),
          messageId: messageIdFor(row.id, mailFrom),
        }));
      } catch (err) {
        error = describeError(err);
        const code = (err as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && SERVER_DOWN.has(code)) serverDown = error;
      }
    }
    const at = clock.now();
    if (error === null) {
      // Not guarded by `mine`: the server has accepted this mail, whatever else happened meanwhile.
      await db
        .update(outboxMessages)
        .set({ state: 'sent', sentAt: at, messageId, lastError: null, nextAttemptAt: at, updatedAt: at })
        .where(eq(outboxMessages.id, row.id));
      result.sent++;
      continue;
    }
    const final = row.attempts >= maxAttempts;
    const updated = await db
      .update(outboxMessages)
      .set({
        state: final ? 'failed' : 'pending',
        nextAttemptAt: final ? at : new Date(at.getTime() + backoffMs(row.attempts)),
        lastError: error.slice(0, 2000),
        updatedAt: at,
      })
      .where(mine)
      .returning({ id: outboxMessages.id });
    if (updated.length) result[final ? 'failed' : 'retried']++;
  }
  return result;
}

async function loadAttachments(row: OutboxMessage, storage: AttachmentSource | undefined): Promise<MailAttachment[]> {
  if (!storage || row.attachments.length === 0) return [];
  const out: MailAttachment[] = [];
  for (const a of row.attachments) {
    const content = await storage.getBuffer(a.key);
    if (content === null) throw new Error(`attachment ${a.key} is missing from storage`);
    out.push({ filename: a.filename, content, contentType: a.contentType });
  }
  return out;
}
