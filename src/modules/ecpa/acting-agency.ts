// ADM-2 acting for a granted agency: an agency_hr staff member with agencies granted by the back office
// (staff_agency_grants) chooses, in the session, which agency they act for. The principal loader honours the choice
// only while the grant exists (staff.principal.ts), so every agency page then serves the chosen agency alone.
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { agencyName, grantsOf } from './staff-admin.repo.ts';
import { findStaffById } from './staff.repo.ts';

export interface ActingChoices {
  own: { code: string; name: string };
  granted: { code: string; name: string }[];
}

/** The staff member's own agency and the agencies granted to them. */
export async function actingChoices(db: Db, staffId: string): Promise<ActingChoices | null> {
  const staff = await findStaffById(db, staffId);
  if (!staff) return null;
  const [name, grants] = await Promise.all([agencyName(db, staff.agencyCode), grantsOf(db, staff.id)]);
  return { own: { code: staff.agencyCode, name: name ?? staff.agencyCode }, granted: grants.map((g) => ({ code: g.agencyCode, name: g.agencyName })) };
}

/** The session value for a choice: null for the own agency, the code for a granted one, 'refused' otherwise. Pure. */
export function actingValue(choices: ActingChoices, code: unknown): string | null | 'refused' {
  if (typeof code !== 'string') return 'refused';
  if (code === choices.own.code) return null;
  return choices.granted.some((g) => g.code === code) ? code : 'refused';
}

export async function auditActingChoice(db: Db, actor: Actor & { id: string }, from: string | null, to: string): Promise<void> {
  await recordAudit(db, actor, 'staff.acting_agency', { kind: 'staff_user', id: actor.id }, { before: { agencyCode: from }, after: { agencyCode: to } });
}
