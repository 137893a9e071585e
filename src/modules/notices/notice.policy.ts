// Who may read and answer a notice (NTF-1, NTF-2; ECPA-5 for a civil servant): the person of its application — the
// platform applicant, or the civil servant of a DK application — which is the applications module's owner rule
// (`read` of the application). Pure; the scoped finder (`ownNotices`) is the first check, this the second.
import { definePolicy, type Rule } from '../../platform/auth/policy.ts';
import { applicationPolicy, applicationSubject } from '../applications/index.ts';

export interface NoticeSubject {
  readonly type: 'notice';
  readonly applicantId: string | null;
  readonly staffUserId: string | null;
}

export const noticeSubject = (v: { applicantId: string | null; staffUserId: string | null }): NoticeSubject => ({ type: 'notice', applicantId: v.applicantId, staffUserId: v.staffUserId });

const owner: Rule<NoticeSubject> = (p, s) => applicationPolicy.can(p, 'read', applicationSubject(s));

export const noticePolicy = definePolicy<NoticeSubject, 'read' | 'reply'>('notice', { read: owner, reply: owner });
