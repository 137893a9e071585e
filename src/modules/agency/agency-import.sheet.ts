// 機關徵才匯入 (AGY-7): reading the uploaded spreadsheet and writing the templates, with @e965/xlsx (a maintained
// republish of SheetJS CE 0.20.3; docs/adr/0011-spreadsheet-import.md). Reads the first sheet only; every cell
// becomes a Cell (agency-import.columns.ts): dates from the cell's date format (serial → y/m/d, no time zone),
// CSV cells always text. Formulas and merged cells are reported, never evaluated.
import * as XLSX from '@e965/xlsx';
import { currentWorkPlaces, personKinds, rankTypes, sysnamList } from '../reference/index.ts';
import { type Cell, IMPORT_COLUMNS } from './agency-import.columns.ts';
import { ACCESS_MODES, CS_SECTIONS } from './agency.form.ts';

export type SheetKind = 'xlsx' | 'ods' | 'csv';

export interface SheetRow {
  /** The row's number in the spreadsheet (the header is row 1). */
  rowNo: number;
  cells: Cell[];
  /** Columns (0-based) whose cell holds a formula. */
  formulas: number[];
}

export type ReadSheet = { ok: true; header: string[]; rows: SheetRow[] } | { ok: false; message: string };

/** Rows beyond this are not even parsed (a file with more data rows than the limit is refused anyway). */
const READ_ROWS = 10_002;

/** A1-style column name: 0 → A, 27 → AB. */
export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toCell(c: XLSX.CellObject | undefined, csv: boolean): Cell {
  if (!c || c.v === undefined || c.v === null) return { kind: 'empty' };
  if (csv) return String(c.v).trim() === '' ? { kind: 'empty' } : { kind: 'text', text: String(c.v) };
  switch (c.t) {
    case 's': {
      const text = String(c.v);
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
    }
    case 'b':
      return { kind: 'bool', value: Boolean(c.v) };
    case 'e':
      return { kind: 'error' };
    case 'd': {
      const d = c.v as Date;
      return { kind: 'date', iso: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` };
    }
    case 'n': {
      const v = Number(c.v);
      if (typeof c.z === 'string' && XLSX.SSF.is_date(c.z)) {
        const p = XLSX.SSF.parse_date_code(v);
        if (p && p.y > 0) return { kind: 'date', iso: `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}` };
      }
      return { kind: 'number', value: v };
    }
    default:
      return { kind: 'empty' };
  }
}

/**
 * The first sheet: its header row (row 1) and every non-empty row after it. Refuses merged cells (the whole
 * file) and a sheet of more than `maxRows` data rows; formulas are reported by cell for the error list.
 */
export function readSheet(bytes: Uint8Array, kind: SheetKind, maxRows: number): ReadSheet {
  let wb: XLSX.WorkBook;
  try {
    if (kind === 'csv') {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      wb = XLSX.read(text, { type: 'string', raw: true, dense: true, sheetRows: READ_ROWS });
    } else {
      wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: true, cellNF: true, cellHTML: false, sheets: 0, sheetRows: READ_ROWS });
    }
  } catch {
    return { ok: false, message: '無法讀取檔案內容，請以 Excel 或 LibreOffice 重新存成 xlsx、ods 或 csv（UTF-8）後再上傳' };
  }
  const name = wb.SheetNames[0];
  const ws = name ? wb.Sheets[name] : undefined;
  if (!ws) return { ok: false, message: '檔案沒有工作表' };
  const full = ws['!fullref'] ?? ws['!ref'];
  if (full && XLSX.utils.decode_range(full).e.r + 1 > READ_ROWS) return { ok: false, message: `資料超過 ${maxRows.toLocaleString('en-US')} 列：一次最多匯入 ${maxRows.toLocaleString('en-US')} 列，請分批匯入` };
  const merges = ws['!merges'] ?? [];
  if (merges.length) {
    const ranges = merges.slice(0, 5).map((m) => XLSX.utils.encode_range(m));
    return { ok: false, message: `檔案有合併儲存格（${ranges.join('、')}${merges.length > 5 ? ' 等' : ''}），請取消合併儲存格後再上傳` };
  }
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const csv = kind === 'csv';
  const headerCells = data[0] ?? [];
  const header = headerCells.map((c) => (c && c.v !== undefined && c.v !== null ? String(c.v).trim() : ''));
  while (header.length && header[header.length - 1] === '') header.pop();
  const rows: SheetRow[] = [];
  for (let r = 1; r < data.length; r++) {
    const raw = data[r];
    if (!raw) continue;
    const cells: Cell[] = [];
    const formulas: number[] = [];
    let any = false;
    const width = Math.max(raw.length, header.length);
    for (let c = 0; c < width; c++) {
      const cell = toCell(raw[c], csv);
      if (!csv && raw[c]?.f) formulas.push(c);
      if (cell.kind !== 'empty' || (!csv && raw[c]?.f)) any = true;
      cells.push(cell);
    }
    if (!any) continue;
    rows.push({ rowNo: r + 1, cells, formulas });
    if (rows.length > maxRows) return { ok: false, message: `資料超過 ${maxRows.toLocaleString('en-US')} 列：一次最多匯入 ${maxRows.toLocaleString('en-US')} 列，請分批匯入` };
  }
  return { ok: true, header, rows };
}

// ── templates ────────────────────────────────────────────────────────────────────────────────────────────

export const CODES_SHEET = '代碼表';

/** The codes of the second sheet (and of codes.csv): 人員區分, 工作地, 職系, 官等職等 and the other choices. */
export function codeRows(): string[][] {
  const rows: string[][] = [['類別', '代碼', '名稱']];
  for (const k of personKinds()) rows.push(['人員區分', k.code, k.name]);
  for (const w of currentWorkPlaces()) rows.push(['工作地', w.code, w.name]);
  rows.push(['職系', '無', '無職系']);
  for (const s of sysnamList()) rows.push(['職系', s.code, s.name]);
  rows.push(['官等職等', '無', '無官職等（官等類別填「其他」）']);
  for (const r of rankTypes()) rows.push(['官等職等', r.grades.length > 1 ? `${r.grades[0]}-${r.grades[r.grades.length - 1]}` : String(r.grades[0] ?? ''), `${r.name}：第${r.grades[0]}至第${r.grades[r.grades.length - 1]}職等，填單一職等（如 ${r.grades[0]}）或範圍（如 ${r.grades[0]}-${r.grades[1] ?? r.grades[0]}）`]);
  for (const r of rankTypes()) rows.push(['官等類別', r.name, r.name]);
  for (const g of ['男', '女', '不拘']) rows.push(['性別', g, g]);
  for (const m of ACCESS_MODES) rows.push(['五、應徵者履歷調閱方式', m.label, m.label]);
  for (const s of CS_SECTIONS) rows.push(['調閱項目', s, s]);
  rows.push(['是否欄位', '是', '特殊條件、允許履歷以 EMail 寄送、個人全部資料：填「是」或「否」']);
  rows.push(['日期', '108/06/17', '日期儲存格，或民國日期文字 yyy/mm/dd']);
  return rows;
}

const HEADER = IMPORT_COLUMNS.map((c) => c.label);

function templateBook(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([HEADER]);
  ws['!cols'] = IMPORT_COLUMNS.map((c) => ({ wch: Math.max(10, Math.min(40, c.label.length * 2 + 2)) }));
  XLSX.utils.book_append_sheet(wb, ws, '職缺');
  const codes = XLSX.utils.aoa_to_sheet(codeRows());
  codes['!cols'] = [{ wch: 22 }, { wch: 30 }, { wch: 60 }];
  XLSX.utils.book_append_sheet(wb, codes, CODES_SHEET);
  return wb;
}

const BOM = '\uFEFF';

/** The templates: xlsx and ods with the header row and the codes sheet; csv (UTF-8 with BOM) with the header only. */
export function templateFile(kind: SheetKind): Buffer {
  if (kind === 'csv') return Buffer.from(BOM + XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet([HEADER])) + '\r\n', 'utf8');
  return XLSX.write(templateBook(), { type: 'buffer', bookType: kind, compression: true }) as Buffer;
}

/** The codes sheet alone as a CSV (UTF-8 with BOM), for those who fill the CSV template. */
export function codesCsv(): Buffer {
  return Buffer.from(BOM + XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(codeRows())) + '\r\n', 'utf8');
}
