// PUB-4 formats, pure: XML escaping and layout, JSON, CSV (BOM, RFC 4180, formula guard), generation time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_FIELDS, parseFeed, type FeedField } from '../opendata/feed.parse.ts';
import { normalizeRow } from '../opendata/feed.rules.ts';
import { exportRow, viewUrlOf, type ExportRow, type ExportVacancy } from './export-fields.rules.ts';
import { BOM, csvCell, escapeXmlText, guardFormula, toCsv, toJson, toXml } from './export-formats.rules.ts';
import { parseCsv } from './csv.test-support.ts';

const REAL_XML = readFileSync(new URL('../../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url), 'utf8');

const blank = Object.fromEntries(FEED_FIELDS.map((f) => [f, ''])) as Record<FeedField, string>;
const row = (fields: Partial<Record<FeedField, string>>): ExportRow => ({ ...blank, ...fields });

/** Values that break naive writers: markup, entities as text, CDATA end, quotes, whitespace at the ends, tabs. */
const NASTY: Partial<Record<FeedField, string>> = {
  ORG_NAME: ' 機關 & <附屬> "單位" \'科\' ',
  TITLE: '科員]]>&amp;&#x4E00;',
  RANK: '\t',
  SYSNAM: ' ',
  WORK_QUALITY: '一、大學畢業。\n\t二、具證照。\n\n',
  WORK_ITEM: '𠀋 😀 </WORK_ITEM><ROW>',
  CONTACT_METHOD: '=HYPERLINK("http://evil.example","x")',
  VIEW_URL: 'http://localhost:3000/jobs/1150500001?work_id=1150500001',
};

describe('PUB-4 formats', () => {
  it('PUB-4 XML: every value comes back exactly through the project parser; markup in values stays text', () => {
    const xml = toXml('1150527', [row(NASTY), row({ TITLE: '第二筆' })]);
    const parsed = parseFeed(xml);
    expect(parsed.errors).toEqual([]);
    expect(parsed.announceDate).toBe('1150527');
    expect(parsed.rows).toEqual([row(NASTY), row({ TITLE: '第二筆' })]);
    expect(xml).toContain('<TITLE>科員]]&gt;&amp;amp;&amp;#x4E00;</TITLE>');
    expect(xml).toContain('<WORK_QUALITY>一、大學畢業。\r\n\t二、具證照。\r\n\r\n</WORK_QUALITY>');
    expect(xml).toContain('    <URL_LINK />\r\n');
  });

  it('PUB-4 XML layout: declaration, CRLF, two-space indentation, no BOM, nothing after </ROOT>', () => {
    const xml = toXml('1150527', [row({ TITLE: 'a' })]);
    const lines = xml.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['<?xml version="1.0" encoding="utf-8"?>', '<ROOT>', '  <ANNOUNCE_DATE>1150527</ANNOUNCE_DATE>', '  <ROW>']);
    expect(lines.slice(4, 4 + FEED_FIELDS.length).map((l) => /^ {4}<(\w+)[ >]/.exec(l)?.[1])).toEqual([...FEED_FIELDS]);
    expect(lines.slice(-2)).toEqual(['  </ROW>', '</ROOT>']);
    expect(toXml('1150527', [])).toBe('<?xml version="1.0" encoding="utf-8"?>\r\n<ROOT>\r\n  <ANNOUNCE_DATE>1150527</ANNOUNCE_DATE>\r\n</ROOT>');
    expect(escapeXmlText('a&b<c>d"e\'f\ng')).toBe('a&amp;b&lt;c&gt;d"e\'f\r\ng');
  });

  it('PUB-4 JSON: an array of objects with the field names in feed order, values verbatim', () => {
    const json = toJson([row(NASTY), row({ TITLE: '第二筆' })]);
    const parsed = JSON.parse(json) as Record<string, string>[];
    expect(parsed).toEqual([row(NASTY), row({ TITLE: '第二筆' })]);
    expect(Object.keys(parsed[0]!)).toEqual([...FEED_FIELDS]);
    expect(json.split('\n')).toHaveLength(5); // [, one line per job, ], final newline
    expect(JSON.parse(toJson([]))).toEqual([]);
  });

  it('PUB-4 CSV: BOM, header of field names, RFC 4180 quoting, CRLF records, LF kept inside values', () => {
    const rows = [row({ ...NASTY, CONTACT_METHOD: '王小姐, 電話 "02" 2397\n分機 1' }), row({ TITLE: '第二筆' })];
    const csv = toCsv(rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.startsWith(`${BOM}${FEED_FIELDS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(csv.slice(1));
    expect(header).toEqual([...FEED_FIELDS]);
    expect(records.map((r) => Object.fromEntries(FEED_FIELDS.map((f, i) => [f, r[i]])))).toEqual(rows);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('plain 文字')).toBe('plain 文字');
  });

  it('PUB-4 CSV formula guard: = + - @ TAB CR at the start make the cell text; one character and plain numbers stay', () => {
    for (const cell of ['=1+2', '=HYPERLINK("http://x","y")', '+886-2-2397', '-大學畢業', '- 一、資格', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(guardFormula(cell), cell).toBe(`'${cell}`);
    }
    for (const cell of ['-', '+', '=', '@', '-1', '+2', '3.5', '-0.5', '', '1名', 'a=b', '「=」']) expect(guardFormula(cell), cell).toBe(cell);
    const csv = toCsv([row({ TITLE: '=cmd|\' /C calc\'!A0', NUMBER_OF: '-', RANK: '-1' })]);
    const [, rec] = parseCsv(csv.slice(1));
    expect(rec![FEED_FIELDS.indexOf('TITLE')]).toBe('\'=cmd|\' /C calc\'!A0');
    expect(rec![FEED_FIELDS.indexOf('NUMBER_OF')]).toBe('-');
    expect(rec![FEED_FIELDS.indexOf('RANK')]).toBe('-1');
    // JSON and XML are not guarded: the value as stored.
    expect(JSON.parse(toJson([row({ TITLE: '=1+2' })]))[0].TITLE).toBe('=1+2');
  });

  it('PUB-4 generating the XML of the 1,106 rows of the 2016 feed takes well under a second', () => {
    const feed = parseFeed(REAL_XML);
    // What the importer stores for each row (the columns the export reads).
    const stored = feed.rows.map((r): ExportVacancy => {
      const n = normalizeRow(r, { announceDate: '2016-05-15' });
      if (!n.ok) throw new Error(n.reason);
      const v = n.vacancy;
      return {
        workId: v.workId, orgId: v.orgId ?? null, orgName: v.orgName, personKind: v.personKind, title: v.title, rankText: v.rankText ?? '',
        gradeMin: v.gradeMin ?? null, gradeMax: v.gradeMax ?? null, sysnamText: v.sysnamText ?? '', sysnamCode: v.sysnamCode ?? null,
        numberOfText: v.numberOfText ?? '', headcount: v.headcount ?? null, reserveNum: v.reserveNum ?? null, genderType: v.genderType ?? '',
        gender: v.gender ?? 'any', workPlaceText: v.workPlaceText ?? '', workPlaces: v.workPlaces ?? [], validFrom: v.validFrom, validTo: v.validTo,
        isHandicap: v.isHandicap ?? false, isOriginal: v.isOriginal ?? false, isLocalOriginal: v.isLocalOriginal ?? false, isTraning: v.isTraning ?? false,
        isTransfer: v.isTransfer ?? null, typeText: v.typeText ?? '', rankTypes: v.rankTypes ?? [], vitaeEmail: v.vitaeEmail ?? '',
        workQuality: v.workQuality ?? '', workItem: v.workItem ?? '', workAddress: v.workAddress ?? '', contactMethod: v.contactMethod ?? '',
        urlLink: v.urlLink ?? '', workType: v.workType ?? null,
      };
    });
    const jobUrl = viewUrlOf('http://localhost:3000');
    const t0 = performance.now();
    const xml = toXml('1050515', stored.map((v) => exportRow(v, jobUrl)));
    const ms = performance.now() - t0;
    console.log(`PUB-4 XML of ${stored.length} rows (${(xml.length / 1024 / 1024).toFixed(2)} M characters) generated in ${ms.toFixed(1)} ms`);
    expect(parseFeed(xml).rows).toHaveLength(1106);
  });
});
