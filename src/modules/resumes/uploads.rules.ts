// What an uploaded file must be (RES-9, RES-10, SYS-4): decided from its bytes, never from its name or the
// browser's type. The photo is re-encoded: EXIF orientation applied, metadata dropped, fitted within
// 600 × 800, JPEG; an image of more than 25 megapixels is refused before it is decoded.
import sharp from 'sharp';
import { sniffUpload } from '../../platform/storage/index.ts';
import { PHOTO_RULES } from './resume.limits.ts';

export type PhotoRefusal = 'empty' | 'too-large' | 'type' | 'pixels' | 'unreadable';
export type AttachmentRefusal = 'empty' | 'too-large' | 'type';

/** A file as it came in: its bytes (at most limit + 1 of them) and whether more were cut off. */
export interface IncomingFile {
  filename: string;
  bytes: Buffer;
  truncated: boolean;
}

export type PhotoResult = { ok: true; bytes: Buffer; contentType: 'image/jpeg'; width: number; height: number } | { ok: false; reason: PhotoRefusal };

export async function preparePhoto(file: IncomingFile): Promise<PhotoResult> {
  if (file.bytes.byteLength === 0 && !file.truncated) return { ok: false, reason: 'empty' };
  if (file.truncated || file.bytes.byteLength > PHOTO_RULES.maxBytes) return { ok: false, reason: 'too-large' };
  const sniffed = await sniffUpload(file.bytes, { allowed: ['jpeg', 'png'], maxBytes: PHOTO_RULES.maxBytes });
  if (!sniffed.ok) return { ok: false, reason: sniffed.reason };
  try {
    const { data, info } = await sharp(file.bytes, { limitInputPixels: PHOTO_RULES.maxPixels })
      .rotate()
      .resize({ width: PHOTO_RULES.width, height: PHOTO_RULES.height, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch (err) {
    return { ok: false, reason: /pixel limit/i.test((err as Error).message) ? 'pixels' : 'unreadable' };
  }
}

export type AttachmentResult = { ok: true; contentType: string; ext: string } | { ok: false; reason: AttachmentRefusal };

/** 證照資格/作品附件: PDF, JPEG, PNG, DOCX or ODT by content, within `maxBytes`, kept byte for byte. */
export async function checkAttachment(file: IncomingFile, maxBytes: number): Promise<AttachmentResult> {
  if (file.truncated || file.bytes.byteLength > maxBytes) return { ok: false, reason: 'too-large' };
  const sniffed = await sniffUpload(file.bytes, { allowed: ['pdf', 'jpeg', 'png', 'docx', 'odt'], maxBytes });
  return sniffed.ok ? { ok: true, contentType: sniffed.mime, ext: sniffed.ext } : { ok: false, reason: sniffed.reason };
}

/** A file name fit to keep and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/u).pop() ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return Array.from(base).slice(0, 200).join('') || 'file';
}

/** 10 MB, 2 MB: the size limit as shown to people. */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} bytes`;
}
