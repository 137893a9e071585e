// 取消訂閱 (PUB-5) by the link every newsletter mail carries (and the List-Unsubscribe header): the link token alone
// authorises it, so the RFC 8058 one-click POST of a mail provider works without a session or CSRF token. Repeating
// it is harmless: an unsubscribed address stays unsubscribed.
import { recordAudit } from '../../platform/audit/audit.ts';
import type { NewsletterDeps } from './newsletter.deps.ts';
import { findByLinkToken, SUBJECT_KIND, updateSubscription, voidConfirmTokens } from './newsletter.repo.ts';

export type UnsubscribeResult = { kind: 'unsubscribed'; email: string; already: boolean } | { kind: 'invalid' };

export async function unsubscribeByLink(deps: NewsletterDeps, input: { token: unknown; oneClick: boolean; ip?: string | null }): Promise<UnsubscribeResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<UnsubscribeResult> => {
    const sub = await findByLinkToken(tx, input.token, true);
    if (!sub) return { kind: 'invalid' };
    if (sub.status === 'cancelled') return { kind: 'unsubscribed', email: sub.email, already: true };
    await updateSubscription(tx, sub.id, { status: 'cancelled', cancelledAt: now, pendingConditions: null }, now);
    // A confirmation link still in the mailbox must not quietly bring the subscription back.
    await voidConfirmTokens(tx, sub.id, now);
    await recordAudit(tx, { kind: 'visitor', ip: input.ip ?? null }, 'newsletter.unsubscribe', { kind: SUBJECT_KIND, id: sub.id }, { oneClick: input.oneClick });
    return { kind: 'unsubscribed', email: sub.email, already: false };
  });
}
