// Captcha rules (ACC-1, ACC-4, SYS-5): the code, what a typed answer means, when a challenge may be answered.
// Pure: the random source and the time are passed in.

/** Digits in a code. Digits only, so that the audio can read every code aloud. */
export const CODE_LENGTH = 5;
/** A challenge may be answered for 5 minutes after it is issued. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** Longest answer accepted at all (the test code may have up to 8 digits; spaces are allowed and dropped). */
export const ANSWER_MAX_LENGTH = 20;

/** Returns an integer in [0, maxExclusive), uniformly: node:crypto's `randomInt` in production. */
export type RandomInt = (maxExclusive: number) => number;

export function generateCode(random: RandomInt, length = CODE_LENGTH): string {
  if (!Number.isInteger(length) || length < 1 || length > 12) throw new RangeError('captcha length must be 1 to 12');
  let code = '';
  for (let i = 0; i < length; i++) {
    const d = random(10);
    if (!Number.isInteger(d) || d < 0 || d > 9) throw new RangeError(`random source gave ${d}, not a digit`);
    code += String(d);
  }
  return code;
}

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * What the user meant: full-width digits (１２３, typed with a Chinese IME) become ASCII, Chinese numerals
 * heard in the audio (一二三) become digits, and every space (also the full-width U+3000) is dropped.
 * Anything that is not a string is an empty answer.
 */
export function normaliseAnswer(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input
    .slice(0, ANSWER_MAX_LENGTH * 2)
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[〇零一二三四五六七八九]/gu, (c) => CHINESE_DIGITS[c] ?? c);
}

/** Does the typed answer match the code? Both sides normalised; an empty answer never matches. */
export function answerMatches(code: string, input: unknown): boolean {
  const given = normaliseAnswer(input);
  return given.length > 0 && given === normaliseAnswer(code);
}

export type ChallengeState = 'missing' | 'used' | 'expired' | 'open';

/** The state of a session's latest challenge at `now`. */
export function challengeState(challenge: { usedAt: Date | null; expiresAt: Date } | null | undefined, now: Date): ChallengeState {
  if (!challenge) return 'missing';
  if (challenge.usedAt) return 'used';
  if (challenge.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

export type CaptchaRefusal = 'missing' | 'wrong' | 'expired' | 'used';

/** The message shown beside the 驗證碼 field (zh-TW). Every refusal means: read the new image and try again. */
export function captchaErrorMessage(reason: CaptchaRefusal): string {
  switch (reason) {
    case 'wrong':
      return '驗證碼不正確，請輸入新圖片中的數字。';
    case 'expired':
      return '驗證碼已逾時（5 分鐘內有效），請輸入新圖片中的數字。';
    case 'used':
    case 'missing':
      return '驗證碼已失效，請輸入新圖片中的數字。';
  }
}
