import { describe, expect, it } from 'vitest';
import {
  applyTarget,
  applyUrl,
  availability,
  downloadExtension,
  employmentTypeOf,
  formatFileSize,
  httpUrl,
  isUuid,
  isWellFormedWorkId,
  jobPostingData,
  mailtoAddress,
  serializeJsonLd,
  specialConditions,
  workPlaceNames,
  type VacancyRow,
} from './job-page.rules.ts';

const TODAY = '2026-05-27';
const base = { reviewStatus: 'approved' as const, deletedAt: null, validFrom: '2026-05-26', validTo: '2026-05-28' };

describe('job page rules', () => {
  it('PUB-2 a job is public only when approved, not deleted and inside its 上網有效期間; deleted and expired ones are gone', () => {
    expect(availability(base, TODAY)).toBe('published');
    expect(availability({ ...base, validFrom: TODAY, validTo: TODAY }, TODAY)).toBe('published');
    expect(availability(null, TODAY)).toBe('not-found');
    expect(availability({ ...base, reviewStatus: 'flagged' }, TODAY)).toBe('not-found');
    expect(availability({ ...base, reviewStatus: 'rejected', deletedAt: new Date() }, TODAY)).toBe('not-found');
    expect(availability({ ...base, deletedAt: new Date() }, TODAY)).toBe('deleted');
    expect(availability({ ...base, takenDownAt: new Date() }, TODAY)).toBe('withdrawn'); // ADM-1 下架: 410, neutral text
    expect(availability({ ...base, validTo: '2026-05-26' }, TODAY)).toBe('expired');
    expect(availability({ ...base, validFrom: '2026-05-28' }, TODAY)).toBe('not-found');
  });

  it('PUB-2 only a 10-digit 職缺編號 and a UUID attachment id are looked up', () => {
    expect(isWellFormedWorkId('1150500001')).toBe(true);
    for (const bad of ['', '115050000', '11505000011', '115050000A', '<script>', '1150500001\n', '１１５０５０００01']) expect(isWellFormedWorkId(bad), bad).toBe(false);
    expect(isUuid('2e9cfd6f-e3f0-4d69-99c7-781d41583ffb')).toBe(true);
    expect(isUuid("' or 1=1")).toBe(false);
  });

  it('PUB-2 【我要應徵】: the canonical apply URL, and where each access mode leads', () => {
    expect(applyUrl('https://jobs.example.gov.tw/', '1150500001')).toBe('https://jobs.example.gov.tw/jobs/1150500001/apply');
    expect(applyTarget('open', '1150500001')).toBe('/platform/apply/1150500001');
    expect(applyTarget('civil_service', '1150500001')).toBe('/ecpa/dk/apply/1150500001');
    expect(applyTarget('none', '1150500001')).toBe('/jobs/1150500001#how-to-apply');
  });

  it('PUB-2 lists only the special conditions that apply, in the order of the form', () => {
    expect(specialConditions({ isHandicap: false, isOriginal: false, isLocalOriginal: false, isTraning: false })).toEqual([]);
    expect(specialConditions({ isHandicap: true, isOriginal: true, isLocalOriginal: true, isTraning: true })).toEqual(['handicap', 'original', 'localOriginal', 'training']);
    expect(specialConditions({ isHandicap: false, isOriginal: true, isLocalOriginal: false, isTraning: false })).toEqual(['original']);
  });

  it('PUB-2 names the work places from the code table, or shows the published text', () => {
    expect(workPlaceNames({ workPlaces: ['10', '101', '21'], workPlaceText: '' })).toBe('臺北市、中興新村、福建省連江縣');
    expect(workPlaceNames({ workPlaces: [], workPlaceText: ',30-新竹市,31-新竹縣' })).toBe('30-新竹市、31-新竹縣');
  });

  it('PUB-2 attachment sizes and download extensions', () => {
    expect(formatFileSize(92)).toBe('92 bytes');
    expect(formatFileSize(2048)).toBe('2 KB');
    expect(formatFileSize(1536 * 1024)).toBe('1.5 MB');
    expect(downloadExtension('application/pdf', '簡章')).toBe('pdf');
    expect(downloadExtension('application/vnd.oasis.opendocument.text', 'x.odt')).toBe('odt');
    expect(downloadExtension('application/x-unknown', '資料.7z')).toBe('7z');
    expect(downloadExtension('application/x-unknown', '資料')).toBe('bin');
  });

  it('SYS-4 links only to plain e-mail addresses and http(s) URLs', () => {
    expect(mailtoAddress(' hr@dgpa.gov.tw ')).toBe('hr@dgpa.gov.tw');
    for (const bad of ['a@b.c?subject=x"', 'two@a.tw three@b.tw', 'javascript:alert(1)//@a.tw', 'no-at.tw', '']) expect(mailtoAddress(bad), bad).toBeNull();
    expect(httpUrl('https://www.dgpa.gov.tw/')).toBe('https://www.dgpa.gov.tw/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'www.dgpa.gov.tw', 'http://']) expect(httpUrl(bad), bad).toBeNull();
  });

  it('PUB-2 employmentType is given only where the posting says it', () => {
    const v = (personKind: string, accessMode: VacancyRow['accessMode'] = 'open', rankTypes: VacancyRow['rankTypes'] = ['其他']) => ({ personKind, accessMode, rankTypes });
    expect(employmentTypeOf(v('兼任教師'))).toBe('PART_TIME');
    expect(employmentTypeOf(v('實習老師'))).toBe('INTERN');
    expect(employmentTypeOf(v('代理教師'))).toBe('TEMPORARY');
    expect(employmentTypeOf(v('約僱人員'))).toBe('TEMPORARY');
    expect(employmentTypeOf(v('一般人員', 'civil_service', ['委任', '薦任']))).toBe('FULL_TIME');
    expect(employmentTypeOf(v('一般人員', 'civil_service', ['其他']))).toBeNull();
    expect(employmentTypeOf(v('其他人員'))).toBeNull();
    expect(employmentTypeOf(v('工友'))).toBeNull();
  });

  it('SYS-7 PUB-2 JobPosting dates are ISO 8601; 跨縣市 names no region; a job with no place is in TW', () => {
    const row = {
      workId: '1150500001',
      title: '科員',
      orgName: '某機關',
      workQuality: '',
      workItem: '',
      workPlaces: ['99', '32', '33'],
      validTo: '2026-05-28',
      postedAt: new Date('2026-05-19T17:30:00Z'), // 2026-05-20 01:30 in Taipei
      personKind: '其他人員',
      accessMode: 'open',
      rankTypes: ['其他'],
      headcount: null,
    } as unknown as VacancyRow;
    const d = jobPostingData(row, { url: 'https://x.gov.tw/jobs/1150500001' });
    expect(d.datePosted).toBe('2026-05-20');
    expect(d.validThrough).toBe('2026-05-28T23:59:59+08:00');
    expect(d.description).toBe('科員');
    expect(d).not.toHaveProperty('employmentType');
    expect(d).not.toHaveProperty('totalJobOpenings');
    expect(d.jobLocation).toEqual([{ '@type': 'Place', address: { '@type': 'PostalAddress', addressRegion: '桃園市', addressCountry: 'TW' } }]);
    const nowhere = jobPostingData({ ...row, workPlaces: ['99'] }, { url: 'u' });
    expect(nowhere.jobLocation).toEqual([{ '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'TW' } }]);
  });

  it('SYS-4 JSON-LD text cannot close its script element and still parses to the same data', () => {
    const data = { title: '</script><script>alert(1)</script>', note: 'a & b > c <!-- d', sep: '\u2028\u2029' };
    const s = serializeJsonLd(data);
    expect(s).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(s)).toEqual(data);
  });
});
