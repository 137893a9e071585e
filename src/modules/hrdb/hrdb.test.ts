// The HR-database port (公務人力資料庫): the committed synthetic dataset, its lookups, and the rules that read it
// (RES-4 import, ECPA-3 identity refusals, AGY-4 resume sections).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../platform/tw/id-number.ts';
import { isIsoDate } from '../../platform/tw/roc-date.ts';
import { referenceAgency } from '../reference/index.ts';
import { DATASET_AS_OF, generateHrdbDataset, nationalIdWithCheckDigit } from './dataset.generator.ts';
import { ecpaIdentityRefusal, isFormerContractEmployee, MAX_EDUCATION, MAX_EXPERIENCE, RESUME_SECTIONS, resumeImportFrom, selectResumeSections } from './hrdb.rules.ts';
import { EMPLOYMENT_TYPES, type HrPerson } from './hrdb.types.ts';
import { createLocalHrDatabase, DATASET_FILE, hrDatabaseOf, loadDataset, serializeDataset } from './local-hrdb.ts';
import { WELL_KNOWN_PEOPLE, wellKnownPeople } from './well-known-people.ts';

const dataset = loadDataset();
const people = dataset.people;
const hrdb = createLocalHrDatabase();
const byKey = (personId: string) => people.find((p) => p.personId === personId)!;

describe('the local HR dataset', () => {
  it('RES-4 / AGY-4 the committed JSON is exactly what scripts/make-hrdb-dataset.ts makes (deterministic)', () => {
    expect(readFileSync(DATASET_FILE, 'utf8')).toBe(serializeDataset(generateHrdbDataset()));
  });

  it('RES-4 holds a few hundred people, current and former, of every employment type, in the demo agencies and others', () => {
    expect(people.length).toBeGreaterThanOrEqual(300);
    expect(people.filter((p) => p.status === 'current').length).toBeGreaterThan(100);
    expect(people.filter((p) => p.status === 'former').length).toBeGreaterThan(50);
    for (const type of EMPLOYMENT_TYPES) expect(people.some((p) => p.employmentType === type), type).toBe(true);
    for (const code of ['376420000A', '376570000A', 'A58000000A']) expect(people.filter((p) => p.agencyCode === code).length, code).toBeGreaterThan(10);
    expect(new Set(people.map((p) => p.agencyCode)).size).toBeGreaterThan(50);
    expect(people.filter(isFormerContractEmployee).length).toBeGreaterThan(20);
  });

  it('SYS-3 every national ID has a valid checksum, its gender digit matches, and none repeats', () => {
    for (const p of people) {
      const parsed = parseIdNumber(p.nationalId);
      expect(parsed.ok, p.nationalId).toBe(true);
      if (parsed.ok) expect(parsed.gender, p.personId).toBe(p.gender);
    }
    expect(new Set(people.map((p) => p.nationalId)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.personId)).size).toBe(people.length);
    const accounts = people.flatMap((p) => (p.ecpaAccount ? [p.ecpaAccount.toLowerCase()] : []));
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  it('RES-5 / RES-6 / AGY-4 every record is well formed: agencies known, ISO dates, ≤ 3 education and ≤ 5 experience, newest first', () => {
    for (const p of people) {
      const where = p.personId;
      expect(referenceAgency(p.agencyCode)?.name, where).toBe(p.agencyName);
      expect(/^[\u4e00-\u9fff]{2,4}$/u.test(p.name), `${where} ${p.name}`).toBe(true);
      expect(isIsoDate(p.birthDate), where).toBe(true);
      expect(p.status === 'former' ? isIsoDate(p.leftOn ?? '') && p.leftOn! <= DATASET_AS_OF : p.leftOn === null, where).toBe(true);
      expect(p.education.length, where).toBeGreaterThanOrEqual(1);
      expect(p.education.length, where).toBeLessThanOrEqual(MAX_EDUCATION);
      expect(p.experience.length, where).toBeGreaterThanOrEqual(1);
      expect(p.experience.length, where).toBeLessThanOrEqual(MAX_EXPERIENCE);
      const [latest] = p.experience;
      expect(latest!.agencyCode, where).toBe(p.agencyCode);
      expect(latest!.employmentType, where).toBe(p.employmentType);
      expect(latest!.status, where).toBe(p.status === 'current' ? '在職' : '離職');
      if (p.status === 'former') expect(latest!.endDate, where).toBe(p.leftOn);
      for (let i = 0; i < p.experience.length; i++) {
        const e = p.experience[i]!;
        expect(isIsoDate(e.startDate), where).toBe(true);
        expect(e.status === '在職' ? e.endDate === '' : isIsoDate(e.endDate) && e.endDate >= e.startDate, where).toBe(true);
        if (i > 0) expect(e.endDate < p.experience[i - 1]!.startDate, where).toBe(true);
      }
      for (const e of p.education) expect(e.status === '畢業' ? isIsoDate(e.endDate) : e.endDate === '', where).toBe(true);
      for (const r of p.rewardsAndPunishments) expect(isIsoDate(r.date), where).toBe(true);
      for (const t of p.trainings) expect(isIsoDate(t.startDate) && isIsoDate(t.endDate) && t.endDate >= t.startDate, where).toBe(true);
      const years = p.performanceRatings.map((r) => r.year);
      expect(new Set(years).size, where).toBe(years.length);
      if (p.gender === 'F') expect(p.military, where).toBeNull();
    }
  });

  it('RES-4 the well-known test people are there, as README.md describes them', () => {
    for (const w of wellKnownPeople()) {
      const p = byKey(w.personId);
      expect(p, w.personId).toBeDefined();
      expect({ id: p.nationalId, account: p.ecpaAccount, name: p.name, status: p.status, type: p.employmentType, agency: p.agencyCode }).toEqual({
        id: w.nationalId,
        account: w.ecpaAccount,
        name: w.name,
        status: w.status,
        type: w.employmentType,
        agency: w.agencyCode,
      });
    }
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const w of wellKnownPeople()) {
      expect(readme, w.personId).toContain(w.nationalId);
      if (w.ecpaAccount) expect(readme).toContain(w.ecpaAccount);
    }
  });

  it('nationalIdWithCheckDigit makes valid IDs and refuses bad prefixes', () => {
    expect(nationalIdWithCheckDigit('A12345678')).toBe('A123456789');
    expect(() => nationalIdWithCheckDigit('A3')).toThrow();
  });
});

describe('HrDatabase (local)', () => {
  it('RES-4 finds a person by national ID, typed in any case or in full-width', async () => {
    const id = WELL_KNOWN_PEOPLE.formerContract.nationalId;
    expect((await hrdb.findPersonByNationalId(id))?.personId).toBe('P900001');
    expect((await hrdb.findPersonByNationalId(` ${id.toLowerCase()} `))?.personId).toBe('P900001');
    expect((await hrdb.findPersonByNationalId(id.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))))?.personId).toBe('P900001');
    expect(await hrdb.findPersonByNationalId('A123456789')).toBeNull();
  });

  it('ECPA-3 finds a person by eCPA account without case, and by the database key', async () => {
    expect((await hrdb.findPersonByAccount('Civil.Servant'))?.nationalId).toBe(WELL_KNOWN_PEOPLE.civilServant.nationalId);
    expect(await hrdb.findPersonByAccount('no.such.account')).toBeNull();
    expect((await hrdb.findPersonById('P900003'))?.name).toBe('張家豪');
    expect(await hrdb.findPersonById('nope')).toBeNull();
  });

  it('RES-4 is read-only: changing a result changes nothing in the database', async () => {
    const p = (await hrdb.findPersonById('P900001'))!;
    p.name = '改過';
    p.education.length = 0;
    const again = (await hrdb.findPersonById('P900001'))!;
    expect(again.name).toBe('黃雅婷');
    expect(again.education.length).toBeGreaterThan(0);
  });

  it('RES-4 loads the JSON once (one shared instance)', () => {
    expect(createLocalHrDatabase()).toBe(hrdb);
    expect(hrdb.size).toBe(people.length);
    expect(hrDatabaseOf([]).size).toBe(0);
  });
});

describe('rules', () => {
  it('RES-4 only a former 聘用/約僱 employee is offered 從公務人力資料庫帶入相關資料', () => {
    expect(isFormerContractEmployee(byKey(WELL_KNOWN_PEOPLE.formerContract.personId))).toBe(true);
    expect(isFormerContractEmployee(byKey(WELL_KNOWN_PEOPLE.formerHire.personId))).toBe(true);
    expect(isFormerContractEmployee(byKey(WELL_KNOWN_PEOPLE.currentContract.personId))).toBe(false); // still in service
    expect(isFormerContractEmployee(byKey(WELL_KNOWN_PEOPLE.leftService.personId))).toBe(false); // 公務人員
    expect(isFormerContractEmployee(byKey(WELL_KNOWN_PEOPLE.formerTechnician.personId))).toBe(false); // 技工
    expect(isFormerContractEmployee(null)).toBe(false);
  });

  it('ECPA-3 an eCPA identity fails when not in the HR database, or when the person has left service (卸職)', () => {
    expect(ecpaIdentityRefusal(null)).toBe('not-in-hrdb');
    expect(ecpaIdentityRefusal(byKey(WELL_KNOWN_PEOPLE.leftService.personId))).toBe('left-service');
    expect(ecpaIdentityRefusal(byKey(WELL_KNOWN_PEOPLE.civilServant.personId))).toBeNull();
  });

  it('RES-4 the import fills basic data, ≤ 3 education and ≤ 5 experience in the resume shapes', () => {
    const many: HrPerson = {
      ...byKey('P900001'),
      education: Array.from({ length: 4 }, (_, i) => ({ ...byKey('P900001').education[0]!, school: `學校${i}` })),
      experience: Array.from({ length: 7 }, (_, i) => ({ ...byKey('P900001').experience[0]!, organization: `機關${i}` })),
    };
    const imported = resumeImportFrom(many);
    expect(imported.basic).toEqual({
      chineseName: '黃雅婷',
      idNumber: 'G221508377',
      gender: '女',
      birthDate: '1990-04-12',
      phone: many.phone,
      address: many.address,
      email: 'former.contract@example.com',
    });
    expect(imported.education.map((e) => e.school)).toEqual(['學校0', '學校1', '學校2']);
    expect(imported.experience.map((e) => e.organization)).toEqual(['機關0', '機關1', '機關2', '機關3', '機關4']);
    expect(Object.keys(imported.experience[0]!).sort()).toEqual(['endDate', 'jobTitle', 'organization', 'startDate', 'status']);
  });

  describe('AGY-4 civil-service resume sections', () => {
    const person: HrPerson = {
      ...byKey('P900003'),
      trainings: [
        { name: '甲訓練', organizer: '國家文官學院', startDate: '2024-03-01', endDate: '2024-03-02', hours: 12 },
        { name: '乙訓練', organizer: '國家文官學院', startDate: '2021-12-30', endDate: '2022-01-02', hours: 24 },
        { name: '丙訓練', organizer: '國家文官學院', startDate: '2019-05-01', endDate: '2019-05-01', hours: 6 },
      ],
      rewardsAndPunishments: [
        { date: '2024-01-10', kind: '嘉獎', count: 1, reason: 'a' },
        { date: '2020-06-30', kind: '記功', count: 1, reason: 'b' },
      ],
      performanceRatings: [
        { year: 2024, kind: '年終考績', grade: '甲' },
        { year: 2022, kind: '年終考績', grade: '乙' },
        { year: 2019, kind: '年終考績', grade: '甲' },
      ],
    };

    it('AGY-4 個人全部資料 with empty ranges holds every part', () => {
      const r = selectResumeSections(person, { mode: 'all' });
      for (const key of RESUME_SECTIONS) expect(r[key], key).not.toBeNull();
      expect(r.trainings).toHaveLength(3);
      expect(r.rewards).toHaveLength(2);
      expect(r.ratings).toHaveLength(3);
      expect(r.basic).toMatchObject({ chineseName: '張家豪', employmentType: '公務人員', agencyName: '行政院人事行政總處' });
    });

    it('AGY-4 個人全部資料 applies 訓練日期區間 (overlap), 獎懲日期區間 and 考績年度區間, each end optional', () => {
      const r = selectResumeSections(person, {
        mode: 'all',
        trainingDates: { from: '2022-01-01', to: '2024-12-31' },
        rewardDates: { from: '2021-01-01' },
        ratingYears: { to: 2022 },
      });
      expect(r.trainings!.map((t) => t.name)).toEqual(['甲訓練', '乙訓練']);
      expect(r.rewards!.map((x) => x.date)).toEqual(['2024-01-10']);
      expect(r.ratings!.map((x) => x.year)).toEqual([2022, 2019]);
    });

    it('AGY-4 a choice of parts gives those parts only (basic data, education and experience always)', () => {
      const r = selectResumeSections(person, { mode: 'sections', sections: ['rewards', 'markers'] });
      expect(r.rewards).toHaveLength(2);
      expect(r.markers).toEqual({ military: person.military, teacherQualification: null, disability: person.disability, indigenous: person.indigenous });
      for (const key of ['exams', 'ratings', 'skills', 'screenings', 'trainings'] as const) expect(r[key], key).toBeNull();
      expect(r.education.length).toBeGreaterThan(0);
      expect(r.experience.length).toBeGreaterThan(0);
    });
  });
});
