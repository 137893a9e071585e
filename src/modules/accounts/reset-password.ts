// 重設密碼 (ACC-5): the link of 密碼重設確認信 opens a form for 新密碼 and 確認新密碼. The new password follows
// the ACC-1 rule (checked by the form) and may not be any of the last 3 passwords. A reset uses the link up,
// unlocks a locked account, activates a pending one (the link proves the mailbox), voids every other open link
// of the account (a pending 變更帳號 included), ends all its sessions and mails a notice.
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { applicantSubject, type AccountDeps } from './account.deps.ts';
import { passwordChangedMail } from './account.mails.ts';
import { findById, lockById, updateAccount } from './account.repo.ts';
import { historyAfterChange } from './account.rules.ts';
import type { TokenPurpose } from '../../platform/auth/tokens.ts';
import { isRecentPassword } from './password-checks.ts';
import { markTokenUsed, peekToken, voidTokens } from '../../platform/auth/tokens.ts';

const PURPOSES: TokenPurpose[] = ['account.reset'];

export type ResetLinkState = 'ok' | 'expired' | 'used' | 'voided' | 'invalid';
export type ResetResult = { kind: 'reset' } | { kind: 'reused' } | { kind: Exclude<ResetLinkState, 'ok'> };

function linkState(state: string): ResetLinkState {
  return state === 'ok' || state === 'expired' || state === 'used' || state === 'voided' ? state : 'invalid';
}

/** What the link is worth, for showing the form (reads only). */
export async function checkResetLink(deps: AccountDeps, token: unknown): Promise<ResetLinkState> {
  const found = await peekToken(deps.db, PURPOSES, token, deps.clock.now());
  if (found.state !== 'ok') return linkState(found.state);
  const account = await findById(deps.db, found.row.subjectId);
  return account && account.status !== 'voided' ? 'ok' : 'invalid';
}

export async function resetPassword(deps: AccountDeps, input: { token: unknown; password: string; ip?: string | null }): Promise<ResetResult> {
  const newHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ResetResult> => {
    const found = await peekToken(tx, PURPOSES, input.token, now, { forUpdate: true });
    if (found.state !== 'ok') return { kind: linkState(found.state) as Exclude<ResetLinkState, 'ok'> };
    const account = await lockById(tx, found.row.subjectId);
    if (!account || account.status === 'voided') return { kind: 'invalid' };
    if (await isRecentPassword(account, input.password)) return { kind: 'reused' };
    await updateAccount(
      tx,
      account.id,
      {
        passwordHash: newHash,
        passwordHistory: historyAfterChange(account.passwordHash, account.passwordHistory),
        failedLoginCount: 0,
        status: 'active',
        activatedAt: account.activatedAt ?? now,
      },
      now,
    );
    await markTokenUsed(tx, found.row.id, now);
    await voidTokens(tx, applicantSubject(account.id), ['account.reset', 'account.activate', 'account.change_email'], now);
    await deps.sessions.destroyAllFor(tx, { kind: 'applicant', id: account.id });
    await enqueueMail(tx, passwordChangedMail(deps.mail, { to: account.email, at: now, how: 'reset' }));
    await recordAudit(tx, { kind: 'applicant', id: account.id, ip: input.ip ?? null }, 'account.password_reset', { kind: 'applicant_account', id: account.id }, {
      unlocked: account.status === 'locked',
      activated: account.status === 'pending_activation',
    });
    return { kind: 'reset' };
  });
}
