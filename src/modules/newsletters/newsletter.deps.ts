// What the PUB-5 use cases need from the container: the database, the clock and the configuration (base URL for
// links, the data key the subscription link token is derived from, and the subscription period).
import type { Ports } from '../../container.ts';
import { subscriptionMonths, subscriptionToken } from './newsletter.rules.ts';

export type NewsletterDeps = Pick<Ports, 'db' | 'clock' | 'config'>;

/** Built once by the composition root (src/container.ts: services.deps.newsletters). */
export function newsletterDeps(services: NewsletterDeps): NewsletterDeps {
  return { db: services.db, clock: services.clock, config: services.config };
}

export function mailContext(deps: NewsletterDeps): { baseUrl: string } {
  return { baseUrl: deps.config.baseUrl };
}

export function monthsOf(deps: NewsletterDeps): number {
  return subscriptionMonths(deps.config);
}

/** The 管理 / 取消訂閱 link token of a subscription. */
export function linkTokenOf(deps: NewsletterDeps, subscriptionId: string): string {
  return subscriptionToken(deps.config.dataKey, subscriptionId);
}
