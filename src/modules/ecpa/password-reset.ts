// 忘記密碼 (ECPA-1): 帳號 (自訂帳號 or 身分證統一編號) → 密碼重設確認信 to the account's e-mail with a link valid
// RESET_DAYS days, single use; a newer link voids the older ones. The answer is the same, in text and time,
// whether or not the account exists or has an e-mail address (SYS-4). The link's page sets a new password (the
// rule of src/platform/tw/password-rule.ts, checked by the form), lifts a lockout, ends every session of the
// account and mails a notice.
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { clearThrottles } from '../../platform/auth/lockout.ts';
import { issueToken, markTokenUsed, peekToken, voidTokens, type TokenLookup } from '../../platform/auth/tokens.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import type { EcpaDeps } from './ecpa.deps.ts';
import { staffPasswordChangedMail, staffResetMail } from './ecpa.mails.ts';
import { parseTypedAccount, resetExpiry, type LinkState } from './ecpa.rules.ts';
import { findStaffByTyped, throttleKeysOf, typedForAudit } from './sign-in.ts';
import { findStaffById, lockStaff, updateStaff, type StaffRow } from './staff.repo.ts';
import type { Tx } from '../../platform/db/client.ts';

const PURPOSES = ['staff.reset'] as const;

/** The subject of a staff user's mailed links (platform verification_tokens). */
export function staffSubject(id: string): { kind: 'staff_user'; id: string } {
  return { kind: 'staff_user', id };
}

/** The page's view of a token lookup: a token that is not a staff reset link is simply invalid. */
function linkState(found: TokenLookup): LinkState {
  return found.state === 'missing' || found.state === 'wrong-purpose' ? 'invalid' : found.state;
}

/**
 * Issues a reset link (voiding the older ones) and queues the 密碼重設確認信,
 * in the caller's transaction: 忘記密碼 here, and the back office's 寄送重設密碼信 (ADM-2).
 */
export async function mailStaffResetLink(tx: Tx, deps: Pick<EcpaDeps, 'config'>, staff: Pick<StaffRow, 'id' | 'name' | 'account'> & { email: string }, now: Date): Promise<void> {
  const expiresAt = resetExpiry(now);
  const token = await issueToken(tx, { purpose: 'staff.reset', subject: staffSubject(staff.id), expiresAt, now });
  await enqueueMail(tx, staffResetMail(deps.config.baseUrl, { to: staff.email, name: staff.name, account: staff.account, token, expiresAt }));
}

/** Returns nothing on purpose: the page says the same thing in every case. */
export async function requestStaffPasswordReset(deps: EcpaDeps, input: { account: string; ip?: string | null }): Promise<void> {
  await withAnswerFloor(deps.answerFloorMs, async () => {
    const typed = parseTypedAccount(input.account);
    const staff = typed ? await findStaffByTyped(deps, typed) : null;
    const now = deps.clock.now();
    const visitor = { kind: 'visitor' as const, ip: input.ip ?? null };
    await deps.db.transaction(async (tx) => {
      if (!staff || !staff.email) {
        await recordAudit(tx, visitor, 'ecpa.password_reset.request', staff ? { kind: 'staff_user', id: staff.id } : null, {
          sent: false,
          reason: staff ? 'no-email' : 'unknown-account',
          ...typedForAudit(deps.config, typed, input.account, !!staff),
        });
        return;
      }
      await mailStaffResetLink(tx, deps, { ...staff, email: staff.email }, now);
      await recordAudit(tx, visitor, 'ecpa.password_reset.request', { kind: 'staff_user', id: staff.id }, { sent: true });
    });
  });
}

/** What the link is worth, for showing the form (reads only). */
export async function checkStaffResetLink(deps: EcpaDeps, token: unknown): Promise<LinkState> {
  const found = await peekToken(deps.db, PURPOSES, token, deps.clock.now());
  if (found.state !== 'ok') return linkState(found);
  return (await findStaffById(deps.db, found.row.subjectId)) ? 'ok' : 'invalid';
}

export type ResetResult = { kind: 'reset'; account: string } | { kind: 'same-password' } | { kind: Exclude<LinkState, 'ok'> };

export async function resetStaffPassword(deps: EcpaDeps, input: { token: unknown; password: string; ip?: string | null }): Promise<ResetResult> {
  const newHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ResetResult> => {
    const found = await peekToken(tx, PURPOSES, input.token, now, { forUpdate: true });
    if (found.state !== 'ok') return { kind: linkState(found) as Exclude<LinkState, 'ok'> };
    const staff = await lockStaff(tx, found.row.subjectId);
    if (!staff) return { kind: 'invalid' };
    if (staff.passwordHash && (await verifyPassword(staff.passwordHash, input.password))) return { kind: 'same-password' };
    await updateStaff(tx, staff.id, { passwordHash: newHash, failedLoginCount: 0 }, now);
    await markTokenUsed(tx, found.row.id, now);
    await voidTokens(tx, staffSubject(staff.id), PURPOSES, now);
    await clearThrottles(tx, 'ecpa', throttleKeysOf(deps, staff));
    await deps.sessions.destroyAllFor(tx, { kind: 'staff', id: staff.id });
    if (staff.email) await enqueueMail(tx, staffPasswordChangedMail(deps.config.baseUrl, { to: staff.email, name: staff.name, account: staff.account, at: now }));
    await recordAudit(tx, { kind: 'staff', id: staff.id, ip: input.ip ?? null }, 'ecpa.password_reset', { kind: 'staff_user', id: staff.id }, {});
    return { kind: 'reset', account: staff.account };
  });
}
