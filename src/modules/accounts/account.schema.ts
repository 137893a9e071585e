// Applicant accounts on the 不須具公務人員任用資格職缺應徵平台 (DOMAIN.md: applicant_account; its mailed links are platform verification_tokens).
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';

export type ApplicantStatus = 'pending_activation' | 'active' | 'locked' | 'voided';

export const applicantAccounts = pgTable(
  'applicant_accounts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    email: text('email').notNull(), // stored lower-cased
    passwordHash: text('password_hash').notNull(),
    status: text('status').$type<ApplicantStatus>().notNull().default('pending_activation'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]), // last 3 argon2id hashes
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    isDemo: text('is_demo'),
    ...timestamps,
  },
  (t) => [uniqueIndex('applicant_accounts_email_live_uq').on(t.email).where(sql`status <> 'voided'`)],
);
