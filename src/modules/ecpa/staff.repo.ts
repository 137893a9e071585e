// eCPA staff queries: accounts, sign-in throttles, password-reset links. No rules here.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { staffLoginThrottles, staffPasswordResets, staffUsers } from './staff.schema.ts';
import type { ThrottleState } from './ecpa.rules.ts';

export type StaffRow = typeof staffUsers.$inferSelect;
export type ResetRow = typeof staffPasswordResets.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export async function findStaffById(q: Queryable, id: string): Promise<StaffRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

/** By 自訂帳號, without case (`account` already lower-cased); two accounts differing only in case: none. */
export async function findStaffByAccount(q: Queryable, account: string): Promise<StaffRow | null> {
  const rows = await q
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.account}) = ${account}`)
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

/** By national-ID hash (any of the candidates): only when exactly one account has it (several would be ambiguous: none). */
export async function findStaffByNationalIdHash(q: Queryable, hashes: readonly string[]): Promise<StaffRow | null> {
  const rows = await q.select().from(staffUsers).where(inArray(staffUsers.nationalIdHash, [...hashes])).limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

/** Re-hashes a staff user's national ID under the current data key (found by a previous or legacy hash). */
export async function setStaffNationalIdHash(q: Queryable, id: string, nationalIdHash: string): Promise<void> {
  await q.update(staffUsers).set({ nationalIdHash }).where(eq(staffUsers.id, id));
}

export async function updateStaff(q: Queryable, id: string, changes: Partial<Pick<StaffRow, 'passwordHash' | 'failedLoginCount'>>, now: Date): Promise<void> {
  await q
    .update(staffUsers)
    .set({ ...changes, updatedAt: now })
    .where(eq(staffUsers.id, id));
}

// ---- throttles ----

/** The throttle row, locked for the rest of the transaction (parallel attempts count one by one). */
export async function lockThrottle(q: Queryable, key: string, now: Date): Promise<ThrottleState> {
  await q.insert(staffLoginThrottles).values({ key, failedCount: 0, lockedUntil: null, updatedAt: now }).onConflictDoNothing();
  const [row] = await q.select().from(staffLoginThrottles).where(eq(staffLoginThrottles.key, key)).for('update');
  return { failedCount: row?.failedCount ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

export async function readThrottle(q: Queryable, key: string): Promise<ThrottleState | null> {
  const [row] = await q.select().from(staffLoginThrottles).where(eq(staffLoginThrottles.key, key));
  return row ? { failedCount: row.failedCount, lockedUntil: row.lockedUntil } : null;
}

export async function saveThrottle(q: Queryable, key: string, state: ThrottleState, now: Date): Promise<void> {
  await q.update(staffLoginThrottles).set({ failedCount: state.failedCount, lockedUntil: state.lockedUntil, updatedAt: now }).where(eq(staffLoginThrottles.key, key));
}

export async function clearThrottles(q: Queryable, keys: readonly string[]): Promise<void> {
  for (const key of keys) await q.delete(staffLoginThrottles).where(eq(staffLoginThrottles.key, key));
}

/** Deletes throttle rows untouched for `olderThanMs` and not locked (for a scheduled clean-up). */
export async function purgeLoginThrottles(q: Queryable, now: Date, olderThanMs = 24 * 3_600_000): Promise<number> {
  const before = new Date(now.getTime() - olderThanMs);
  const gone = await q
    .delete(staffLoginThrottles)
    .where(and(lt(staffLoginThrottles.updatedAt, before), or(isNull(staffLoginThrottles.lockedUntil), lt(staffLoginThrottles.lockedUntil, now))))
    .returning({ key: staffLoginThrottles.key });
  return gone.length;
}

// ---- reset links ----

export async function insertReset(q: Queryable, input: { staffUserId: string; tokenHash: string; expiresAt: Date; now: Date }): Promise<void> {
  await q.insert(staffPasswordResets).values({ staffUserId: input.staffUserId, tokenHash: input.tokenHash, expiresAt: input.expiresAt, createdAt: input.now });
}

/** Voids the staff user's open (unused, unvoided) links. */
export async function voidResets(q: Queryable, staffUserId: string, now: Date): Promise<void> {
  await q
    .update(staffPasswordResets)
    .set({ voidedAt: now })
    .where(and(eq(staffPasswordResets.staffUserId, staffUserId), isNull(staffPasswordResets.usedAt), isNull(staffPasswordResets.voidedAt)));
}

export async function findReset(q: Queryable, tokenHash: string, forUpdate = false): Promise<ResetRow | null> {
  const query = q.select().from(staffPasswordResets).where(eq(staffPasswordResets.tokenHash, tokenHash)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function markResetUsed(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(staffPasswordResets).set({ usedAt: now }).where(eq(staffPasswordResets.id, id));
}

/** The staff user, locked for the rest of the transaction. */
export async function lockStaff(q: Queryable, id: string): Promise<StaffRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1).for('update');
  return row ?? null;
}
