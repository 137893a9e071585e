// 變更密碼 (ACC-6): 目前密碼, 新密碼, 確認新密碼, with the rules of ACC-5 (the ACC-1 rule, checked by the form, and
// not any of the last 3 passwords). A wrong 目前密碼 counts towards the lockout like a wrong sign-in. A change ends
// every session of the account (the caller starts a fresh one for this browser) and mails a notice.
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import type { AccountDeps } from './account.deps.ts';
import { passwordChangedMail } from './account.mails.ts';
import { findById, lockById, updateAccount } from './account.repo.ts';
import { historyAfterChange } from './account.rules.ts';
import { countWrongCurrentPassword, isRecentPassword } from './password-checks.ts';

export type ChangePasswordResult = { kind: 'changed' } | { kind: 'wrong-current' } | { kind: 'locked' } | { kind: 'reused' } | { kind: 'gone' };

export async function changePassword(
  deps: AccountDeps,
  input: { accountId: string; currentPassword: string; password: string; ip?: string | null },
): Promise<ChangePasswordResult> {
  const ip = input.ip ?? null;
  const before = await findById(deps.db, input.accountId);
  if (!before || before.status !== 'active') return { kind: 'gone' };
  const currentOk = await verifyPassword(before.passwordHash, input.currentPassword);
  const reused = currentOk && (await isRecentPassword(before, input.password));
  const newHash = currentOk && !reused ? await hashPassword(input.password) : null;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ChangePasswordResult> => {
    const account = await lockById(tx, input.accountId);
    if (!account || account.status !== 'active') return { kind: 'gone' };
    if (account.passwordHash !== before.passwordHash) return { kind: 'wrong-current' }; // changed meanwhile: ask again
    if (!currentOk) {
      const { lockedNow } = await countWrongCurrentPassword(tx, deps, account, 'account.password_change.failure', ip);
      return { kind: lockedNow ? 'locked' : 'wrong-current' };
    }
    if (reused || !newHash) return { kind: 'reused' };
    await updateAccount(
      tx,
      account.id,
      { passwordHash: newHash, passwordHistory: historyAfterChange(account.passwordHash, account.passwordHistory), failedLoginCount: 0 },
      now,
    );
    await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
    await enqueueMail(tx, passwordChangedMail(deps.mail, { to: account.email, at: now, how: 'change' }));
    await recordAudit(tx, { kind: 'applicant', id: account.id, ip }, 'account.password_change', { kind: 'applicant_account', id: account.id }, {});
    return { kind: 'changed' };
  });
}
