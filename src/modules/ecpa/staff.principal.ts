// The staff half of the PrincipalLoader port (SYS-4): a staff member's roles, agency and status, in one query.
// Roles come from staff_users.roles (agency_hr, backoffice, and civil_servant for a serving 公務人員, which the
// HR-database seed writes); unknown values in the jsonb are dropped.
import { eq } from 'drizzle-orm';
import { knownRoles, type PrincipalFacts } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { staffUsers } from './staff.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadStaffPrincipal(q: Queryable, id: string): Promise<PrincipalFacts | null> {
  if (!UUID.test(id)) return null;
  const [row] = await q
    .select({ roles: staffUsers.roles, agencyCode: staffUsers.agencyCode, status: staffUsers.status })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .limit(1);
  return row ? { roles: knownRoles(row.roles), agencyCode: row.agencyCode, status: row.status } : null;
}
