// Upload content checks (SYS-4): decide a file's type from its bytes, never from its name or the
// browser's Content-Type; plus safe names for downloads.
import { fileTypeFromBuffer } from 'file-type';
import { structureOk } from './structure.ts';

export type AllowedKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'odt' | 'xlsx' | 'ods' | 'csv';

export type SniffResult =
  | { ok: true; mime: string; ext: string }
  | { ok: false; reason: 'empty' | 'too-large' | 'type'; message: string };

interface KindInfo {
  label: string;
  ext: string;
  mime: string;
}

// file-type's exact (ext, mime) pair for each kind. DOCX/XLSX/ODT/ODS are zip containers: a bare zip,
// a macro-enabled .docm/.xlsm, a .jar or an .epub gets a different pair and is refused.
const KINDS: Record<AllowedKind, KindInfo> = {
  pdf: { label: 'PDF', ext: 'pdf', mime: 'application/pdf' },
  jpeg: { label: 'JPG', ext: 'jpg', mime: 'image/jpeg' },
  png: { label: 'PNG', ext: 'png', mime: 'image/png' },
  docx: { label: 'DOCX', ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  odt: { label: 'ODT', ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  xlsx: { label: 'XLSX', ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ods: { label: 'ODS', ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv' },
};

export async function sniffUpload(
  bytes: Uint8Array,
  opts: { allowed: readonly AllowedKind[]; maxBytes: number },
): Promise<SniffResult> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty', message: '檔案是空的' };
  if (bytes.byteLength > opts.maxBytes) {
    return { ok: false, reason: 'too-large', message: `檔案大小超過 ${formatSize(opts.maxBytes)}` };
  }
  const typeError = (message = `檔案格式不符，僅接受 ${opts.allowed.map((k) => KINDS[k].label).join('、')}`): SniffResult => ({
    ok: false,
    reason: 'type',
    message,
  });

  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    for (const kind of opts.allowed) {
      const info = KINDS[kind];
      if (kind !== 'csv' && detected.ext === info.ext && detected.mime === info.mime) {
        // The magic bytes are not enough (polyglots): the file must have its kind's structure.
        if (!(await structureOk(info.ext, bytes))) return typeError(`檔案內容不是有效的 ${info.label} 檔案，請重新存檔後再上傳`);
        return { ok: true, mime: info.mime, ext: info.ext };
      }
    }
    return typeError();
  }

  // Text formats have no magic bytes: accept CSV only as clean UTF-8 text that is not markup.
  if (opts.allowed.includes('csv')) {
    const text = checkPlainText(bytes);
    if (text === 'ok') return { ok: true, mime: 'text/csv', ext: 'csv' };
    if (text === 'not-utf8') return typeError('檔案格式不符，CSV 檔案請以 UTF-8 編碼儲存');
  }
  return typeError();
}

// C0 controls other than TAB, LF, VT, FF, CR, plus DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/u;

function checkPlainText(bytes: Uint8Array): 'ok' | 'not-utf8' | 'not-text' {
  if (bytes.includes(0)) return 'not-text';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return 'not-utf8'; // Typically Big5 from older Excel versions.
  }
  if (FORBIDDEN_CONTROLS.test(text)) return 'not-text';
  // HTML / XML / SVG are text too, but never a CSV.
  if (text.replace(/^\uFEFF/u, '').trimStart().startsWith('<')) return 'not-text';
  return 'ok';
}

/** 10 MB, 512 KB, 20 bytes: a size as shown to people. */
export function formatSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${trimNumber(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trimNumber(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trimNumber(n: number): string {
  return n.toFixed(1).replace(/\.0$/u, '');
}

const MAX_NAME_BYTES = 200;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/iu;
const EQUIVALENT_EXT: Record<string, readonly string[]> = { jpg: ['jpg', 'jpeg'], jpeg: ['jpg', 'jpeg'] };

/**
 * A file name that is safe to offer for download: no directories, control/bidi characters, quotes or
 * characters Windows forbids; CJK kept; at most 200 UTF-8 bytes; always ending in the (sniffed)
 * extension `fallbackExt` — `履歷.exe` holding a PDF becomes `履歷.exe.pdf`, an empty name `download.pdf`.
 */
export function safeDownloadName(original: string, fallbackExt: string): string {
  const wantExt = fallbackExt.toLowerCase().replace(/[^a-z0-9]/gu, '') || 'bin';
  let name = String(original ?? '').normalize('NFC');
  name = name.split(/[\\/]/u).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '') // controls, bidi overrides, zero-width characters
    .replace(/["'`<>:|?*]/gu, '')
    .replace(/\s+/gu, ' ');
  name = trimDots(name);

  const dot = name.lastIndexOf('.');
  const currentExt = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const accepted = EQUIVALENT_EXT[wantExt] ?? [wantExt];
  let stem = name;
  let ext = wantExt;
  if (accepted.includes(currentExt)) {
    stem = name.slice(0, dot);
    ext = name.slice(dot + 1);
  }
  stem = trimDots(stem);
  if (stem === '') stem = 'download';
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;

  const budget = MAX_NAME_BYTES - Buffer.byteLength(`.${ext}`);
  if (Buffer.byteLength(stem) > budget) {
    const chars = Array.from(stem);
    while (chars.length > 0 && Buffer.byteLength(chars.join('')) > budget) chars.pop();
    stem = trimDots(chars.join('')) || 'download';
  }
  return `${stem}.${ext}`;
}

function trimDots(s: string): string {
  return s.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

/**
 * RFC 6266 Content-Disposition value with an ASCII `filename` fallback and an RFC 5987 `filename*`,
 * e.g. `attachment; filename="resume.pdf"; filename*=UTF-8''%E5%B1%A5%E6%AD%B7.pdf`.
 * Pass a name already cleaned by safeDownloadName; control characters are dropped here regardless.
 */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = filename.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // é -> e
    .replace(/[^\x20-\x7E]+/gu, '_')
    .replace(/["\\%;]/gu, '_');
  const dot = ascii.lastIndexOf('.');
  const stem = dot > 0 ? ascii.slice(0, dot) : ascii;
  if (!/[A-Za-z0-9]/u.test(stem)) return dot > 0 ? `download${ascii.slice(dot)}` : 'download';
  return ascii;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
