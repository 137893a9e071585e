// Test helpers of 機關徵才匯入 (AGY-7): a test writer that fills a downloaded template (keeping its header row and
// codes sheet), valid rows, and the multipart upload of a file as the page's form would send it.
import * as XLSX from '@e965/xlsx';
import type { FastifyInstance } from 'fastify';
import { addDays, formatRoc } from '../../platform/tw/roc-date.ts';
import { IMPORT_COLUMNS } from './agency-import.columns.ts';
import type { SheetKind } from './agency-import.sheet.ts';

export type CellValue = string | number | Date | { formula: string; value: number } | null;
export type RowValues = Record<string, CellValue>;

/** A row every rule accepts, by form field; dates as ROC text. */
export function validRow(today: string, i = 1, over: RowValues = {}): RowValues {
  return {
    orgAddress: '宜蘭縣宜蘭市縣政北路1號',
    fillerName: '王小明',
    fillerEmail: 'hr@example.gov.tw',
    fillerPhone: '03-9251000',
    fillerExt: '123',
    personKindCode: '13',
    title: `約僱人員（行政助理${i}）`,
    headcount: 1,
    workPlaces: '26、20',
    validFrom: formatRoc(today),
    validTo: formatRoc(addDays(today, 20)),
    isHandicap: '是',
    isOriginal: '否',
    isLocalOriginal: null,
    isTraning: null,
    rankTypes: '其他',
    grade: '無',
    sysnamCode: '無',
    gender: '不拘',
    vitaeEmail: 'hr@example.gov.tw',
    resumesByEmail: '是',
    workQuality: '高中以上學歷，具電腦文書處理能力。',
    workItem: '辦理行政庶務。',
    workAddress: '宜蘭縣宜蘭市縣政北路1號',
    contactMethod: '人事處 王先生 03-9251000#123',
    accessMode: '不須具公務人員任用資格職缺',
    ...over,
  };
}

function dateSerial(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function cellOf(v: CellValue): XLSX.CellObject | null {
  if (v === null || v === '') return null;
  if (v instanceof Date) return { t: 'n', v: dateSerial(v), z: 'yyyy/mm/dd' };
  if (typeof v === 'object') return { t: 'n', v: v.value, f: v.formula };
  if (typeof v === 'number') return { t: 'n', v };
  return { t: 's', v };
}

/** Fills the first sheet of a template (xlsx / ods / csv bytes) below its header row, matching columns by header. */
export function fillTemplate(template: Uint8Array, kind: SheetKind, rows: RowValues[], opts: { merge?: string } = {}): Buffer {
  const wb = kind === 'csv' ? XLSX.read(new TextDecoder().decode(template), { type: 'string', raw: true }) : XLSX.read(template, { type: 'buffer', cellNF: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const header = (XLSX.utils.sheet_to_json(ws, { header: 1 })[0] ?? []) as string[];
  const fieldAt = header.map((h) => IMPORT_COLUMNS.find((c) => c.label === h)?.field);
  rows.forEach((row, r) => {
    fieldAt.forEach((field, c) => {
      const cell = field ? cellOf(row[field] ?? null) : null;
      if (cell) ws[XLSX.utils.encode_cell({ r: r + 1, c })] = cell;
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: header.length - 1 } });
  if (opts.merge) ws['!merges'] = [XLSX.utils.decode_range(opts.merge)];
  if (kind === 'csv') return Buffer.from('\uFEFF' + XLSX.utils.sheet_to_csv(ws) + '\r\n', 'utf8');
  return XLSX.write(wb, { type: 'buffer', bookType: kind, compression: true }) as Buffer;
}

/** A sheet written from scratch (header + rows of plain values), e.g. without the template. */
export function plainSheet(kind: SheetKind, aoa: (string | number | null)[][]): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  if (kind === 'csv') return Buffer.from('\uFEFF' + XLSX.utils.sheet_to_csv(ws) + '\r\n', 'utf8');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '職缺');
  return XLSX.write(wb, { type: 'buffer', bookType: kind, compression: true }) as Buffer;
}

/** Posts the upload form (multipart, CSRF token in the action's query) with the client's cookies. */
export async function uploadImport(app: FastifyInstance, who: { cookie: string; csrf: string; ip: string }, bytes: Uint8Array, filename: string) {
  const fd = new FormData();
  fd.append('file', new Blob([bytes]), filename);
  return app.inject({ method: 'POST', url: `/agency/import?_csrf=${encodeURIComponent(who.csrf)}`, headers: { cookie: who.cookie }, payload: fd, remoteAddress: who.ip });
}
