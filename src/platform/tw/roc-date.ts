/**
 * ROC (民國) dates — SPEC SYS-7: shown as `108/06/17`, ISO 8601 in feeds and APIs.
 *
 * ROC year = AD year − 1911 (民國 1 年 = 1912). A calendar date travels as a plain ISO string
 * `YYYY-MM-DD` (`IsoDate`); `Date` instants are read as calendar dates in Asia/Taipei.
 *
 * Accepted by `parseRocDate` (after trim and full-width → half-width):
 *  - `1050515`   7-digit ROC yyyMMdd (DGPA feed form; before 民國 100 zero-padded: `0991231`)
 *  - `20160515`  8-digit AD yyyyMMdd
 *  - `991231`    6-digit ROC yyMMdd (民國 1–99), only when unambiguous: refused ('format') when
 *                the digits also read as a valid date with an unpadded 3-digit year 100–199 in
 *                yyyMdd or yyyMMd form (e.g. `100101` could be 10/01/01 or 100/1/01).
 *  - `105/05/15`, `105/5/15`, `105-05-15`, `105.05.15`, `99/12/31`  — 1–3 digit year = ROC;
 *    `2016-05-15`, `2016/05/15`, `2016.05.15` — 4-digit year = AD. Both separators must match.
 *  - `民國105年5月15日`, `中華民國105年5月15日`, `105年5月15日`, `民國 105 年 05 月 15 日`;
 *    `2016年5月15日` / `西元2016年5月15日` are AD. The final 日 may be left out.
 * Refused as 'invalid': impossible dates (105/02/30, month 13, 2/29 outside leap years) and
 * ROC year < 1 (any date before 1912-01-01).
 */

export type IsoDate = string;

export type ParsedRocDate = { ok: true; date: IsoDate } | { ok: false; reason: 'format' | 'invalid' };

export const ROC_YEAR_OFFSET = 1911;
export const TAIPEI = 'Asia/Taipei';

/** zh-TW messages for the refusal reasons, for form errors. */
export const ROC_DATE_MESSAGES: Readonly<Record<'format' | 'invalid', string>> = Object.freeze({
  format: '日期格式不正確，請依民國年/月/日填寫（例：105/05/15）',
  invalid: '日期不存在，請確認年、月、日',
});

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoOf(adYear: number, m: number, d: number): IsoDate {
  return `${pad(adYear, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function build(year: number, m: number, d: number, era: 'roc' | 'ad'): ParsedRocDate {
  const ad = era === 'roc' ? year + ROC_YEAR_OFFSET : year;
  if (ad - ROC_YEAR_OFFSET < 1) return { ok: false, reason: 'invalid' };
  if (!validYmd(ad, m, d)) return { ok: false, reason: 'invalid' };
  return { ok: true, date: isoOf(ad, m, d) };
}

function sixDigit(s: string): ParsedRocDate {
  const yy = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  // Another reading with an unpadded present-day year (100–199) makes the string ambiguous.
  const yyy = Number(s.slice(0, 3));
  const altMdd = validYmd(yyy + ROC_YEAR_OFFSET, Number(s.slice(3, 4)), Number(s.slice(4, 6)));
  const altMMd = validYmd(yyy + ROC_YEAR_OFFSET, Number(s.slice(3, 5)), Number(s.slice(5, 6)));
  if (yyy >= 100 && yyy <= 199 && (altMdd || altMMd)) return { ok: false, reason: 'format' };
  // Month out of range: not a yyMMdd shape at all (e.g. 105515), so a format error.
  if (mm < 1 || mm > 12) return { ok: false, reason: 'format' };
  return build(yy, mm, dd, 'roc');
}

const COMPACT7 = /^(\d{3})(\d{2})(\d{2})$/;
const COMPACT8 = /^(\d{4})(\d{2})(\d{2})$/;
const SEPARATED = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const CJK = /^(中華民國|民國|西元)?(\d{1,4})年(\d{1,2})月(\d{1,2})日?$/;

/** Parse a ROC (or AD) date typed by a person or read from a feed. See the module comment. */
export function parseRocDate(input: string): ParsedRocDate {
  const s = input.normalize('NFKC').trim();
  let m: RegExpExecArray | null;
  if ((m = COMPACT7.exec(s))) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'roc');
  if ((m = COMPACT8.exec(s))) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'ad');
  if (/^\d{6}$/.test(s)) return sixDigit(s);
  if ((m = SEPARATED.exec(s))) {
    const y = m[1] ?? '';
    return build(Number(y), Number(m[3]), Number(m[4]), y.length === 4 ? 'ad' : 'roc');
  }
  if ((m = CJK.exec(s.replace(/\s+/g, '')))) {
    const prefix = m[1];
    const y = m[2] ?? '';
    if (prefix === '西元' ? y.length !== 4 : prefix !== undefined && y.length === 4) {
      return { ok: false, reason: 'format' };
    }
    return build(Number(y), Number(m[3]), Number(m[4]), y.length === 4 ? 'ad' : 'roc');
  }
  return { ok: false, reason: 'format' };
}

// ---------------------------------------------------------------------------------------------
// Dates ↔ calendar days

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in `timeZone` (default Asia/Taipei). Throws on an invalid Date. */
export function toIsoDate(d: Date, timeZone: string = TAIPEI): IsoDate {
  if (Number.isNaN(d.getTime())) throw new RangeError('toIsoDate: invalid Date');
  const parts = formatterFor(timeZone).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return isoOf(get('year'), get('month'), get('day'));
}

function ymd(date: IsoDate | Date): [number, number, number] {
  const iso = typeof date === 'string' ? date : toIsoDate(date, TAIPEI);
  const m = ISO.exec(iso);
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function rocYmd(date: IsoDate | Date): [number, number, number] {
  const [y, m, d] = ymd(date);
  const roc = y - ROC_YEAR_OFFSET;
  if (roc < 1) throw new RangeError(`date before 民國 1 年 (1912-01-01): ${y}-${pad(m, 2)}-${pad(d, 2)}`);
  return [roc, m, d];
}

/** ROC year of a date (2016-05-15 → 105). Throws RangeError before 1912. */
export function rocYear(date: IsoDate | Date): number {
  return rocYmd(date)[0];
}

/** `105/05/15`; the year is zero-padded to 3 digits (`099/12/31`), as in DGPA screens and feeds. */
export function formatRoc(date: IsoDate | Date, sep: string = '/'): string {
  const [y, m, d] = rocYmd(date);
  return [pad(y, 3), pad(m, 2), pad(d, 2)].join(sep);
}

/** `1050515` — 7-digit yyyMMdd, the DGPA feed form (`0991231` before 民國 100). */
export function formatRocCompact(date: IsoDate | Date): string {
  return formatRoc(date, '');
}

/** `民國 105 年 05 月 15 日` — year unpadded (`民國 99 年 12 月 31 日`), month and day 2 digits. */
export function formatRocLong(date: IsoDate | Date): string {
  const [y, m, d] = rocYmd(date);
  return `民國 ${y} 年 ${pad(m, 2)} 月 ${pad(d, 2)} 日`;
}

/** `iso` moved by `n` calendar days (n may be negative). */
export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  const [y, m, d] = ymd(iso);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + n);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. Throws on non-ISO input. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  ymd(a);
  ymd(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
