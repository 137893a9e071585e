// 電子報訂閱 (PUB-5): one subscription per e-mail address; double opt-in; expires; daily digests.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';

export interface NewsletterConditions {
  places?: string[];
  sysnams?: string[];
  personKinds?: string[];
  rankTypes?: string[];
  keyword?: string;
}

export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    email: text('email').notNull(), // lower-cased
    conditions: jsonb('conditions').$type<NewsletterConditions>().notNull().default({}),
    /** Conditions waiting for the confirmation link (a change to a live subscription is confirmed too). */
    pendingConditions: jsonb('pending_conditions').$type<NewsletterConditions>(),
    status: text('status').$type<'pending' | 'active' | 'cancelled'>().notNull().default('pending'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    /** SHA-256 of the one-click unsubscribe token carried by every digest. */
    unsubscribeTokenHash: text('unsubscribe_token_hash'),
    /** The same of the link derived from SESSION_SECRET before 0007: mails already sent keep working. */
    legacyUnsubscribeTokenHash: text('legacy_unsubscribe_token_hash'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('newsletter_subscriptions_email_uq').on(t.email),
    uniqueIndex('newsletter_subscriptions_unsub_uq').on(t.unsubscribeTokenHash),
    index('newsletter_subscriptions_legacy_unsub_idx').on(t.legacyUnsubscribeTokenHash),
    index('newsletter_subscriptions_due_idx').on(t.status, t.expiresAt),
  ],
);
