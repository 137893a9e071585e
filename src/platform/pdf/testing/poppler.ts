// Reading PDFs back in tests with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages, pdftoppm).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Writes `pdf` to a temporary folder, runs `fn(file, dir)`, removes the folder. */
async function withPdfFile<T>(pdf: Uint8Array, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sqr-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return await fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stdoutOf(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export function pdfText(pdf: Uint8Array, layout = false): Promise<string> {
  return withPdfFile(pdf, (file) => stdoutOf('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-']));
}

export async function pdfPages(pdf: Uint8Array): Promise<number> {
  const out = await withPdfFile(pdf, (file) => stdoutOf('pdfinfo', [file]));
  const m = /^Pages:\s+(\d+)/m.exec(out);
  if (!m) throw new Error(`pdfinfo: no page count in ${out}`);
  return Number(m[1]);
}

/** pdffonts rows: name, type, embedded, subset, unicode map. */
export async function pdfFontList(pdf: Uint8Array): Promise<{ name: string; type: string; emb: boolean; sub: boolean; uni: boolean }[]> {
  const out = await withPdfFile(pdf, (file) => stdoutOf('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`pdffonts: cannot read ${l}`);
      return { name: m[1]!, type: m[2]!, emb: m[4] === 'yes', sub: m[5] === 'yes', uni: m[6] === 'yes' };
    });
}

/** pdfimages -list rows: width, height and encoding (image = Flate, jpeg = DCT). */
export async function pdfImageList(pdf: Uint8Array): Promise<{ width: number; height: number; enc: string }[]> {
  const out = await withPdfFile(pdf, (file) => stdoutOf('pdfimages', ['-list', file]));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return { width: Number(c[3]), height: Number(c[4]), enc: c[8] ?? '' };
    });
}

/** Renders one page to `<outBase>.png` (pdftoppm -singlefile) and returns the file's path. */
export async function pdfPageToPng(pdf: Uint8Array, page: number, outBase: string, dpi = 60): Promise<string> {
  await withPdfFile(pdf, (file) => run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, outBase]));
  return `${outBase}.png`;
}

/** A JPEG of page 1 at low resolution (pdftoppm -jpeg), as bytes. */
export function pdfPageToJpeg(pdf: Uint8Array, dpi = 20): Promise<Buffer> {
  return withPdfFile(pdf, async (file, dir) => {
    const base = join(dir, 'page');
    await run('pdftoppm', ['-jpeg', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, base]);
    return readFileSync(`${base}.jpg`);
  });
}
