// Sign-in lockouts of every door (ACC-4, ECPA-1, SYS-4): one pure rule, parameterised by the door's policy, and one
// repository over login_throttles (door + key). The eCPA door counts per account name as typed (a keyed hash),
// known or not; the applicant door keeps its count on the account row (its 'locked' status is part of the account,
// lifted by a password reset) and uses the same rule with `lockMinutes: null` (locked until reset).
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { loginThrottles } from '../db/schema/platform.ts';

export interface LockoutPolicy {
  /** This many failures in a row lock … */
  readonly afterFailures: number;
  /** … for this long; null = until the password is reset. */
  readonly lockMinutes: number | null;
}

export interface ThrottleState {
  failedCount: number;
  lockedUntil: Date | null;
}

/** "Until reset": a lock with no end of its own. */
export const UNTIL_RESET = new Date('9999-12-31T00:00:00Z');

export function isLocked(state: ThrottleState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure: the count goes up, and the `afterFailures`-th in a row locks (and starts the
 * count again for a timed lock). A timed lock that has run out counts from zero. Failures during a lock change
 * nothing (the lock is not extended).
 */
export function afterFailure(policy: LockoutPolicy, state: ThrottleState | null | undefined, now: Date): ThrottleState & { lockedNow: boolean } {
  if (isLocked(state, now)) return { failedCount: state!.failedCount, lockedUntil: state!.lockedUntil, lockedNow: false };
  const failedCount = (state?.lockedUntil ? 0 : (state?.failedCount ?? 0)) + 1;
  if (failedCount < policy.afterFailures) return { failedCount, lockedUntil: null, lockedNow: false };
  if (policy.lockMinutes === null) return { failedCount, lockedUntil: UNTIL_RESET, lockedNow: true };
  return { failedCount: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
}

// ---- login_throttles ----

export type Door = 'ecpa' | 'applicant';

/** The throttle row, locked for the rest of the transaction (parallel attempts count one by one). */
export async function lockThrottle(q: Queryable, door: Door, key: string, now: Date): Promise<ThrottleState> {
  await q.insert(loginThrottles).values({ door, key, failedCount: 0, lockedUntil: null, updatedAt: now }).onConflictDoNothing();
  const [row] = await q
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.door, door), eq(loginThrottles.key, key)))
    .for('update');
  return { failedCount: row?.failedCount ?? 0, lockedUntil: row?.lockedUntil ?? null };
}

export async function readThrottle(q: Queryable, door: Door, key: string): Promise<ThrottleState | null> {
  const [row] = await q
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.door, door), eq(loginThrottles.key, key)));
  return row ? { failedCount: row.failedCount, lockedUntil: row.lockedUntil } : null;
}

export async function saveThrottle(q: Queryable, door: Door, key: string, state: ThrottleState, now: Date): Promise<void> {
  await q
    .update(loginThrottles)
    .set({ failedCount: state.failedCount, lockedUntil: state.lockedUntil, updatedAt: now })
    .where(and(eq(loginThrottles.door, door), eq(loginThrottles.key, key)));
}

/** Forgets the counts under these keys (a right password, a password reset). */
export async function clearThrottles(q: Queryable, door: Door, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await q.delete(loginThrottles).where(and(eq(loginThrottles.door, door), inArray(loginThrottles.key, [...keys])));
}

/** Deletes throttle rows untouched for `olderThanMs` and not locked (a scheduled clean-up). */
export async function purgeLoginThrottles(q: Queryable, now: Date, olderThanMs = 24 * 3_600_000): Promise<number> {
  const before = new Date(now.getTime() - olderThanMs);
  const gone = await q
    .delete(loginThrottles)
    .where(and(lt(loginThrottles.updatedAt, before), or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, now))))
    .returning({ key: loginThrottles.key });
  return gone.length;
}
