/**
 * Taiwan identity numbers (SPEC RES-2, SYS-3).
 *
 * Three shapes share one checksum:
 *  - 國民身分證統一編號  `A123456789`  letter + [12] + 8 digits; 1 = male, 2 = female.
 *  - 舊式統一證號 (居留證) `AB23456789`  letter + [A-D] + 8 digits;
 *    A/C = male, B/D = female (A/B 臺灣地區無戶籍國民、大陸及港澳居民, C/D 外國人).
 *  - 新式統一證號 (2021-01-02 起) `A800000014` letter + [89] + 8 digits; 8 = male, 9 = female.
 *
 * Checksum: the first letter becomes its two-digit code (A=10 … see LETTER_CODES),
 * a second letter (old format) becomes the last digit of its code, then the 11 digits
 * are weighted 1,9,8,7,6,5,4,3,2,1,1 and the sum must be a multiple of 10.
 */

export type IdKind = 'national_id' | 'resident_old' | 'resident_new';
export type Gender = 'M' | 'F';

export type ParsedIdNumber =
  | { ok: true; id: string; kind: IdKind; gender: Gender }
  | { ok: false; reason: 'format' | 'checksum' };

/** Letter → two-digit area code. Note the out-of-order I, O, W, Z (legacy areas). */
export const LETTER_CODES: Readonly<Record<string, number>> = Object.freeze({
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
});

export const ID_WEIGHTS: readonly number[] = Object.freeze([1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]);

/** zh-TW messages for the refusal reasons, for form errors. */
export const ID_NUMBER_MESSAGES: Readonly<Record<'format' | 'checksum', string>> = Object.freeze({
  format: '身分證統一編號格式不正確（例：A123456789）',
  checksum: '身分證統一編號檢查碼錯誤，請確認是否輸入正確',
});

const NATIONAL = /^[A-Z][12]\d{8}$/;
const RESIDENT_OLD = /^[A-Z][A-D]\d{8}$/;
const RESIDENT_NEW = /^[A-Z][89]\d{8}$/;

/** Trim, full-width → half-width (NFKC), upper-case. */
export function normalizeIdNumber(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

function kindOf(id: string): IdKind | null {
  if (NATIONAL.test(id)) return 'national_id';
  if (RESIDENT_OLD.test(id)) return 'resident_old';
  if (RESIDENT_NEW.test(id)) return 'resident_new';
  return null;
}

function genderOf(id: string, kind: IdKind): Gender {
  const second = id.charAt(1);
  switch (kind) {
    case 'national_id':
      return second === '1' ? 'M' : 'F';
    case 'resident_old':
      return second === 'A' || second === 'C' ? 'M' : 'F';
    case 'resident_new':
      return second === '8' ? 'M' : 'F';
  }
}

/** True when the checksum of an already well-shaped (normalised) id holds. */
function checksumOk(id: string): boolean {
  const first = LETTER_CODES[id.charAt(0)];
  if (first === undefined) return false;
  const secondChar = id.charAt(1);
  const secondLetter = LETTER_CODES[secondChar];
  const second = secondLetter !== undefined ? secondLetter % 10 : Number(secondChar);
  const digits = [Math.floor(first / 10), first % 10, second, ...id.slice(2).split('').map(Number)];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits[i] ?? 0) * (ID_WEIGHTS[i] ?? 0);
  return sum % 10 === 0;
}

/**
 * Parse a national ID or resident certificate number.
 * Input is normalised first (trim, full-width → half-width, upper-case), so
 * `ａ１２３４５６７８９` and ` a123456789 ` both give `A123456789`.
 */
export function parseIdNumber(input: string): ParsedIdNumber {
  const id = normalizeIdNumber(input);
  const kind = kindOf(id);
  if (kind === null) return { ok: false, reason: 'format' };
  if (!checksumOk(id)) return { ok: false, reason: 'checksum' };
  return { ok: true, id, kind, gender: genderOf(id, kind) };
}

/** True when `input` parses as a valid ID of any kind. */
export function isValidIdNumber(input: string): boolean {
  return parseIdNumber(input).ok;
}

/** Gender encoded in a valid ID, or null when the ID does not parse. */
export function genderFromId(input: string): Gender | null {
  const parsed = parseIdNumber(input);
  return parsed.ok ? parsed.gender : null;
}

/** The mask character: ASCII `*`, so a masked ID keeps the width of the real one. */
export const ID_MASK_CHAR = '*';

/**
 * Mask an ID for lists and logs (SYS-3): keep the first 3 and last 3 characters,
 * replace everything between with ASCII `*` — `A123456789` → `A12****789`.
 * The input is normalised first; a string of 6 characters or fewer is masked entirely,
 * so nothing short can leak; an empty string stays empty.
 */
export function maskIdNumber(id: string): string {
  const s = normalizeIdNumber(id);
  const chars = [...s];
  if (chars.length <= 6) return ID_MASK_CHAR.repeat(chars.length);
  return chars.slice(0, 3).join('') + ID_MASK_CHAR.repeat(chars.length - 6) + chars.slice(-3).join('');
}
