import { describe, expect, it } from 'vitest';
import { isSyntheticAgencyCode, syntheticAgencyCode } from './agency.rules.ts';
import {
  allWorkPlaces,
  currentWorkPlaceCode,
  currentWorkPlaces,
  defaultAccessMode,
  gradesOf,
  isRankType,
  isSysnamCode,
  isWorkPlaceCode,
  OPEN_PERSON_KIND_CODES,
  personKindByName,
  personKindName,
  personKinds,
  rankTypeOfGrade,
  rankTypes,
  referenceAgencies,
  referenceAgency,
  referenceAgencyByName,
  sysnamByName,
  sysnamList,
  sysnamName,
  workPlaceName,
} from './codes.ts';

const AGY2_WORK_PLACES =
  '10 臺北市, 20 基隆市, 23 新北市, 26 宜蘭縣, 30 新竹市, 31 新竹縣, 33 桃園市, 35 苗栗縣, 42 臺中市, 50 彰化縣, 54 南投縣, 60 嘉義市, 61 嘉義縣, 63 雲林縣, 72 臺南市, 82 高雄市, 88 澎湖縣, 89 金門縣, 90 屏東縣, 95 臺東縣, 97 花蓮縣, 98 連江縣, 99 跨縣市, 101 中興新村';

describe('工作地 code table', () => {
  it('ADM-2 offers exactly the AGY-2 work places, in the AGY-2 order', () => {
    expect(currentWorkPlaces().map((w) => `${w.code} ${w.name}`).join(', ')).toBe(AGY2_WORK_PLACES);
  });

  it('ADM-2 knows historical codes from older data but does not offer them', () => {
    expect(workPlaceName('32')).toBe('桃園縣');
    expect(workPlaceName('21')).toBe('福建省連江縣');
    expect(isWorkPlaceCode('32')).toBe(false);
    expect(isWorkPlaceCode('32', { includeHistorical: true })).toBe(true);
    expect(currentWorkPlaceCode('32')).toBe('33');
    expect(currentWorkPlaceCode('21')).toBe('98');
    expect(currentWorkPlaceCode('10')).toBe('10');
    expect(allWorkPlaces().filter((w) => w.historical).map((w) => w.code)).toEqual(['21', '32']);
  });

  it('ADM-2 refuses unknown work place codes', () => {
    expect(workPlaceName('11')).toBeNull();
    expect(isWorkPlaceCode('100')).toBe(false); // a region header of the DGPA dropdown, not a place
    expect(currentWorkPlaceCode('168')).toBeNull(); // opencpa's own renumbering
  });
});

describe('職系 code table', () => {
  it('ADM-2 has 無 (0100) and the 57 職系: 25 行政類 and 32 技術類', () => {
    expect(sysnamList()).toHaveLength(58);
    expect(sysnamList()[0]).toEqual({ code: '0100', name: '無', class: null, active: true });
    expect(sysnamList().filter((s) => s.class === '行政類')).toHaveLength(25);
    expect(sysnamList().filter((s) => s.class === '技術類')).toHaveLength(32);
    expect(new Set(sysnamList().map((s) => s.code)).size).toBe(58);
    expect(sysnamName('A107')).toBe('人事行政');
    expect(isSysnamCode('B702')).toBe(true);
    expect(isSysnamCode('Z999')).toBe(false);
  });

  it('ADM-2 maps free-text 職系 names, with or without 「職系」 and spaces, to codes', () => {
    expect(sysnamByName('人事行政職系')?.code).toBe('A107');
    expect(sysnamByName('土木工程')?.code).toBe('B201');
    expect(sysnamByName(' 資訊 處理 職系 ')?.code).toBe('B702');
    expect(sysnamByName('無')?.code).toBe('0100');
  });

  it('ADM-2 gives null for pre-2020 names, lists and noise instead of guessing', () => {
    for (const text of ['一般行政', '電力工程', '一般行政職系、醫務管理職系', '建築工程(A600040)', '※', '', '職系']) {
      expect(sysnamByName(text), text).toBeNull();
    }
  });
});

describe('官等職等 code table', () => {
  it('ADM-2 has 委任 1–5, 薦任 6–9, 簡任 10–14 and 其他', () => {
    expect(rankTypes().map((r) => r.name)).toEqual(['委任', '薦任', '簡任', '其他']);
    expect(gradesOf('委任')).toEqual([1, 2, 3, 4, 5]);
    expect(gradesOf('薦任')).toEqual([6, 7, 8, 9]);
    expect(gradesOf('簡任')).toEqual([10, 11, 12, 13, 14]);
    expect(gradesOf('其他')).toEqual([]);
    expect(rankTypeOfGrade(5)).toBe('委任');
    expect(rankTypeOfGrade(6)).toBe('薦任');
    expect(rankTypeOfGrade(14)).toBe('簡任');
    expect(rankTypeOfGrade(15)).toBeNull();
    expect(isRankType('薦任')).toBe(true);
    expect(isRankType('約僱')).toBe(false);
  });
});

describe('人員區分 code table', () => {
  const AGY3 = '12 聘用人員, 13 約僱人員, 80 兼任教師, 81 代理教師, 82 代課教師, 83 實習老師, 84 不占缺代理教師, 90 技工, 91 駕駛, 92 駐衛警, 93 工友, 95 清潔隊員, 96 測量助理, 99 其他人員';

  it('AGY-3 names every 不須具 code with the SPEC name', () => {
    const listed = AGY3.split(', ').map((s) => s.split(' ') as [string, string]);
    for (const [code, name] of listed) expect(personKindName(code)).toBe(name);
    expect([...OPEN_PERSON_KIND_CODES].sort()).toEqual(listed.map(([c]) => c).sort());
  });

  it('AGY-3 defaults the 不須具 codes to open and every other code to civil_service', () => {
    for (const code of OPEN_PERSON_KIND_CODES) expect(defaultAccessMode(code)).toBe('open');
    const others = personKinds().filter((p) => !OPEN_PERSON_KIND_CODES.has(p.code));
    expect(others.length).toBeGreaterThan(10);
    for (const p of others) expect(defaultAccessMode(p.code), p.name).toBe('civil_service');
    expect(defaultAccessMode('00')).toBe('civil_service');
    expect(defaultAccessMode(null)).toBe('civil_service');
  });

  it('AGY-3 finds a 人員區分 by the text the feed publishes', () => {
    expect(personKindByName('約僱人員')?.code).toBe('13');
    expect(personKindByName('其他人員')?.code).toBe('99');
    expect(personKindByName('一般人員')?.code).toBe('11');
    expect(personKindByName('會計人員（非主辦）')?.name).toBe('會計人員（非主辦）');
    expect(personKindByName('會計人員(非主辦)')?.name).toBe('會計人員（非主辦）');
    expect(personKindByName(' 工友 ')?.code).toBe('93');
    expect(personKindByName('志工')).toBeNull();
  });

  it('ADM-2 person kind codes and names are unique, and every guessed code is a 須具 kind', () => {
    expect(new Set(personKinds().map((p) => p.code)).size).toBe(personKinds().length);
    expect(new Set(personKinds().map((p) => p.name)).size).toBe(personKinds().length);
    for (const p of personKinds().filter((k) => k.codeSource === 'inferred')) expect(OPEN_PERSON_KIND_CODES.has(p.code)).toBe(false);
  });
});

describe('agency seed', () => {
  it('ADM-2 has 行政院人事行政總處 A58000000A and the agencies of the 2016 feed', () => {
    expect(referenceAgency('A58000000A')).toEqual({ code: 'A58000000A', name: '行政院人事行政總處', codeKnown: true });
    expect(referenceAgencies()).toHaveLength(528);
    expect(referenceAgencyByName('宜蘭縣政府')).toEqual({ code: '376420000A', name: '宜蘭縣政府', codeKnown: true });
    expect(referenceAgencyByName('中央研究院')?.codeKnown).toBe(false);
  });

  it('ADM-2 agencies without a known code carry the stable synthetic code of their name', () => {
    const unknown = referenceAgencies().filter((a) => !a.codeKnown);
    expect(unknown.length).toBeGreaterThan(500);
    for (const a of unknown) {
      expect(a.code).toBe(syntheticAgencyCode(a.name));
      expect(isSyntheticAgencyCode(a.code)).toBe(true);
    }
    expect(new Set(referenceAgencies().map((a) => a.code)).size).toBe(referenceAgencies().length);
    expect(syntheticAgencyCode('中央研究院')).toBe(syntheticAgencyCode(' 中央研究院 '));
    expect(syntheticAgencyCode('中央研究院')).not.toBe(syntheticAgencyCode('國立交通大學'));
  });
});
