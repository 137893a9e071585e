import { describe, expect, it } from 'vitest';
import { VARIANT_FOLDS, foldCompact, foldSearchText } from './search-fold.rules.ts';

describe('PUB-1 search folding (search-fold.rules.ts)', () => {
  it('PUB-1 folds 台 to 臺 and the listed variants to the form Taiwan writes', () => {
    expect(foldSearchText('台北市政府')).toBe('臺北市政府');
    expect(foldSearchText('臺北巿')).toBe('臺北市');
    expect(foldSearchText('内政部户政司')).toBe('內政部戶政司');
    // Every target is a fixed point: folding twice changes nothing.
    for (const [from, to] of Object.entries(VARIANT_FOLDS)) {
      expect(foldSearchText(from)).toBe(to);
      expect(foldSearchText(to)).toBe(to);
    }
  });

  it('PUB-1 NFKC: Kangxi radicals, CJK compatibility ideographs, full-width Latin, digits and ＠', () => {
    expect(foldSearchText('\u2F08事')).toBe('人事'); // ⼈ U+2F08 KANGXI RADICAL MAN
    expect(foldSearchText('\uF9E4')).toBe('理'); // U+F9E4 CJK COMPATIBILITY IDEOGRAPH → 理 U+7406
    expect(foldSearchText('ＥＸＣＥＬ２０１６')).toBe('excel2016');
    expect(foldSearchText('ｊｏｂ＠ｅｘａｍｐｌｅ．ｔｗ')).toBe('job@example.tw');
  });

  it('PUB-1 tabs, control characters and runs of white space become one space; compact removes them', () => {
    expect(foldSearchText(' 人事\t\t管理\u3000員\r\n')).toBe('人事 管理 員');
    expect(foldSearchText('a\u0000b')).toBe('a b');
    expect(foldCompact('臺北市\t政府 人事處')).toBe('臺北市政府人事處');
  });
});
