// Applicant-account rules (ACC-1 … ACC-8). Pure: no I/O, no clock of their own.
import { safeLanding as platformSafeLanding } from '../../platform/http/landing.ts';
import { afterFailure, type LockoutPolicy } from '../../platform/auth/lockout.ts';
import type { ApplicantStatus } from './account.schema.ts';

/**
 * ACC-2: an activation link (also the one sent to a new address on 變更帳號) is valid this many hours by default.
 * The value in force is `config.activationHours` (env ACTIVATION_HOURS), carried by AccountDeps.activationHours;
 * this constant only documents the default and must agree with the one in src/config.ts.
 */
export const ACTIVATION_HOURS = 24;
/** ACC-5: a password-reset link is valid 7 days. */
export const RESET_DAYS = 7;
/** ACC-4: this many consecutive wrong passwords lock the account until a password reset. */
export const LOCK_AFTER_FAILURES = 3;
/** ACC-5: a new password may not be any of the last 3 passwords (the current one and the 2 before it). */
export const PASSWORD_HISTORY_SIZE = 3;
/** SYS-4: POSTs of 登入, 註冊, 重寄確認信, 忘記密碼 and 重設密碼 allowed per IP address and minute. */
export const ACCOUNT_POSTS_PER_MINUTE = 10;
/** Longest email address accepted (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

const HOUR = 3_600_000;

/** ACC-2: when an activation (or 變更帳號) link issued at `now` expires, given the configured lifetime in hours. */
export function activationExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * HOUR);
}

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_DAYS * 24 * HOUR);
}

/** Accounts are email addresses, compared without case and surrounding spaces. */
export function normaliseEmail(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

/**
 * A plain, practical email check: one @, a dotted domain, no spaces or control characters, ≤ 254.
 * (The mailbox proves itself by the activation link; this only catches typing mistakes.)
 */
export function isEmailAddress(email: string): boolean {
  if (email.length === 0 || email.length > EMAIL_MAX_LENGTH) return false;
  return /^[^\s@<>()[\]\\,;:"\p{Cc}]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u.test(email);
}

// ---- sign-in (ACC-4) ----

export type LoginRefusal = 'invalid' | 'locked' | 'inactive';

/** May an account with this status sign in once its password is right? */
export function signInRefusal(status: ApplicantStatus): LoginRefusal | null {
  if (status === 'active') return null;
  if (status === 'locked') return 'locked';
  if (status === 'pending_activation') return 'inactive';
  return 'invalid'; // voided: as if unknown
}

/** ACC-4: the applicant door's lockout (platform/auth/lockout.ts): LOCK_AFTER_FAILURES in a row lock until reset. */
export const APPLICANT_LOCKOUT: LockoutPolicy = { afterFailures: LOCK_AFTER_FAILURES, lockMinutes: null };

/**
 * The account after one more wrong password: the count goes up, and the third in a row locks it (the platform
 * rule; the count and the 'locked' status stay on the account row, lifted by a password reset). A locked or voided
 * account keeps its status.
 */
export function afterFailedPassword(account: { status: ApplicantStatus; failedLoginCount: number }): {
  status: ApplicantStatus;
  failedLoginCount: number;
  lockedNow: boolean;
} {
  if (account.status === 'locked' || account.status === 'voided') return { status: account.status, failedLoginCount: account.failedLoginCount + 1, lockedNow: false };
  // A lock until reset has no end, so the time of the failure plays no part: any instant will do.
  const next = afterFailure(APPLICANT_LOCKOUT, { failedCount: account.failedLoginCount, lockedUntil: null }, new Date(0));
  return { status: next.lockedNow ? 'locked' : account.status, failedLoginCount: next.failedCount, lockedNow: next.lockedNow };
}

// ---- password history (ACC-5, ACC-6, ACC-7) ----

/**
 * The hashes a new password must not match: the current one and the ones before it, newest first,
 * PASSWORD_HISTORY_SIZE in all ("不能與前三次密碼相同").
 */
export function recentPasswordHashes(current: string, history: readonly string[]): string[] {
  return [current, ...history.filter((h) => h !== current)].slice(0, PASSWORD_HISTORY_SIZE);
}

/** The history to store once the password changes away from `current`: previous passwords, newest first, just enough to check. */
export function historyAfterChange(current: string, history: readonly string[]): string[] {
  return [current, ...history.filter((h) => h !== current)].slice(0, PASSWORD_HISTORY_SIZE - 1);
}

// ---- 變更帳號 (ACC-7) ----

export interface EmailChangePayload {
  newEmail: string;
  passwordHash: string;
}

export function parseEmailChangePayload(payload: Record<string, unknown>): EmailChangePayload | null {
  const { newEmail, passwordHash } = payload;
  return typeof newEmail === 'string' && typeof passwordHash === 'string' && newEmail && passwordHash ? { newEmail, passwordHash } : null;
}

// ---- where a sign-in lands (ACC-4, PUB-3) ----

const ACCOUNT_ENTRY_PATHS = ['/platform/login', '/platform/register', '/platform/activate', '/platform/reset', '/logout'];

/**
 * The `next` a sign-in may go back to: a same-site path in printable ASCII (it goes into a Location header),
 * not one of the sign-in pages themselves; anything else gives `fallback`.
 */
export function safeLanding(next: unknown, fallback: string): string {
  return platformSafeLanding(next, fallback, { exclude: ACCOUNT_ENTRY_PATHS });
}
