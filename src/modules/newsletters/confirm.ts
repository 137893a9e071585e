// 電子報訂閱 (PUB-5), step 2: the link of the confirmation mail. Opening it shows what will be confirmed (the
// owner has proven the address, so the conditions may be shown); the button on that page confirms. Confirming
// activates the subscription, or puts the link's conditions in force on a live one, and (re)starts its period.
// A link that is unknown, tampered, used, voided or expired changes nothing and gets its own clear page.
import { recordAudit } from '../../platform/audit/audit.ts';
import { linkTokenOf, monthsOf, type NewsletterDeps } from './newsletter.deps.ts';
import { markTokenUsed } from '../../platform/auth/tokens.ts';
import { findById, findConfirmToken, lockById, SUBJECT_KIND, updateSubscription, voidConfirmTokens, type ConfirmPayload, type ConfirmTokenState } from './newsletter.repo.ts';
import { expiryFor, isLive, normaliseConditions, sha256, type Conditions } from './newsletter.rules.ts';

export type LinkProblem = Exclude<ConfirmTokenState, 'ok'>;

export type ConfirmPreview = { kind: 'ok'; email: string; conditions: Conditions; change: boolean; expiresAt: Date } | { kind: LinkProblem };

/** What following the link would confirm (nothing changes). */
export async function previewConfirmation(deps: NewsletterDeps, token: unknown): Promise<ConfirmPreview> {
  const now = deps.clock.now();
  const found = await findConfirmToken(deps.db, token, now);
  if (found.state !== 'ok') return { kind: found.state };
  const sub = await findById(deps.db, found.row!.subjectId);
  if (!sub) return { kind: 'invalid' };
  const payload = found.row!.payload as unknown as ConfirmPayload;
  return { kind: 'ok', email: sub.email, conditions: normaliseConditions(payload.conditions), change: isLive(sub, now), expiresAt: expiryFor(now, monthsOf(deps)) };
}

export type ConfirmResult = { kind: 'confirmed'; linkToken: string; expiresAt: Date; change: boolean } | { kind: LinkProblem };

export async function confirmSubscription(deps: NewsletterDeps, input: { token: unknown; ip?: string | null }): Promise<ConfirmResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ConfirmResult> => {
    const found = await findConfirmToken(tx, input.token, now, true);
    if (found.state !== 'ok') return { kind: found.state };
    const token = found.row!;
    const sub = await lockById(tx, token.subjectId);
    if (!sub) return { kind: 'invalid' };
    const conditions = normaliseConditions((token.payload as unknown as ConfirmPayload).conditions);
    const change = isLive(sub, now);
    const expiresAt = expiryFor(now, monthsOf(deps));
    const linkToken = linkTokenOf(deps, sub.id);
    await markTokenUsed(tx, token.id, now);
    // Older and newer links of this subscription stop working: the owner has just decided.
    await voidConfirmTokens(tx, sub.id, now);
    await updateSubscription(
      tx,
      sub.id,
      {
        status: 'active',
        conditions,
        pendingConditions: null,
        confirmedAt: now,
        expiresAt,
        cancelledAt: null,
        // A change keeps the digest's place; a new start (new, expired, cancelled) counts from now.
        lastSentAt: change ? sub.lastSentAt : null,
        unsubscribeTokenHash: sha256(linkToken),
      },
      now,
    );
    await recordAudit(tx, { kind: 'visitor', ip: input.ip ?? null }, 'newsletter.confirm', { kind: SUBJECT_KIND, id: sub.id }, { change, expiresAt: expiresAt.toISOString() });
    return { kind: 'confirmed', linkToken, expiresAt, change };
  });
}
