// Use cases of the back office's review (ADM-1): 審核通過, 審核不通過 (with a reason, mailed), 下架 (with a reason,
// mailed). Each in one transaction with its audit row and its mail (SYS-1, SYS-2); the vacancy row is locked
// first, so two reviewers cannot both decide it.
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { findAnyVacancy, writeVerdict } from './review.repo.ts';
import { rejectedMail, takenDownMail } from './review.mails.ts';
import { reviewRefusal, verdictMailTo, type ReviewAction, type ReviewRefusal } from './review.rules.ts';

export interface ReviewDeps {
  db: Db;
  clock: Clock;
  baseUrl: string;
}

export type ReviewResult = { ok: true; workId: string; mailed: boolean } | { ok: false; refusal: ReviewRefusal | 'not-found' };

const AUDIT_ACTION: Record<ReviewAction, string> = { approve: 'vacancy.review.approve', reject: 'vacancy.review.reject', 'take-down': 'vacancy.take_down' };

/** One verdict on one vacancy (any agency's): `reason` is required for reject and take-down (checked by the form). */
export async function reviewVacancy(deps: ReviewDeps, input: { actor: Actor; vacancyId: string; action: ReviewAction; reason?: string }): Promise<ReviewResult> {
  return deps.db.transaction(async (tx) => {
    const v = await findAnyVacancy(tx, input.vacancyId, true);
    if (!v) return { ok: false as const, refusal: 'not-found' as const };
    const refusal = reviewRefusal(input.action, v);
    if (refusal) return { ok: false as const, refusal };
    const now = deps.clock.now();
    const reason = input.reason ?? '';
    if (input.action === 'approve') await writeVerdict(tx, v.id, { reviewStatus: 'approved', reviewReason: null }, now);
    else if (input.action === 'reject') await writeVerdict(tx, v.id, { reviewStatus: 'rejected', reviewReason: reason }, now);
    else await writeVerdict(tx, v.id, { takenDownAt: now, takenDownReason: reason }, now);

    const to = input.action === 'approve' ? null : verdictMailTo(v);
    if (to) {
      const m = { to, workId: v.workId, title: v.title, orgName: v.orgName, reason };
      await enqueueMail(tx, input.action === 'reject' ? rejectedMail(deps.baseUrl, m) : takenDownMail(deps.baseUrl, m));
    }
    await recordAudit(tx, input.actor, AUDIT_ACTION[input.action], { kind: 'vacancy', id: v.id }, {
      workId: v.workId,
      agency: v.orgId,
      before: v.reviewStatus,
      ...(input.action === 'approve' ? { flaggedReason: v.reviewReason } : { reason }),
      mailed: to !== null,
    });
    return { ok: true as const, workId: v.workId, mailed: to !== null };
  });
}
