// Who may do what with an application (SYS-4). Pure rules registered with the platform's policy layer: its
// applicant — the platform applicant (applicantId) or, for a civil servant's DK application (ECPA-5), the staff
// user (staffUserId). Agency access goes through 調閱 (ACS-*). The scoped finders (forApplicant / forStaffUser in
// application.repo.ts) make another person's application not found first; this is the second check.
import { definePolicy, type Rule } from '../../platform/auth/policy.ts';

export interface ApplicationSubject {
  readonly type: 'application';
  readonly applicantId: string | null;
  readonly staffUserId: string | null;
}

export const applicationSubject = (row: { applicantId: string | null; staffUserId?: string | null }): ApplicationSubject => ({
  type: 'application',
  applicantId: row.applicantId,
  staffUserId: row.staffUserId ?? null,
});

const owner: Rule<ApplicationSubject> = (p, s) =>
  (p?.kind === 'applicant' && s.applicantId !== null && p.id === s.applicantId) ||
  (p?.kind === 'staff' && s.staffUserId !== null && p.id === s.staffUserId && p.roles.includes('civil_servant'));

export const applicationPolicy = definePolicy<ApplicationSubject, 'read' | 'cancel' | 'delete' | 'download'>('application', {
  read: owner,
  cancel: owner,
  delete: owner,
  download: owner,
});
