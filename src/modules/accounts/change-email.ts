// 變更帳號 (ACC-7): the signed-in applicant enters 目前密碼 (re-authentication), the new email (新帳號) and a new
// password (ACC-5 rules). Nothing changes yet: the NEW address gets 帳號啟用確認信 with an email_change link, the
// OLD address gets 帳號變更通知, and every session of the account ends. Until the link is followed the old email
// and old password still sign in; once it is followed (activate.ts) the new email and new password are in force.
// If the new address already belongs to another account, that address is told so by mail and the screen answers
// exactly as usual (SYS-4, no enumeration).
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { emailChangeActivationMail, emailChangeNoticeMail, emailChangeTakenMail } from './account.mails.ts';
import { emailTakenByOther, findById, lockById } from './account.repo.ts';
import { activationExpiry, type EmailChangePayload } from './account.rules.ts';
import { countWrongCurrentPassword, isRecentPassword } from './password-checks.ts';
import { issueToken, voidTokens } from '../../platform/auth/tokens.ts';

export type ChangeEmailResult =
  | { kind: 'requested'; newEmail: string }
  | { kind: 'same-email' }
  | { kind: 'wrong-current' }
  | { kind: 'locked' }
  | { kind: 'reused' }
  | { kind: 'gone' };

export async function requestEmailChange(
  deps: AccountDeps,
  input: { accountId: string; currentPassword: string; newEmail: string; password: string; ip?: string | null },
): Promise<ChangeEmailResult> {
  const ip = input.ip ?? null;
  const before = await findById(deps.db, input.accountId);
  if (!before || before.status !== 'active') return { kind: 'gone' };
  if (before.email === input.newEmail) return { kind: 'same-email' };
  const currentOk = await verifyPassword(before.passwordHash, input.currentPassword);
  const reused = currentOk && (await isRecentPassword(before, input.password));
  const newHash = currentOk && !reused ? await hashPassword(input.password) : null;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ChangeEmailResult> => {
    const account = await lockById(tx, input.accountId);
    if (!account || account.status !== 'active') return { kind: 'gone' };
    if (account.passwordHash !== before.passwordHash || account.email !== before.email) return { kind: 'wrong-current' };
    if (!currentOk) {
      const { lockedNow } = await countWrongCurrentPassword(tx, deps, account, 'account.email_change.failure', ip);
      return { kind: lockedNow ? 'locked' : 'wrong-current' };
    }
    if (reused || !newHash) return { kind: 'reused' };
    const taken = await emailTakenByOther(tx, input.newEmail, account.id);
    if (taken) {
      await voidTokens(tx, applicantSubject(account.id), ['account.change_email'], now);
      await enqueueMail(tx, emailChangeTakenMail(deps.mail, { to: input.newEmail }));
    } else {
      const expiresAt = activationExpiry(now, deps.activationHours);
      const payload: EmailChangePayload = { newEmail: input.newEmail, passwordHash: newHash };
      const token = await issueToken(tx, { purpose: 'account.change_email', subject: applicantSubject(account.id), expiresAt, now, payload: { ...payload } });
      await enqueueMail(tx, emailChangeActivationMail(deps.mail, { to: input.newEmail, oldEmail: account.email, token, expiresAt, hours: deps.activationHours }));
    }
    await enqueueMail(tx, emailChangeNoticeMail(deps.mail, { to: account.email, newEmail: input.newEmail, at: now }));
    await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
    await recordAudit(tx, { kind: 'applicant', id: account.id, ip }, 'account.email_change.request', { kind: 'applicant_account', id: account.id }, {
      to: input.newEmail,
      taken,
    });
    return { kind: 'requested', newEmail: input.newEmail };
  });
}
