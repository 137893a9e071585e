// 機關徵才匯入 (AGY-7): is the upload a spreadsheet? Decided by content (platform sniffUpload: zip magic with the
// xlsx entries, or the ODF mimetype entry; CSV only as clean UTF-8 text), never by name; at most 5 MB; and a zip
// that would inflate beyond 60 MB (a zip bomb) is refused before the spreadsheet library reads it.
import { configure, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { sniffUpload } from '../../platform/storage/sniff.ts';
import type { SheetKind } from './agency-import.sheet.ts';

configure({ useWebWorkers: false });

const MAX_INFLATED = 60 * 1024 * 1024;
const NOT_A_SHEET = '檔案不是試算表：請上傳 xlsx、ods 或 csv（UTF-8）檔案，可先下載本頁的範本';

export type UploadCheck = { ok: true; kind: SheetKind } | { ok: false; message: string };

async function inflatedSize(bytes: Uint8Array): Promise<number> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  try {
    return (await reader.getEntries()).reduce((n, e) => n + (e.uncompressedSize ?? 0), 0);
  } finally {
    await reader.close().catch(() => undefined);
  }
}

export async function checkUpload(bytes: Uint8Array, maxBytes: number, truncated: boolean): Promise<UploadCheck> {
  if (truncated || bytes.byteLength > maxBytes) return { ok: false, message: `檔案超過 ${Math.round(maxBytes / 1024 / 1024)} MB：請分批匯入` };
  if (bytes.byteLength === 0) return { ok: false, message: '檔案是空的：請選擇填好的範本檔案' };
  const sniff = await sniffUpload(bytes, { allowed: ['xlsx', 'ods', 'csv'], maxBytes });
  if (!sniff.ok) return { ok: false, message: sniff.reason === 'type' && !sniff.message.includes('UTF-8') ? NOT_A_SHEET : sniff.message };
  const kind = sniff.ext as SheetKind;
  if (kind !== 'csv') {
    const size = await inflatedSize(bytes).catch(() => Infinity);
    if (size > MAX_INFLATED) return { ok: false, message: '檔案解壓縮後過大，無法讀取：請分批匯入' };
  }
  return { ok: true, kind };
}
