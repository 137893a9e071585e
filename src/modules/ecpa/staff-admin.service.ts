// ADM-2 use cases of the back office on staff accounts: 新增, 修改 (and roles), 停用 / 啟用, agency grants,
// 寄送重設密碼信, 解除憑證綁定. Each change locks the row, writes, and records its audit row with before/after in
// the same transaction (SYS-2). A disabled account is signed out at its next request by the principal loader
// (status not 'active'); nothing else is needed here. Errors are message keys (staff-admin.rules.ts).
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { idHasher, idLast4 } from '../../platform/crypto/id-hash.ts';
import type { EcpaDeps } from './ecpa.deps.ts';
import { mailStaffResetLink } from './password-reset.ts';
import {
  accountTaken,
  agencyName,
  bindingsOf,
  deleteBinding,
  deleteGrant,
  grantsOf,
  insertGrant,
  nationalIdTaken,
  searchStaffUsers,
  type BindingRow,
  type GrantRow,
  type StaffListItem,
} from './staff-admin.repo.ts';
import { changes, maskedNationalId, nextRoles, selfChangeRefusal, STAFF_PAGE_SIZE, type EditStaffInput, type NewStaffInput, type SelfRefusal, type StaffSearch } from './staff-admin.rules.ts';
import { findStaffById, lockStaff, type StaffRow } from './staff.repo.ts';
import { staffUsers, type StaffStatus } from './staff.schema.ts';
import { eq } from 'drizzle-orm';

export type StaffAdminDeps = Pick<EcpaDeps, 'db' | 'clock' | 'config' | 'hrdb'>;
/** The back-office user acting. */
export type StaffAdminActor = Actor & { kind: 'staff'; id: string };

export type FieldKeys = Record<string, string>;
export type Changed = { ok: true; id: string } | { ok: false; errors: FieldKeys } | { ok: false; refusal: SelfRefusal | 'not-found' };

const subject = (id: string) => ({ kind: 'staff_user', id });

export async function searchStaff(db: Db, f: StaffSearch): Promise<{ total: number; rows: StaffListItem[] }> {
  return searchStaffUsers(db, f, STAFF_PAGE_SIZE);
}

export interface StaffDetail {
  staff: StaffRow;
  agencyName: string | null;
  grants: GrantRow[];
  bindings: BindingRow[];
}

export async function staffDetail(db: Db, id: string): Promise<StaffDetail | null> {
  const staff = await findStaffById(db, id);
  if (!staff) return null;
  const [name, grants, bindings] = await Promise.all([agencyName(db, staff.agencyCode), grantsOf(db, staff.id), bindingsOf(db, staff.id)]);
  return { staff, agencyName: name, grants, bindings };
}

/** The agency must exist; the HR-database person must exist and be linked to no other account. */
async function checkLinks(deps: StaffAdminDeps, input: { agencyCode: string; nationalId: string }, selfId: string | null): Promise<FieldKeys> {
  const errors: FieldKeys = {};
  if (!(await agencyName(deps.db, input.agencyCode))) errors.agencyCode = 'agency.unknown';
  if (input.nationalId) {
    const person = await deps.hrdb.findPersonByNationalId(input.nationalId);
    if (!person) errors.nationalId = 'nationalId.unknown';
    else if (await nationalIdTaken(deps.db, idHasher(deps.config).candidates(input.nationalId), selfId)) errors.nationalId = 'nationalId.taken';
  }
  return errors;
}

/** The audit view of a row: what the page shows (the ID only as its last 4). */
const auditView = (s: Pick<StaffRow, 'name' | 'email' | 'agencyCode' | 'roles' | 'status' | 'nationalIdLast4'>) => ({
  name: s.name,
  email: s.email,
  agencyCode: s.agencyCode,
  roles: s.roles,
  status: s.status,
  nationalId: maskedNationalId(s.nationalIdLast4),
});

/** 新增: an active account without a password; its owner sets one through the reset link mailed at once. */
export async function createStaffUser(deps: StaffAdminDeps, actor: StaffAdminActor, input: NewStaffInput): Promise<Changed> {
  const errors = await checkLinks(deps, input, null);
  if (await accountTaken(deps.db, input.account)) errors.account = 'account.taken';
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  const ids = idHasher(deps.config);
  return deps.db.transaction(async (tx): Promise<Changed> => {
    const [row] = await tx
      .insert(staffUsers)
      .values({
        account: input.account,
        name: input.name,
        email: input.email,
        agencyCode: input.agencyCode,
        roles: nextRoles([], input.roles),
        status: 'active',
        nationalIdHash: input.nationalId ? ids.hash(input.nationalId) : null,
        nationalIdLast4: input.nationalId ? idLast4(input.nationalId) : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return { ok: false, errors: { account: 'account.taken' } };
    // The new account has no password: the 忘記密碼 mail's link lets its owner set one.
    await mailStaffResetLink(tx, deps, { ...row, email: input.email }, now);
    await recordAudit(tx, actor, 'staff.create', subject(row.id), { account: row.account, before: null, after: auditView(row), resetMailTo: input.email });
    return { ok: true, id: row.id };
  });
}

/** 修改 and roles: name, Email, 機關, the HR-database link (blank keeps it), agency_hr / backoffice. */
export async function updateStaffUser(deps: StaffAdminDeps, actor: StaffAdminActor, id: string, input: EditStaffInput): Promise<Changed> {
  const current = await findStaffById(deps.db, id);
  if (!current) return { ok: false, refusal: 'not-found' };
  const errors = await checkLinks(deps, input, current.id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = deps.clock.now();
  const ids = idHasher(deps.config);
  return deps.db.transaction(async (tx): Promise<Changed> => {
    const before = await lockStaff(tx, id);
    if (!before) return { ok: false, refusal: 'not-found' };
    const roles = nextRoles(before.roles, input.roles);
    const refusal = selfChangeRefusal(actor.id, before, { roles });
    if (refusal) return { ok: false, refusal };
    const set = {
      name: input.name,
      email: input.email,
      agencyCode: input.agencyCode,
      roles,
      ...(input.nationalId ? { nationalIdHash: ids.hash(input.nationalId), nationalIdLast4: idLast4(input.nationalId) } : {}),
    };
    const diff = changes(auditView(before), auditView({ ...before, ...set }));
    if (Object.keys(diff.after).length === 0) return { ok: true, id };
    await tx
      .update(staffUsers)
      .set({ ...set, updatedAt: now })
      .where(eq(staffUsers.id, id));
    await recordAudit(tx, actor, 'staff.update', subject(id), { account: before.account, ...diff });
    return { ok: true, id };
  });
}

/** 停用 / 啟用. Not one's own account (ADM-2); a disabled account is signed out at its next request. */
export async function setStaffStatus(deps: StaffAdminDeps, actor: StaffAdminActor, id: string, status: StaffStatus): Promise<Changed> {
  return deps.db.transaction(async (tx): Promise<Changed> => {
    const before = await lockStaff(tx, id);
    if (!before) return { ok: false, refusal: 'not-found' };
    const refusal = selfChangeRefusal(actor.id, before, { status });
    if (refusal) return { ok: false, refusal };
    if (before.status === status) return { ok: true, id };
    await tx.update(staffUsers).set({ status, updatedAt: deps.clock.now() }).where(eq(staffUsers.id, id));
    await recordAudit(tx, actor, 'staff.status', subject(id), { account: before.account, before: { status: before.status }, after: { status } });
    return { ok: true, id };
  });
}

export type GrantResult = { ok: true; added: boolean } | { ok: false; errors: FieldKeys } | { ok: false; refusal: 'not-found' };

/** An explicit grant of another agency to an agency_hr account (ADM-2). */
export async function grantAgency(deps: StaffAdminDeps, actor: StaffAdminActor, id: string, agencyCode: string): Promise<GrantResult> {
  const staff = await findStaffById(deps.db, id);
  if (!staff) return { ok: false, refusal: 'not-found' };
  if (!staff.roles.includes('agency_hr')) return { ok: false, errors: { grantAgency: 'grant.needsAgencyHr' } };
  if (staff.agencyCode === agencyCode) return { ok: false, errors: { grantAgency: 'grant.ownAgency' } };
  if (!(await agencyName(deps.db, agencyCode))) return { ok: false, errors: { grantAgency: 'agency.unknown' } };
  return deps.db.transaction(async (tx): Promise<GrantResult> => {
    const added = await insertGrant(tx, { staffUserId: id, agencyCode, grantedBy: actor.id, grantedAt: deps.clock.now() });
    if (added) await recordAudit(tx, actor, 'staff.grant', subject(id), { account: staff.account, before: null, after: { agencyCode } });
    return { ok: true, added };
  });
}

export async function revokeAgency(deps: StaffAdminDeps, actor: StaffAdminActor, id: string, agencyCode: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const staff = await lockStaff(tx, id);
    if (!staff || !(await deleteGrant(tx, id, agencyCode))) return false;
    await recordAudit(tx, actor, 'staff.revoke_grant', subject(id), { account: staff.account, before: { agencyCode }, after: null });
    return true;
  });
}

/** 寄送重設密碼信: the 忘記密碼 mail and link (ECPA-1), sent on the back office's request; audited. */
export async function sendStaffResetMail(deps: StaffAdminDeps, actor: StaffAdminActor, id: string): Promise<'sent' | 'no-email' | 'not-found'> {
  return deps.db.transaction(async (tx) => {
    const staff = await lockStaff(tx, id);
    if (!staff) return 'not-found';
    if (!staff.email) return 'no-email';
    await mailStaffResetLink(tx, deps, { ...staff, email: staff.email }, deps.clock.now());
    await recordAudit(tx, actor, 'staff.reset_mail', subject(id), { account: staff.account, to: staff.email });
    return 'sent';
  });
}

/** 解除憑證綁定: deletes one certificate binding of the account; audited with what it was. */
export async function unbindCertificate(deps: StaffAdminDeps, actor: StaffAdminActor, id: string, bindingId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const staff = await lockStaff(tx, id);
    if (!staff) return false;
    const gone = await deleteBinding(tx, id, bindingId);
    if (!gone) return false;
    await recordAudit(tx, actor, 'staff.unbind_certificate', subject(id), {
      account: staff.account,
      before: { kind: gone.kind, issuer: gone.issuer, serial: gone.serial, firstBoundAt: gone.firstBoundAt.toISOString() },
      after: null,
    });
    return true;
  });
}
