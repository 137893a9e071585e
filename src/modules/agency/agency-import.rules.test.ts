// 機關徵才匯入 (AGY-7), pure: cells → the form's values, the header, the same rules as the form, errors by row and
// column, the row limit, formulas / merged cells / text dates read from real files, and the templates.
import { describe, expect, it } from 'vitest';
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';
import { convertCell, IMPORT_COLUMNS, type ImportColumn } from './agency-import.columns.ts';
import { errorText, matchHeader, MAX_IMPORT_ROWS, validateImport } from './agency-import.rules.ts';
import { CODES_SHEET, codeRows, readSheet, templateFile } from './agency-import.sheet.ts';
import { fillTemplate, plainSheet, validRow } from './agency-import.test-support.ts';
import { FIELD_LABELS, vacancyForm } from './agency.form.ts';
import * as XLSX from '@e965/xlsx';

const TODAY = '2026-12-03';
const colOf = (field: string): ImportColumn => IMPORT_COLUMNS.find((c) => c.field === field)!;

describe('AGY-7 cells become the form’s values', () => {
  it('AGY-7 dates: a real date cell and ROC text 108/06/17 are accepted; western or ambiguous text is refused', () => {
    const c = colOf('validFrom');
    expect(convertCell(c, { kind: 'date', iso: '2019-06-17' })).toEqual({ ok: true, value: '108/06/17' });
    expect(convertCell(c, { kind: 'text', text: '108/06/17' })).toEqual({ ok: true, value: '108/06/17' });
    for (const text of ['2019/06/17', '6/17/2019', '2019-06-17', '1080617', '108年6月17日', '17/06/108']) expect(convertCell(c, { kind: 'text', text }).ok, text).toBe(false);
    expect(convertCell(c, { kind: 'number', value: 1080617 }).ok).toBe(false);
  });

  it('AGY-7 codes: known codes (alone or with their name) pass, unknown codes name the codes sheet; 無 for 職系', () => {
    expect(convertCell(colOf('personKindCode'), { kind: 'text', text: '12 聘用人員' })).toEqual({ ok: true, value: '12' });
    expect(convertCell(colOf('personKindCode'), { kind: 'number', value: 13 })).toEqual({ ok: true, value: '13' });
    expect(convertCell(colOf('personKindCode'), { kind: 'text', text: '77' })).toEqual({ ok: false, message: '代碼「77」不在代碼表（見範本第二個工作表「代碼表」）' });
    expect(convertCell(colOf('sysnamCode'), { kind: 'text', text: '無' })).toEqual({ ok: true, value: 'none' });
    expect(convertCell(colOf('workPlaces'), { kind: 'text', text: '26、20,10 臺北市' })).toEqual({ ok: true, value: ['26', '20', '10'] });
    expect(convertCell(colOf('workPlaces'), { kind: 'text', text: '26、11' }).ok).toBe(false);
    expect(convertCell(colOf('grade'), { kind: 'text', text: '6~7' })).toEqual({ ok: true, value: '6-7' });
    expect(convertCell(colOf('grade'), { kind: 'number', value: 5 })).toEqual({ ok: true, value: '5' });
    expect(convertCell(colOf('gender'), { kind: 'text', text: '女' })).toEqual({ ok: true, value: 'F' });
    expect(convertCell(colOf('accessMode'), { kind: 'text', text: '不使用應徵者履歷調閱' })).toEqual({ ok: true, value: 'none' });
    expect(convertCell(colOf('isHandicap'), { kind: 'text', text: '是' })).toEqual({ ok: true, value: 'yes' });
    expect(convertCell(colOf('isHandicap'), { kind: 'text', text: '也許' }).ok).toBe(false);
    expect(convertCell(colOf('title'), { kind: 'error' }).ok).toBe(false);
  });

  it('AGY-7 the header uses the form’s labels, in the form’s order; an unknown or missing column is a file error', () => {
    const labels = IMPORT_COLUMNS.map((c) => c.label);
    // Every label of the form (特殊條件 is a group: its four yes/no fields are columns of their own; 職缺相關附件 are
    // files, added on the form after the import).
    for (const [field, label] of Object.entries(FIELD_LABELS)) if (field !== 'specials' && field !== 'attachments') expect(labels, field).toContain(label);
    expect(labels.indexOf('職稱')).toBeLessThan(labels.indexOf('上網有效期間（起）'));
    expect(matchHeader(labels).ok).toBe(true);
    expect(matchHeader(labels.map((l) => ` ${l} *`)).ok).toBe(true);
    expect(matchHeader(labels.filter((l) => l !== '職稱'))).toEqual({ ok: false, message: '標題列缺少欄位 「職稱」：請使用本頁的範本' });
    expect(matchHeader([...labels, '備註']).ok).toBe(false);
  });
});

function sheetOf(rows: ReturnType<typeof validRow>[], kind: 'xlsx' | 'ods' | 'csv' = 'xlsx', opts = {}) {
  const r = readSheet(fillTemplate(templateFile(kind), kind, rows, opts), kind, MAX_IMPORT_ROWS);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('AGY-7 every row with the form’s rules', () => {
  it('AGY-7 valid rows pass and equal what the form would have parsed', () => {
    const s = sheetOf([validRow(TODAY, 1), validRow(TODAY, 2)]);
    const v = validateImport(s.header, s.rows, TODAY);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.rows.map((r) => r.rowNo)).toEqual([2, 3]);
    const viaForm = vacancyForm.parse({ ...{ orgAddress: '宜蘭縣宜蘭市縣政北路1號', fillerName: '王小明', fillerEmail: 'hr@example.gov.tw', fillerPhone: '03-9251000', fillerExt: '123', personKindCode: '13', title: '約僱人員（行政助理1）', headcount: '1', workPlaces: ['26', '20'], validFrom: formatRoc(TODAY), validTo: formatRoc(addDays(TODAY, 20)), isHandicap: 'yes', rankTypes: ['其他'], grade: 'none', sysnamCode: 'none', gender: 'any', vitaeEmail: 'hr@example.gov.tw', resumesByEmail: 'yes', workQuality: '高中以上學歷，具電腦文書處理能力。', workItem: '辦理行政庶務。', workAddress: '宜蘭縣宜蘭市縣政北路1號', contactMethod: '人事處 王先生 03-9251000#123', accessMode: 'open' } });
    expect(v.rows[0]!.form).toEqual(viaForm);
  });

  it('AGY-7 errors are listed by row and column in Chinese: 「第 3 列「上網有效期間」迄日早於起日」', () => {
    const s = sheetOf([validRow(TODAY, 1), validRow(TODAY, 2, { validFrom: formatRoc(addDays(TODAY, 9)), validTo: formatRoc(addDays(TODAY, 2)) }), validRow(TODAY, 3, { title: null, validTo: formatRoc(addDays(TODAY, -1)), validFrom: formatRoc(addDays(TODAY, -5)) })]);
    const v = validateImport(s.header, s.rows, TODAY);
    expect(v.ok).toBe(false);
    if (v.ok || v.fileError) return;
    expect(v.errors.map(errorText)).toEqual(['第 3 列「上網有效期間」迄日早於起日', '第 4 列「職稱」請填寫職稱']);
    expect(v.errors[0]).toMatchObject({ rowNo: 3, column: 'K', label: '上網有效期間（迄）' });
    const past = sheetOf([validRow(TODAY, 1, { validFrom: formatRoc(addDays(TODAY, -5)), validTo: formatRoc(addDays(TODAY, -1)) })]);
    const p = validateImport(past.header, past.rows, TODAY);
    expect(!p.ok && !p.fileError && p.errors.map(errorText)).toEqual(['第 2 列「上網有效期間」迄日已過，請重新填寫']);
  });

  it('AGY-7 5,000 data rows are read; 5,001 are refused; empty rows are skipped', () => {
    const header = IMPORT_COLUMNS.map((c) => c.label);
    const row = header.map(() => 'x');
    const ok = readSheet(plainSheet('csv', [header, ...Array.from({ length: 5_000 }, () => row), header.map(() => null)]), 'csv', MAX_IMPORT_ROWS);
    expect(ok.ok && ok.rows.length).toBe(5_000);
    const over = readSheet(plainSheet('xlsx', [header, ...Array.from({ length: 5_001 }, () => row)]), 'xlsx', MAX_IMPORT_ROWS);
    expect(over).toEqual({ ok: false, message: '資料超過 5,000 列：一次最多匯入 5,000 列，請分批匯入' });
  });

  it.each(['xlsx', 'ods'] as const)('AGY-7 formulas and merged cells are found in %s files', (kind) => {
    const f = sheetOf([validRow(TODAY, 1, { headcount: { formula: '1+1', value: 2 } })], kind);
    const v = validateImport(f.header, f.rows, TODAY);
    expect(!v.ok && !v.fileError && v.errors.map(errorText)).toEqual(['第 2 列「名額」是公式：請改為值（複製後「選擇性貼上 → 值」）']);
    const m = readSheet(fillTemplate(templateFile(kind), kind, [validRow(TODAY, 1), validRow(TODAY, 2)], { merge: 'B2:B3' }), kind, MAX_IMPORT_ROWS);
    expect(m).toEqual({ ok: false, message: '檔案有合併儲存格（B2:B3），請取消合併儲存格後再上傳' });
  });
});

describe('AGY-7 templates', () => {
  it.each(['xlsx', 'ods'] as const)('AGY-7 the %s template: header row = the form’s labels in order; second sheet 代碼表 lists 人員區分, 工作地, 職系, 官等職等', (kind) => {
    const wb = XLSX.read(templateFile(kind), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['職缺', CODES_SHEET]);
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['職缺']!, { header: 1 })[0];
    expect(header).toEqual(IMPORT_COLUMNS.map((c) => c.label));
    const codes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[CODES_SHEET]!, { header: 1, raw: false });
    const kinds = new Set(codes.map((r) => r[0]));
    for (const k of ['人員區分', '工作地', '職系', '官等職等']) expect(kinds).toContain(k);
    expect(codes).toContainEqual(['人員區分', '13', '約僱人員']);
    expect(codes).toContainEqual(['工作地', '26', '宜蘭縣']);
    expect(codes.length).toBe(codeRows().length);
  });

  it('AGY-7 the CSV template is UTF-8 with a BOM and holds the header row only', () => {
    const csv = templateFile('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').replace(/^\uFEFF/, '').trim();
    expect(text.split(/\r?\n/)).toHaveLength(1);
    expect(text.split(',')).toEqual(IMPORT_COLUMNS.map((c) => c.label));
  });
});
