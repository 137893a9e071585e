// Formula-injection guard for every CSV / spreadsheet export (OWASP "CSV injection", issue 9 item 9).
// A spreadsheet may run a cell as a formula when its first *visible* character is = + - @ — spreadsheets skip
// leading spaces, tabs and line breaks (` =HYPERLINK(…)`, `\n=cmd|…`, `\t@SUM(…)`), and some treat the full-width
// ＝ ＋ － ＠ alike. Such a cell gets a leading apostrophe, which makes it text. Left alone: a cell whose visible
// part is one character (「-」 for 無) or a plain number (-1, +886, 3.5).

/** Whitespace (also U+3000 and the other Unicode spaces), control and format characters a spreadsheet skips. */
const LEADING_INVISIBLE = /^[\s\p{Z}\p{Cc}\p{Cf}]+/u;
const FORMULA_START = /^[=+\-@＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function guardFormula(cell: string): string {
  const visible = cell.replace(LEADING_INVISIBLE, '');
  if (!FORMULA_START.test(visible)) return cell;
  if (visible.length < 2 && visible === cell) return cell;
  if (PLAIN_NUMBER.test(visible.trim()) && visible === cell) return cell;
  return `'${cell}`;
}
