// Beyond the magic bytes (issue 9 item 10; docs/adr/0007-upload-checks.md): an upload of an allowed kind must also
// have that kind's structure, so that `%PDF-` + HTML or a JPEG signature + HTML (polyglots) are refused.
// - images: sharp must read the header (format, width, height) of the kind detected;
// - PDF: no PDF parser is installed, so a structural check: `%%EOF` near the end, `startxref` pointing at an
//   `xref` table or an xref stream object;
// - DOCX / ODT / XLSX / ODS: a zip with the entries the format requires;
// - and for every binary kind: no HTML markup in the first KB (images: anywhere).
import { configure, TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import sharp from 'sharp';

configure({ useWebWorkers: false });

const MARKUP = /<(?:!doctype\s+html|html|script|body|iframe|svg)[\s>/]/i;

function hasMarkup(bytes: Uint8Array, limit = bytes.byteLength): boolean {
  return MARKUP.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(limit, bytes.byteLength)).toString('latin1'));
}

export function pdfStructureOk(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (hasMarkup(buf, 1024)) return false;
  const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) return false;
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return false;
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= buf.length) return false;
  const at = buf.subarray(offset, offset + 64).toString('latin1');
  return /^xref\s/.test(at) || /^\d+\s+\d+\s+obj\b/.test(at);
}

async function imageOk(bytes: Uint8Array, format: 'jpeg' | 'png'): Promise<boolean> {
  if (hasMarkup(bytes)) return false;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    return meta.format === format && (meta.width ?? 0) > 0 && (meta.height ?? 0) > 0;
  } catch {
    return false;
  }
}

const ZIP_ENTRIES: Record<'docx' | 'xlsx' | 'odt' | 'ods', { entries: string[]; mimetype?: string }> = {
  docx: { entries: ['[Content_Types].xml', 'word/document.xml'] },
  xlsx: { entries: ['[Content_Types].xml', 'xl/workbook.xml'] },
  odt: { entries: ['mimetype', 'content.xml'], mimetype: 'application/vnd.oasis.opendocument.text' },
  ods: { entries: ['mimetype', 'content.xml'], mimetype: 'application/vnd.oasis.opendocument.spreadsheet' },
};

async function zipOk(bytes: Uint8Array, kind: keyof typeof ZIP_ENTRIES): Promise<boolean> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  try {
    const entries = await reader.getEntries();
    const names = new Set(entries.map((e) => e.filename));
    const want = ZIP_ENTRIES[kind];
    if (!want.entries.every((n) => names.has(n))) return false;
    if (want.mimetype) {
      const entry = entries.find((e) => e.filename === 'mimetype');
      const text = entry && 'getData' in entry && entry.getData ? await entry.getData(new TextWriter()) : '';
      if (text.trim() !== want.mimetype) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    await reader.close().catch(() => undefined);
  }
}

/** Does `bytes`, detected as `ext` by its magic bytes, have the structure of that kind? */
export async function structureOk(ext: string, bytes: Uint8Array): Promise<boolean> {
  switch (ext) {
    case 'pdf':
      return pdfStructureOk(bytes);
    case 'jpg':
      return imageOk(bytes, 'jpeg');
    case 'png':
      return imageOk(bytes, 'png');
    case 'docx':
    case 'xlsx':
    case 'odt':
    case 'ods':
      return !hasMarkup(bytes, 1024) && (await zipOk(bytes, ext));
    default:
      return true;
  }
}

