import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  PASSWORD_SPECIALS,
  isStrongPassword,
  passwordMessages,
  passwordProblems,
  type PasswordProblem,
} from './password-rule.ts';

describe('passwordProblems', () => {
  it.each([['Abcdef1!'], ['P@ssw0rd'], ['Zz9~Zz9~'], ['正確的Passw0rd!'], ['Aa1! with spaces'], ['A'.repeat(125) + 'a1!']])(
    'ACC-1 accepts "%s"',
    (pw) => {
      expect(passwordProblems(pw)).toEqual([]);
      expect(isStrongPassword(pw)).toBe(true);
      expect(passwordMessages(pw)).toEqual([]);
    },
  );

  it.each<[string, PasswordProblem[]]>([
    ['Abcde1!', ['too-short']],
    ['abcdefg1!', ['no-upper']],
    ['ABCDEFG1!', ['no-lower']],
    ['Abcdefgh!', ['no-digit']],
    ['Abcdefgh1', ['no-special']],
    ['Abcdefg 1', ['no-special']],
    ['', ['too-short', 'no-upper', 'no-lower', 'no-digit', 'no-special']],
    ['12345678', ['no-upper', 'no-lower', 'no-special']],
    ['password', ['no-upper', 'no-digit', 'no-special']],
    ['aA1!', ['too-short']],
  ])('ACC-1 "%s" has problems %j', (pw, expected) => {
    expect(passwordProblems(pw)).toEqual(expected);
    expect(isStrongPassword(pw)).toBe(false);
  });

  it('ACC-1 needs at least 8 characters: 7 is too short, 8 is enough', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(passwordProblems('Aa1!aaa')).toEqual(['too-short']);
    expect(passwordProblems('Aa1!aaaa')).toEqual([]);
  });

  it('ACC-1 caps the length at 128 characters', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    const at128 = 'Aa1!' + 'x'.repeat(124);
    expect(passwordProblems(at128)).toEqual([]);
    expect(passwordProblems(at128 + 'x')).toEqual(['too-long']);
    expect(passwordProblems('x'.repeat(200))).toEqual(['too-long', 'no-upper', 'no-digit', 'no-special']);
  });

  it('ACC-1 counts characters, not UTF-16 units', () => {
    // Each 𠮷 is one character but two UTF-16 code units.
    expect(passwordProblems('Aa1!𠮷𠮷𠮷')).toEqual(['too-short']);
    expect(passwordProblems('Aa1!𠮷𠮷𠮷𠮷')).toEqual([]);
    expect(passwordProblems('Aa1!' + '𠮷'.repeat(124))).toEqual([]);
    expect(passwordProblems('Aa1!' + '𠮷'.repeat(125))).toEqual(['too-long']);
  });

  it('ACC-1 every ASCII punctuation character counts as a special symbol', () => {
    expect(PASSWORD_SPECIALS).toHaveLength(32);
    for (const c of PASSWORD_SPECIALS) {
      expect(passwordProblems(`Abcdefg1${c}`), c).toEqual([]);
    }
  });

  it('ACC-1 spaces, full-width symbols and CJK characters are not special symbols', () => {
    expect(passwordProblems('Abcdefg1 ')).toEqual(['no-special']);
    expect(passwordProblems('Abcdefg1\t')).toEqual(['no-special']);
    expect(passwordProblems('Abcdefg1！')).toEqual(['no-special']);
    expect(passwordProblems('Abcdefg1密')).toEqual(['no-special']);
  });

  it('ACC-1 only ASCII letters and digits count', () => {
    expect(passwordProblems('ａｂｃｄｅｆ１!A')).toEqual(['no-lower', 'no-digit']);
    expect(passwordProblems('ÀÉÎõüñ1!')).toEqual(['no-upper', 'no-lower']);
  });

  it('ACC-1 the password is checked exactly as typed, without trimming', () => {
    expect(passwordProblems('  Aa1!  ')).toEqual([]);
    expect(passwordProblems(' Aa1! ')).toEqual(['too-short']);
  });
});

describe('messages', () => {
  it('ACC-1 has a zh-TW message for every problem', () => {
    const all: PasswordProblem[] = ['too-short', 'too-long', 'no-upper', 'no-lower', 'no-digit', 'no-special'];
    expect(Object.keys(PASSWORD_MESSAGES).sort()).toEqual([...all].sort());
    for (const p of all) expect(PASSWORD_MESSAGES[p]).toMatch(/^密碼/);
    expect(PASSWORD_MESSAGES['too-short']).toBe('密碼長度至少 8 個字元');
    expect(PASSWORD_MESSAGES['too-long']).toContain('128');
  });

  it('ACC-1 passwordMessages lists the messages of every problem in order', () => {
    expect(passwordMessages('abc')).toEqual([
      PASSWORD_MESSAGES['too-short'],
      PASSWORD_MESSAGES['no-upper'],
      PASSWORD_MESSAGES['no-digit'],
      PASSWORD_MESSAGES['no-special'],
    ]);
  });
});

describe('archive password (ACS-2 uses the ACC-1 rule)', () => {
  it('ACS-2 accepts a strong archive password', () => {
    expect(isStrongPassword('Resume#2026')).toBe(true);
  });

  it.each<[string, PasswordProblem[]]>([
    ['resume2026', ['no-upper', 'no-special']],
    ['Resume#', ['too-short', 'no-digit']],
    ['RESUME#2026', ['no-lower']],
  ])('ACS-2 refuses the weak archive password "%s" with %j', (pw, expected) => {
    expect(passwordProblems(pw)).toEqual(expected);
    expect(isStrongPassword(pw)).toBe(false);
  });
});
