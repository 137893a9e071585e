// Fonts for PDFs.
// Noto Sans TC (OFL): Regular (400) and Bold (700) TrueType files from @expo-google-fonts/noto-sans-tc, each
// about 7 MB. Parsed once per process with fontkit (pdfkit's own font engine, resolved through pdfkit so it is
// the very copy pdfkit uses) and handed to every document as a parsed font: pdfkit ≥ 0.20 accepts fontkit Font
// objects, which saves re-parsing the 7 MB file for each PDF (≈ 77 → 26 ms a page of text, measured). pdfkit
// embeds only a subset of the glyphs used.
//
// Fallback (issue 11 item 3, ADR "Extension-B fallback font"): Noto Sans TC has no CJK Extension A/B glyphs
// (𠀋 U+2000B), common in Taiwanese names and addresses. The CNS 11643 全字庫 fonts (TW-Sung, TW-Kai; Debian
// fonts-cns11643-sung / -kai, 政府資料開放授權條款) have them. Their files are found at start-up in the known
// directories (or PDF_FALLBACK_FONT_DIR) by name — TW-Sung-*.ttf (BMP), TW-Sung-Ext-B-*.ttf (plane 2),
// TW-Sung-Plus-*.ttf (planes 15–16, 全字庫's private-use characters) — and each is read (30–67 MB) only when
// the first character that needs it is printed. Text is split into runs by font: Noto wherever both Noto faces
// have the glyph, otherwise the first fallback file of that plane that has it (fontkit hasGlyphForCodePoint).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The parts of a fontkit Font this project uses (fontkit ships no types). */
export interface FontkitFont {
  readonly postscriptName: string;
  readonly familyName: string;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

/** A 全字庫 font file found on disk, and which code points it is consulted for. */
export interface FallbackFontFile {
  readonly path: string;
  readonly family: 'Sung' | 'Kai';
  /** bmp: U+0000–FFFF (Extension A and others); ext-b: plane 2; plus: planes 15–16. */
  readonly part: 'bmp' | 'ext-b' | 'plus';
}

/** A run of text drawn in one font: `fallback` is an index into `PdfFonts.fallbacks`, null for Noto. */
export interface TextRun {
  readonly text: string;
  readonly fallback: number | null;
}

export interface PdfFonts {
  readonly regular: FontkitFont;
  readonly bold: FontkitFont;
  /** The fallback files found, in the order they are consulted. */
  readonly fallbacks: readonly FallbackFontFile[];
  /** True when some font can draw the code point (Noto's two faces, or a fallback). */
  hasGlyph(codePoint: number): boolean;
  /** `text` split into runs by the font that draws it (characters no font has stay in Noto runs). */
  runs(text: string): TextRun[];
  /** The parsed fallback font `index`, with Noto's line metrics so baselines and line heights match. */
  fallbackFont(index: number): FontkitFont;
}

/** Where Debian and common Linux layouts put the 全字庫 TrueType files. */
export const KNOWN_FALLBACK_FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/cns11643',
  '/usr/local/share/fonts/truetype/cns11643',
  '/usr/share/fonts/cns11643',
  '/usr/local/share/fonts/cns11643',
  '/usr/share/fonts/TTF',
];

const FILE_NAME = /^TW-(Sung|Kai)(-Ext-B|-Plus)?-[\w.]*\.ttf$/i;
const PACKAGE = '@expo-google-fonts/noto-sans-tc';

/** Absolute paths of the two TTF files inside node_modules. */
export function notoSansTcPaths(): { regular: string; bold: string } {
  return {
    regular: require.resolve(`${PACKAGE}/400Regular/NotoSansTC_400Regular.ttf`),
    bold: require.resolve(`${PACKAGE}/700Bold/NotoSansTC_700Bold.ttf`),
  };
}

/**
 * The 全字庫 files in `dirs`: one for each part (BMP, Extension B, Plus, in that order), TW-Sung where it is
 * there, else TW-Kai; the first directory holding it wins. Missing or unreadable directories are skipped.
 * One file a part keeps memory bounded: each is 30–67 MB once read.
 */
export function findFallbackFonts(dirs: readonly string[]): FallbackFontFile[] {
  const found = new Map<string, FallbackFontFile>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = existsSync(dir) ? readdirSync(dir).sort() : [];
    } catch {
      continue;
    }
    for (const name of names) {
      const m = FILE_NAME.exec(name);
      if (!m) continue;
      const family = m[1]!.toLowerCase() === 'kai' ? 'Kai' : 'Sung';
      const part = !m[2] ? 'bmp' : m[2].toLowerCase() === '-ext-b' ? 'ext-b' : 'plus';
      const had = found.get(part);
      if (!had || (had.family === 'Kai' && family === 'Sung')) found.set(part, { path: join(dir, name), family, part });
    }
  }
  const order = (f: FallbackFontFile) => ['bmp', 'ext-b', 'plus'].indexOf(f.part);
  return [...found.values()].sort((a, b) => order(a) - order(b));
}

function partOf(cp: number): FallbackFontFile['part'] | null {
  if (cp <= 0xffff) return 'bmp';
  if (cp >= 0x20000 && cp <= 0x2ffff) return 'ext-b';
  if (cp >= 0xf0000) return 'plus';
  return null;
}

function loadFontkit(): Fontkit {
  const pdfkitRequire = createRequire(require.resolve('pdfkit'));
  const mod = pdfkitRequire('fontkit') as Fontkit & { default?: Fontkit };
  return typeof mod.create === 'function' ? mod : (mod.default as Fontkit);
}

/**
 * `font` seen with `model`'s ascent, descent and line gap (scaled to its own units per em): pdfkit places the
 * baseline at the font's ascent below the line's top, so a run in the fallback then sits on Noto's baseline.
 */
function withMetricsOf(font: FontkitFont, model: FontkitFont): FontkitFont {
  const k = font.unitsPerEm / model.unitsPerEm;
  const metrics: Record<string, number> = { ascent: model.ascent * k, descent: model.descent * k, lineGap: model.lineGap * k };
  return new Proxy(font, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in metrics) return metrics[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let fallbackDirs: readonly string[] = KNOWN_FALLBACK_FONT_DIRS;
let cached: PdfFonts | undefined;

/**
 * Start-up: where to look for the fallback fonts (`dir` first, then the known directories). Returns the files
 * found, for the start-up log. Resets the loaded fonts.
 */
export function configurePdfFonts(options: { fallbackFontDir?: string | undefined } = {}): readonly FallbackFontFile[] {
  fallbackDirs = options.fallbackFontDir ? [options.fallbackFontDir, ...KNOWN_FALLBACK_FONT_DIRS] : KNOWN_FALLBACK_FONT_DIRS;
  cached = undefined;
  return findFallbackFonts(fallbackDirs); // only the directory listing: Noto and the fallbacks load on first use
}

/** Loads and parses Noto on first use and finds the fallback files; later calls return the same objects. */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const fontkit = loadFontkit();
  const paths = notoSansTcPaths();
  const regular = fontkit.create(readFileSync(paths.regular));
  const bold = fontkit.create(readFileSync(paths.bold));
  const fallbacks = findFallbackFonts(fallbackDirs);
  const loaded = new Map<number, FontkitFont>();
  const fallbackFont = (i: number): FontkitFont => {
    let font = loaded.get(i);
    if (!font) {
      font = withMetricsOf(fontkit.create(readFileSync(fallbacks[i]!.path)), regular);
      loaded.set(i, font);
    }
    return font;
  };
  const NOTO = -1;
  const NONE = -2;
  const lookup = (cp: number): number => {
    if (regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp)) return NOTO;
    const part = partOf(cp);
    for (let i = 0; i < fallbacks.length; i++) {
      if (fallbacks[i]!.part === part && fallbackFont(i).hasGlyphForCodePoint(cp)) return i;
    }
    return NONE;
  };
  // The answer per code point remembered: the BMP in 64 KiB (0 unknown, 1 Noto, 2 none, 3 + i fallback i).
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  const fontOf = (cp: number): number => {
    if (cp > 0xffff) {
      let known = astral.get(cp);
      if (known === undefined) astral.set(cp, (known = lookup(cp)));
      return known;
    }
    let known = bmp[cp]!;
    if (known === 0) {
      const f = lookup(cp);
      bmp[cp] = known = f === NOTO ? 1 : f === NONE ? 2 : 3 + f;
    }
    return known === 1 ? NOTO : known === 2 ? NONE : known - 3;
  };
  cached = {
    regular,
    bold,
    fallbacks,
    fallbackFont,
    hasGlyph: (cp) => fontOf(cp) !== NONE,
    runs(text) {
      const out: TextRun[] = [];
      let current: number | null = null;
      let start = 0;
      let i = 0;
      for (const ch of text) {
        const f = fontOf(ch.codePointAt(0)!);
        const face = f >= 0 ? f : null;
        if (face !== current && i > start) {
          out.push({ text: text.slice(start, i), fallback: current });
          start = i;
        }
        current = face;
        i += ch.length;
      }
      if (i > start || out.length === 0) out.push({ text: text.slice(start), fallback: current });
      return out;
    },
  };
  return cached;
}
