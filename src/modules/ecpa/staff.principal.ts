// The staff half of the PrincipalLoader port (SYS-4): a staff member's roles, agency and status, in one query.
// Roles come from staff_users.roles (agency_hr, backoffice, and civil_servant for a serving 公務人員, which the
// HR-database seed writes); unknown values in the jsonb are dropped.
import { and, eq } from 'drizzle-orm';
import { knownRoles, type PrincipalFacts } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { staffAgencyGrants, staffUsers } from './staff.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `actingAgency` (ADM-2, the session's choice): an agency_hr staff member acts for that agency instead of their own
 * only while it is explicitly granted to them (staff_agency_grants) — the principal's agencyCode is then the granted
 * agency's, so every agency page and scoped finder serves that agency alone. A revoked grant takes effect at the
 * next request (back to the own agency).
 */
export async function loadStaffPrincipal(q: Queryable, id: string, actingAgency: string | null = null): Promise<PrincipalFacts | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q
    .select({ roles: staffUsers.roles, agencyCode: staffUsers.agencyCode, status: staffUsers.status })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .limit(1);
  if (!row) return null;
  const roles = knownRoles(row.roles);
  let agencyCode = row.agencyCode;
  if (actingAgency && actingAgency !== row.agencyCode && roles.includes('agency_hr')) {
    const [grant] = await q
      .select({ code: staffAgencyGrants.agencyCode })
      .from(staffAgencyGrants)
      .where(and(eq(staffAgencyGrants.staffUserId, id), eq(staffAgencyGrants.agencyCode, actingAgency)))
      .limit(1);
    if (grant) agencyCode = grant.code;
  }
  return { roles, agencyCode, status: row.status };
}
