// The well-known people of the local HR dataset (README.md in this folder): fixed IDs and accounts for demos and
// tests. The generator (dataset.generator.ts) builds their records from these facts; their eCPA accounts are
// created by seedHrdbDemo (hrdb.seed.ts) with HRDB_DEMO_PASSWORD.
import type { EmploymentType, HrStatus } from './hrdb.types.ts';

/** The password of every eCPA account seedHrdbDemo creates (the same as the demo seed's). */
export const HRDB_DEMO_PASSWORD = 'Demo1234!';

export interface WellKnownPerson {
  personId: string;
  nationalId: string;
  /** eCPA 自訂帳號; null: no eCPA account (only in the HR database). */
  ecpaAccount: string | null;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  status: HrStatus;
  leftOn: string | null;
  agencyCode: string;
  employmentType: EmploymentType;
  jobTitle: string;
  email: string | null;
  /** Why the person is there. */
  role: string;
  /** An existing demo staff account (src/modules/demo/seed.ts) linked to this person, instead of a new one. */
  demoStaff?: boolean;
}

export const WELL_KNOWN_PEOPLE = {
  formerContract: {
    personId: 'P900001',
    nationalId: 'G221508377',
    ecpaAccount: 'former.contract',
    name: '黃雅婷',
    gender: 'F',
    birthDate: '1990-04-12',
    status: 'former',
    leftOn: '2024-06-30',
    agencyCode: '376420000A',
    employmentType: '約僱',
    jobTitle: '約僱人員',
    email: 'former.contract@example.com',
    role: 'RES-4: former 約僱 employee — a first resume offers 從公務人力資料庫帶入相關資料',
  },
  formerHire: {
    personId: 'P900002',
    nationalId: 'C120461959',
    ecpaAccount: 'former.hire',
    name: '蔡志明',
    gender: 'M',
    birthDate: '1986-11-03',
    status: 'former',
    leftOn: '2023-12-31',
    agencyCode: '376570000A',
    employmentType: '聘用',
    jobTitle: '聘用專員',
    email: 'former.hire@example.com',
    role: 'RES-4: former 聘用 employee',
  },
  civilServant: {
    personId: 'P900003',
    nationalId: 'A128730468',
    ecpaAccount: 'civil.servant',
    name: '張家豪',
    gender: 'M',
    birthDate: '1984-02-20',
    status: 'current',
    leftOn: null,
    agencyCode: 'A58000000A',
    employmentType: '公務人員',
    jobTitle: '專員',
    email: 'civil.servant@example.gov.tw',
    role: 'ECPA-1/4/5/6: a current civil servant with no agency role (應用系統 shows DK; DD without access)',
  },
  leftService: {
    personId: 'P900004',
    nationalId: 'G205193723',
    ecpaAccount: 'left.service',
    name: '李淑芬',
    gender: 'F',
    birthDate: '1962-08-08',
    status: 'former',
    leftOn: '2022-07-16',
    agencyCode: '376420000A',
    employmentType: '公務人員',
    jobTitle: '科長',
    email: 'left.service@example.com',
    role: 'ECPA-3: left service (卸職) — eCPA sign-in is refused once the password is right',
  },
  currentContract: {
    personId: 'P900005',
    nationalId: 'C226084136',
    ecpaAccount: 'current.contract',
    name: '吳佳蓉',
    gender: 'F',
    birthDate: '1995-01-27',
    status: 'current',
    leftOn: null,
    agencyCode: '376570000A',
    employmentType: '約僱',
    jobTitle: '約僱辦事員',
    email: 'current.contract@example.gov.tw',
    role: 'RES-4 negative: a 約僱 employee still in service (not offered the import)',
  },
  formerTechnician: {
    personId: 'P900006',
    nationalId: 'H117335801',
    ecpaAccount: null,
    name: '周建宏',
    gender: 'M',
    birthDate: '1970-09-30',
    status: 'former',
    leftOn: '2021-03-31',
    agencyCode: '301020800G',
    employmentType: '技工',
    jobTitle: '技工',
    email: null,
    role: 'RES-4 negative: former 技工 (not 聘用/約僱); no eCPA account',
  },
  yilanHr: {
    personId: 'P900011',
    nationalId: 'G203457162',
    ecpaAccount: 'yilan.hr',
    name: '林宜蘭',
    gender: 'F',
    birthDate: '1980-05-05',
    status: 'current',
    leftOn: null,
    agencyCode: '376420000A',
    employmentType: '公務人員',
    jobTitle: '科員',
    email: 'yilan.hr@example.gov.tw',
    role: 'demo staff yilan.hr (agency HR, 宜蘭縣政府)',
    demoStaff: true,
  },
  keelungHr: {
    personId: 'P900012',
    nationalId: 'C109823548',
    ecpaAccount: 'keelung.hr',
    name: '陳基隆',
    gender: 'M',
    birthDate: '1978-10-10',
    status: 'current',
    leftOn: null,
    agencyCode: '376570000A',
    employmentType: '公務人員',
    jobTitle: '專員',
    email: 'keelung.hr@example.gov.tw',
    role: 'demo staff keelung.hr (agency HR, 基隆市政府)',
    demoStaff: true,
  },
  dgpaAdmin: {
    personId: 'P900013',
    nationalId: 'A106572819',
    ecpaAccount: 'dgpa.admin',
    name: '王總處',
    gender: 'M',
    birthDate: '1975-03-15',
    status: 'current',
    leftOn: null,
    agencyCode: 'A58000000A',
    employmentType: '公務人員',
    jobTitle: '科長',
    email: 'dgpa.admin@example.gov.tw',
    role: 'demo staff dgpa.admin (back office + agency HR, 行政院人事行政總處)',
    demoStaff: true,
  },
} as const satisfies Record<string, WellKnownPerson>;

export type WellKnownKey = keyof typeof WELL_KNOWN_PEOPLE;

export function wellKnownPeople(): readonly WellKnownPerson[] {
  return Object.values(WELL_KNOWN_PEOPLE);
}
