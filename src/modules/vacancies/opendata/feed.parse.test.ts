import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_FIELDS, FeedParseError, parseFeed } from './feed.parse.ts';

const REAL_FEED = new URL('../../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);

const wrap = (rows: string, announce = '<ANNOUNCE_DATE>1050515</ANNOUNCE_DATE>') =>
  `<?xml version="1.0" encoding="utf-8"?>\r\n<ROOT>\r\n  ${announce}\r\n${rows}</ROOT>\r\n`;

describe('parseFeed on the real 2016 DGPA feed', () => {
  const feed = parseFeed(readFileSync(REAL_FEED, 'utf8'));

  it('PUB-4 reads ANNOUNCE_DATE and all 1,106 ROWs with the 22 elements of the 2016 feed, as text', () => {
    expect(feed.announceDate).toBe('1050515');
    expect(feed.rows).toHaveLength(1106);
    expect(feed.errors).toEqual([]);
    expect(feed.rowIndex[0]).toBe(1);
    expect(feed.rowIndex.at(-1)).toBe(1106);
    for (const row of feed.rows) {
      expect(Object.keys(row)).toHaveLength(22);
      for (const v of Object.values(row)) expect(typeof v).toBe('string');
    }
  });

  it('PUB-4 keeps values verbatim: no number coercion, empty elements as empty text', () => {
    const first = feed.rows[0]!;
    expect(first).toMatchObject({
      ORG_NAME: '中央研究院',
      RANK: '',
      NUMBER_OF: '1',
      DATE_FROM: '1050501',
      WORK_PLACE_TYPE: ',35-苗栗縣',
      URL_LINK: '',
      VIEW_URL: 'http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=1030100145',
    });
    expect(feed.rows[3]!.VITAE_EMAIL).toBe(' sulikao@fyh.mohw.gov.tw'); // trimming is the rules' job
  });

  it('PUB-4 keeps the newlines, tabs and trailing spaces of long free text (XML turns CRLF into LF)', () => {
    expect(feed.rows[1]!.CONTACT_METHOD).toBe(
      '申請者請附個人履歷表、著作表、研究與教學規劃、 \n三封介紹信函寄：中華民國臺灣新竹市\n大學路1001號 交通大學電子工程系 陳紹基主任。\n' +
        '\t電話:866-3-5715507   FAX:886-3-5724361\n\tE-mail: sgchen@mail.nctu.edu.tw \n\t\n',
    );
  });
});

describe('parseFeed on small feeds', () => {
  it('PUB-4 reads the newer elements ORG_ID, RESERVE_NUM, IS_TRANSFER and Work_Type, and ignores unknown ones', () => {
    const feed = parseFeed(
      wrap(`<ROW><ORG_ID>A29000000G</ORG_ID><ORG_NAME>數位發展部</ORG_NAME><RESERVE_NUM>2</RESERVE_NUM>
        <IS_TRANSFER>Y</IS_TRANSFER><Work_Type>線上應徵</Work_Type><SOMETHING_NEW>x</SOMETHING_NEW></ROW>`),
    );
    expect(feed.rows).toEqual([{ ORG_ID: 'A29000000G', ORG_NAME: '數位發展部', RESERVE_NUM: '2', IS_TRANSFER: 'Y', Work_Type: '線上應徵' }]);
    expect(FEED_FIELDS).toEqual(expect.arrayContaining(['ORG_ID', 'RESERVE_NUM', 'IS_TRANSFER', 'Work_Type', 'IS_TRANING']));
  });

  it('PUB-4 decodes XML entities and character references exactly once; CDATA stays literal', () => {
    const feed = parseFeed(
      wrap('<ROW><TITLE>A &amp; B &lt;C&gt; &#x4E00;&#20108; &amp;lt;</TITLE><WORK_ITEM><![CDATA[<b>&amp;</b>]]></WORK_ITEM></ROW>'),
    );
    expect(feed.rows[0]!.TITLE).toBe('A & B <C> 一二 &lt;');
    expect(feed.rows[0]!.WORK_ITEM).toBe('<b>&amp;</b>');
  });

  it('PUB-4 a single ROW is still a list; a feed without ROWs or ANNOUNCE_DATE is empty, not an error', () => {
    expect(parseFeed(wrap('<ROW><TITLE>x</TITLE></ROW>')).rows).toHaveLength(1);
    expect(parseFeed('<ROOT/>')).toEqual({ announceDate: null, rows: [], rowIndex: [], errors: [] });
    expect(parseFeed('\uFEFF<ROOT><ANNOUNCE_DATE>1150101</ANNOUNCE_DATE></ROOT>').announceDate).toBe('1150101');
  });

  it('PUB-4 reports a ROW it cannot read by its position and keeps the others', () => {
    const feed = parseFeed(
      wrap(`<ROW><TITLE>好</TITLE></ROW>
        <ROW><TITLE>a</TITLE><TITLE>b</TITLE></ROW>
        <ROW><TITLE>x<B>y</B></TITLE></ROW>
        <ROW>   </ROW>
        <ROW><FOO>bar</FOO></ROW>
        <ROW><TITLE>a\u0000b</TITLE></ROW>
        <ROW><TITLE>也好</TITLE></ROW>`),
    );
    expect(feed.rows.map((r) => r.TITLE)).toEqual(['好', '也好']);
    expect(feed.rowIndex).toEqual([1, 7]);
    expect(feed.errors).toEqual([
      { index: 2, reason: 'TITLE appears 2 times in the ROW' },
      { index: 3, reason: 'TITLE contains elements instead of text' },
      { index: 4, reason: 'the ROW has no elements' },
      { index: 5, reason: 'the ROW has none of the feed elements' },
      { index: 6, reason: 'TITLE contains a NUL character, which XML does not allow' },
    ]);
  });

  it('PUB-4 malformed XML is a FeedParseError with one line naming where, never a crash', () => {
    const cases: [string, RegExp][] = [
      [wrap('<ROW><TITLE>x</ROW>'), /^malformed XML at line 4, column \d+: .*TITLE/],
      ['<ROOT><ROW><TITLE>x</TITLE></ROW>', /^malformed XML at line 1/],
      ['這不是 XML', /^malformed XML/],
      ['', /^the file is empty$/],
      ['<html><body>Service Unavailable</body></html>', /^not a DGPA feed: the root element is html, not ROOT$/],
      ['<!DOCTYPE r [<!ENTITY a "aaaa">]><ROOT/>', /DOCTYPE/],
    ];
    for (const [xml, message] of cases) {
      let caught: unknown;
      try {
        parseFeed(xml);
      } catch (err) {
        caught = err;
      }
      expect(caught, xml).toBeInstanceOf(FeedParseError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
    }
  });
});
