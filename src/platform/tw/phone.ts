/**
 * Taiwan phone numbers (SPEC RES-1 聯絡電話, vacancy contact phones).
 *
 * `parsePhone` accepts what people type and what DGPA postings hold:
 *  - separators: spaces, hyphens/dashes, dots, parentheses around the area code — `(02)7734-1315`;
 *  - full-width characters (NFKC): `０４－２５２７１１８０＃２３１５`;
 *  - international prefixes: `+886`, `00886`, an IDD such as `002886`, with or without the
 *    trunk `0` or `(0)` after the country code — `+886-4-2527-1180`, `+886 (0)912 345 678`;
 *  - an extension after 分機 / 轉 / # / ＃ / ext / ext. / x (any case, spaces and `:` allowed),
 *    1–6 digits, kept exactly as written (digits made half-width).
 *
 * The area code is inferred from the digits (NCC 長途區號): 02 (8-digit subscriber numbers),
 * 03/05/06/07/08 (7), 04 (7 or 8), 037 苗栗 (6), 049 南投 (7), 082 金門 (6), 089 臺東 (6),
 * 0826 烏坵 (5), 0836 馬祖 (5); the longest matching code wins. Mobile is `09[0-8]` + 7 digits;
 * toll-free `080[0-79]` + 6 digits (or `0800` + 5); VoIP 070, premium 020x, UAN 050x and
 * personal 099 numbers are kind 'other' (libphonenumber TW metadata). A subscriber number
 * never starts with 0.
 *
 * `national` is the national number with its leading 0 and no extension; `areaCode` includes the
 * leading 0 (`04`). `display`: fixed `(04)2527-1180` (last four digits grouped: 8 → 4-4,
 * 7 → 3-4, 6 → 2-4, 5 → 1-4), mobile `0912-345-678`, toll-free `0800-000-123`; an extension is
 * appended as ` #2315` (libphonenumber's preferred extension prefix for TW).
 */

export type PhoneKind = 'fixed' | 'mobile' | 'tollfree' | 'other';

export type ParsedPhone =
  | { ok: true; national: string; areaCode?: string; extension?: string; kind: PhoneKind; display: string }
  | { ok: false; reason: 'format' };

/** zh-TW message for a refused phone number, for form errors. */
export const PHONE_MESSAGES: Readonly<Record<'format', string>> = Object.freeze({
  format: '電話號碼格式不正確，請含區碼填寫（例：02-2345-6789 分機 123 或 0912-345-678）',
});

/** Area codes (with the trunk 0) and the lengths of their subscriber numbers, longest code first. */
export const AREA_CODES: ReadonlyArray<readonly [code: string, subscriberLengths: readonly number[]]> = Object.freeze([
  ['0826', [5]], ['0836', [5]],
  ['037', [6]], ['049', [7]], ['082', [6]], ['089', [6]],
  ['02', [8]], ['03', [7]], ['04', [7, 8]], ['05', [7]], ['06', [7]], ['07', [7]], ['08', [7]],
] as const);

const EXTENSION = /^(.*?)\s*(?:分機|轉|#|ext\.?|x)\s*:?\s*(\d{1,6})$/i;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.]/g;
const INTERNATIONAL = /^(?:\+|00|0(?:0[25-79]|19))886(.*)$/;

interface Classified { kind: PhoneKind; areaCode?: string; display: string }

function groupLastFour(s: string): string {
  return s.length <= 4 ? s : `${s.slice(0, -4)}-${s.slice(-4)}`;
}

function classify(n: string): Classified | null {
  if (/^09[0-8]\d{7}$/.test(n)) return { kind: 'mobile', display: `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}` };
  if (/^080[0-79]\d{6}$/.test(n)) return { kind: 'tollfree', display: `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}` };
  if (/^0800\d{5}$/.test(n)) return { kind: 'tollfree', display: `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6)}` };
  if (/^070\d{8}$/.test(n)) return { kind: 'other', display: `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}` };
  if (/^(?:020[013-9]|050[0-46-9]|099\d)\d{6}$/.test(n)) {
    return { kind: 'other', display: `${n.slice(0, 4)}-${n.slice(4, 7)}-${n.slice(7)}` };
  }
  for (const [code, lengths] of AREA_CODES) {
    if (!n.startsWith(code)) continue;
    const subscriber = n.slice(code.length);
    if (!/^[1-9]\d*$/.test(subscriber) || !lengths.includes(subscriber.length)) continue;
    return { kind: 'fixed', areaCode: code, display: `(${code})${groupLastFour(subscriber)}` };
  }
  return null;
}

/** Parentheses, if any, must pair up without nesting: `(02)…`, `+886 (0)2…`. */
function parenthesesBalanced(s: string): boolean {
  let open = false;
  for (const c of s) {
    if (c === '(') {
      if (open) return false;
      open = true;
    } else if (c === ')') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

/** The national number (with its leading 0) of the main part, or null. */
function nationalDigits(main: string): string | null {
  if (!parenthesesBalanced(main)) return null;
  const compact = main.replace(SEPARATORS, '').replace(/[()]/g, '');
  const intl = INTERNATIONAL.exec(compact);
  if (intl) {
    const rest = (intl[1] ?? '').replace(/^0/, '');
    return /^[1-9]\d{5,10}$/.test(rest) ? `0${rest}` : null;
  }
  return /^0\d{6,11}$/.test(compact) ? compact : null;
}

/** Parse one Taiwan phone number, optionally with an extension. See the module comment. */
export function parsePhone(input: string): ParsedPhone {
  const s = input.normalize('NFKC').trim();
  const ext = EXTENSION.exec(s);
  const main = ext ? (ext[1] ?? '') : s;
  const extension = ext ? ext[2] : undefined;
  const national = nationalDigits(main);
  if (national === null) return { ok: false, reason: 'format' };
  const c = classify(national);
  if (c === null) return { ok: false, reason: 'format' };
  const display = extension === undefined ? c.display : `${c.display} #${extension}`;
  return {
    ok: true,
    national,
    ...(c.areaCode === undefined ? {} : { areaCode: c.areaCode }),
    ...(extension === undefined ? {} : { extension }),
    kind: c.kind,
    display,
  };
}

/** True when `input` parses as a phone number. */
export function isValidPhone(input: string): boolean {
  return parsePhone(input).ok;
}
