import { describe, expect, it } from 'vitest';
import { chineseNumber, parseGradeRange, parseHeadcount } from './free-text.rules.ts';

describe('RANK → 職等 range', () => {
  // Every RANK text below occurs in the 2016 DGPA feed.
  it.each([
    ['委任第五職等或薦任第六職等至第七職等', 5, 7],
    ['委任第5職等或薦任第6職等至第7職等', 5, 7],
    ['委任第5 職等或薦任第6職等至第7職等', 5, 7],
    ['委任第5職等或薦任第6-7職等', 5, 7],
    ['委任第五職或薦任第六至第七職等', 5, 7],
    ['委任五職等或薦任六至七職等', 5, 7],
    ['委派第五職等或薦派第六職等至薦派第七職等', 5, 7],
    ['委任第5職等至薦任第7職等', 5, 7],
    ['委任第四職等至委任第五職等或薦任第六職等', 4, 6],
    ['委任第四至第五職等；薦任第七職等', 4, 7],
    ['委任第一職等至三職等', 1, 3],
    ['薦任第七職等至九職等', 7, 9],
    ['薦任第8職等', 8, 8],
    ['簡任第十職等', 10, 10],
    ['簡任第11職等', 11, 11],
    ['第六至第七職等', 6, 7],
  ])('PUB-4 parses the 職等 range of 「%s」', (text, min, max) => {
    expect(parseGradeRange(text)).toEqual({ min, max });
  });

  it.each([
    '',
    '無',
    '※',
    '師(三)級',
    '師三級',
    '師(二)級或師(三)級',
    '約僱五等280薪點',
    '約僱第五職等',
    '5等，280薪點',
    '6等4階',
    '薦任',
    '薦或簡任',
    '相當簡任第12職等',
    '本處第12職等',
    '第九職等（相當行政機關薦任第七職等）',
    '薦任第六職等至或第七職等',
    '委任第4職等或至第5職等',
    '約聘8-9等',
    '警正二階',
    '委任第6職等', // 委任 stops at 5: contradictory, so not certain
    '簡任第15職等',
  ])('PUB-4 leaves the 職等 range of 「%s」 unparsed (null) rather than guess', (text) => {
    expect(parseGradeRange(text)).toBeNull();
  });
});

describe('NUMBER_OF → headcount', () => {
  // All of these occur in the 2016 DGPA feed.
  it.each([
    ['1', 1],
    ['1名', 1],
    ['１', 1],
    ['一名', 1],
    ['二', 2],
    ['正取壹名、備取壹名', 1],
    ['正取參名、備取壹名', 3],
    ['正取1名，備取1名', 1],
    ['正取：1  名；備取： 2名', 1],
    ['正1備5', 1],
    ['1(候補1)', 1],
    ['1名（備取2名）', 1],
    ['1名(預估缺)', 1],
    ['2名(其中1名預估缺為105年7月16日）', 2],
    ['3-其中1人預估缺', 3],
    ['正取1名，得視成績增列候補1-2名', 1],
    ['6名(臺中區監理所1名、臺中市監理站1名、彰化監理站1名、南投監理站3名)', 6],
    ['  正取1名，備取若干名，錄取結果將公佈於本局網站 ', 1],
    ['712名', 712],
  ])('PUB-4 reads 「%s」 as %i position(s): 正取 only, reserves are not positions', (text, n) => {
    expect(parseHeadcount(text)).toBe(n);
  });

  it.each([
    '',
    '數名',
    '若干名',
    '儲備若干',
    '1-2',
    '2-3名',
    '2~10名',
    '各1名',
    '駕駛1名。（正取1名，備取2名-有效期間1年）',
    '精神科專科醫師共正取8名',
    '(一)臺北地方法院資訊管理師1名（備取1名）(二)臺北地方法院操作員2名（備取2名）',
    '分三個地區，共計9名，擇優錄取。',
    '0',
    '99999999999名',
  ])('PUB-4 gives no headcount (null) for 「%s」', (text) => {
    expect(parseHeadcount(text)).toBeNull();
  });

  it('PUB-4 reads Chinese numerals up to 99', () => {
    expect(['一', '十', '十四', '二十', '二十五', '壹', '參', '拾'].map(chineseNumber)).toEqual([1, 10, 14, 20, 25, 1, 3, 10]);
    expect(['', '一二', '十十', '百', '一百'].map(chineseNumber)).toEqual([null, null, null, null, null]);
  });
});
