// eCPA staff queries: accounts (lockouts are platform login_throttles, reset links platform verification_tokens).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { staffUsers } from './staff.schema.ts';

export type StaffRow = typeof staffUsers.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export async function updateStaff(q: Queryable, id: string, changes: Partial<Pick<StaffRow, 'passwordHash' | 'failedLoginCount' | 'lastSignInAt' | 'lastSignInMethod'>>, now: Date): Promise<void> {
  await q
    .update(staffUsers)
    .set({ ...changes, updatedAt: now })
    .where(eq(staffUsers.id, id));
}

/** The staff user, locked for the rest of the transaction. */
export async function lockStaff(q: Queryable, id: string): Promise<StaffRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1).for('update');
  return row ?? null;
}
