// 忘記密碼 (ACC-5): mails 密碼重設確認信 with a link valid RESET_DAYS days; a newer link voids older ones. Any
// live account may ask (a locked one to unlock, a pending one to activate). An unknown address gets nothing,
// and the answer is the same in text and time (SYS-4).
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { resetMail } from './account.mails.ts';
import { findLiveByEmail } from './account.repo.ts';
import { resetExpiry } from './account.rules.ts';
import { issueToken } from '../../platform/auth/tokens.ts';

export async function requestPasswordReset(deps: AccountDeps, input: { email: string; ip?: string | null }): Promise<void> {
  await withAnswerFloor(deps.answerFloorMs, async () => {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      const account = await findLiveByEmail(tx, input.email);
      if (!account) return;
      const expiresAt = resetExpiry(now);
      const token = await issueToken(tx, { purpose: 'account.reset', subject: applicantSubject(account.id), expiresAt, now });
      await enqueueMail(tx, resetMail(deps.mail, { to: account.email, token, expiresAt }));
      await recordAudit(tx, { kind: 'visitor', ip: input.ip ?? null }, 'account.password_reset.request', { kind: 'applicant_account', id: account.id }, {});
    });
  });
}
