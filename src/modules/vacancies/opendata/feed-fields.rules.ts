// Pure parsers for the coded fields of a DGPA feed ROW: dates, Y/N flags, 工作地, 官等類別, the 職缺編號
// in VIEW_URL, 性別. Each returns null (or an empty list) rather than guess.
import { currentWorkPlaceCode } from '../../reference/index.ts';
import type { RankType } from '../vacancy.schema.ts';

const ROC_OFFSET = 1911;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month = last of this one
  return d <= days;
}

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A feed date → ISO 'YYYY-MM-DD'. The feed writes ROC yyyMMdd, 7 digits (1050515 = 2016-05-15, zero-padded
 * before 民國100: 0991231); an 8-digit yyyyMMdd is read as AD (seen in DGPA's agency CSV). Surrounding
 * whitespace is ignored. Null for anything else and for dates that do not exist (1050230) or precede 民國1年.
 */
export function parseFeedDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  if (/^\d{7}$/.test(s)) y = Number(s.slice(0, 3)) + ROC_OFFSET;
  else if (/^\d{8}$/.test(s)) y = Number(s.slice(0, 4));
  else return null;
  const m = Number(s.slice(-4, -2));
  const d = Number(s.slice(-2));
  if (y <= ROC_OFFSET || !isRealDate(y, m, d)) return null;
  return iso(y, m, d);
}

/** ISO date + n days (n may be negative). */
export function addDays(isoDate: string, n: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + n * 86_400_000;
  const d = new Date(t);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Midnight in Taipei (UTC+8, no daylight saving) at the start of an ISO date. */
export function taipeiMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** Y → true, N or empty → false; anything else → null (the caller reports it). */
export function parseYesNo(text: string): boolean | null {
  const s = text.trim().toUpperCase();
  if (s === 'Y') return true;
  if (s === 'N' || s === '') return false;
  return null;
}

/**
 * WORK_PLACE_TYPE `,30-新竹市,31-新竹縣` → codes ['30', '31']. Historical codes become the code that
 * replaced them (21 福建省連江縣 → 98, 32 桃園縣 → 33) so that a search by today's county finds them;
 * the verbatim text is kept next to the codes. Parts that are not a known code are listed in unknown.
 */
export function parseWorkPlaces(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,，、]/u)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^(\d{1,3})(?:\s*-.*)?$/su.exec(p);
    const code = m ? currentWorkPlaceCode(m[1]!) : null;
    if (code === null) unknown.push(p);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

const RANK_TYPES: readonly RankType[] = ['簡任', '薦任', '委任', '其他'];

/** TYPE `薦任,委任` → ['薦任', '委任']: the 官等類別 named, in the feed's order, without repeats. */
export function parseRankTypes(text: string): RankType[] {
  const found: RankType[] = [];
  for (const token of text.split(/[\s,，、]+/u)) {
    const t = RANK_TYPES.find((r) => r === token);
    if (t && !found.includes(t)) found.push(t);
  }
  return found;
}

/** The 職缺編號 in VIEW_URL's work_id query parameter: 10 digits (ROC yyyMM + 5-digit serial), else null. */
export function workIdFromViewUrl(url: string): string | null {
  // DGPA's page (…/wantf00001_1.aspx?work_id=1050500123) or this site's own export (…/jobs/1050500123).
  const m = /[?&]work_id=([^&#\s]*)/iu.exec(url) ?? /\/jobs\/(\d{10})(?:[/?#]|$)/u.exec(url);
  const id = m?.[1]?.trim() ?? '';
  return /^\d{10}$/.test(id) ? id : null;
}

/** GENDER_TYPE 男 / 女 → M / F; anything else (不拘, or the 2016 feed's copy of PERSON_KIND) → any. */
export function genderOf(text: string): 'M' | 'F' | 'any' {
  const s = text.trim();
  if (s === '男' || s === '限男性' || s === '男性') return 'M';
  if (s === '女' || s === '限女性' || s === '女性') return 'F';
  return 'any';
}
