// Platform tables: sessions, audit log, mail outbox, stored files, counters, mailed-link tokens, sign-in lockouts,
// parked forms.
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
export { timestamps };

/** Server-side sessions. The cookie holds a random token; the table holds its SHA-256 only. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256(token), base64url
    principalKind: text('principal_kind'), // 'applicant' | 'staff' | null (visitor)
    principalId: uuid('principal_id'),
    method: text('method'), // 帳號, 自然人憑證, 機關憑證, 健保卡
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_last_seen_idx').on(t.lastSeenAt), index('sessions_principal_idx').on(t.principalKind, t.principalId)],
);

/** Append-only audit log (SYS-2): who, when, what, from where. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorKind: text('actor_kind').notNull(), // 'applicant' | 'staff' | 'system' | 'visitor'
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectKind: text('subject_kind'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_subject_idx').on(t.subjectKind, t.subjectId),
    index('audit_events_actor_idx').on(t.actorKind, t.actorId),
    index('audit_events_at_idx').on(t.at),
  ],
);

/** Durable mail outbox (SYS-1): written in the transaction of the change that causes the mail. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb('attachments').$type<{ key: string; filename: string; contentType: string }[]>().notNull().default([]),
    state: text('state').$type<'pending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('outbox_due_idx').on(t.state, t.nextAttemptAt),
    index('outbox_to_idx').on(t.to),
    index('outbox_created_idx').on(t.createdAt, t.state), // the back office's mails-per-day chart
  ],
);

/** Metadata of bytes kept in the storage port (disk or S3). */
export const fileObjects = pgTable('file_objects', {
  key: text('key').primaryKey(),
  size: integer('size').notNull(),
  contentType: text('content_type').notNull(),
  sha256: text('sha256').notNull(),
  originalName: text('original_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Daily visit counters (PUB-7): one row a Taipei day. */
export const visitCounters = pgTable('visit_counters', {
  day: text('day').primaryKey(), // YYYY-MM-DD in Asia/Taipei
  visits: integer('visits').notNull().default(0),
});

/** Captcha challenges (ACC-1, ACC-4): bound to a session, single use, expire after 5 minutes. */
export const captchaChallenges = pgTable(
  'captcha_challenges',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sessionId: text('session_id').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('captcha_challenges_session_idx').on(t.sessionId, t.createdAt)],
);

/** What a mailed link is for (docs/adr/0004-verification-tokens.md). */
export type TokenPurpose = 'account.activate' | 'account.reset' | 'account.change_email' | 'staff.reset' | 'newsletter.confirm';

/**
 * Every link sent by mail (ACC-2, ACC-3, ACC-5, ACC-7, ECPA-1, PUB-5): a random token in the link, only its
 * SHA-256 here; single use, expires; a newer token of the same purpose and subject voids the older ones.
 */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    purpose: text('purpose').$type<TokenPurpose>().notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('verification_tokens_hash_uq').on(t.tokenHash), index('verification_tokens_subject_idx').on(t.subjectKind, t.subjectId, t.purpose)],
);

/**
 * Sign-in lockouts of every door (ACC-4, ECPA-1, SYS-4): consecutive failures per door and key (a keyed hash of
 * what was typed, or an account id), whether or not an account exists. `locked_until` null = not locked.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    door: text('door').notNull(),
    key: text('key').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.door, t.key] })],
);

/**
 * A form sent after its sender's session expired (SYS-5, RES-11; platform/http/parked-form.ts): kept for the same
 * account and page until it signs in again (at most PARK_TTL, then purged by maintenance), one per account and
 * path. `payload` is the typed fields (never a password, a token or a file) sealed with AES-256-GCM under
 * DATA_KEY (platform/crypto/seal.ts), bound to the account and path.
 */
export const parkedForms = pgTable(
  'parked_forms',
  {
    principalKind: text('principal_kind').notNull(), // 'applicant' | 'staff'
    principalId: uuid('principal_id').notNull(),
    path: text('path').notNull(),
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalKind, t.principalId, t.path] }), index('parked_forms_expires_idx').on(t.expiresAt)],
);
