// ADM-2 reads and writes of staff accounts for the back office: the search, the account's agency grants and
// certificate bindings. The back office reaches every agency's staff (no scoping: routes.backoffice only).
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { agencies } from '../reference/index.ts';
import type { StaffSearch } from './staff-admin.rules.ts';
import { certificateBindings, staffAgencyGrants, staffUsers } from './staff.schema.ts';

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface StaffListItem {
  id: string;
  account: string;
  name: string;
  email: string | null;
  agencyCode: string;
  agencyName: string | null;
  roles: string[];
  status: string;
  lastSignInAt: Date | null;
  lastSignInMethod: string | null;
}

const listColumns = {
  id: staffUsers.id,
  account: staffUsers.account,
  name: staffUsers.name,
  email: staffUsers.email,
  agencyCode: staffUsers.agencyCode,
  agencyName: agencies.name,
  roles: staffUsers.roles,
  status: staffUsers.status,
  lastSignInAt: staffUsers.lastSignInAt,
  lastSignInMethod: staffUsers.lastSignInMethod,
};

/** One page of the staff list, by 帳號. */
export async function searchStaffUsers(q: Queryable, f: StaffSearch, limit: number): Promise<{ total: number; rows: StaffListItem[] }> {
  const parts: SQL[] = [];
  if (f.q) parts.push(or(ilike(staffUsers.account, like(f.q)), ilike(staffUsers.name, like(f.q)))!);
  if (f.agency) parts.push(or(ilike(staffUsers.agencyCode, like(f.agency)), ilike(agencies.name, like(f.agency)))!);
  if (f.role) parts.push(sql`${staffUsers.roles} @> ${JSON.stringify([f.role])}::jsonb`);
  if (f.status) parts.push(eq(staffUsers.status, f.status));
  const where = parts.length ? and(...parts) : undefined;
  const [n] = await q.select({ n: count() }).from(staffUsers).leftJoin(agencies, eq(agencies.code, staffUsers.agencyCode)).where(where);
  const rows = await q
    .select(listColumns)
    .from(staffUsers)
    .leftJoin(agencies, eq(agencies.code, staffUsers.agencyCode))
    .where(where)
    .orderBy(asc(staffUsers.account), asc(staffUsers.id))
    .limit(limit)
    .offset((f.page - 1) * limit);
  return { total: n?.n ?? 0, rows: rows as StaffListItem[] };
}

/** Whether another account has this name (compared without case) — 帳號 must be unique. */
export async function accountTaken(q: Queryable, account: string): Promise<boolean> {
  const [row] = await q
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.account}) = ${account.toLowerCase()}`)
    .limit(1);
  return !!row;
}

/** Another account linked to the same HR-database person (national-ID hash), if any. */
export async function nationalIdTaken(q: Queryable, hashes: readonly string[], exceptId: string | null): Promise<boolean> {
  const rows = await q
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(inArray(staffUsers.nationalIdHash, [...hashes]))
    .limit(2);
  return rows.some((r) => r.id !== exceptId);
}

export async function agencyName(q: Queryable, code: string): Promise<string | null> {
  const [row] = await q.select({ name: agencies.name }).from(agencies).where(eq(agencies.code, code)).limit(1);
  return row?.name ?? null;
}

export interface GrantRow {
  agencyCode: string;
  agencyName: string;
  grantedAt: Date;
}

export async function grantsOf(q: Queryable, staffId: string): Promise<GrantRow[]> {
  return q
    .select({ agencyCode: staffAgencyGrants.agencyCode, agencyName: agencies.name, grantedAt: staffAgencyGrants.grantedAt })
    .from(staffAgencyGrants)
    .innerJoin(agencies, eq(agencies.code, staffAgencyGrants.agencyCode))
    .where(eq(staffAgencyGrants.staffUserId, staffId))
    .orderBy(asc(staffAgencyGrants.agencyCode));
}

/** Inserts a grant; false when it existed already. */
export async function insertGrant(q: Queryable, row: typeof staffAgencyGrants.$inferInsert): Promise<boolean> {
  const rows = await q.insert(staffAgencyGrants).values(row).onConflictDoNothing().returning({ code: staffAgencyGrants.agencyCode });
  return rows.length === 1;
}

export async function deleteGrant(q: Queryable, staffId: string, agencyCode: string): Promise<boolean> {
  const rows = await q
    .delete(staffAgencyGrants)
    .where(and(eq(staffAgencyGrants.staffUserId, staffId), eq(staffAgencyGrants.agencyCode, agencyCode)))
    .returning({ code: staffAgencyGrants.agencyCode });
  return rows.length === 1;
}

export type BindingRow = typeof certificateBindings.$inferSelect;

export async function bindingsOf(q: Queryable, staffId: string): Promise<BindingRow[]> {
  return q.select().from(certificateBindings).where(eq(certificateBindings.staffUserId, staffId)).orderBy(asc(certificateBindings.firstBoundAt));
}

/** Deletes one binding of this staff member; the deleted row, or null (another's or unknown id). */
export async function deleteBinding(q: Queryable, staffId: string, bindingId: string): Promise<BindingRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bindingId)) return null;
  const [row] = await q
    .delete(certificateBindings)
    .where(and(eq(certificateBindings.id, bindingId), eq(certificateBindings.staffUserId, staffId)))
    .returning();
  return row ?? null;
}
