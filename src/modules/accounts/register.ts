// 註冊 (ACC-1): creates an inactive account and mails 帳號啟用確認信. An address that is already registered
// gets a notice instead, and the caller sees exactly the same answer either way (SYS-4, no enumeration):
// both branches hash the password, write one audit row and queue one mail, and answer after the same floor.
import { hashPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { activationMail, alreadyRegisteredMail } from './account.mails.ts';
import { findLiveByEmail, insertPending } from './account.repo.ts';
import { activationExpiry } from './account.rules.ts';
import { issueToken } from '../../platform/auth/tokens.ts';

export interface RegisterInput {
  /** Normalised (normaliseEmail) and checked by the form. */
  email: string;
  /** Checked against the password rule by the form. */
  password: string;
  /** The version of 個人資料蒐集、處理及利用告知同意書 the applicant agreed to (SYS-3). */
  consentVersion: string;
  ip?: string | null;
}

export async function register(deps: AccountDeps, input: RegisterInput): Promise<void> {
  await withAnswerFloor(deps.answerFloorMs, async () => {
    const passwordHash = await hashPassword(input.password);
    const now = deps.clock.now();
    const actor = { kind: 'visitor' as const, ip: input.ip ?? null };
    await deps.db.transaction(async (tx) => {
      const created = await insertPending(tx, { email: input.email, passwordHash, now });
      if (created) {
        const expiresAt = activationExpiry(now, deps.activationHours);
        const token = await issueToken(tx, { purpose: 'account.activate', subject: applicantSubject(created.id), expiresAt, now });
        await enqueueMail(tx, activationMail(deps.mail, { to: created.email, token, expiresAt, hours: deps.activationHours }));
        await recordAudit(tx, actor, 'account.register', { kind: 'applicant_account', id: created.id }, { consentVersion: input.consentVersion, consentAt: now.toISOString() });
        return;
      }
      const existing = await findLiveByEmail(tx, input.email);
      await enqueueMail(tx, alreadyRegisteredMail(deps.mail, { to: input.email }));
      await recordAudit(tx, actor, 'account.register.duplicate', existing ? { kind: 'applicant_account', id: existing.id } : null, {});
    });
  });
}
