// The back office's view of the mail outbox (ADM-4, SYS-1): list by state and address, read one mail (its body
// holds personal data: back office only, and the read is audited), retry one or every failed mail (audited).
import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { outboxMessages } from '../../platform/db/schema/platform.ts';
import { getMail, retryMail, type OutboxMessage } from '../../platform/outbox/outbox.ts';
import { vacancies } from '../vacancies/index.ts';
import { MAIL_PAGE_SIZE, type OutboxQuery } from './outbox.query.ts';

const listColumns = {
  id: outboxMessages.id,
  to: outboxMessages.to,
  subject: outboxMessages.subject,
  state: outboxMessages.state,
  attempts: outboxMessages.attempts,
  lastError: outboxMessages.lastError,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  sentAt: outboxMessages.sentAt,
  createdAt: outboxMessages.createdAt,
};
export type MailListItem = Pick<OutboxMessage, keyof typeof listColumns>;

/** Newest first, one page; the address matches as typed, in part, any case. */
export async function listOutbox(q: Queryable, f: OutboxQuery): Promise<{ total: number; rows: MailListItem[] }> {
  const parts: SQL[] = [];
  if (f.state) parts.push(eq(outboxMessages.state, f.state));
  if (f.to) parts.push(ilike(outboxMessages.to, `%${f.to.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = parts.length ? and(...parts) : undefined;
  const [n] = await q.select({ n: count() }).from(outboxMessages).where(where);
  const rows = await q
    .select(listColumns)
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(MAIL_PAGE_SIZE)
    .offset((f.page - 1) * MAIL_PAGE_SIZE);
  return { total: n?.n ?? 0, rows };
}

/** The back office's home figures: the review queue and the outbox's health. */
export async function homeFigures(q: Queryable): Promise<{ flagged: number; failedMail: number; pendingMail: number }> {
  const [v] = await q
    .select({ n: count() })
    .from(vacancies)
    .where(sql`${vacancies.reviewStatus} = 'flagged' AND ${vacancies.deletedAt} IS NULL AND ${vacancies.takenDownAt} IS NULL`);
  const byState = await q.select({ state: outboxMessages.state, n: count() }).from(outboxMessages).groupBy(outboxMessages.state);
  const of = (s: string) => byState.find((r) => r.state === s)?.n ?? 0;
  return { flagged: v?.n ?? 0, failedMail: of('failed'), pendingMail: of('pending') };
}

/** One mail with its body, for the back office; the read is audited (the body holds personal data). */
export async function readMail(db: Db, input: { actor: Actor; id: string }): Promise<OutboxMessage | null> {
  return db.transaction(async (tx) => {
    const m = await getMail(tx, input.id);
    if (!m) return null;
    await recordAudit(tx, input.actor, 'mail.read', { kind: 'outbox_message', id: m.id }, { to: m.to, subject: m.subject });
    return m;
  });
}

/** Puts one failed mail back in the queue (audited); false when there is no failed mail with that id. */
export async function retryOneMail(db: Db, input: { actor: Actor; id: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const m = await getMail(tx, input.id);
    if (!m || !(await retryMail(tx, m.id, input.now))) return false;
    await recordAudit(tx, input.actor, 'mail.retry', { kind: 'outbox_message', id: m.id }, { to: m.to, subject: m.subject, attempts: m.attempts, lastError: m.lastError });
    return true;
  });
}

/** Puts every failed mail back in the queue (one audit row with the count); returns how many. */
export async function retryAllFailed(db: Db, input: { actor: Actor; now: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(outboxMessages)
      .set({ state: 'pending', attempts: 0, nextAttemptAt: input.now, updatedAt: input.now })
      .where(eq(outboxMessages.state, 'failed'))
      .returning({ id: outboxMessages.id });
    await recordAudit(tx, input.actor, 'mail.retry_all', null, { count: rows.length });
    return rows.length;
  });
}
