// Applicant-account queries. No rules here: the use cases decide, this file reads and writes.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { applicantAccounts, type ApplicantStatus } from './account.schema.ts';

export type AccountRow = typeof applicantAccounts.$inferSelect;

const live = sql`${applicantAccounts.status} <> 'voided'`;

/** The account (not voided) whose email is `email` (already normalised), or null. */
export async function findLiveByEmail(q: Queryable, email: string): Promise<AccountRow | null> {
  const [row] = await q
    .select()
    .from(applicantAccounts)
    .where(and(eq(applicantAccounts.email, email), live))
    .limit(1);
  return row ?? null;
}

/** Is `email` in use by a live account other than `exceptId`? */
export async function emailTakenByOther(q: Queryable, email: string, exceptId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: applicantAccounts.id })
    .from(applicantAccounts)
    .where(and(eq(applicantAccounts.email, email), live, ne(applicantAccounts.id, exceptId)))
    .limit(1);
  return row !== undefined;
}

export async function findById(q: Queryable, id: string): Promise<AccountRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.id, id)).limit(1);
  return row ?? null;
}

/** The account, locked for the rest of the transaction (concurrent sign-ins count their failures one by one). */
export async function lockById(q: Queryable, id: string): Promise<AccountRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.id, id)).limit(1).for('update');
  return row ?? null;
}

/** Inserts a pending account; null when a live account already has this email (no error, no change). */
export async function insertPending(q: Queryable, input: { email: string; passwordHash: string; now: Date }): Promise<AccountRow | null> {
  const [row] = await q
    .insert(applicantAccounts)
    .values({ email: input.email, passwordHash: input.passwordHash, status: 'pending_activation', passwordHistory: [], createdAt: input.now, updatedAt: input.now })
    .onConflictDoNothing({ target: applicantAccounts.email, where: sql`status <> 'voided'` })
    .returning();
  return row ?? null;
}

export interface AccountChanges {
  email?: string;
  passwordHash?: string;
  passwordHistory?: string[];
  status?: ApplicantStatus;
  failedLoginCount?: number;
  activatedAt?: Date;
}

export async function updateAccount(q: Queryable, id: string, changes: AccountChanges, now: Date): Promise<void> {
  await q
    .update(applicantAccounts)
    .set({ ...changes, updatedAt: now })
    .where(eq(applicantAccounts.id, id));
}

/** True for the unique-violation a concurrent registration or email change can meet. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
