// eCPA identities: agency HR staff and back office (DOMAIN.md: staff_user, certificate_binding).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';
import { agencies } from '../reference/index.ts';

export type StaffRole = 'agency_hr' | 'backoffice' | 'civil_servant';
export type StaffStatus = 'active' | 'left_service' | 'disabled';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    account: text('account').notNull(), // eCPA 帳號
    passwordHash: text('password_hash'),
    nationalIdHash: text('national_id_hash'), // HMAC of the national ID
    nationalIdLast4: text('national_id_last4'),
    name: text('name').notNull(),
    email: text('email'),
    agencyCode: text('agency_code').notNull(),
    roles: jsonb('roles').$type<StaffRole[]>().notNull().default(['agency_hr']),
    /** active; left_service (卸職, from the HR database); disabled (停用 by the back office, ADM-2). */
    status: text('status').$type<StaffStatus>().notNull().default('active'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    /** The last successful sign-in and its method (帳號, 自然人憑證 …), set by the sign-in code (ADM-2). */
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    lastSignInMethod: text('last_sign_in_method'),
    ...timestamps,
  },
  (t) => [uniqueIndex('staff_users_account_uq').on(t.account), index('staff_users_agency_idx').on(t.agencyCode)],
);

export const certificateBindings = pgTable(
  'certificate_bindings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    issuer: text('issuer').notNull(),
    serial: text('serial').notNull(),
    kind: text('kind').$type<'自然人憑證' | '機關憑證' | '健保卡'>().notNull(),
    firstBoundAt: timestamp('first_bound_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('certificate_bindings_cert_uq').on(t.issuer, t.serial)],
);

/**
 * ADM-2: agencies besides its own that an agency_hr staff member was explicitly granted by the back office. Stored and
 * managed only: acting for a granted agency is not wired into the principal yet (backoffice README).
 */
export const staffAgencyGrants = pgTable(
  'staff_agency_grants',
  {
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code),
    grantedBy: uuid('granted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.agencyCode] })],
);
