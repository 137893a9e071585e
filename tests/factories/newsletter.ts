// Newsletter subscriptions (電子報, PUB-5): an active, confirmed subscription expiring in a year unless overridden
// (`status: 'pending'` for one awaiting its confirmation link).
import { randomUUID } from 'node:crypto';
import { newsletterSubscriptions } from '../../src/modules/newsletters/newsletter.schema.ts';
import { dbOf, type DbArg } from './db-arg.ts';

export type NewSubscription = typeof newsletterSubscriptions.$inferInsert;
export type SubscriptionRow = typeof newsletterSubscriptions.$inferSelect;

export async function createNewsletterSubscription(to: DbArg, overrides: Partial<NewSubscription> = {}): Promise<SubscriptionRow> {
  const active = (overrides.status ?? 'active') === 'active';
  const [row] = await dbOf(to)
    .insert(newsletterSubscriptions)
    .values({
      email: `reader-${randomUUID().slice(0, 8)}@example.tw`,
      conditions: {},
      status: 'active',
      confirmedAt: active ? new Date() : null,
      expiresAt: active ? new Date(Date.now() + 365 * 86_400_000) : null,
      ...overrides,
    })
    .returning();
  return row!;
}
