// What the owner of an address may see of its subscription (PUB-5 pre-filling). Only someone who has proven the
// address sees its conditions: the holder of a link from a newsletter mail (管理 link) or the signed-in applicant
// whose account email it is. Typing an address reveals nothing (SYS-4).
import type { Principal } from '../../platform/auth/sessions.ts';
import { linkTokenOf, type NewsletterDeps } from './newsletter.deps.ts';
import { applicantEmail, findByEmail, findByLinkToken } from './newsletter.repo.ts';
import { isLive, normaliseConditions, standingOf, type Conditions, type Standing } from './newsletter.rules.ts';

export interface OwnedSubscription {
  email: string;
  standing: Standing;
  conditions: Conditions;
  expiresAt: Date | null;
  linkToken: string;
}

/** The subscription behind a 管理 / 取消訂閱 link, or null. */
export async function subscriptionByLink(deps: NewsletterDeps, token: unknown): Promise<OwnedSubscription | null> {
  const sub = await findByLinkToken(deps.db, token);
  if (!sub) return null;
  // The token as presented: it matched the stored hash, whatever secret it was derived under.
  return { email: sub.email, standing: standingOf(sub, deps.clock.now()), conditions: normaliseConditions(sub.conditions), expiresAt: sub.expiresAt, linkToken: token as string };
}

export interface SignedInView {
  /** The account's email: pre-filled in the forms. */
  email: string;
  /** The live subscription of that email, if any: its conditions are pre-filled too. */
  live: OwnedSubscription | null;
}

/** For a signed-in applicant: their account email and its live subscription. Null for anyone else. */
export async function signedInView(deps: NewsletterDeps, principal: Principal | null): Promise<SignedInView | null> {
  if (principal?.kind !== 'applicant') return null;
  const email = await applicantEmail(deps.db, principal.id);
  if (!email) return null;
  const sub = await findByEmail(deps.db, email);
  const now = deps.clock.now();
  if (!sub || !isLive(sub, now)) return { email, live: null };
  return {
    email,
    live: { email, standing: 'live', conditions: normaliseConditions(sub.conditions), expiresAt: sub.expiresAt, linkToken: linkTokenOf(deps, sub.id) },
  };
}
