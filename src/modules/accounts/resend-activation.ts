// 重寄確認信 (ACC-3): a new 帳號啟用確認信 for an account still waiting for activation (the older links are
// voided). Any other address — unknown, already active, locked — gets nothing, and the answer is the same in
// text and time (SYS-4): every branch looks the account up in one transaction and answers after the same floor.
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { activationMail } from './account.mails.ts';
import { findLiveByEmail } from './account.repo.ts';
import { activationExpiry } from './account.rules.ts';
import { issueToken } from '../../platform/auth/tokens.ts';

export async function resendActivation(deps: AccountDeps, input: { email: string; ip?: string | null }): Promise<void> {
  await withAnswerFloor(deps.answerFloorMs, async () => {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const account = await findLiveByEmail(tx, input.email);
      if (!account || account.status !== 'pending_activation') return;
      const expiresAt = activationExpiry(now, deps.activationHours);
      const token = await issueToken(tx, { purpose: 'account.activate', subject: applicantSubject(account.id), expiresAt, now });
      await enqueueMail(tx, activationMail(deps.mail, { to: account.email, token, expiresAt, hours: deps.activationHours }));
      await recordAudit(tx, { kind: 'visitor', ip: input.ip ?? null }, 'account.activation.resend', { kind: 'applicant_account', id: account.id }, {});
    });
  });
}
