// 機關徵才匯入 (AGY-7), pure: the header is matched to the form's labels, each row's cells become the values the
// form would have posted (agency-import.columns.ts) and pass the same zod schema and date rule as the form
// (agency.form.ts vacancyForm, dateErrors). Errors are listed by row and column in Chinese.
import { checkVacancyText } from './agency-check.rules.ts';
import { convertCell, headerKey, IMPORT_COLUMNS, IMPORT_LABELS, type ImportColumn } from './agency-import.columns.ts';
import { columnName, type SheetRow } from './agency-import.sheet.ts';
import { dateErrors, vacancyForm, type VacancyForm } from './agency.form.ts';

export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportError {
  /** Spreadsheet row (the header is row 1). */
  rowNo: number;
  /** A1 column name, '' when the error is about the row as a whole. */
  column: string;
  label: string;
  message: string;
  /** The message names its field already (「上網有效期間」迄日早於起日): listed without the column label. */
  named?: boolean;
}

export interface ImportRow {
  rowNo: number;
  form: VacancyForm;
}

export type ValidatedImport = { ok: true; rows: ImportRow[] } | { ok: false; fileError: string; errors: [] } | { ok: false; fileError: null; errors: ImportError[] };

/** 「第 3 列「上網有效期間」迄日早於起日」: a message that names its field already keeps its wording. */
export function errorText(e: ImportError): string {
  if (e.named) return `第 ${e.rowNo} 列${e.message}`;
  return e.label ? `第 ${e.rowNo} 列「${e.label}」${e.message}` : `第 ${e.rowNo} 列${e.message}`;
}

/** Which column of the sheet holds each field; unknown and missing headers are file errors. */
export function matchHeader(header: readonly string[]): { ok: true; at: Map<string, number> } | { ok: false; message: string } {
  const byKey = new Map(IMPORT_COLUMNS.map((c) => [headerKey(c.label), c]));
  const at = new Map<string, number>();
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (h === '') return;
    const c = byKey.get(headerKey(h));
    if (!c) unknown.push(`${columnName(i)}「${h}」`);
    else if (at.has(c.field)) unknown.push(`${columnName(i)}「${h}」（重複）`);
    else at.set(c.field, i);
  });
  if (at.size === 0) return { ok: false, message: '第 1 列不是範本的標題列：請下載本頁的範本，在標題列下方填寫職缺' };
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !at.has(c.field)).map((c) => `「${c.label}」`);
  if (missing.length) return { ok: false, message: `標題列缺少欄位 ${missing.join('、')}：請使用本頁的範本` };
  if (unknown.length) return { ok: false, message: `標題列有不認得的欄位 ${unknown.join('、')}：請使用本頁的範本` };
  return { ok: true, at };
}

function fieldOfIssue(path: readonly PropertyKey[]): string {
  return path.length ? String(path[0]) : '';
}

/** One row: its form values, then the form's schema and date rule. */
export function validateRow(row: SheetRow, at: Map<string, number>, today: string): { ok: true; form: VacancyForm } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const values: Record<string, string | string[]> = {};
  const errorAt = (c: ImportColumn, message: string, named = false) => errors.push({ rowNo: row.rowNo, column: columnName(at.get(c.field) ?? 0), label: c.label, message, ...(named ? { named } : {}) });
  for (const c of IMPORT_COLUMNS) {
    const i = at.get(c.field);
    if (i === undefined) continue;
    if (row.formulas.includes(i)) {
      errorAt(c, '是公式：請改為值（複製後「選擇性貼上 → 值」）');
      continue;
    }
    const converted = convertCell(c, row.cells[i] ?? { kind: 'empty' });
    if (converted.ok) {
      if (converted.value !== '' && !(Array.isArray(converted.value) && converted.value.length === 0)) values[c.field] = converted.value;
    } else errorAt(c, converted.message);
  }
  const failed = new Set(errors.map((e) => e.label));
  const parsed = vacancyForm.safeParse(values);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      const c = IMPORT_COLUMNS.find((x) => x.field === field);
      const label = IMPORT_LABELS[field] ?? '';
      if (seen.has(field) || failed.has(label)) continue;
      seen.add(field);
      if (c) errorAt(c, issue.message, issue.message.startsWith('「'));
      else errors.push({ rowNo: row.rowNo, column: '', label: '', message: issue.message });
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  for (const [field, message] of Object.entries(dateErrors(parsed.data, today))) {
    const c = IMPORT_COLUMNS.find((x) => x.field === field)!;
    errorAt(c, message, message.startsWith('「'));
  }
  return errors.length ? { ok: false, errors } : { ok: true, form: parsed.data };
}

/** Every row; ok only when every row passes (AGY-7: nothing is imported unless all rows pass). */
export function validateImport(header: readonly string[], rows: readonly SheetRow[], today: string): ValidatedImport {
  const h = matchHeader(header);
  if (!h.ok) return { ok: false, fileError: h.message, errors: [] };
  if (rows.length === 0) return { ok: false, fileError: '檔案沒有資料列：請在標題列（第 1 列）下方每列填寫一個職缺', errors: [] };
  const out: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (const r of rows) {
    const v = validateRow(r, h.at, today);
    if (v.ok) out.push({ rowNo: r.rowNo, form: v.form });
    else errors.push(...v.errors);
  }
  return errors.length ? { ok: false, fileError: null, errors } : { ok: true, rows: out };
}

/** What the automatic check (ADM-1) will say of each row, for the preview. */
export function previewVerdict(form: VacancyForm): { status: 'approved' | 'flagged'; reason: string } {
  const v = checkVacancyText(form);
  return { status: v.status === 'approved' ? 'approved' : 'flagged', reason: v.reasons.join('；') };
}
