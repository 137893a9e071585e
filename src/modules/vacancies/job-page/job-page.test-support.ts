// Test support for the job page (not loaded by the app): vacancy and attachment fixtures, and readers that
// turn the QR images back into module grids (no QR decoder package is installed; see job-page.routes.test.ts).
import { inflateSync } from 'node:zlib';
import type { Services } from '../../../container.ts';
import type { Db } from '../../../platform/db/client.ts';
import { vacancies, vacancyAttachments } from '../vacancy.schema.ts';

export type NewVacancy = typeof vacancies.$inferInsert;

/** A published open job (不須具) with every public field filled; override what a test is about. */
export async function insertVacancy(db: Db, overrides: Partial<NewVacancy> & { workId: string }): Promise<typeof vacancies.$inferSelect> {
  const [row] = await db
    .insert(vacancies)
    .values({
      orgId: 'A58000000A',
      orgName: '行政院人事行政總處',
      personKind: '約僱人員',
      personKindCode: '13',
      title: '約僱行政助理',
      rankText: '約僱五等280薪點',
      sysnamText: '一般行政',
      numberOfText: '1名',
      headcount: 1,
      gender: 'any',
      genderType: '不拘',
      workPlaceText: ',10-臺北市,30-新竹市',
      workPlaces: ['10', '30'],
      validFrom: '2026-05-26',
      validTo: '2026-05-28',
      typeText: '其他',
      rankTypes: ['其他'],
      vitaeEmail: 'hr@dgpa.example.gov.tw',
      resumesByEmail: true,
      workQuality: '公立或立案私立大專以上學校畢業。\n具文書處理能力。',
      workItem: '一、公文處理。\n二、會議紀錄。',
      workAddress: '臺北市中正區濟南路一段2之2號',
      contactMethod: '聯絡人：王小姐\n電話：(02)2397-9298 分機 123',
      accessMode: 'open',
      reviewStatus: 'approved',
      source: 'form',
      postedAt: new Date('2026-05-20T09:00:00+08:00'),
      ...overrides,
    })
    .returning();
  return row!;
}

/** Stores `bytes` and records it as an attachment of the vacancy. */
export async function insertAttachment(
  services: Pick<Services, 'db' | 'storage'>,
  vacancyId: string,
  file: { name: string; contentType: string; bytes: Buffer; key: string },
): Promise<typeof vacancyAttachments.$inferSelect> {
  const stored = await services.storage.put(file.key, file.bytes, { contentType: file.contentType });
  const [row] = await services.db
    .insert(vacancyAttachments)
    .values({ vacancyId, fileKey: stored.key, originalName: file.name, contentType: file.contentType, size: stored.size })
    .returning();
  return row!;
}

/** A tiny but real PDF. */
export function samplePdf(text = '職缺說明'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

export type ModuleGrid = boolean[][];

/** Decodes an 8-bit RGB(A)/grey PNG (all five row filters) into a luminance reader. */
export function readPng(png: Buffer): { width: number; height: number; dark(x: number, y: number): boolean } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      if (!channels) throw new Error(`unsupported colour type ${data[9]}`);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      if (pred === undefined) throw new Error(`bad filter ${filter}`);
      out[y * stride + i] = (x + pred) & 0xff;
    }
  }
  return {
    width,
    height,
    dark: (x, y) => {
      const i = y * stride + x * channels;
      const lum = channels >= 3 ? (out[i]! + out[i + 1]! + out[i + 2]!) / 3 : out[i]!;
      return lum < 128;
    },
  };
}

/** The module grid of a QR PNG drawn with `margin` quiet modules, sampled at each module's centre. */
export function pngModules(png: Buffer, margin: number): ModuleGrid {
  const img = readPng(png);
  // The symbol is square: count dark-module rows from the finder pattern's top-left corner.
  let first = -1;
  for (let x = 0; x < img.width && first < 0; x++) if (img.dark(x, x)) first = x;
  if (first <= 0) throw new Error('no QR symbol found');
  const scale = first / margin;
  const size = Math.round(img.width / scale) - 2 * margin;
  return Array.from({ length: size }, (_r, r) =>
    Array.from({ length: size }, (_c, c) => img.dark(Math.floor((margin + c + 0.5) * scale), Math.floor((margin + r + 0.5) * scale))),
  );
}

/** The module grid of an SVG made by `qrcode` (one path: `M x y` rows, `m dx 0` gaps, `h n` dark runs). */
export function svgModules(svg: string): ModuleGrid {
  const view = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path[^>]*stroke="#000000"[^>]*d="([^"]*)"/.exec(svg);
  if (!view || !d) throw new Error('not a qrcode SVG');
  const total = Number(view[1]);
  const dark: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d[1]!.matchAll(/([MmHh])([\d.]+)(?: ([\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Math.floor(Number(b))];
    else if (cmd === 'm') x += n;
    else if (cmd === 'h') {
      for (let i = 0; i < n; i++) dark.push([x + i, y]);
      x += n;
    }
  }
  const margin = Math.min(...dark.map(([dx]) => dx));
  const size = total - 2 * margin;
  const grid: ModuleGrid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [dx, dy] of dark) grid[dy - margin]![dx - margin] = true;
  return grid;
}

/** The grid of a QRCode.create() symbol. */
export function symbolModules(qr: { modules: { size: number; get(r: number, c: number): number | boolean } }): ModuleGrid {
  const n = qr.modules.size;
  return Array.from({ length: n }, (_r, r) => Array.from({ length: n }, (_c, c) => Boolean(qr.modules.get(r, c))));
}
