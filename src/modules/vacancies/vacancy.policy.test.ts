import { describe, expect, it } from 'vitest';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal, Role } from '../../platform/auth/principal.ts';
import { actingAgency, isPublished, manageScope, vacancySubject } from './vacancy.policy.ts';

const YILAN = '376420000A';
const KEELUNG = '376570000A';
const staff = (agencyCode: string, ...roles: Role[]): Principal => ({ kind: 'staff', id: 's', method: '帳號', roles, agencyCode, status: 'active' });
const applicant: Principal = { kind: 'applicant', id: 'a', method: '帳號', roles: [], agencyCode: null, status: 'active' };
const TODAY = '2026-06-01';
const row = (over: Partial<{ orgId: string | null; reviewStatus: string; deletedAt: Date | null; validFrom: string; validTo: string }> = {}) => ({
  orgId: YILAN,
  reviewStatus: 'approved',
  deletedAt: null,
  validFrom: '2026-05-01',
  validTo: '2026-06-30',
  ...over,
});

describe('vacancy policy', () => {
  const published = vacancySubject(row(), TODAY);
  const expired = vacancySubject(row({ validTo: '2026-05-31' }), TODAY);

  it('PUB-2 SYS-4 anyone may read a published vacancy; nobody outside the agency and back office reads an unpublished one', () => {
    expect(isPublished(row(), TODAY)).toBe(true);
    expect(isPublished(row({ reviewStatus: 'flagged' }), TODAY)).toBe(false);
    expect(isPublished(row({ deletedAt: new Date() }), TODAY)).toBe(false);
    for (const p of [null, applicant, staff(KEELUNG, 'agency_hr'), staff(YILAN, 'civil_servant')]) {
      expect(authorize(p, 'read', published)).toBe(true);
      expect(authorize(p, 'read', expired)).toBe(false);
    }
    expect(authorize(staff(YILAN, 'agency_hr'), 'read', expired)).toBe(true);
    expect(authorize(staff('A58000000A', 'backoffice'), 'read', expired)).toBe(true);
  });

  it('AGY-1 SYS-4 agency HR staff manage only their own agency’s vacancies; the back office manages any', () => {
    expect(authorize(staff(YILAN, 'agency_hr'), 'manage', published)).toBe(true);
    expect(authorize(staff(KEELUNG, 'agency_hr'), 'manage', published)).toBe(false);
    expect(authorize(staff(YILAN, 'civil_servant'), 'manage', published)).toBe(false); // same agency, no HR role
    expect(authorize(staff('A58000000A', 'backoffice'), 'manage', published)).toBe(true);
    expect(authorize(applicant, 'manage', published)).toBe(false);
    expect(authorize(null, 'manage', published)).toBe(false);
    expect(authorize(staff(YILAN, 'agency_hr'), 'manage', vacancySubject(row({ orgId: null }), TODAY))).toBe(false); // no agency code: no agency owns it
  });

  it('ADM-1 SYS-4 only the back office reviews; ACS SYS-4 only the own agency’s HR staff access applicants', () => {
    expect(authorize(staff('A58000000A', 'backoffice'), 'review', published)).toBe(true);
    expect(authorize(staff(YILAN, 'agency_hr'), 'review', published)).toBe(false);
    expect(authorize(staff(YILAN, 'agency_hr'), 'accessApplicants', published)).toBe(true);
    expect(authorize(staff(KEELUNG, 'agency_hr'), 'accessApplicants', published)).toBe(false);
    expect(authorize(staff('A58000000A', 'backoffice'), 'accessApplicants', published)).toBe(false);
  });

  it('AGY-1 SYS-4 the back office acts for any agency it chooses; agency HR staff only for their own (issue 10)', () => {
    const DGPA = '301000000A';
    expect(actingAgency(staff(YILAN, 'agency_hr'), null)).toBe(YILAN);
    expect(actingAgency(staff(YILAN, 'agency_hr'), KEELUNG)).toBe(YILAN); // a chosen code is ignored
    expect(actingAgency(staff(DGPA, 'backoffice'), KEELUNG)).toBe(KEELUNG);
    expect(actingAgency(staff(DGPA, 'backoffice'), null)).toBe('choose');
    expect(actingAgency(staff(YILAN, 'agency_hr', 'backoffice'), null)).toBe(YILAN);
    expect(actingAgency(staff(YILAN, 'agency_hr', 'backoffice'), KEELUNG)).toBe(KEELUNG);
    expect(actingAgency(staff(YILAN, 'agency_hr', 'backoffice'), '')).toBe('choose'); // 改選其他機關
    expect(actingAgency(staff(YILAN, 'agency_hr'), '')).toBe(YILAN);
    for (const p of [null, applicant, staff(YILAN, 'civil_servant')]) expect(actingAgency(p, KEELUNG)).toBeNull();
    expect(manageScope(staff(YILAN, 'agency_hr'))).toBe(YILAN);
    expect(manageScope(staff(DGPA, 'backoffice'))).toBe('any');
    expect(manageScope(staff(YILAN, 'civil_servant'))).toBeNull();
    expect(manageScope(applicant)).toBeNull();
    // and the manage rule agrees: the back office may manage a vacancy of any agency
    expect(authorize(staff(DGPA, 'backoffice'), 'manage', vacancySubject(row({ orgId: KEELUNG }), TODAY))).toBe(true);
    expect(authorize(staff(YILAN, 'agency_hr'), 'manage', vacancySubject(row({ orgId: KEELUNG }), TODAY))).toBe(false);
  });
});
