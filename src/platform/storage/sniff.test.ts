import { crc32, deflateSync } from 'node:zlib';
import { TextReader, Uint8ArrayWriter, ZipWriter, configure } from '@zip.js/zip.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, safeDownloadName, sniffUpload, type AllowedKind } from './sniff.ts';
import sharp from 'sharp';
import { minimalPdf } from './pdf-fixture.ts';

const MB = 1024 * 1024;
const DOCS: readonly AllowedKind[] = ['pdf', 'jpeg', 'png', 'docx', 'odt'];
const IMAGES_PDF: readonly AllowedKind[] = ['pdf', 'jpeg', 'png'];
const opts = (allowed: readonly AllowedKind[] = DOCS) => ({ allowed, maxBytes: 10 * MB });

const PDF = minimalPdf();

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** A valid 1x1 red RGB PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

/** A real 2x2 JPEG (made in beforeAll: a JPEG header alone no longer passes, issue 9 item 10). */
let JPEG: Buffer;

/** DOS/PE header as found at the start of any Windows .exe. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.')]);

const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script>履歷</body></html>', 'utf8');

async function zip(entries: readonly [name: string, content: string, level?: number][]): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const [name, content, level] of entries) {
    await writer.add(name, new TextReader(content), level === undefined ? {} : { level });
  }
  return writer.close();
}

const contentTypes = (main: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const DOC_XML =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:body><w:p><w:r><w:t>自傳</w:t></w:r></w:p></w:body></w:document>';

let DOCX: Uint8Array;
let DOCM: Uint8Array;
let ODT: Uint8Array;
let PLAIN_ZIP: Uint8Array;

beforeAll(async () => {
  configure({ useWebWorkers: false });
  JPEG = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#ff0000' } }).jpeg().toBuffer();
  DOCX = await zip([
    ['[Content_Types].xml', contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
    ['word/document.xml', DOC_XML],
  ]);
  DOCM = await zip([
    ['[Content_Types].xml', contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml')],
    ['word/document.xml', DOC_XML],
  ]);
  ODT = await zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text', 0],
    ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'],
  ]);
  PLAIN_ZIP = await zip([['readme.txt', 'hello']]);
});

describe('sniffUpload', () => {
  it('SYS-4 accepts a real PDF, PNG and JPEG by their bytes', async () => {
    expect(await sniffUpload(PDF, opts())).toEqual({ ok: true, mime: 'application/pdf', ext: 'pdf' });
    expect(await sniffUpload(PNG, opts())).toEqual({ ok: true, mime: 'image/png', ext: 'png' });
    expect(await sniffUpload(JPEG, opts())).toEqual({ ok: true, mime: 'image/jpeg', ext: 'jpg' });
  });

  it('SYS-4 refuses a renamed .exe with a zh-TW message listing the accepted formats', async () => {
    expect(await sniffUpload(EXE, opts())).toEqual({
      ok: false,
      reason: 'type',
      message: '檔案格式不符，僅接受 PDF、JPG、PNG、DOCX、ODT',
    });
  });

  it('SYS-4 refuses HTML for pdf/jpeg/png and even where CSV is allowed', async () => {
    expect(await sniffUpload(HTML, opts(IMAGES_PDF))).toMatchObject({ ok: false, reason: 'type', message: '檔案格式不符，僅接受 PDF、JPG、PNG' });
    expect(await sniffUpload(HTML, opts(['csv']))).toMatchObject({ ok: false, reason: 'type' });
  });

  it('SYS-4 refuses an empty file', async () => {
    expect(await sniffUpload(new Uint8Array(0), opts())).toEqual({ ok: false, reason: 'empty', message: '檔案是空的' });
  });

  it('SYS-4 refuses a file over the size limit before looking at its type', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * MB)]);
    expect(await sniffUpload(big, opts())).toEqual({ ok: false, reason: 'too-large', message: '檔案大小超過 10 MB' });
    expect(await sniffUpload(PDF, { allowed: ['pdf'], maxBytes: PDF.byteLength })).toMatchObject({ ok: true });
    expect(await sniffUpload(PDF, { allowed: ['pdf'], maxBytes: 100 })).toMatchObject({ message: '檔案大小超過 100 bytes' });
    expect(await sniffUpload(PDF, { allowed: ['pdf'], maxBytes: 1.5 * MB - PDF.byteLength + 1 })).toMatchObject({ ok: true });
  });

  it('SYS-4 refuses an allowed type that is not in this upload’s list', async () => {
    expect(await sniffUpload(PNG, opts(['pdf']))).toEqual({ ok: false, reason: 'type', message: '檔案格式不符，僅接受 PDF' });
  });

  it('SYS-4 accepts valid UTF-8 CSV (with or without BOM) only where csv is allowed', async () => {
    const csv = Buffer.from('姓名,職稱,電話\n王小明,科員,02-2311-1234\r\n', 'utf8');
    expect(await sniffUpload(csv, opts(['csv']))).toEqual({ ok: true, mime: 'text/csv', ext: 'csv' });
    expect(await sniffUpload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]), opts(['csv']))).toMatchObject({ ok: true });
    expect(await sniffUpload(csv, opts(IMAGES_PDF))).toMatchObject({ ok: false, reason: 'type' });
  });

  it('SYS-4 refuses CSV that is not UTF-8 text (Big5, NUL bytes, binary)', async () => {
    const big5 = Buffer.from([0xa9, 0x6d, 0xa6, 0x57, 0x2c, 0xb9, 0x71, 0xb8, 0xdc, 0x0a]); // 姓名,電話 in Big5
    expect(await sniffUpload(big5, opts(['csv']))).toEqual({ ok: false, reason: 'type', message: '檔案格式不符，CSV 檔案請以 UTF-8 編碼儲存' });
    expect(await sniffUpload(Buffer.from('a,b\0,c\n'), opts(['csv']))).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(Buffer.from('a,b\u0007,c\n'), opts(['csv']))).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(EXE, opts(['csv']))).toMatchObject({ ok: false, reason: 'type', message: '檔案格式不符，僅接受 CSV' });
  });

  it('SYS-4 accepts a DOCX built as a real OOXML zip', async () => {
    expect(await sniffUpload(DOCX, opts())).toEqual({
      ok: true,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
    });
    expect(await sniffUpload(DOCX, opts(IMAGES_PDF))).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(DOCX, opts(['xlsx']))).toMatchObject({ ok: false, reason: 'type' });
  });

  it('SYS-4 accepts an ODT, refuses a plain zip and a macro-enabled DOCM where docx is allowed', async () => {
    expect(await sniffUpload(ODT, opts())).toEqual({ ok: true, mime: 'application/vnd.oasis.opendocument.text', ext: 'odt' });
    expect(await sniffUpload(PLAIN_ZIP, opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(DOCM, opts())).toMatchObject({ ok: false, reason: 'type' });
  });
});

describe('safeDownloadName', () => {
  it('SYS-4 strips directories, quotes and control characters but keeps CJK', () => {
    expect(safeDownloadName('C:\\Users\\王小明\\Desktop\\履歷表（最終版）.pdf', 'pdf')).toBe('履歷表（最終版）.pdf');
    expect(safeDownloadName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeDownloadName('a"b\'c\r\nSet-Cookie: x.pdf', 'pdf')).toBe('abcSet-Cookie x.pdf');
    expect(safeDownloadName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
  });

  it('SYS-4 enforces the sniffed extension and a fallback name', () => {
    expect(safeDownloadName('自傳', 'docx')).toBe('自傳.docx');
    expect(safeDownloadName('resume.exe', 'pdf')).toBe('resume.exe.pdf');
    expect(safeDownloadName('Photo.JPEG', 'jpg')).toBe('Photo.JPEG');
    expect(safeDownloadName('', 'pdf')).toBe('download.pdf');
    expect(safeDownloadName('...', 'png')).toBe('download.png');
    expect(safeDownloadName('.pdf', 'pdf')).toBe('pdf.pdf');
    expect(safeDownloadName('CON.pdf', 'pdf')).toBe('_CON.pdf');
  });

  it('SYS-4 limits the length to 200 UTF-8 bytes without splitting characters', () => {
    const name = safeDownloadName(`${'臺'.repeat(300)}.pdf`, 'pdf');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^臺+\.pdf$/u);
    expect(name).not.toContain('\uFFFD');
  });
});

describe('contentDisposition', () => {
  it('SYS-4 gives an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('履歷 (最終版).pdf')).toBe(
      "attachment; filename=\"download.pdf\"; filename*=UTF-8''%E5%B1%A5%E6%AD%B7%20%28%E6%9C%80%E7%B5%82%E7%89%88%29.pdf",
    );
    expect(contentDisposition('résumé_2026.pdf')).toBe("attachment; filename=\"resume_2026.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9_2026.pdf");
    expect(contentDisposition("it's*.pdf", 'inline')).toBe("inline; filename=\"it's*.pdf\"; filename*=UTF-8''it%27s%2A.pdf");
  });

  it('SYS-4 cannot be used to inject headers or break the quoted string', () => {
    const value = contentDisposition('a"b\\c\r\nX-Evil: 1;%41.pdf');
    expect(value).not.toMatch(/[\r\n]/u);
    expect(value.startsWith('attachment; filename="a_b_cX-Evil: 1__41.pdf"; ')).toBe(true);
    const decoded = decodeURIComponent(value.split("UTF-8''")[1] ?? '');
    expect(decoded).toBe('a"b\\cX-Evil: 1;%41.pdf');
  });
});

describe('polyglot uploads (issue 9 item 10)', () => {
  const html = Buffer.from('<html><body><script>alert(1)</script></body></html>', 'latin1');

  it('SYS-4 item 10: %PDF- followed by HTML, and a PDF without startxref/xref, are refused', async () => {
    expect(await sniffUpload(Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), html]), opts())).toMatchObject({ ok: false, reason: 'type' });
    const noXref = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    expect(await sniffUpload(noXref, opts())).toMatchObject({ ok: false, reason: 'type' });
    const htmlInside = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), html, minimalPdf().subarray(9)]);
    expect(await sniffUpload(htmlInside, opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(minimalPdf('自傳'), opts())).toMatchObject({ ok: true, ext: 'pdf' });
  });

  it('SYS-4 item 10: a JPEG or PNG signature followed by HTML, or a real image with HTML appended, is refused', async () => {
    expect(await sniffUpload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]), opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(Buffer.concat([JPEG, html]), opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(Buffer.concat([PNG.subarray(0, 8), html]), opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await sniffUpload(JPEG, opts())).toMatchObject({ ok: true, ext: 'jpg' });
  });

  it('SYS-4 item 10: a DOCX or ODT without its required entries is refused', async () => {
    const noDocument = await zip([['[Content_Types].xml', contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')], ['word/other.xml', DOC_XML]]);
    const detected = await sniffUpload(noDocument, opts());
    expect(detected.ok).toBe(false);
    const odtWrongMime = await zip([['mimetype', 'application/vnd.oasis.opendocument.text', 0], ['styles.xml', '<x/>']]);
    expect((await sniffUpload(odtWrongMime, opts())).ok).toBe(false);
    expect(await sniffUpload(DOCX, opts())).toMatchObject({ ok: true, ext: 'docx' });
    expect(await sniffUpload(ODT, opts())).toMatchObject({ ok: true, ext: 'odt' });
  });
});
