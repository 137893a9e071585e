import { describe, expect, it } from 'vitest';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal, Role } from '../../platform/auth/principal.ts';
import { isPublished, vacancySubject } from './vacancy.policy.ts';

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
});
