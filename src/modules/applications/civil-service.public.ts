// What other modules read of a civil servant's application (the agency's applicant list: why a batch file failed).
import { batchFailureOf, type BatchFailure } from './civil-service.rules.ts';

export { batchFailureOf, type BatchFailure };

/** 'staff' for a civil servant's DK application (ECPA-5), 'applicant' for the platform's. */
export function applicationOwnerKind(row: { staffUserId: string | null }): 'staff' | 'applicant' {
  return row.staffUserId ? 'staff' : 'applicant';
}
