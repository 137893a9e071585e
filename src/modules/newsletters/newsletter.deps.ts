// What the PUB-5 use cases need from the container: the database, the clock and the configuration (base URL for
// links, the data key the subscription link token is derived from, and the subscription period).
import type { Services } from '../../container.ts';
import { subscriptionMonths, subscriptionToken } from './newsletter.rules.ts';

export type NewsletterDeps = Pick<Services, 'db' | 'clock' | 'config'>;

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
