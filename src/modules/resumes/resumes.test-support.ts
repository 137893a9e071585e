// Test helpers for the resume module: a complete valid form, multipart posts, and a few generated files.
// (Signed-in applicants: signInApplicant in tests/factories/session.ts.)
import sharp from 'sharp';
import { minimalPdf } from '../../platform/storage/pdf-fixture.ts';
import type { Applicant } from '../../../tests/factories/session.ts';
import type { TestApp } from '../../../tests/helpers/app.ts';
import { csrfFrom } from '../../../tests/helpers/app.ts';
// Signed-in applicants live in tests/factories; re-exported for the tests that import them from here.
export { signInApplicant, type Applicant } from '../../../tests/factories/session.ts';

/** A complete, valid resume as form fields. */
export function validFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    chineseName: '王小明',
    englishName: 'WANG, HSIAO-MING',
    idNumber: 'A123456789',
    gender: '',
    birthDate: '080/01/14',
    phone: '0912-345-678',
    zip: '100臺北市中正區',
    street: '濟南路一段 2 號',
    email: 'ming@example.com',
    identity: ['原住民'],
    'education-1-school': '國立臺灣大學',
    'education-1-department': '政治學系',
    'education-1-degree': '學士',
    'education-1-status': '畢業',
    'education-1-start': '098/09/01',
    'education-1-end': '102/06/30',
    'experience-1-organization': '臺北市政府人事處',
    'experience-1-jobTitle': '約僱人員',
    'experience-1-status': '在職',
    'experience-1-start': '103/01/05',
    'experience-1-end': '',
    'languages-1-language': '英語',
    'languages-1-listening': '中等',
    'languages-1-speaking': '',
    'languages-1-reading': '精通',
    'languages-1-writing': '',
    skills: '公文撰寫；Excel',
    autobiography: '我出生於臺南市。',
    ...overrides,
  };
}

export interface FilePart {
  name: 'photo' | 'attachment';
  filename: string;
  bytes: Uint8Array;
  type?: string;
}

export function formData(fields: Record<string, string | string[]>, files: FilePart[] = []): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  for (const f of files) fd.append(f.name, new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.filename);
  return fd;
}

/** Opens the form (for the CSRF cookie and token) and posts it, multipart, with these fields and files. */
export async function postForm(t: TestApp, who: Applicant, fields: Record<string, string | string[]>, files: FilePart[] = [], opts: { csrf?: boolean } = {}) {
  const page = await t.app.inject({ url: '/platform/resume', headers: { cookie: who.cookie } });
  const token = csrfFrom(page.body);
  const csrfCookie = page.cookies.find((c) => c.name === '_csrf');
  const cookie = csrfCookie ? `${who.cookie}; _csrf=${csrfCookie.value}` : who.cookie;
  const url = opts.csrf === false ? '/platform/resume' : `/platform/resume?_csrf=${encodeURIComponent(token)}`;
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload: formData(fields, files) });
}

/** A cookie header with the session and the CSRF cookie of a page, plus that page's token. */
export function csrfOf(page: { body: string; cookies: { name: string; value: string }[] }, who: Applicant): { cookie: string; token: string } {
  const c = page.cookies.find((x) => x.name === '_csrf');
  return { cookie: c ? `${who.cookie}; _csrf=${c.value}` : who.cookie, token: csrfFrom(page.body) };
}

export async function jpeg(width = 320, height = 400, opts: { exif?: boolean } = {}): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: '#8090a0' } });
  return (opts.exif ? img.withExif({ IFD0: { Artist: 'Secret Person', Copyright: 'GPS-ish' } }) : img).jpeg().toBuffer();
}

export async function png(width = 100, height = 100): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#a0b0c0' } }).png().toBuffer();
}

/** A PNG of 8000 × 6500 = 52 megapixels that compresses to a few hundred KB (a decompression bomb). */
export async function hugePng(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 6500, channels: 3, background: '#abcdef' } }).png({ compressionLevel: 9 }).toBuffer();
}

/** A small but real PDF (with the xref table the upload check needs). */
export function tinyPdf(): Buffer {
  return minimalPdf();
}

/** The start of a Windows executable (MZ … PE), to be renamed .pdf. */
export function fakeExe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}
