// eCPA sign-in rules (ECPA-1, ECPA-4, SYS-4). Pure: no I/O, no clock of their own.
import { safeLanding } from '../../platform/http/landing.ts';
import type { LockoutPolicy } from '../../platform/auth/lockout.ts';
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

/** ECPA-1 / SYS-4: the eCPA door's lockout (platform/auth/lockout.ts), per account name as typed. */
export const ECPA_LOCKOUT: LockoutPolicy = { afterFailures: LOCK_AFTER_FAILURES, lockMinutes: LOCK_MINUTES };

// ---- links ----

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_DAYS * 24 * 60 * MINUTE);
}

export type LinkState = 'ok' | 'invalid' | 'used' | 'voided' | 'expired';

// ---- where a sign-in lands ----

const ENTRY_PATHS = ['/ecpa/login', '/ecpa/forgot', '/ecpa/reset', '/ecpa/verify', '/logout'];

/**
 * The `next` a sign-in (or verification) may go to: a same-site path (platform landing check) in printable ASCII, at most 1000
 * characters, not one of the sign-in pages themselves; anything else gives `fallback`.
 */
export function ecpaLanding(next: unknown, fallback: string): string {
  return safeLanding(next, fallback, { exclude: ENTRY_PATHS });
}

// ---- 應用系統 (ECPA-4) ----

export interface AppsMenuItem {
  code: 'DD' | 'DK' | 'MYDATA' | 'BACKOFFICE';
  /** null: shown without a link (the user has no access). */
  href: string | null;
}

/**
 * ECPA-4: DD:事求人機關徵才系統 (a link for agency HR staff and the back office, which acts for any agency — issue 10;
 * shown as not available to others) and DK:職缺應徵
 * (everyone); MyData 履歷表下載 (ECPA-6) for a serving civil servant only (others are not shown it: its route
 * answers them 404); 切換至後臺 for the back office only.
 */
export function appsMenu(roles: readonly StaffRole[]): AppsMenuItem[] {
  const items: AppsMenuItem[] = [
    { code: 'DD', href: roles.includes('agency_hr') || roles.includes('backoffice') ? '/agency' : null },
    { code: 'DK', href: '/ecpa/dk' },
  ];
  if (roles.includes('civil_servant')) items.push({ code: 'MYDATA', href: '/ecpa/mydata' });
  if (roles.includes('backoffice')) items.push({ code: 'BACKOFFICE', href: '/backoffice' });
  return items;
}
