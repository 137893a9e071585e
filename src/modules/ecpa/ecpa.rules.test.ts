// The pure eCPA rules: the typed account, the lockout arithmetic, link states, where a sign-in lands, 應用系統.
import { describe, expect, it } from 'vitest';
import { tokenState } from '../../platform/auth/tokens.ts';
import { afterFailure as afterFailureOf, isLocked } from '../../platform/auth/lockout.ts';
import { appsMenu, ECPA_LOCKOUT, ecpaLanding, LOCK_AFTER_FAILURES, LOCK_MINUTES, parseTypedAccount, resetExpiry, RESET_DAYS } from './ecpa.rules.ts';

const afterFailure = (s: Parameters<typeof afterFailureOf>[1], now: Date) => afterFailureOf(ECPA_LOCKOUT, s, now);
const NOW = new Date('2025-06-02T01:00:00Z');
const MIN = 60_000;

describe('ecpa rules', () => {
  it('ECPA-1 the 帳號 is a 自訂帳號 (without case, NFKC, trimmed) or a national ID number', () => {
    expect(parseTypedAccount(' Yilan.HR ')).toEqual({ kind: 'account', account: 'yilan.hr' });
    expect(parseTypedAccount('ｙｉｌａｎ．ｈｒ')).toEqual({ kind: 'account', account: 'yilan.hr' });
    expect(parseTypedAccount('g221508377')).toEqual({ kind: 'national-id', nationalId: 'G221508377' });
    expect(parseTypedAccount('G221508378')).toEqual({ kind: 'account', account: 'g221508378' }); // bad checksum: just a name
    expect(parseTypedAccount('   ')).toBeNull();
    expect(parseTypedAccount('x'.repeat(65))).toBeNull();
  });

  it(`SYS-4 the ${LOCK_AFTER_FAILURES}th failure in a row locks for ${LOCK_MINUTES} minutes; failures during a lock change nothing; an expired lock counts from zero`, () => {
    let s = afterFailure(null, NOW);
    expect(s).toEqual({ failedCount: 1, lockedUntil: null, lockedNow: false });
    for (let i = 2; i < LOCK_AFTER_FAILURES; i++) s = afterFailure(s, NOW);
    expect(s.failedCount).toBe(LOCK_AFTER_FAILURES - 1);
    s = afterFailure(s, NOW);
    expect(s.lockedNow).toBe(true);
    expect(s.lockedUntil).toEqual(new Date(NOW.getTime() + LOCK_MINUTES * MIN));
    expect(isLocked(s, NOW)).toBe(true);
    const during = afterFailure(s, new Date(NOW.getTime() + MIN));
    expect(during).toEqual({ failedCount: s.failedCount, lockedUntil: s.lockedUntil, lockedNow: false });
    const after = new Date(NOW.getTime() + LOCK_MINUTES * MIN);
    expect(isLocked(s, after)).toBe(false);
    expect(afterFailure(s, after)).toEqual({ failedCount: 1, lockedUntil: null, lockedNow: false });
  });

  it(`ECPA-1 a reset link is good for ${RESET_DAYS} days, once; used beats voided beats expired`, () => {
    const expiresAt = resetExpiry(NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(RESET_DAYS * 24 * 60 * MIN);
    const row = (over: object) => ({ purpose: 'staff.reset' as const, usedAt: null, voidedAt: null, expiresAt, ...over });
    expect(tokenState(row({}), NOW, ['staff.reset'])).toBe('ok');
    expect(tokenState(row({}), expiresAt, ['staff.reset'])).toBe('expired');
    expect(tokenState(row({ voidedAt: NOW, expiresAt: NOW }), NOW, ['staff.reset'])).toBe('voided');
    expect(tokenState(row({ usedAt: NOW, voidedAt: NOW, expiresAt: NOW }), NOW, ['staff.reset'])).toBe('used');
    expect(tokenState(row({ purpose: 'account.reset' }), NOW, ['staff.reset'])).toBe('wrong-purpose');
  });

  it('ECPA-1 a sign-in lands on a same-site path only, never on a sign-in page itself', () => {
    expect(ecpaLanding('/agency?page=2#top', '')).toBe('/agency?page=2#top');
    for (const bad of ['//evil.example', '/\\evil', 'https://evil.example', '/ecpa/login?next=/x', '/ecpa/reset?token=x', '/logout', '/ecpa/verify', '/職缺', 42, undefined, '/' + 'a'.repeat(1000)]) {
      expect(ecpaLanding(bad, 'FALLBACK'), String(bad)).toBe('FALLBACK');
    }
  });

  it('ECPA-4 應用系統: DD for agency HR (shown without a link to others), DK for everyone, 切換至後臺 for the back office', () => {
    expect(appsMenu(['agency_hr'])).toEqual([
      { code: 'DD', href: '/agency' },
      { code: 'DK', href: '/ecpa/dk' },
    ]);
    expect(appsMenu([])).toEqual([
      { code: 'DD', href: null },
      { code: 'DK', href: '/ecpa/dk' },
    ]);
    expect(appsMenu(['agency_hr', 'backoffice']).at(-1)).toEqual({ code: 'BACKOFFICE', href: '/backoffice' });
    // AGY (issue 10): the back office acts for any agency, so DD is a link for it too
    expect(appsMenu(['backoffice'])[0]).toEqual({ code: 'DD', href: '/agency' });
  });

  it('ECPA-6 MyData 履歷表下載 is on the menu of a civil servant only', () => {
    expect(appsMenu(['civil_servant'])).toEqual([
      { code: 'DD', href: null },
      { code: 'DK', href: '/ecpa/dk' },
      { code: 'MYDATA', href: '/ecpa/mydata' },
    ]);
    for (const roles of [[], ['agency_hr'], ['backoffice']] as const) expect(appsMenu(roles).map((i) => i.code)).not.toContain('MYDATA');
  });
});
