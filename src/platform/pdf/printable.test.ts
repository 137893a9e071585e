import { describe, expect, it } from 'vitest';
import { pdfFonts } from './fonts.ts';
import { MISSING_GLYPH, printable } from './printable.ts';

const { hasGlyph } = pdfFonts();
const p = (s: string) => printable(s, hasGlyph);

describe('printable text', () => {
  it('RES-13 keeps text the font can draw exactly as typed (CJK, Latin, punctuation, line breaks)', () => {
    const s = '王小明 Wang, 臺北市（中正區）100 號；<b>&amp;</b>\n第二行　全形空白';
    expect(p(s)).toBe(s);
  });

  it(`RES-13 replaces each character the font lacks by one ${MISSING_GLYPH}, whole emoji sequences included`, () => {
    expect(p('王😀明')).toBe(`王${MISSING_GLYPH}明`);
    expect(p('𠀋')).toBe('𠀋'); // Extension B: the 全字庫 fallback font has it (fonts.ts)
    expect(p('家人👨‍👩‍👧好')).toBe(`家人${MISSING_GLYPH}好`);
    expect(p('👍🏽')).toBe(MISSING_GLYPH);
    expect(p('\uE000')).toBe(MISSING_GLYPH);
    expect(p('a\uD800b')).toBe(`a${MISSING_GLYPH}b`);
  });

  it('RES-13 drops invisible characters and normalises line breaks and tabs', () => {
    expect(p('a\u0007b\u200Bc\u202Ed\uFEFFe')).toBe('abcde');
    expect(p('葛\uFE00')).toBe('葛');
    expect(p('一\r\n二\r三\u2028四\t五')).toBe('一\n二\n三\n四 五');
    expect(p('')).toBe('');
  });

  it('RES-13 keeps decomposed accents the font can draw', () => {
    expect(p('Jose\u0301')).toBe('Jose\u0301');
  });
});
