// AGY-7 SYS-4: the upload is a spreadsheet by content (not by name), at most 5 MB, and not a zip bomb.
import { BlobWriter, TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { checkUpload } from './agency-import.file.ts';
import { templateFile } from './agency-import.sheet.ts';

const MB = 1024 * 1024;

async function zipOf(entries: [string, string | Uint8Array][]): Promise<Uint8Array> {
  const w = new ZipWriter(new BlobWriter());
  for (const [name, data] of entries) await w.add(name, typeof data === 'string' ? new TextReader(data) : new Uint8ArrayReader(data), { level: 9 });
  return new Uint8Array(await (await w.close()).arrayBuffer());
}

describe('AGY-7 upload checks', () => {
  it('AGY-7 the templates are accepted by content: xlsx, ods, csv', async () => {
    expect(await checkUpload(templateFile('xlsx'), 5 * MB, false)).toEqual({ ok: true, kind: 'xlsx' });
    expect(await checkUpload(templateFile('ods'), 5 * MB, false)).toEqual({ ok: true, kind: 'ods' });
    expect(await checkUpload(templateFile('csv'), 5 * MB, false)).toEqual({ ok: true, kind: 'csv' });
  });

  it('AGY-7 SYS-4 refused: not a spreadsheet, empty, truncated (over 5 MB), a zip bomb', async () => {
    const notSheet = '檔案不是試算表：請上傳 xlsx、ods 或 csv（UTF-8）檔案，可先下載本頁的範本';
    expect(await checkUpload(Buffer.from('%PDF-1.4\n'), 5 * MB, false)).toEqual({ ok: false, message: notSheet });
    expect(await checkUpload(await zipOf([['a.txt', 'hello']]), 5 * MB, false)).toEqual({ ok: false, message: notSheet });
    expect(await checkUpload(Buffer.alloc(0), 5 * MB, false)).toEqual({ ok: false, message: '檔案是空的：請選擇填好的範本檔案' });
    expect(await checkUpload(Buffer.from('a,b\n'), 5 * MB, true)).toEqual({ ok: false, message: '檔案超過 5 MB：請分批匯入' });
    // The real template's entries plus 70 MB of zeros (deflated to well under 1 MB).
    const reader = new ZipReader(new Uint8ArrayReader(templateFile('xlsx')));
    const entries: [string, Uint8Array][] = [];
    for (const e of await reader.getEntries()) if (!e.directory) entries.push([e.filename, await e.getData(new Uint8ArrayWriter())]);
    await reader.close();
    const bomb = await zipOf([...entries, ['xl/media/padding.bin', new Uint8Array(70 * MB)]]);
    expect(bomb.byteLength).toBeLessThan(MB);
    expect(await checkUpload(bomb, 5 * MB, false)).toEqual({ ok: false, message: '檔案解壓縮後過大，無法讀取：請分批匯入' });
  });
});
