import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../platform/tw/password-rule.ts';
import {
  ACTIVATION_HOURS,
  activationExpiry,
  afterFailedPassword,
  historyAfterChange,
  isEmailAddress,
  LOCK_AFTER_FAILURES,
  normaliseEmail,
  parseEmailChangePayload,
  recentPasswordHashes,
  resetExpiry,
  safeLanding,
  signInRefusal,
} from './account.rules.ts';

const NOW = new Date('2025-03-03T09:00:00+08:00');
const HOUR = 3_600_000;

describe('account rules', () => {
  it('ACC-1 an account is an email, compared without case or surrounding spaces', () => {
    expect(normaliseEmail('  Wang.XiaoMing@Example.TW ')).toBe('wang.xiaoming@example.tw');
    expect(normaliseEmail('ｗａｎｇ@example.tw')).toBe('wang@example.tw'); // full-width typed with a Chinese IME
    for (const ok of ['a@b.tw', 'wang.xiao-ming+jobs@mail.gov.tw', '王小明@例子.台灣']) expect(isEmailAddress(ok), ok).toBe(true);
    for (const bad of ['', 'a', 'a@b', '@b.tw', 'a@@b.tw', 'a b@c.tw', 'a@b .tw', 'a@-b.tw', 'a@b.t', 'a\n@b.tw', `${'x'.repeat(65)}@b.tw`, `a@${'b'.repeat(250)}.tw`]) {
      expect(isEmailAddress(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('ACC-4 locks the account at the third consecutive wrong password, not before', () => {
    let a = { status: 'active' as const, failedLoginCount: 0 } as { status: 'active' | 'locked' | 'pending_activation' | 'voided'; failedLoginCount: number };
    const seen: boolean[] = [];
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      const next = afterFailedPassword(a);
      seen.push(next.lockedNow);
      a = next;
    }
    expect(LOCK_AFTER_FAILURES).toBe(3);
    expect(seen).toEqual([false, false, true]);
    expect(a).toMatchObject({ status: 'locked', failedLoginCount: 3 });
    // A locked account stays locked and is not "locked again".
    expect(afterFailedPassword(a)).toEqual({ status: 'locked', failedLoginCount: 4, lockedNow: false });
    // A pending account locks too (a reset unlocks and activates it).
    expect(afterFailedPassword({ status: 'pending_activation', failedLoginCount: 2 })).toEqual({ status: 'locked', failedLoginCount: 3, lockedNow: true });
  });

  it('ACC-4 only an active account signs in; a locked one is told so, a pending one is told to activate', () => {
    expect(signInRefusal('active')).toBeNull();
    expect(signInRefusal('locked')).toBe('locked');
    expect(signInRefusal('pending_activation')).toBe('inactive');
    expect(signInRefusal('voided')).toBe('invalid');
  });

  it('ACC-2 an activation link is valid the configured hours (24 by default) and a reset link 7 days (ACC-5)', () => {
    expect(ACTIVATION_HOURS).toBe(24);
    expect(activationExpiry(NOW, ACTIVATION_HOURS).getTime() - NOW.getTime()).toBe(24 * HOUR);
    expect(activationExpiry(NOW, 2).getTime() - NOW.getTime()).toBe(2 * HOUR);
    expect(activationExpiry(NOW, 72).getTime() - NOW.getTime()).toBe(72 * HOUR);
    expect(resetExpiry(NOW).getTime() - NOW.getTime()).toBe(7 * 24 * HOUR);
  });

  it('ACC-5 a new password is checked against the current one and the two before it', () => {
    expect(recentPasswordHashes('h4', ['h3', 'h2', 'h1'])).toEqual(['h4', 'h3', 'h2']);
    expect(recentPasswordHashes('h1', [])).toEqual(['h1']);
    // After changing away from h4 the history keeps just enough to check the next change.
    expect(historyAfterChange('h4', ['h3', 'h2'])).toEqual(['h4', 'h3']);
    expect(historyAfterChange('h1', [])).toEqual(['h1']);
    expect(recentPasswordHashes('h5', historyAfterChange('h4', ['h3', 'h2']))).toEqual(['h5', 'h4', 'h3']);
  });

  it('ACC-7 an email-change link carries the new email and the new password hash, or is refused', () => {
    expect(parseEmailChangePayload({ newEmail: 'n@example.tw', passwordHash: '$argon2id$x' })).toEqual({ newEmail: 'n@example.tw', passwordHash: '$argon2id$x' });
    expect(parseEmailChangePayload({ newEmail: 'n@example.tw' })).toBeNull();
    expect(parseEmailChangePayload({})).toBeNull();
  });

  it('ACC-4 a sign-in goes back only to a same-site path that is not a sign-in page', () => {
    expect(safeLanding('/platform/apply/1150500001', '/platform/resume')).toBe('/platform/apply/1150500001');
    expect(safeLanding('/jobs?keyword=%E4%BA%BA', '/x')).toBe('/jobs?keyword=%E4%BA%BA');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/platform/login?next=/x', '/platform/reset?token=x', '/logout', '/jobs/人事', '', undefined, ['/x']]) {
      expect(safeLanding(bad, '/platform/resume'), String(bad)).toBe('/platform/resume');
    }
  });

  it('ACC-1 the checklist in the browser (public/js/password-check.js) agrees with the server rule', () => {
    const source = readFileSync(new URL('../../../public/js/password-check.js', import.meta.url), 'utf8');
    const sandbox: { window: { shiqiurenPasswordRule?: { check(pw: string): Record<string, boolean> } } } = { window: {} };
    runInNewContext(source, sandbox);
    const check = sandbox.window.shiqiurenPasswordRule!.check;
    const samples = ['', 'Abcdef1!', 'abcdefg1!', 'ABCDEFG1!', 'Abcdefgh!', 'Abcdefgh1', 'Abcdefg 1', 'Abc1!', '正確的Passw0rd!', 'Ａbcdefg1!', 'Abcdefg１!', 'A'.repeat(125) + 'a1!', 'A'.repeat(126) + 'a1!', '😀😀😀😀Aa1!', 'Aa1~Aa1~', 'Aa1"Aa1\\'];
    const keyOf = { 'too-short': 'length', 'too-long': 'length', 'no-upper': 'upper', 'no-lower': 'lower', 'no-digit': 'digit', 'no-special': 'special' } as const;
    for (const pw of samples) {
      const server = new Set(passwordProblems(pw).map((p) => keyOf[p]));
      const browser = check(pw);
      for (const key of ['length', 'upper', 'lower', 'digit', 'special']) expect(browser[key], `${JSON.stringify(pw)} ${key}`).toBe(!server.has(key as never));
    }
  });
});
