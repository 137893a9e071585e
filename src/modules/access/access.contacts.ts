// ACS-4 匯出聯絡資訊: every active applicant's 姓名, 性別, 出生, 電話, 聯絡Email, 應徵時間, 面試回覆狀態 as an ODS or an
// Excel file, written with @e965/xlsx (ADR 0011). Every cell is text and goes through the formula guard.
import * as XLSX from '@e965/xlsx';
import { guardFormula } from '../../platform/export/formula-guard.ts';
import type { ApplicationRow } from '../applications/index.ts';
import { contactOf } from './access.view-model.ts';

export type ExportKind = 'ods' | 'xlsx';
export const EXPORT_TYPES: Readonly<Record<ExportKind, string>> = {
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const CONTACT_HEADER = ['姓名', '性別', '出生', '電話', '聯絡Email', '應徵時間', '面試回覆狀態'] as const;

/** The sheet's rows (header first), every cell guarded. `replies`: 面試回覆狀態 by application id (blank when absent). */
export function contactRows(rows: readonly ApplicationRow[], replies: ReadonlyMap<string, string> = new Map()): string[][] {
  const body = rows.map((r) => {
    const c = contactOf(r);
    return [c.name, c.gender, c.birth, c.phone, c.email, c.appliedAt, replies.get(r.id) ?? ''];
  });
  return [[...CONTACT_HEADER], ...body].map((row) => row.map(guardFormula));
}

export function contactFile(kind: ExportKind, rows: string[][]): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: false });
  ws['!cols'] = CONTACT_HEADER.map((_, i) => ({ wch: i === 4 ? 30 : i === 5 ? 20 : 14 }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '聯絡資訊');
  return XLSX.write(wb, { type: 'buffer', bookType: kind, compression: true }) as Buffer;
}
