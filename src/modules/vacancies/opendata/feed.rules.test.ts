import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed, type RawRow } from './feed.parse.ts';
import { normalizeRow, type FeedVacancy } from './feed.rules.ts';

const REAL_FEED = new URL('../../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
const feed = parseFeed(readFileSync(REAL_FEED, 'utf8'));
/** A ROW of the real 2016 feed, by its 職缺編號. */
function realRow(workId: string): RawRow {
  const row = feed.rows.find((r) => r.VIEW_URL?.endsWith(`work_id=${workId}`));
  if (!row) throw new Error(`no ROW ${workId} in the feed`);
  return row;
}
const ctx = { announceDate: '2016-05-15' };
function accepted(raw: RawRow, c: Parameters<typeof normalizeRow>[1] = ctx): FeedVacancy {
  const r = normalizeRow(raw, c);
  if (!r.ok) throw new Error(r.reason);
  return r.vacancy;
}
function refusal(raw: RawRow): string {
  const r = normalizeRow(raw, ctx);
  if (r.ok) throw new Error('accepted');
  return r.reason;
}

describe('normalizeRow on real rows of the 2016 feed', () => {
  it('PUB-4 maps ROW 233 (中央研究院 組員) onto every feed column of vacancies', () => {
    const v = accepted(realRow('1050400139'));
    expect(v).toMatchObject({
      workId: '1050400139',
      orgId: null,
      orgName: '中央研究院',
      personKind: '一般人員',
      personKindCode: '11',
      title: '組員',
      rankText: '委任第五職等或薦任第六職等至第七職等',
      gradeMin: 5,
      gradeMax: 7,
      sysnamText: '一般行政',
      sysnamCode: null, // a pre-2020 職系 name: not mapped
      numberOfText: '1',
      headcount: 1,
      reserveNum: null,
      genderType: '一般人員',
      gender: 'any',
      workPlaceText: ',10-臺北市',
      workPlaces: ['10'],
      validFrom: '2016-05-05',
      validTo: '2016-05-31',
      isHandicap: true,
      isOriginal: true,
      isLocalOriginal: false,
      isTraning: false,
      isTransfer: null,
      typeText: '薦任,委任',
      rankTypes: ['薦任', '委任'],
      vitaeEmail: '',
      resumesByEmail: false,
      urlLink: '',
      viewUrl: 'http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=1050400139',
      workType: null,
      accessMode: 'civil_service',
      source: 'opendata_import',
      announceDate: '2016-05-15',
    });
    expect(v.postedAt).toEqual(new Date('2016-05-05T00:00:00+08:00'));
    expect(v.workQuality).toBe(realRow('1050400139').WORK_QUALITY);
  });

  it('PUB-4 keeps long free text byte for byte and the RANK / NUMBER_OF text verbatim', () => {
    const raw = realRow('1030101297'); // 國立交通大學: multi-line CONTACT_METHOD, RANK 薦或簡任, NUMBER_OF 數名
    const v = accepted(raw);
    expect(v.contactMethod).toBe(raw.CONTACT_METHOD);
    expect(v.contactMethod).toContain('\n\tE-mail: sgchen@mail.nctu.edu.tw \n\t\n');
    expect(v).toMatchObject({ rankText: '薦或簡任', gradeMin: null, gradeMax: null, numberOfText: '數名', headcount: null });
    expect(v.rankTypes).toEqual(['簡任', '薦任']);
  });

  it('PUB-4 parses 人事行政職系 to A107 and 「正取1名，備取1名」 to one position', () => {
    expect(accepted(realRow('1050201616'))).toMatchObject({ sysnamText: '人事行政職系', sysnamCode: 'A107', gradeMin: 6, gradeMax: 7 });
    expect(accepted(realRow('1050301842'))).toMatchObject({ numberOfText: '正取1名，備取1名', headcount: 1 });
    expect(accepted(realRow('1040401627'))).toMatchObject({ numberOfText: '1-2', headcount: null });
    expect(accepted(realRow('1050301117'))).toMatchObject({ rankText: '師(三)級', gradeMin: null });
    expect(accepted(realRow('1040100383'))).toMatchObject({ rankText: '無', gradeMin: null, sysnamText: '' , sysnamCode: null });
  });

  it('AGY-2 turns WORK_PLACE_TYPE into county codes, historical 21 福建省連江縣 into 98', () => {
    expect(accepted(realRow('1040700255'))).toMatchObject({ workPlaceText: ',30-新竹市,31-新竹縣', workPlaces: ['30', '31'] });
    expect(accepted(realRow('1050500737'))).toMatchObject({ workPlaceText: ',21-福建省連江縣', workPlaces: ['98'] });
    expect(accepted(realRow('1050101367'))).toMatchObject({ workPlaces: ['99'], headcount: 712 });
  });

  it('AGY-3 derives access_mode from PERSON_KIND: 約僱人員, 其他人員, 工友 open; 一般人員, 人事人員, 教育人員 civil_service', () => {
    expect(accepted(realRow('1050500737'))).toMatchObject({ personKind: '約僱人員', personKindCode: '13', accessMode: 'open' });
    expect(accepted(realRow('1050301571'))).toMatchObject({ personKind: '其他人員', personKindCode: '99', accessMode: 'open' });
    expect(accepted(realRow('1040700255'))).toMatchObject({ personKind: '工友', personKindCode: '93', accessMode: 'open' });
    expect(accepted(realRow('1050302747'))).toMatchObject({ personKind: '一般人員', accessMode: 'civil_service', isLocalOriginal: true });
    expect(accepted(realRow('1050201616'))).toMatchObject({ personKind: '人事人員', personKindCode: '08', accessMode: 'civil_service' });
    expect(accepted(realRow('1050401989'))).toMatchObject({ personKind: '教育人員', accessMode: 'civil_service', rankTypes: ['簡任', '薦任', '委任'] });
  });

  it('PUB-4 trims VITAE_EMAIL and marks that resumes may be sent by e-mail', () => {
    expect(realRow('1030900928').VITAE_EMAIL).toBe(' sulikao@fyh.mohw.gov.tw');
    expect(accepted(realRow('1030900928'))).toMatchObject({ vitaeEmail: 'sulikao@fyh.mohw.gov.tw', resumesByEmail: true });
    expect(accepted(realRow('1050402545')).vitaeEmail).toBe('10015317@mail.tycg.gov.tw');
  });

  it('PUB-4 accepts every one of the 1,106 real rows', () => {
    const refused = feed.rows.map((r) => normalizeRow(r, ctx)).filter((r) => !r.ok);
    expect(refused).toEqual([]);
  });
});

describe('normalizeRow on edited rows', () => {
  const base = realRow('1050400139');

  it('PUB-4 shifts the validity window and 刊登日期 by shiftDays, and takes source and ANNOUNCE_DATE from the context', () => {
    const v = accepted(base, { announceDate: '2026-11-22', shiftDays: 3843, source: 'demo' });
    expect(v).toMatchObject({ validFrom: '2026-11-12', validTo: '2026-12-08', source: 'demo', announceDate: '2026-11-22' });
    expect(v.postedAt).toEqual(new Date('2026-11-12T00:00:00+08:00'));
  });

  it('PUB-4 reads the newer elements ORG_ID, RESERVE_NUM, IS_TRANSFER and Work_Type', () => {
    const v = accepted({ ...base, ORG_ID: ' A29000000G ', RESERVE_NUM: '2', IS_TRANSFER: 'Y', Work_Type: '線上應徵' });
    expect(v).toMatchObject({ orgId: 'A29000000G', reserveNum: '2', isTransfer: true, workType: '線上應徵' });
    expect(accepted({ ...base, ORG_ID: '', IS_TRANSFER: '' })).toMatchObject({ orgId: null, isTransfer: null });
  });

  it('PUB-4 rejects a row without a 職缺編號 in VIEW_URL', () => {
    expect(refusal({ ...base, VIEW_URL: '' })).toBe('VIEW_URL is empty: no 職缺編號 (work_id)');
    expect(refusal({ ...base, VIEW_URL: 'http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx' })).toMatch(/^VIEW_URL has no 10-digit work_id/);
    const { VIEW_URL: _gone, ...noUrl } = base;
    expect(refusal(noUrl)).toMatch(/^VIEW_URL is empty/);
  });

  it('AGY-2 rejects impossible dates and a validity window that ends before it starts, naming the work_id', () => {
    const r = normalizeRow({ ...base, DATE_FROM: '1050230' }, ctx);
    expect(r).toEqual({ ok: false, workId: '1050400139', reason: 'DATE_FROM 1050230 is not a real date (ROC yyyMMdd)' });
    expect(refusal({ ...base, DATE_TO: '' })).toBe('DATE_TO is empty');
    expect(refusal({ ...base, DATE_FROM: '1050601', DATE_TO: '1050531' })).toBe('DATE_TO 1050531 is before DATE_FROM 1050601');
    expect(accepted({ ...base, DATE_FROM: '1050531', DATE_TO: '1050531' }).validTo).toBe('2016-05-31');
  });

  it('AGY-2 rejects rows without 工作地, 職稱, 機關 or 人員區分, and flags that are not Y/N — listing every problem', () => {
    expect(refusal({ ...base, WORK_PLACE_TYPE: ',11-火星' })).toBe('WORK_PLACE_TYPE has no known 工作地 code: ,11-火星');
    expect(refusal({ ...base, WORK_PLACE_TYPE: ' ' })).toBe('WORK_PLACE_TYPE is empty');
    expect(refusal({ ...base, IS_HANDICAP: '是' })).toBe('IS_HANDICAP must be Y or N, not "是"');
    expect(refusal({ ...base, TITLE: ' ', ORG_NAME: '', PERSON_KIND: '' })).toBe('ORG_NAME is empty; TITLE is empty; PERSON_KIND is empty');
  });
});
