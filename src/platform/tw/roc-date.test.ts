import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ROC_DATE_MESSAGES,
  addDays,
  compareIso,
  formatRoc,
  formatRocCompact,
  formatRocLong,
  isIsoDate,
  parseRocDate,
  rocYear,
  toIsoDate,
} from './roc-date.ts';

const ok = (date: string) => ({ ok: true, date });
const format = { ok: false, reason: 'format' };
const invalid = { ok: false, reason: 'invalid' };

describe('parseRocDate', () => {
  it.each([
    '1050515', '105/05/15', '105/5/15', '105-05-15', '105.05.15', '105-5-15', '105.5.15',
    '民國105年5月15日', '民國105年05月15日', '105年5月15日', '中華民國105年5月15日', '民國105年5月15',
    '民國 105 年 05 月 15 日', ' 105/05/15 ',
    '2016-05-15', '2016/05/15', '2016.05.15', '20160515', '2016年5月15日', '西元2016年5月15日',
    '１０５０５１５', '１０５／０５／１５', '１０５－０５－１５', '民國１０５年５月１５日', '２０１６－０５－１５',
  ])('SYS-7 "%s" is 2016-05-15', (input) => {
    expect(parseRocDate(input)).toEqual(ok('2016-05-15'));
  });

  it('SYS-7 reads zero-padded years before 民國 100 and unpadded ones with separators', () => {
    expect(parseRocDate('0991231')).toEqual(ok('2010-12-31'));
    expect(parseRocDate('099/12/31')).toEqual(ok('2010-12-31'));
    expect(parseRocDate('99/12/31')).toEqual(ok('2010-12-31'));
    expect(parseRocDate('民國99年12月31日')).toEqual(ok('2010-12-31'));
    expect(parseRocDate('1/1/1')).toEqual(ok('1912-01-01'));
    expect(parseRocDate('0010101')).toEqual(ok('1912-01-01'));
    expect(parseRocDate('1151231')).toEqual(ok('2026-12-31'));
    expect(parseRocDate('19791225')).toEqual(ok('1979-12-25'));
  });

  it('SYS-7 reads 6-digit yyMMdd (民國 1–99) when no present-day yyyMdd/yyyMMd reading exists', () => {
    expect(parseRocDate('991231')).toEqual(ok('2010-12-31'));
    expect(parseRocDate('010101')).toEqual(ok('1912-01-01'));
    expect(parseRocDate('680229')).toEqual(invalid); // 1979 is not a leap year
    expect(parseRocDate('690229')).toEqual(ok('1980-02-29'));
    expect(parseRocDate('101231')).toEqual(ok('1921-12-31')); // 101/2/31 and 101/23/1 do not exist
  });

  it('SYS-7 refuses ambiguous or non-date 6-digit strings as format errors', () => {
    expect(parseRocDate('100101')).toEqual(format); // 10/01/01 or 100/1/01
    expect(parseRocDate('105515')).toEqual(format); // not yyMMdd; 105/5/15 would need 7 digits
    expect(parseRocDate('110111')).toEqual(format); // 11/01/11, 110/1/11 or 110/11/1
  });

  it.each([
    ['1050230'], ['105/02/30'], ['105/13/01'], ['1051301'], ['105/00/10'], ['105/01/00'], ['105/04/31'],
    ['104/02/29'], ['2015-02-29'], ['1900-02-29'], ['民國104年2月29日'], ['105/01/32'],
  ])('SYS-7 refuses the impossible date "%s"', (input) => {
    expect(parseRocDate(input)).toEqual(invalid);
  });

  it('SYS-7 accepts 2月29日 in leap years, including 2000', () => {
    expect(parseRocDate('105/02/29')).toEqual(ok('2016-02-29'));
    expect(parseRocDate('089/02/29')).toEqual(ok('2000-02-29'));
    expect(parseRocDate('2000-02-29')).toEqual(ok('2000-02-29'));
  });

  it('SYS-7 refuses ROC year < 1 (before 1912)', () => {
    expect(parseRocDate('0000515')).toEqual(invalid);
    expect(parseRocDate('0/05/15')).toEqual(invalid);
    expect(parseRocDate('民國0年5月15日')).toEqual(invalid);
    expect(parseRocDate('1911-12-31')).toEqual(invalid);
    expect(parseRocDate('19111231')).toEqual(invalid);
    expect(parseRocDate('1912-01-01')).toEqual(ok('1912-01-01'));
  });

  it.each([
    [''], ['   '], ['abc'], ['105'], ['10505'], ['105051'.repeat(2)], ['105/05-15'], ['105//05/15'],
    ['105/05/15/1'], ['2016-05-15T00:00:00Z'], ['-1/05/15'], ['民國2016年5月15日'], ['西元105年5月15日'],
    ['105年5月'], ['12345/05/15'], ['105 05 15'], ['105/0005/15'],
  ])('SYS-7 refuses "%s" as a format error', (input) => {
    expect(parseRocDate(input)).toEqual(format);
  });

  it('SYS-7 has zh-TW messages for both refusal reasons', () => {
    expect(ROC_DATE_MESSAGES.format).toContain('105/05/15');
    expect(ROC_DATE_MESSAGES.invalid).toContain('日期');
  });

  it('SYS-7 parses every DATE_FROM/DATE_TO of the 2016 DGPA feed and formats it back identically', () => {
    const xml = readFileSync(new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url), 'utf8');
    const dates = [...xml.matchAll(/<(?:DATE_FROM|DATE_TO|ANNOUNCE_DATE)>([^<]*)</g)].map((m) => m[1] ?? '');
    expect(dates.length).toBeGreaterThan(2000);
    for (const raw of dates) {
      const r = parseRocDate(raw);
      expect(r, raw).toMatchObject({ ok: true });
      if (r.ok) expect(formatRocCompact(r.date)).toBe(raw);
    }
    expect(parseRocDate(dates[0] ?? '')).toEqual(ok('2016-05-15')); // ANNOUNCE_DATE 1050515
  });
});

describe('formatting', () => {
  it('SYS-7 formatRoc gives yyy/MM/dd with a 3-digit zero-padded year', () => {
    expect(formatRoc('2016-05-15')).toBe('105/05/15');
    expect(formatRoc('2019-06-17')).toBe('108/06/17');
    expect(formatRoc('2010-12-31')).toBe('099/12/31');
    expect(formatRoc('1912-01-01')).toBe('001/01/01');
    expect(formatRoc('2016-05-15', '-')).toBe('105-05-15');
    expect(formatRoc('2016-05-15', '.')).toBe('105.05.15');
  });

  it('SYS-7 formatRocCompact gives the 7-digit DGPA form', () => {
    expect(formatRocCompact('2016-05-15')).toBe('1050515');
    expect(formatRocCompact('2010-12-31')).toBe('0991231');
    expect(formatRocCompact('2026-12-31')).toBe('1151231');
  });

  it('SYS-7 formatRocLong spells 民國 年 月 日', () => {
    expect(formatRocLong('2016-05-15')).toBe('民國 105 年 05 月 15 日');
    expect(formatRocLong('2010-12-31')).toBe('民國 99 年 12 月 31 日');
  });

  it('SYS-7 every format parses back to the same date', () => {
    for (const iso of ['1912-01-01', '2000-02-29', '2010-12-31', '2016-05-15', '2026-12-31']) {
      expect(parseRocDate(formatRoc(iso))).toEqual(ok(iso));
      expect(parseRocDate(formatRoc(iso, '-'))).toEqual(ok(iso));
      expect(parseRocDate(formatRocCompact(iso))).toEqual(ok(iso));
      expect(parseRocDate(formatRocLong(iso))).toEqual(ok(iso));
    }
  });

  it('SYS-7 Date objects are read as calendar dates in Asia/Taipei (UTC+8)', () => {
    const lateUtc = new Date('2016-05-14T16:00:00Z'); // 2016-05-15 00:00 in Taipei
    const earlyUtc = new Date('2016-05-14T15:59:59.999Z'); // 2016-05-14 23:59 in Taipei
    expect(formatRoc(lateUtc)).toBe('105/05/15');
    expect(formatRoc(earlyUtc)).toBe('105/05/14');
    expect(formatRocCompact(lateUtc)).toBe('1050515');
    expect(formatRocLong(lateUtc)).toBe('民國 105 年 05 月 15 日');
    expect(rocYear(new Date('2015-12-31T16:00:00Z'))).toBe(105);
    expect(rocYear(new Date('2015-12-31T15:59:59Z'))).toBe(104);
  });

  it('SYS-7 rocYear is AD − 1911', () => {
    expect(rocYear('2016-05-15')).toBe(105);
    expect(rocYear('1912-01-01')).toBe(1);
    expect(rocYear('2026-01-01')).toBe(115);
  });

  it('SYS-7 formatting refuses malformed ISO strings and dates before 民國 1 年', () => {
    expect(() => formatRoc('2016-5-15')).toThrow(RangeError);
    expect(() => formatRoc('2016-02-30')).toThrow(RangeError);
    expect(() => formatRoc('1911-12-31')).toThrow(RangeError);
    expect(() => rocYear('hello')).toThrow(RangeError);
    expect(() => formatRoc(new Date('nope'))).toThrow(RangeError);
  });
});

describe('toIsoDate, addDays, compareIso', () => {
  it('SYS-7 toIsoDate gives the Taipei calendar date of an instant by default', () => {
    expect(toIsoDate(new Date('2016-05-14T16:00:00Z'))).toBe('2016-05-15');
    expect(toIsoDate(new Date('2016-05-14T15:59:59Z'))).toBe('2016-05-14');
    expect(toIsoDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('SYS-7 toIsoDate honours another time zone', () => {
    const instant = new Date('2016-05-14T16:00:00Z');
    expect(toIsoDate(instant, 'UTC')).toBe('2016-05-14');
    expect(toIsoDate(instant, 'America/Los_Angeles')).toBe('2016-05-14');
    expect(toIsoDate(new Date('2016-05-15T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2016-05-16');
  });

  it('SYS-7 toIsoDate refuses an invalid Date', () => {
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('SYS-7 addDays crosses months, years and leap days', () => {
    expect(addDays('2016-05-15', 0)).toBe('2016-05-15');
    expect(addDays('2016-05-15', 7)).toBe('2016-05-22');
    expect(addDays('2016-05-31', 1)).toBe('2016-06-01');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2016-01-01', -1)).toBe('2015-12-31');
    expect(addDays('2016-05-15', 365)).toBe('2017-05-15');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('SYS-7 addDays refuses bad input', () => {
    expect(() => addDays('2016-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2016-05-15', 1.5)).toThrow(RangeError);
  });

  it('SYS-7 compareIso orders dates', () => {
    expect(compareIso('2016-05-15', '2016-05-16')).toBe(-1);
    expect(compareIso('2016-05-15', '2016-05-15')).toBe(0);
    expect(compareIso('2017-01-01', '2016-12-31')).toBe(1);
    expect(['2016-05-15', '2010-12-31', '2026-01-01'].sort(compareIso)).toEqual([
      '2010-12-31', '2016-05-15', '2026-01-01',
    ]);
    expect(() => compareIso('2016-5-1', '2016-05-01')).toThrow(RangeError);
  });

  it('SYS-7 isIsoDate accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2016-05-15')).toBe(true);
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('2016-5-15')).toBe(false);
    expect(isIsoDate('20160515')).toBe(false);
  });
});
