/**
 * The password rule of SPEC ACC-1 (register, ACC-5 reset) and ACS-2 (調閱履歷 archive password):
 * at least 8 characters mixing an upper-case letter, a lower-case letter, a digit and a special
 * symbol; at most 128 characters.
 *
 * Decisions:
 *  - Length counts Unicode code points (an emoji or a rare CJK character counts as 1).
 *  - Letters and digits are ASCII only: A–Z, a–z, 0–9. Full-width `Ａ` or `１` do not count as
 *    upper case or digit (they are still allowed and count toward the length).
 *  - Special symbol = one of the 32 ASCII punctuation characters
 *    !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ . A space does NOT count as a special symbol (it is easy
 *    to type by accident and hard to see), but spaces are allowed and count toward the length.
 *  - The password is never trimmed or normalised: what is checked is what gets hashed.
 */

export type PasswordProblem = 'too-short' | 'too-long' | 'no-upper' | 'no-lower' | 'no-digit' | 'no-special';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The ASCII punctuation characters that count as a special symbol. */
export const PASSWORD_SPECIALS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** zh-TW messages, one per problem, in the order `passwordProblems` reports them. */
export const PASSWORD_MESSAGES: Readonly<Record<PasswordProblem, string>> = Object.freeze({
  'too-short': `密碼長度至少 ${PASSWORD_MIN_LENGTH} 個字元`,
  'too-long': `密碼長度不可超過 ${PASSWORD_MAX_LENGTH} 個字元`,
  'no-upper': '密碼須包含至少 1 個大寫英文字母（A-Z）',
  'no-lower': '密碼須包含至少 1 個小寫英文字母（a-z）',
  'no-digit': '密碼須包含至少 1 個數字（0-9）',
  'no-special': '密碼須包含至少 1 個特殊符號（例如 !@#$%&*，空白不算）',
});

/** Every way `pw` breaks the rule, in a fixed order; empty when the password is acceptable. */
export function passwordProblems(pw: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...pw].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too-short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too-long');
  if (!/[A-Z]/.test(pw)) problems.push('no-upper');
  if (!/[a-z]/.test(pw)) problems.push('no-lower');
  if (!/[0-9]/.test(pw)) problems.push('no-digit');
  if (![...pw].some((c) => PASSWORD_SPECIALS.includes(c))) problems.push('no-special');
  return problems;
}

/** True when the password meets the rule. */
export function isStrongPassword(pw: string): boolean {
  return passwordProblems(pw).length === 0;
}

/** The zh-TW messages for every problem of `pw` (empty when acceptable). */
export function passwordMessages(pw: string): string[] {
  return passwordProblems(pw).map((p) => PASSWORD_MESSAGES[p]);
}
