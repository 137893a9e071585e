// Unit tests of the civil-service rules (ECPA-5, GEN-2, GEN-3, AGY-4 selection as stored on the vacancy).
import { describe, expect, it } from 'vitest';
import { createLocalHrDatabase } from '../hrdb/index.ts';
import { batchFailureOf, civilServantSummary, dkApplyRefusal, hrdbSnapshot, nextBatchAt, RESUME_BATCH_CRON, resumeSelectionOf } from './civil-service.rules.ts';

const open = { accessMode: 'civil_service', reviewStatus: 'approved', deletedAt: null, takenDownAt: null, validFrom: '2026-12-01', validTo: '2026-12-20' };

describe('civil-service rules', () => {
  it('ECPA-5 only a published 須具 job inside its validity may be applied to in DK', () => {
    expect(dkApplyRefusal(open, '2026-12-04')).toBeNull();
    expect(dkApplyRefusal(open, '2026-12-01')).toBeNull();
    expect(dkApplyRefusal(open, '2026-12-20')).toBeNull();
    expect(dkApplyRefusal(null, '2026-12-04')).toBe('not-found');
    expect(dkApplyRefusal({ ...open, accessMode: 'open' }, '2026-12-04')).toBe('not-open');
    expect(dkApplyRefusal({ ...open, accessMode: 'none' }, '2026-12-04')).toBe('not-open');
    expect(dkApplyRefusal({ ...open, reviewStatus: 'flagged' }, '2026-12-04')).toBe('not-published');
    expect(dkApplyRefusal(open, '2026-11-30')).toBe('not-published');
    expect(dkApplyRefusal(open, '2026-12-21')).toBe('expired');
    expect(dkApplyRefusal({ ...open, deletedAt: new Date() }, '2026-12-04')).toBe('deleted');
    expect(dkApplyRefusal({ ...open, takenDownAt: new Date() }, '2026-12-04')).toBe('deleted');
  });

  it('GEN-2 the batch runs at 01:00, 07:00, 13:00 and 19:00 Asia/Taipei; the next batch time', () => {
    expect(RESUME_BATCH_CRON).toBe('0 1,7,13,19 * * *');
    const at = (iso: string) => nextBatchAt(new Date(iso)).toISOString();
    expect(at('2026-12-04T00:30:00+08:00')).toBe(new Date('2026-12-04T01:00:00+08:00').toISOString());
    expect(at('2026-12-04T01:00:00+08:00')).toBe(new Date('2026-12-04T07:00:00+08:00').toISOString());
    expect(at('2026-12-04T12:59:59+08:00')).toBe(new Date('2026-12-04T13:00:00+08:00').toISOString());
    expect(at('2026-12-04T19:00:01+08:00')).toBe(new Date('2026-12-05T01:00:00+08:00').toISOString());
    expect(at('2026-12-31T23:59:00+08:00')).toBe(new Date('2027-01-01T01:00:00+08:00').toISOString());
  });

  it('GEN-2 AGY-4 the vacancy\'s stored selection: 個人全部資料 with its date ranges (考績 years in 民國), or the parts ticked', () => {
    expect(resumeSelectionOf({ all: true, trainFrom: '2020-01-01', trainTo: '2024-12-31', rewardFrom: null, rewardTo: '', appraisalFrom: '110', appraisalTo: '113', sections: [] })).toEqual({
      mode: 'all',
      trainingDates: { from: '2020-01-01', to: '2024-12-31' },
      rewardDates: { from: undefined, to: undefined },
      ratingYears: { from: 2021, to: 2024 },
    });
    expect(resumeSelectionOf({ all: false, sections: ['獎懲', '訓練及進修', '獎懲', '不存在'] })).toEqual({ mode: 'sections', sections: ['rewards', 'trainings'] });
    expect(resumeSelectionOf({ all: false, sections: ['兵役/教師資格/身心障礙註記/原住民註記', '考試或晉升訓練/專門職業及技術人員資格', '考績(成)或成績考核', '專長及語言能力', '檢覈/甄審'] })).toEqual({
      mode: 'sections',
      sections: ['markers', 'exams', 'ratings', 'skills', 'screenings'],
    });
    // An imported job without the column, or nothing usable: 個人全部資料.
    expect(resumeSelectionOf(null).mode).toBe('all');
    expect(resumeSelectionOf({ all: false, sections: 'x' }).mode).toBe('all');
  });

  it('GEN-2 ACS-1 a batch failure the agency sees is one of the known reasons; any other error is not shown', () => {
    expect(batchFailureOf('hrdb-not-found')).toBe('hrdb-not-found');
    expect(batchFailureOf('hrdb-left-service')).toBe('hrdb-left-service');
    expect(batchFailureOf('ENOSPC: no space left')).toBeNull();
    expect(batchFailureOf(null)).toBeNull();
  });

  it('ECPA-5 APP-3 the HR person becomes the application\'s snapshot in the platform\'s shape (what 調閱簡歷, contacts and notices read) and 我的簡歷', async () => {
    const person = (await createLocalHrDatabase().findPersonByAccount('civil.servant'))!;
    const at = new Date('2026-12-04T06:00:00Z');
    const snap = hrdbSnapshot(person, { email: 'z@example.tw', at, attachmentName: null });
    expect(snap).toMatchObject({ v: 1, resumeId: `hrdb:${person.personId}`, savedAt: at.toISOString(), origin: { kind: 'hrdb', personId: person.personId } });
    expect(snap.data.basic).toMatchObject({ chineseName: person.name, idNumber: person.nationalId, gender: person.gender, birthDate: person.birthDate, email: 'z@example.tw' });
    expect(snap.data.education.length).toBeLessThanOrEqual(3);
    expect(snap.data.experience.length).toBeLessThanOrEqual(5);
    const s = civilServantSummary(person, 'z@example.tw');
    expect(s).toMatchObject({ name: person.name, agencyName: person.agencyName, email: 'z@example.tw' });
    expect(s.highestEducation).toContain(person.education[0]!.school);
  });
});
