// Text for the PDF is text only: it is drawn glyph by glyph and never interpreted (no markup, no links).
// Before drawing, every user-perceived character (grapheme cluster) the font cannot draw is replaced by
// one 〓 (U+3013 GETA MARK, the Japanese/Chinese typesetters' mark for a missing character) — emoji,
// CJK Extension B and beyond (𠀋), private-use characters, lone surrogates. Invisible characters are
// dropped: control characters (other than line breaks), format characters (ZWJ, bidi marks, BOM, soft
// hyphen) and variation selectors. Line breaks (CR LF, CR, U+2028/2029) become '\n'; tabs become a space.

export const MISSING_GLYPH = '〓';

const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'grapheme' });
const INVISIBLE = /[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
const LONE_SURROGATE = /\p{Cs}/u;
/** Anything that can change how characters group or show: marks, joiners, selectors, controls, astral. */
const NEEDS_SEGMENTS = /[\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Co}\u{FE00}-\u{FE0F}]|[\u{10000}-\u{10FFFF}]/u;

export function printable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  if (!text) return '';
  const normalized = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ');
  if (!NEEDS_SEGMENTS.test(normalized.replace(/\n/g, ''))) {
    // Fast path (nearly every resume): plain BMP text, one code unit a character.
    let ok = true;
    for (let i = 0; i < normalized.length; i++) {
      const c = normalized.charCodeAt(i);
      if (c !== 10 && !hasGlyph(c)) {
        ok = false;
        break;
      }
    }
    if (ok) return normalized;
  }
  let out = '';
  for (const { segment } of segmenter.segment(normalized)) {
    if (segment === '\n') {
      out += '\n';
      continue;
    }
    if (LONE_SURROGATE.test(segment)) {
      out += MISSING_GLYPH;
      continue;
    }
    const visible = segment.replace(INVISIBLE, '');
    if (visible === '') continue;
    let drawable = true;
    for (const ch of visible) {
      if (!hasGlyph(ch.codePointAt(0)!)) {
        drawable = false;
        break;
      }
    }
    out += drawable ? visible : MISSING_GLYPH;
  }
  return out;
}
