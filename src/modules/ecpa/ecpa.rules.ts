// eCPA sign-in rules (ECPA-1, ECPA-4, SYS-4). Pure: no I/O, no clock of their own.
import { safeNext } from '../../platform/http/platform.routes.tsx';
import { normalizeIdNumber, parseIdNumber } from '../../platform/tw/id-number.ts';
import type { StaffRole } from './staff.schema.ts';

/** SYS-4 lockout: this many wrong passwords in a row … */
export const LOCK_AFTER_FAILURES = 5;
/** … stop sign-ins for this long (minutes). A successful 忘記密碼 reset lifts the lock at once. */
export const LOCK_MINUTES = 15;
/** ECPA-1 忘記密碼: a reset link is valid 7 days (the applicant platform's ACC-5 period). */
export const RESET_DAYS = 7;
/** SYS-4: POSTs of 登入, 忘記密碼, 重設密碼 and 身分驗證 allowed per IP address and minute. */
export const ECPA_POSTS_PER_MINUTE = 10;
/** RES-4: an eCPA identity verification is good for this long. */
export const HRDB_VERIFICATION_TTL_MS = 10 * 60_000;
/** Longest 帳號 accepted at all. */
export const ACCOUNT_MAX_LENGTH = 64;

const MINUTE = 60_000;

// ---- the account as typed ----

/**
 * What the user typed in 帳號: an eCPA 自訂帳號 (compared without case) or, as on the real eCPA 「自訂帳號(如無
 * 自訂帳號者則請輸入身分證號)」, a national ID number.
 */
export type TypedAccount = { kind: 'account'; account: string } | { kind: 'national-id'; nationalId: string };

export function parseTypedAccount(input: string): TypedAccount | null {
  const s = input.normalize('NFKC').trim();
  if (s.length === 0 || s.length > ACCOUNT_MAX_LENGTH) return null;
  if (parseIdNumber(s).ok) return { kind: 'national-id', nationalId: normalizeIdNumber(s) };
  return { kind: 'account', account: s.toLowerCase() };
}

// ---- lockout ----

export interface ThrottleState {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more wrong password: the count goes up, and the LOCK_AFTER_FAILURES-th in a row locks for
 * LOCK_MINUTES (and starts the count again). A lock that has run out counts from zero. Wrong passwords during a
 * lock change nothing (the lock is not extended).
 */
export function afterFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState & { lockedNow: boolean } {
  if (isLocked(state, now)) return { failedCount: state!.failedCount, lockedUntil: state!.lockedUntil, lockedNow: false };
  const failedCount = (state?.lockedUntil ? 0 : (state?.failedCount ?? 0)) + 1;
  if (failedCount >= LOCK_AFTER_FAILURES) return { failedCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * MINUTE), lockedNow: true };
  return { failedCount, lockedUntil: null, lockedNow: false };
}

// ---- links ----

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_DAYS * 24 * 60 * MINUTE);
}

export type LinkState = 'ok' | 'invalid' | 'used' | 'voided' | 'expired';

/** What a reset link is worth at `now`. Used beats voided beats expired. */
export function linkState(row: { usedAt: Date | null; voidedAt: Date | null; expiresAt: Date } | null | undefined, now: Date): LinkState {
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.voidedAt) return 'voided';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'ok';
}

/** A token as it arrives in a link: 43 base64url characters (32 random bytes). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

// ---- where a sign-in lands ----

const ENTRY_PATHS = ['/ecpa/login', '/ecpa/forgot', '/ecpa/reset', '/ecpa/verify', '/logout'];

/**
 * The `next` a sign-in (or verification) may go to: a same-site path (safeNext) in printable ASCII, at most 1000
 * characters, not one of the sign-in pages themselves; anything else gives `fallback`.
 */
export function ecpaLanding(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length > 1000 || /[^!-~]/.test(next)) return fallback;
  const safe = safeNext(next, '');
  if (!safe) return fallback;
  const path = safe.split(/[?#]/)[0]!;
  return ENTRY_PATHS.some((p) => path === p || path.startsWith(p + '/')) ? fallback : safe;
}

// ---- 應用系統 (ECPA-4) ----

export interface AppsMenuItem {
  code: 'DD' | 'DK' | 'BACKOFFICE';
  /** null: shown without a link (the user has no access). */
  href: string | null;
}

/**
 * ECPA-4: DD:事求人機關徵才系統 (a link for agency HR staff; shown as not available to others) and DK:職缺應徵
 * (everyone); 切換至後臺 for the back office only.
 */
export function appsMenu(roles: readonly StaffRole[]): AppsMenuItem[] {
  const items: AppsMenuItem[] = [
    { code: 'DD', href: roles.includes('agency_hr') ? '/agency' : null },
    { code: 'DK', href: '/ecpa/dk' },
  ];
  if (roles.includes('backoffice')) items.push({ code: 'BACKOFFICE', href: '/backoffice' });
  return items;
}
