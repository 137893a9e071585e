// 啟用 (ACC-2): the link of 帳號啟用確認信 activates the account, once, within ACTIVATION_HOURS (config). The same page
// takes the link mailed to a NEW address by 變更帳號 (ACC-7): following it puts the new email and the new
// password in force and ends every session of the account. A link that is unknown, tampered, of another
// purpose, used, voided by a newer one or expired changes nothing and gets its own clear page.
import { recordAudit } from '../../platform/audit/audit.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { emailTakenByOther, isUniqueViolation, lockById, updateAccount } from './account.repo.ts';
import { historyAfterChange, parseEmailChangePayload } from './account.rules.ts';
import type { TokenPurpose } from '../../platform/auth/tokens.ts';
import { markTokenUsed, peekToken, voidTokens } from '../../platform/auth/tokens.ts';

export type ActivationResult =
  | { kind: 'activated' }
  | { kind: 'email-changed'; email: string }
  | { kind: 'email-taken' }
  | { kind: 'expired'; purpose: TokenPurpose }
  | { kind: 'used' }
  | { kind: 'voided' }
  | { kind: 'invalid' };

const PURPOSES: TokenPurpose[] = ['account.activate', 'account.change_email'];

export async function activateAccount(deps: AccountDeps, input: { token: unknown; ip?: string | null }): Promise<ActivationResult> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx): Promise<ActivationResult> => {
      const found = await peekToken(tx, PURPOSES, input.token, now, { forUpdate: true });
      if (found.state === 'expired') return { kind: 'expired', purpose: found.row!.purpose };
      if (found.state === 'used' || found.state === 'voided') return { kind: found.state };
      if (found.state !== 'ok') return { kind: 'invalid' };
      const token = found.row;
      const account = await lockById(tx, token.subjectId);
      if (!account || account.status === 'voided') return { kind: 'invalid' };
      const actor = { kind: 'applicant' as const, id: account.id, ip: input.ip ?? null };
      const subject = { kind: 'applicant_account', id: account.id };

      if (token.purpose === 'account.activate') {
        await markTokenUsed(tx, token.id, now);
        if (account.status === 'pending_activation') await updateAccount(tx, account.id, { status: 'active', activatedAt: account.activatedAt ?? now }, now);
        else if (!account.activatedAt) await updateAccount(tx, account.id, { activatedAt: now }, now);
        await recordAudit(tx, actor, 'account.activate', subject, {});
        return { kind: 'activated' };
      }

      const change = parseEmailChangePayload(token.payload);
      if (!change) return { kind: 'invalid' };
      if (await emailTakenByOther(tx, change.newEmail, account.id)) return { kind: 'email-taken' };
      await updateAccount(
        tx,
        account.id,
        {
          email: change.newEmail,
          passwordHash: change.passwordHash,
          passwordHistory: historyAfterChange(account.passwordHash, account.passwordHistory),
          failedLoginCount: 0,
          status: 'active',
          activatedAt: account.activatedAt ?? now,
        },
        now,
      );
      await markTokenUsed(tx, token.id, now);
      // Links mailed to the old address (reset, activation) must not open the account any more.
      await voidTokens(tx, applicantSubject(account.id), ['account.activate', 'account.reset', 'account.change_email'], now);
      await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
      await recordAudit(tx, actor, 'account.email_change', subject, { from: account.email, to: change.newEmail });
      return { kind: 'email-changed', email: change.newEmail };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'email-taken' }; // taken by a registration in the same instant
    throw err;
  }
}
