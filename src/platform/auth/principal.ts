// Who is asking (SYS-4). A session stores only its identity (kind, id, sign-in method); the principal — roles,
// agency, status — is loaded once per request from the identity through the PrincipalLoader port, which the
// composition root implements over the modules that own the accounts (platform imports no module).
export type PrincipalKind = 'applicant' | 'staff';

/** A staff member's roles: 機關人事 (agency_hr), 後臺 (backoffice), 現職公務人員 (civil_servant). */
export type Role = 'agency_hr' | 'backoffice' | 'civil_servant';
export const ROLES: readonly Role[] = ['agency_hr', 'backoffice', 'civil_servant'];

/** What a session row holds of its owner. */
export interface SessionIdentity {
  kind: PrincipalKind;
  id: string;
  method: string;
}

/** What the account tables say about an identity now. */
export interface PrincipalFacts {
  roles: readonly Role[];
  /** The staff member's 機關代碼; null for applicants. */
  agencyCode: string | null;
  /** The account's status as stored (applicant: pending_activation | active | locked | voided; staff: active | left_service). */
  status: string;
}

export interface Principal extends SessionIdentity, PrincipalFacts {}

/** What the session says besides the identity that may shape the principal (ADM-2: the agency a staff member acts for). */
export interface PrincipalHints {
  /** A 機關代碼 chosen in the session; the loader honours it only for an agency explicitly granted to the staff member. */
  actingAgency?: string | null;
}

/** The port: one query for the identity's facts (two when acting for a granted agency), or null when the account does not exist. */
export interface PrincipalLoader {
  load(kind: PrincipalKind, id: string, hints?: PrincipalHints): Promise<PrincipalFacts | null>;
}

/** Only an active account acts: voided, locked, 卸職 (left_service) or not yet activated ones are signed out. */
export function isActive(facts: PrincipalFacts): boolean {
  return facts.status === 'active';
}

export function hasRole(p: Pick<Principal, 'kind' | 'roles'> | null | undefined, role: Role): boolean {
  return p?.kind === 'staff' && p.roles.includes(role);
}

/** Keeps only known roles (a jsonb column may hold anything). */
export function knownRoles(value: unknown): Role[] {
  return Array.isArray(value) ? ROLES.filter((r) => value.includes(r)) : [];
}
