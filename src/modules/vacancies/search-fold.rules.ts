// PUB-1: what a search compares. Text and query are folded the same way, so that what a person reads
// matches what they type. Used only for matching: pages and open-data exports keep the text as written.
// 1. NFKC: compatibility ideographs (Kangxi radicals U+2F00–U+2FDF such as ⼈ U+2F08 → 人; CJK compatibility
//    ideographs such as 理 U+F9E4 → 理, 14 of them in the 2016 feed), full-width Latin, digits and ＠,
//    ideographic space.
// 2. Lower case.
// 3. The variant characters below → one form.
// 4. Control characters (stray tabs: 756 in the 2016 feed) and runs of white space → one space.
// Pure: no I/O.

/**
 * Variant → the form searched. Each pair is two characters a reader takes for the same one in agency names
 * and addresses; the counts are from the real 2016 DGPA feed (assets/demo/dgpa-opendata-1050515.xml: title,
 * agency, 資格條件, 工作項目, 工作地點, 聯絡方式).
 */
export const VARIANT_FOLDS: Readonly<Record<string, string>> = Object.freeze({
  // 台 is listed as a variant (異體字) of 臺 in 教育部《異體字字典》; agencies write both (臺 1,606 times, 台 460):
  // 「台北市政府」 and 「臺北市政府」 are one agency.
  台: '臺',
  // 巿 (U+5DFF, fú) is not 市 (U+5E02) but looks the same in most fonts and is typed for it: 22 times in the
  // feed (「臺北巿」). Listed as confusable with 市 in Unicode's confusables.txt (UTS #39).
  巿: '市',
  // Japanese / simplified-Chinese code points of characters Taiwan writes with the traditional one (Unihan
  // kZVariant / kSemanticVariant; 教育部《異體字字典》 lists each as 異體 of the second): text pasted from
  // other input methods. 內政部, 戶政事務所, 鄉公所, 衛生局, 溫泉, 黃 (surname).
  内: '內',
  户: '戶',
  鄕: '鄉',
  衞: '衛',
  温: '溫',
  黄: '黃',
});

const VARIANT_RE = new RegExp(`[${Object.keys(VARIANT_FOLDS).join('')}]`, 'gu');
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE_RUN = /[\s\u0000-\u001f\u007f-\u009f]+/gu;

/** The folded form of a text (steps 1–4 above), with one space between words and none at the ends. */
export function foldSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(VARIANT_RE, (c) => VARIANT_FOLDS[c]!).replace(CONTROL_OR_SPACE_RUN, ' ').trim();
}

/** The folded form with no white space at all (機關名稱: 「臺北市 政府」 is 「臺北市政府」). */
export function foldCompact(s: string): string {
  return foldSearchText(s).replace(/ /g, '');
}
