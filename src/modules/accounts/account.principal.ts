// The applicant half of the PrincipalLoader port (SYS-4): an applicant account's status, in one query. Applicants
// hold no staff role and no agency.
import { eq } from 'drizzle-orm';
import type { PrincipalFacts } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { applicantAccounts } from './account.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadApplicantPrincipal(q: Queryable, id: string): Promise<PrincipalFacts | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q.select({ status: applicantAccounts.status }).from(applicantAccounts).where(eq(applicantAccounts.id, id)).limit(1);
  return row ? { roles: [], agencyCode: null, status: row.status } : null;
}
