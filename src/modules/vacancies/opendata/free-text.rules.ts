// Pure parsers for the two free-text fields of the feed that also have a parsed column:
// RANK (官等職等) → 職等 range, NUMBER_OF (名額) → headcount. Both parse only what is certain and give
// null otherwise; the verbatim text is always stored next to the result (rank_text, number_of_text).
import { gradesOf } from '../../reference/index.ts';
import type { RankType } from '../vacancy.schema.ts';

const DIGIT: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 乙: 1, 二: 2, 貳: 2, 兩: 2, 三: 3, 參: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const TEN = new Set(['十', '拾']);
const NUMERAL_RUN = /[〇零一壹乙二貳兩三參叁四肆五伍六陸七柒八捌九玖十拾]+/gu;

/** A Chinese numeral from 0 to 99 (五, 十, 十四, 二十, 二十五, 壹) → its value; null for anything else. */
export function chineseNumber(s: string): number | null {
  const chars = [...s];
  const tenAt = chars.findIndex((c) => TEN.has(c));
  if (tenAt === -1) return chars.length === 1 && chars[0]! in DIGIT ? DIGIT[chars[0]!]! : null;
  if (chars.filter((c) => TEN.has(c)).length > 1 || tenAt > 1 || chars.length > 3) return null;
  const tens = tenAt === 0 ? 1 : DIGIT[chars[0]!];
  const ones = tenAt === chars.length - 1 ? 0 : DIGIT[chars[tenAt + 1]!];
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

/** NFKC (full-width digits and punctuation → half-width), no whitespace, Chinese numerals → digits. */
function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(NUMERAL_RUN, (run) => {
      const n = chineseNumber(run);
      return n === null ? run : String(n);
    });
}

// ── RANK → 職等 range ─────────────────────────────────────────────────────────

const OFFICIAL_ALIASES: Readonly<Record<string, RankType>> = {
  委任: '委任', 薦任: '薦任', 簡任: '簡任', 委派: '委任', 薦派: '薦任', 簡派: '簡任', // 派用 uses the same grades
};
/** One grade: optional 官等, optional 第, the number, optional 職等 (or a bare 職). */
const SEGMENT = '(委任|薦任|簡任|委派|薦派|簡派)?第?(\\d{1,2})(?:職等|職)?';
const JOINER = '(?:至|或|-|~|、|;|,)';
const WHOLE = new RegExp(`^${SEGMENT}(?:${JOINER}${SEGMENT})*$`, 'u');
const EACH = new RegExp(SEGMENT, 'gu');

/**
 * The 職等 range a RANK text states, e.g. 「委任第五職等或薦任第六職等至第七職等」 → 5–7,
 * 「委任第5職等或薦任第6-7職等」 → 5–7, 「第六至第七職等」 → 6–7, 「簡任第十職等」 → 10–10.
 * The whole text must be grades joined by 至 / 或 / - / ~ / 、 / ；, mention 職, and every grade must lie in
 * 1..14 and inside its 官等 (委任 1–5, 薦任 6–9, 簡任 10–14; a grade without 官等 takes the one before it).
 * Everything else is null: empty, 無, 師(三)級, 約僱五等280薪點, 薦任 alone, 相當簡任第12職等,
 * 第九職等（相當…）, 「薦任第六職等至或第七職等」 (garbled), 「委任第6職等」 (outside 委任).
 */
export function parseGradeRange(text: string): { min: number; max: number } | null {
  const s = canonical(text);
  if (!s.includes('職') || !WHOLE.test(s)) return null;
  const grades: number[] = [];
  let official: RankType | null = null;
  for (const m of s.matchAll(EACH)) {
    if (m[1]) official = OFFICIAL_ALIASES[m[1]]!;
    const grade = Number(m[2]);
    if (grade < 1 || grade > 14) return null;
    if (official && !gradesOf(official).includes(grade)) return null;
    grades.push(grade);
  }
  if (grades.length === 0) return null;
  return { min: Math.min(...grades), max: Math.max(...grades) };
}

// ── NUMBER_OF → headcount ─────────────────────────────────────────────────────

const INT4_MAX = 2_147_483_647; // the headcount column is an integer

/** Count first: optional 正取/正 and colon, the number, optional unit; the rest is captured. */
const HEAD = /^(?:正取|正)?:?(\d+)(名|人|員)?(.*)$/su;
/** After a unit-less count, text that may follow without changing the count. */
const TAIL_OK = /^(?:$|[([〈<,、;。.:]|備|候|後補|擇優|預估|預計|另)/u;

/**
 * The number of positions (正取) a NUMBER_OF text states: 「1」「1名」「１」「一名」「正取壹名」 → 1;
 * 「正取1名，備取1名」「1名（備取2名）」「1(候補1)」「正1備5」 → 1 (備取/候補 reserves are not positions);
 * 「1名(預估缺)」 → 1; 「6名(臺中區監理所1名、…)」 → 6; 「712名」 → 712.
 * Null when not certain: 「數名」「若干名」, ranges 「1-2」「2-3名」「2~10名」, a count not at the start
 * (「各1名」「駕駛1名…」「(一)…1名(二)…2名」「精神科專科醫師共正取8名」), 0, more than fits an integer
 * column, and empty text.
 */
export function parseHeadcount(text: string): number | null {
  const s = canonical(text);
  const m = HEAD.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  const rest = m[3] ?? '';
  if (!Number.isSafeInteger(n) || n < 1 || n > INT4_MAX) return null;
  if (/^(?:-|~|至|到)\d/u.test(rest)) return null; // a range such as 1-2 or 2~10名
  if (!unit && !TAIL_OK.test(rest) && !/^-/u.test(rest)) return null;
  return n;
}
