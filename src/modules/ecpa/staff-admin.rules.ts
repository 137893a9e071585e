// ADM-2 staff accounts and roles, the pure part: the form (帳號, 姓名, Email, 機關, 身分證字號, roles), the search's
// query, which roles the back office manages (civil_servant is a fact of the HR database and is kept as it is),
// the refusals of changes to one's own account, and the before/after of an audit row. Errors are message keys
// (the back office's staff.messages.ts gives their zh-TW and English words).
import { z } from 'zod';
import { isValidIdNumber, normalizeIdNumber } from '../../platform/tw/id-number.ts';
import type { StaffRole, StaffStatus } from './staff.schema.ts';

/** The roles the back office grants and removes (ADM-2). */
export const MANAGED_ROLES = ['agency_hr', 'backoffice'] as const;
export type ManagedRole = (typeof MANAGED_ROLES)[number];
export const STAFF_STATUSES: readonly StaffStatus[] = ['active', 'disabled', 'left_service'];

export const STAFF_PAGE_SIZE = 20;
export const STAFF_FIELDS = ['account', 'name', 'email', 'agencyCode', 'nationalId', 'roles'] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

/** eCPA 自訂帳號: lower-case letters, digits, '.', '_' and '-', 3 to 40, starting with a letter or digit. */
export const ACCOUNT_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const AGENCY_CODE_TEXT = /^[A-Z0-9]{1,20}$/;

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim();
const text = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .transform(clean)
    .pipe(z.string().min(1, missing).max(max, tooLong));

const rolesField = (min: number) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .transform((a) => MANAGED_ROLES.filter((r) => a.includes(r)))
      .pipe(z.array(z.enum(MANAGED_ROLES)).min(min, 'roles.required')),
  );

const fields = {
  name: text('name.required', 50, 'name.tooLong'),
  email: text('email.required', 254, 'email.tooLong').refine((s) => z.email().safeParse(s).success, 'email.format'),
  agencyCode: z
    .string({ error: 'agency.required' })
    .transform((s) => clean(s).toUpperCase())
    .pipe(z.string().min(1, 'agency.required').regex(AGENCY_CODE_TEXT, 'agency.format')),
  nationalId: z
    .string()
    .optional()
    .default('')
    .transform((s) => normalizeIdNumber(clean(s)))
    .refine((s) => s === '' || isValidIdNumber(s), 'nationalId.format'),
  // 修改 may remove every managed role (an account kept only as 現職公務人員, or emptied before 停用).
  roles: rolesField(0),
};

/** 新增: every field, at least one role; 身分證字號 optional (links the HR-database person when given). */
export const newStaffForm = z.object({
  account: z
    .string({ error: 'account.required' })
    .transform((s) => clean(s).toLowerCase())
    .pipe(z.string().min(1, 'account.required').regex(ACCOUNT_PATTERN, 'account.format')),
  ...fields,
  roles: rolesField(1),
});

/** 修改: the account stays; a blank 身分證字號 keeps the stored link. */
export const editStaffForm = z.object(fields);

export type NewStaffInput = z.output<typeof newStaffForm>;
export type EditStaffInput = z.output<typeof editStaffForm>;

/** The grant form: one agency code. */
export const grantForm = z.object({ grantAgency: fields.agencyCode.transform((s) => s) });

/** The roles to store: the managed roles chosen, plus whatever else the row holds (civil_servant), in a fixed order. */
export function nextRoles(current: readonly StaffRole[], chosen: readonly ManagedRole[]): StaffRole[] {
  const kept = current.filter((r) => !(MANAGED_ROLES as readonly string[]).includes(r));
  const all: StaffRole[] = ['agency_hr', 'backoffice', 'civil_servant'];
  return all.filter((r) => (chosen as readonly string[]).includes(r) || kept.includes(r));
}

export type SelfRefusal = 'self.backoffice' | 'self.status';

/**
 * ADM-2: a back-office user cannot remove their own back-office role, nor disable their own account (either would
 * lock them out mid-change, and the last one would leave no one to undo it).
 */
export function selfChangeRefusal(actorId: string, target: { id: string; roles: readonly StaffRole[] }, next: { roles?: readonly StaffRole[]; status?: StaffStatus }): SelfRefusal | null {
  if (actorId !== target.id) return null;
  if (next.status !== undefined && next.status !== 'active') return 'self.status';
  if (next.roles && target.roles.includes('backoffice') && !next.roles.includes('backoffice')) return 'self.backoffice';
  return null;
}

/** The stored 身分證字號 as shown: only its last 4 characters (the rest was never stored). */
export function maskedNationalId(last4: string | null | undefined): string {
  return last4 ? `******${last4}` : '';
}

/** The fields that changed, as { before, after } for the audit row (SYS-2); nothing personal beyond what the page shows. */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export interface StaffSearch {
  /** 帳號 or 姓名, in part, any case. */
  q: string;
  /** 機關代碼 or 機關名稱, in part. */
  agency: string;
  role: ManagedRole | '';
  status: StaffStatus | '';
  page: number;
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? clean(v).slice(0, max) : '');

/** The list's query string, read leniently: anything unknown is dropped (never an error, never a 500). */
export function parseStaffSearch(q: Record<string, unknown>): StaffSearch {
  const role = (MANAGED_ROLES as readonly unknown[]).includes(q.role) ? (q.role as ManagedRole) : '';
  const status = (STAFF_STATUSES as readonly unknown[]).includes(q.status) ? (q.status as StaffStatus) : '';
  const n = Number(str(q.page, 6));
  return { q: str(q.q, 50), agency: str(q.agency, 50), role, status, page: Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1 };
}

export function staffSearchHref(f: StaffSearch, page = f.page): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.agency) p.set('agency', f.agency);
  if (f.role) p.set('role', f.role);
  if (f.status) p.set('status', f.status);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/backoffice/staff?${s}` : '/backoffice/staff';
}
