// 取消應徵 (APP-5): after the confirm page, the application is marked cancelled, the applicant is mailed and the
// vacancy's 聯絡E-mail is told (never for demo or imported vacancies: their addresses are real agencies'), with
// an audit row. One transaction.
import { recordAudit } from '../../platform/audit/audit.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { enqueueMail, type OutgoingMail } from '../../platform/outbox/outbox.ts';
import type { ApplicationDeps } from './application.deps.ts';
import { cancelledToAgencyMail, cancelledToApplicantMail } from './application.mails.ts';
import { applicationSubject } from './application.policy.ts';
import { forOwner, markCancelled, ownerOf } from './application.repo.ts';
import { cancelRefusal, type CancelRefusal } from './application.rules.ts';

export type CancelResult = { ok: true; workId: string; title: string } | { ok: false; refusal: CancelRefusal };

/** Vacancies whose 聯絡E-mail must never be written to from here. */
const NO_AGENCY_MAIL = new Set(['demo', 'opendata_import']);

export async function cancelApplication(deps: Pick<ApplicationDeps, 'db' | 'clock' | 'baseUrl' | 'kickMail'>, input: { principal: Principal | null; applicationId: string; ip?: string | null }): Promise<CancelResult> {
  const owner = ownerOf(input.principal) ?? { kind: 'applicant' as const, id: '' };
  const result = await deps.db.transaction(async (tx): Promise<CancelResult> => {
    const app = await forOwner.application(tx, owner, input.applicationId, { forUpdate: true });
    authorizeOr404(input.principal, 'cancel', app ? applicationSubject(app) : null);
    const v = app!.vacancy;
    const refusal = cancelRefusal(app!, v, deps.clock.today());
    if (refusal) return { ok: false, refusal };
    const now = deps.clock.now();
    await markCancelled(tx, app!.id, now);
    const snap = app!.resumeSnapshot.data.basic;
    const job = { workId: v.workId, title: v.title, orgName: v.orgName };
    // A civil servant applied in DK (ECPA-5): the mails speak of DK and link to its 我的應徵.
    const door = app!.staffUserId ? ('dk' as const) : ('platform' as const);
    const mails: OutgoingMail[] = [];
    if (snap.email) mails.push(cancelledToApplicantMail({ to: snap.email, name: snap.chineseName, job, at: now, baseUrl: deps.baseUrl, door }));
    if (v.vitaeEmail && !NO_AGENCY_MAIL.has(v.source)) mails.push(cancelledToAgencyMail({ to: v.vitaeEmail, applicantName: snap.chineseName, job, at: now, baseUrl: deps.baseUrl, door }));
    await enqueueMail(tx, ...mails);
    await recordAudit(tx, { kind: owner.kind, id: owner.id, ip: input.ip ?? null }, 'application.cancel', { kind: 'application', id: app!.id }, {
      workId: v.workId,
      agencyMailed: mails.length === 2,
    });
    return { ok: true, workId: v.workId, title: v.title };
  });
  if (result.ok) deps.kickMail();
  return result;
}
