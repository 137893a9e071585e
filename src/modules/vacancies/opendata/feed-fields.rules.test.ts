import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  genderOf,
  parseFeedDate,
  parseRankTypes,
  parseWorkPlaces,
  parseYesNo,
  taipeiMidnight,
  workIdFromViewUrl,
} from './feed-fields.rules.ts';

describe('feed field parsers', () => {
  it('AGY-2 reads 7-digit ROC dates (and 8-digit AD ones) as ISO dates', () => {
    expect(parseFeedDate('1050515')).toBe('2016-05-15');
    expect(parseFeedDate('1151231')).toBe('2026-12-31');
    expect(parseFeedDate('0991231')).toBe('2010-12-31');
    expect(parseFeedDate(' 1050229 ')).toBe('2016-02-29');
    expect(parseFeedDate('19791225')).toBe('1979-12-25');
  });

  it('AGY-2 refuses impossible or malformed dates', () => {
    for (const s of ['1050230', '1050229x', '1040229', '1051301', '1050500', '0000101', '105/05/15', '105515', '', '2016-05-15']) {
      expect(parseFeedDate(s), s).toBeNull();
    }
  });

  it('AGY-2 date arithmetic works across months, years and leap days', () => {
    expect(addDays('2016-05-15', 3843)).toBe('2026-11-22');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(daysBetween('2016-05-15', '2026-11-22')).toBe(3843);
    expect(taipeiMidnight('2016-05-01').toISOString()).toBe('2016-04-30T16:00:00.000Z');
  });

  it('AGY-2 reads WORK_PLACE_TYPE into county codes', () => {
    expect(parseWorkPlaces(',30-新竹市,31-新竹縣')).toEqual({ codes: ['30', '31'], unknown: [] });
    expect(parseWorkPlaces(',63-雲林縣,99-跨縣市')).toEqual({ codes: ['63', '99'], unknown: [] });
    expect(parseWorkPlaces(',101-中興新村')).toEqual({ codes: ['101'], unknown: [] });
    expect(parseWorkPlaces('10, 23')).toEqual({ codes: ['10', '23'], unknown: [] });
    expect(parseWorkPlaces(',10-臺北市,10-臺北市')).toEqual({ codes: ['10'], unknown: [] });
  });

  it('AGY-2 maps historical work place codes to the current ones and lists unknown parts', () => {
    expect(parseWorkPlaces(',21-福建省連江縣')).toEqual({ codes: ['98'], unknown: [] });
    expect(parseWorkPlaces(',32-桃園縣,33-桃園市')).toEqual({ codes: ['33'], unknown: [] });
    expect(parseWorkPlaces(',11-火星,臺北市,10-臺北市')).toEqual({ codes: ['10'], unknown: ['11-火星', '臺北市'] });
    expect(parseWorkPlaces('')).toEqual({ codes: [], unknown: [] });
  });

  it('AGY-2 reads TYPE into 官等類別', () => {
    expect(parseRankTypes('薦任,委任')).toEqual(['薦任', '委任']);
    expect(parseRankTypes('簡任,薦任,委任')).toEqual(['簡任', '薦任', '委任']);
    expect(parseRankTypes('其他')).toEqual(['其他']);
    expect(parseRankTypes(' 簡任、簡任 , 約僱')).toEqual(['簡任']);
    expect(parseRankTypes('')).toEqual([]);
  });

  it('AGY-2 takes the 職缺編號 from VIEW_URL', () => {
    expect(workIdFromViewUrl('http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=1030100145')).toBe('1030100145');
    expect(workIdFromViewUrl('https://web3.dgpa.gov.tw/WANT03FRONT/AP/WANTF00001_1.ASPX?x=1&WORK_ID=1150500001#top')).toBe('1150500001');
    expect(workIdFromViewUrl('https://jobs.example.gov.tw/jobs/1151100001')).toBe('1151100001'); // this site's own export
    for (const url of ['', 'http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx', 'https://x/jobs/11511000012', 'x?work_id=', 'x?work_id=12345', 'x?work_id=10501000012', 'x?work_id=105010000A']) {
      expect(workIdFromViewUrl(url), url).toBeNull();
    }
  });

  it('AGY-2 reads Y/N flags and 性別', () => {
    expect(['Y', 'y', ' N ', '', 'yes', '是'].map(parseYesNo)).toEqual([true, true, false, false, null, null]);
    expect(['男', '女', '不拘', '一般人員', ''].map(genderOf)).toEqual(['M', 'F', 'any', 'any', 'any']);
  });
});
