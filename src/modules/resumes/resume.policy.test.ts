import { describe, expect, it } from 'vitest';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal, Role } from '../../platform/auth/principal.ts';
import { resumeFileSubject, resumeSubject, stagedUploadSubject } from './resume.policy.ts';

const applicant = (id: string): Principal => ({ kind: 'applicant', id, method: '帳號', roles: [], agencyCode: null, status: 'active' });
const staff = (id: string, ...roles: Role[]): Principal => ({ kind: 'staff', id, method: '帳號', roles, agencyCode: '376420000A', status: 'active' });
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('resume policy', () => {
  const subjects = [resumeSubject({ applicantId: A }), resumeFileSubject({ applicantId: A }, 'photo'), resumeFileSubject({ applicantId: A }, 'attachment'), stagedUploadSubject({ applicantId: A })];

  it('SYS-4 RES-1 an applicant may read and change their own resume, photo, attachment and staged upload', () => {
    for (const s of subjects) expect(authorize(applicant(A), 'read', s)).toBe(true);
    expect(authorize(applicant(A), 'update', subjects[0]!)).toBe(true);
    expect(authorize(applicant(A), 'delete', subjects[0]!)).toBe(true);
    expect(authorize(applicant(A), 'update', subjects[1]!)).toBe(true);
    expect(authorize(applicant(A), 'discard', subjects[3]!)).toBe(true);
  });

  it('SYS-4 another applicant, anonymous visitors and staff (even with the same id, or back office) may do nothing', () => {
    for (const s of subjects) {
      for (const action of ['read', 'update', 'delete', 'discard']) {
        expect(authorize(applicant(B), action, s)).toBe(false);
        expect(authorize(null, action, s)).toBe(false);
        expect(authorize(staff(A, 'backoffice', 'agency_hr'), action, s)).toBe(false);
      }
    }
  });
});
