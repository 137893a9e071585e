// 忘記密碼 (ECPA-1): 帳號 (自訂帳號 or 身分證統一編號) → 密碼重設確認信 to the account's e-mail with a link valid
// RESET_DAYS days, single use; a newer link voids the older ones. The answer is the same, in text and time,
// whether or not the account exists or has an e-mail address (SYS-4). The link's page sets a new password (the
// rule of src/platform/tw/password-rule.ts, checked by the form), lifts a lockout, ends every session of the
// account and mails a notice.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { enqueueMail } from '../../platform/outbox/outbox.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import type { EcpaDeps } from './ecpa.deps.ts';
import { staffPasswordChangedMail, staffResetMail } from './ecpa.mails.ts';
import { isWellFormedToken, linkState, parseTypedAccount, resetExpiry, type LinkState } from './ecpa.rules.ts';
import { findStaffByTyped, throttleKeysOf, typedForAudit } from './sign-in.ts';
import { clearThrottles, findReset, findStaffById, insertReset, lockStaff, markResetUsed, sha256, updateStaff, voidResets } from './staff.repo.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url'); // 43 characters
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
      await voidResets(tx, staff.id, now);
      const token = newToken();
      const expiresAt = resetExpiry(now);
      await insertReset(tx, { staffUserId: staff.id, tokenHash: sha256(token), expiresAt, now });
      await enqueueMail(tx, staffResetMail(deps.config.baseUrl, { to: staff.email, name: staff.name, account: staff.account, token, expiresAt }));
      await recordAudit(tx, visitor, 'ecpa.password_reset.request', { kind: 'staff_user', id: staff.id }, { sent: true });
    });
  });
}

/** What the link is worth, for showing the form (reads only). */
export async function checkStaffResetLink(deps: EcpaDeps, token: unknown): Promise<LinkState> {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = await findReset(deps.db, sha256(token));
  const state = linkState(row, deps.clock.now());
  if (state !== 'ok') return state;
  return (await findStaffById(deps.db, row!.staffUserId)) ? 'ok' : 'invalid';
}

export type ResetResult = { kind: 'reset'; account: string } | { kind: 'same-password' } | { kind: Exclude<LinkState, 'ok'> };

export async function resetStaffPassword(deps: EcpaDeps, input: { token: unknown; password: string; ip?: string | null }): Promise<ResetResult> {
  if (!isWellFormedToken(input.token)) return { kind: 'invalid' };
  const tokenHash = sha256(input.token);
  const newHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<ResetResult> => {
    const row = await findReset(tx, tokenHash, true);
    const state = linkState(row, now);
    if (state !== 'ok') return { kind: state };
    const staff = await lockStaff(tx, row!.staffUserId);
    if (!staff) return { kind: 'invalid' };
    if (staff.passwordHash && (await verifyPassword(staff.passwordHash, input.password))) return { kind: 'same-password' };
    await updateStaff(tx, staff.id, { passwordHash: newHash, failedLoginCount: 0 }, now);
    await markResetUsed(tx, row!.id, now);
    await voidResets(tx, staff.id, now);
    await clearThrottles(tx, throttleKeysOf(deps, staff));
    await deps.sessions.destroyAllFor(tx, { kind: 'staff', id: staff.id });
    if (staff.email) await enqueueMail(tx, staffPasswordChangedMail(deps.config.baseUrl, { to: staff.email, name: staff.name, account: staff.account, at: now }));
    await recordAudit(tx, { kind: 'staff', id: staff.id, ip: input.ip ?? null }, 'ecpa.password_reset', { kind: 'staff_user', id: staff.id }, {});
    return { kind: 'reset', account: staff.account };
  });
}
