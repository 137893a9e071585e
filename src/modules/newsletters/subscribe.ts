// 電子報訂閱 (PUB-5), step 1: someone submits an address and conditions. Whatever the address's state (new,
// pending, live, expired, cancelled) the answer is the same and the only effect anyone can see is a confirmation
// mail to that address (double opt-in; SYS-4 no enumeration). The conditions travel in the confirmation token,
// so the link applies exactly what was asked with it, and a stranger's later request cannot change what the
// owner's own link confirms. Nothing changes for a live subscription until a link is followed.
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { linkTokenOf, mailContext, monthsOf, type NewsletterDeps } from './newsletter.deps.ts';
import { confirmationMail } from './newsletter.mails.ts';
import { issueConfirmToken, lockOrCreateByEmail, recentRequestMails, SUBJECT_KIND, updateSubscription } from './newsletter.repo.ts';
import { CONFIRM_HOURS, MAILS_PER_ADDRESS_PER_HOUR, isLive, sha256, type Conditions } from './newsletter.rules.ts';

export type SubscribeResult = { kind: 'mailed' } | { kind: 'throttled' };

export async function requestSubscription(deps: NewsletterDeps, input: { email: string; conditions: Conditions; ip?: string | null }): Promise<SubscribeResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<SubscribeResult> => {
    const sub = await lockOrCreateByEmail(tx, input.email, now, deps.config.dataKey);
    const actor = { kind: 'visitor' as const, ip: input.ip ?? null };
    const subject = { kind: SUBJECT_KIND, id: sub.id };
    if ((await recentRequestMails(tx, sub.id)) >= MAILS_PER_ADDRESS_PER_HOUR) {
      await recordAudit(tx, actor, 'newsletter.subscribe_throttled', subject);
      return { kind: 'throttled' };
    }
    const change = isLive(sub, now);
    const tokenExpiresAt = new Date(now.getTime() + CONFIRM_HOURS * 3_600_000);
    const token = await issueConfirmToken(tx, { subscriptionId: sub.id, conditions: input.conditions, expiresAt: tokenExpiresAt, now });
    // The link token's hash is refreshed too (it follows the server secret).
    await updateSubscription(tx, sub.id, { pendingConditions: input.conditions, unsubscribeTokenHash: sha256(linkTokenOf(deps, sub.id)) }, now);
    await enqueueMail(tx, confirmationMail(mailContext(deps), { to: sub.email, token, conditions: input.conditions, months: monthsOf(deps), tokenExpiresAt, change }));
    await recordAudit(tx, actor, 'newsletter.confirm_mailed', subject, { change });
    return { kind: 'mailed' };
  });
}
