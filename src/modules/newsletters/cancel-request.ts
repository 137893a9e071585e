// 電子報取消 by email (PUB-5): someone enters an address; if it has a live subscription, a mail with the
// cancel link goes to it. The answer is the same whether the address is subscribed or not (SYS-4), and a
// non-subscriber is sent nothing (the form cannot be used to mail strangers).
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { linkTokenOf, mailContext, type NewsletterDeps } from './newsletter.deps.ts';
import { cancelLinkMail } from './newsletter.mails.ts';
import { findByEmail, recentRequestMails, SUBJECT_KIND, updateSubscription } from './newsletter.repo.ts';
import { MAILS_PER_ADDRESS_PER_HOUR, isLive, sha256 } from './newsletter.rules.ts';

export type CancelRequestResult = { kind: 'mailed' } | { kind: 'not-subscribed' } | { kind: 'throttled' };

export async function requestCancelLink(deps: NewsletterDeps, input: { email: string; ip?: string | null }): Promise<CancelRequestResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<CancelRequestResult> => {
    const sub = await findByEmail(tx, input.email, true);
    if (!sub || !isLive(sub, now)) return { kind: 'not-subscribed' };
    const actor = { kind: 'visitor' as const, ip: input.ip ?? null };
    const subject = { kind: SUBJECT_KIND, id: sub.id };
    if ((await recentRequestMails(tx, sub.id)) >= MAILS_PER_ADDRESS_PER_HOUR) {
      await recordAudit(tx, actor, 'newsletter.cancel_throttled', subject);
      return { kind: 'throttled' };
    }
    const linkToken = linkTokenOf(deps, sub.id);
    await updateSubscription(tx, sub.id, { unsubscribeTokenHash: sha256(linkToken) }, now);
    await enqueueMail(tx, cancelLinkMail(mailContext(deps), { to: sub.email, linkToken }));
    await recordAudit(tx, actor, 'newsletter.cancel_mailed', subject);
    return { kind: 'mailed' };
  });
}
