// Noto Sans TC (OFL) for PDFs: Regular (400) and Bold (700) TrueType files from
// @expo-google-fonts/noto-sans-tc, each about 7 MB. Parsed once per process with fontkit (pdfkit's own
// font engine, resolved through pdfkit so it is the very copy pdfkit uses) and handed to every document
// as a parsed font: pdfkit ≥ 0.20 accepts fontkit Font objects, which saves re-parsing the 7 MB file for
// each PDF (≈ 77 → 26 ms a page of text, measured). pdfkit embeds only a subset of the glyphs used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of a fontkit Font this project uses (fontkit ships no types). */
export interface FontkitFont {
  readonly postscriptName: string;
  readonly familyName: string;
  readonly numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

export interface PdfFonts {
  readonly regular: FontkitFont;
  readonly bold: FontkitFont;
  /** True when both faces can draw the code point. */
  hasGlyph(codePoint: number): boolean;
}

const PACKAGE = '@expo-google-fonts/noto-sans-tc';

/** Absolute paths of the two TTF files inside node_modules. */
export function notoSansTcPaths(): { regular: string; bold: string } {
  return {
    regular: require.resolve(`${PACKAGE}/400Regular/NotoSansTC_400Regular.ttf`),
    bold: require.resolve(`${PACKAGE}/700Bold/NotoSansTC_700Bold.ttf`),
  };
}

function loadFontkit(): Fontkit {
  const pdfkitRequire = createRequire(require.resolve('pdfkit'));
  const mod = pdfkitRequire('fontkit') as Fontkit & { default?: Fontkit };
  return typeof mod.create === 'function' ? mod : (mod.default as Fontkit);
}

let cached: PdfFonts | undefined;

/** Loads and parses both faces on first use; later calls return the same objects. */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const fontkit = loadFontkit();
  const paths = notoSansTcPaths();
  const regular = fontkit.create(readFileSync(paths.regular));
  const bold = fontkit.create(readFileSync(paths.bold));
  // Coverage of the BMP remembered in 64 KiB (0 unknown, 1 yes, 2 no); other planes looked up each time.
  const bmp = new Uint8Array(0x10000);
  const lookup = (cp: number) => regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp);
  cached = {
    regular,
    bold,
    hasGlyph(cp) {
      if (cp > 0xffff) return lookup(cp);
      let known = bmp[cp]!;
      if (known === 0) bmp[cp] = known = lookup(cp) ? 1 : 2;
      return known === 1;
    },
  };
  return cached;
}
