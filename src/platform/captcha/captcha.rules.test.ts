import { describe, expect, it } from 'vitest';
import { answerMatches, captchaErrorMessage, challengeState, CODE_LENGTH, generateCode, normaliseAnswer } from './captcha.rules.ts';

const seq = (...ds: number[]) => {
  let i = 0;
  return () => ds[i++ % ds.length]!;
};

describe('captcha rules', () => {
  it('ACC-4 a code is 5 digits from the random source by default', () => {
    expect(CODE_LENGTH).toBe(5);
    expect(generateCode(seq(0, 9, 1, 8, 2))).toBe('09182');
    expect(generateCode(seq(7), 8)).toBe('77777777');
  });

  it('ACC-4 a code asks the random source for digits 0–9 and refuses anything else', () => {
    const asked: number[] = [];
    generateCode((max) => (asked.push(max), 0));
    expect(asked).toEqual([10, 10, 10, 10, 10]);
    expect(() => generateCode(() => 10)).toThrow(RangeError);
    expect(() => generateCode(() => 1.5)).toThrow(RangeError);
    expect(() => generateCode(seq(1), 0)).toThrow(RangeError);
  });

  it('ACC-4 full-width digits become ASCII and every space is dropped', () => {
    expect(normaliseAnswer('１２３４５')).toBe('12345');
    expect(normaliseAnswer(' 12 3\t4　5 ')).toBe('12345');
    expect(normaliseAnswer('１ ２３　４５')).toBe('12345');
  });

  it('SYS-5 Chinese numerals heard in the audio count as the digits', () => {
    expect(normaliseAnswer('零一二三四五六七八九')).toBe('0123456789');
    expect(normaliseAnswer('〇')).toBe('0');
  });

  it('ACC-4 anything but a string is an empty answer, and an empty answer never matches', () => {
    expect(normaliseAnswer(undefined)).toBe('');
    expect(normaliseAnswer(['12345'])).toBe('');
    expect(normaliseAnswer(12345)).toBe('');
    expect(answerMatches('12345', '')).toBe(false);
    expect(answerMatches('', '')).toBe(false);
  });

  it('ACC-4 an answer matches only the exact digits', () => {
    expect(answerMatches('12345', '１２３ ４５')).toBe(true);
    expect(answerMatches('12345', '1234')).toBe(false);
    expect(answerMatches('12345', '123456')).toBe(false);
    expect(answerMatches('12345', '12345a')).toBe(false);
  });

  it('ACC-4 a challenge is open until it is used or 5 minutes have passed', () => {
    const now = new Date('2025-03-03T01:00:00Z');
    const later = new Date(now.getTime() + 1);
    expect(challengeState(null, now)).toBe('missing');
    expect(challengeState({ usedAt: now, expiresAt: later }, now)).toBe('used');
    expect(challengeState({ usedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(challengeState({ usedAt: null, expiresAt: later }, now)).toBe('open');
  });

  it('ACC-4 every refusal tells the user, in Chinese, to read the new image', () => {
    for (const reason of ['missing', 'wrong', 'expired', 'used'] as const) expect(captchaErrorMessage(reason)).toMatch(/^驗證碼.*新圖片/);
    expect(captchaErrorMessage('wrong')).toContain('不正確');
    expect(captchaErrorMessage('expired')).toContain('逾時');
  });
});
