// Checks shared by 重設密碼, 變更密碼 and 變更帳號 (ACC-5, ACC-6, ACC-7).
import { recordAudit } from '../../platform/audit/audit.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { AccountDeps } from './account.deps.ts';
import { updateAccount, type AccountRow } from './account.repo.ts';
import { afterFailedPassword, LOCK_AFTER_FAILURES, recentPasswordHashes } from './account.rules.ts';

/** Is `password` one of the account's last PASSWORD_HISTORY_SIZE passwords (the current one included)? */
export async function isRecentPassword(account: Pick<AccountRow, 'passwordHash' | 'passwordHistory'>, password: string): Promise<boolean> {
  for (const hash of recentPasswordHashes(account.passwordHash, account.passwordHistory)) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}

/**
 * A wrong 目前密碼 while signed in counts like a wrong password at sign-in: the third in a row locks the
 * account and ends its sessions (someone holding an open session cannot guess the password either).
 */
export async function countWrongCurrentPassword(tx: Queryable, deps: AccountDeps, account: AccountRow, action: string, ip: string | null): Promise<{ lockedNow: boolean }> {
  const now = deps.clock.now();
  const next = afterFailedPassword(account);
  await updateAccount(tx, account.id, { failedLoginCount: next.failedLoginCount, status: next.status }, now);
  const subject = { kind: 'applicant_account', id: account.id };
  await recordAudit(tx, { kind: 'applicant', id: account.id, ip }, action, subject, { reason: 'wrong-current-password', failedLoginCount: next.failedLoginCount });
  if (next.lockedNow) {
    await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
    await recordAudit(tx, { kind: 'system' }, 'account.lock', subject, { after: LOCK_AFTER_FAILURES, ip });
  }
  return { lockedNow: next.lockedNow };
}
