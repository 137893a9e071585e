// 登入 (ACC-4): 帳號 + 密碼 (the captcha is checked before this is called). LOCK_AFTER_FAILURES wrong passwords in a
// row lock the account until a password reset; a right password resets the count. An unknown account and a wrong
// password get the same answer in the same time: an unknown account is verified against a dummy hash (SYS-4).
// Every outcome is audited (SYS-2); the caller starts the session (signIn rotates it).
import { recordAudit } from '../../platform/audit/audit.ts';
import { dummyHash, verifyPassword } from '../../platform/auth/passwords.ts';
import type { AccountDeps } from './account.deps.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { findLiveByEmail, lockById, updateAccount } from './account.repo.ts';
import { afterFailedPassword, LOCK_AFTER_FAILURES, signInRefusal, type LoginRefusal } from './account.rules.ts';

export type LoginResult = { kind: 'ok'; accountId: string } | { kind: LoginRefusal };

export async function logIn(deps: AccountDeps, input: { email: string; password: string; ip?: string | null }): Promise<LoginResult> {
  return withAnswerFloor(deps.answerFloorMs, async () => {
    const found = await findLiveByEmail(deps.db, input.email);
    const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyHash()), input.password);
    const now = deps.clock.now();
    const visitor = { kind: 'visitor' as const, ip: input.ip ?? null };
    return deps.db.transaction(async (tx): Promise<LoginResult> => {
      const account = found ? await lockById(tx, found.id) : null;
      if (!account || account.status === 'voided') {
        await recordAudit(tx, visitor, 'account.login.failure', null, { reason: 'unknown-account', email: input.email.slice(0, 254) });
        return { kind: 'invalid' };
      }
      const subject = { kind: 'applicant_account', id: account.id };
      if (account.status === 'locked') {
        await recordAudit(tx, visitor, 'account.login.refused', subject, { reason: 'locked' });
        return { kind: 'locked' };
      }
      // The password may have changed between the read and the lock (a reset at the same moment).
      const ok = account.passwordHash === found!.passwordHash ? passwordOk : await verifyPassword(account.passwordHash, input.password);
      if (!ok) {
        const next = afterFailedPassword(account);
        await updateAccount(tx, account.id, { failedLoginCount: next.failedLoginCount, status: next.status }, now);
        await recordAudit(tx, visitor, 'account.login.failure', subject, { reason: 'wrong-password', failedLoginCount: next.failedLoginCount });
        if (!next.lockedNow) return { kind: 'invalid' };
        await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
        await recordAudit(tx, { kind: 'system' }, 'account.lock', subject, { after: LOCK_AFTER_FAILURES, ip: input.ip ?? null });
        return { kind: 'locked' };
      }
      if (account.failedLoginCount !== 0) await updateAccount(tx, account.id, { failedLoginCount: 0 }, now);
      const refusal = signInRefusal(account.status);
      if (refusal) {
        await recordAudit(tx, visitor, 'account.login.refused', subject, { reason: refusal });
        return { kind: refusal };
      }
      await recordAudit(tx, { kind: 'applicant', id: account.id, ip: input.ip ?? null }, 'account.login.success', subject, { method: '帳號' });
      return { kind: 'ok', accountId: account.id };
    });
  });
}
