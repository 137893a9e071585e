// Who may do what with an application (SYS-4). Pure rules registered with the platform's policy layer. Today only
// its applicant (agency access through 調閱, ACS-*, comes with the agency issue). The scoped finder
// (forApplicant in application.repo.ts) makes another person's application not found first; this is the second check.
import { definePolicy, type Rule } from '../../platform/auth/policy.ts';

export interface ApplicationSubject {
  readonly type: 'application';
  readonly applicantId: string;
}

export const applicationSubject = (row: { applicantId: string }): ApplicationSubject => ({ type: 'application', applicantId: row.applicantId });

const owner: Rule<ApplicationSubject> = (p, s) => p?.kind === 'applicant' && p.id === s.applicantId;

export const applicationPolicy = definePolicy<ApplicationSubject, 'read' | 'cancel' | 'delete' | 'download'>('application', {
  read: owner,
  cancel: owner,
  delete: owner,
  download: owner,
});
