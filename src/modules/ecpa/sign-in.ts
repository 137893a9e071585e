// 帳號登入 (ECPA-1) and the password check it shares with the RES-4 identity verification.
//
// SYS-4: the captcha is checked by the caller first. An unknown account and a wrong password get the same answer
// in the same time (a dummy hash is verified; every answer waits for ANSWER_FLOOR_MS). Failures are counted per
// account name as typed, known or not: LOCK_AFTER_FAILURES in a row lock that name for LOCK_MINUTES, and while
// locked every attempt — right password or not, existing account or not — gets the same 'locked' answer, so the
// lock neither leaks passwords nor which accounts exist. Only a right password reveals more: 卸職 (ECPA-3).
// Every outcome is audited (SYS-2) in the transaction that counts it.
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { dummyHash, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Tx } from '../../platform/db/client.ts';
import { maskIdNumber } from '../../platform/tw/id-number.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import { keyedHash } from '../../platform/crypto/keys.ts';
import { withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { afterFailure, clearThrottles, isLocked, lockThrottle, saveThrottle } from '../../platform/auth/lockout.ts';
import type { EcpaActor, EcpaDeps } from './ecpa.deps.ts';
import { ECPA_LOCKOUT, LOCK_AFTER_FAILURES, LOCK_MINUTES, parseTypedAccount, type TypedAccount } from './ecpa.rules.ts';
import { findStaffByAccount, findStaffByNationalIdHash, setStaffNationalIdHash, updateStaff, type StaffRow } from './staff.repo.ts';

export type PasswordCheck = { kind: 'ok'; staff: StaffRow } | { kind: 'invalid' } | { kind: 'locked'; until: Date };

export type SignInResult = PasswordCheck | { kind: 'left-service' } | { kind: 'disabled' };

/**
 * A keyed hash of an account name as typed (HMAC under a key derived from DATA_KEY): what the lockout table and the audit keep of
 * names that match no account — which may be a password typed into the wrong field, so never stored in clear or
 * under a plain, guessable hash.
 */
export function accountNameHash(config: Pick<EcpaDeps['config'], 'dataKey'>, name: string): string {
  return keyedHash(config.dataKey, 'ecpa-account-name/v1', name);
}

/** The throttle keys of what was typed: the account name, or the national-ID hash. */
export function throttleKey(deps: Pick<EcpaDeps, 'config'>, typed: TypedAccount): string {
  return typed.kind === 'account' ? `acct:${accountNameHash(deps.config, typed.account)}` : `nid:${idHasher(deps.config).hash(typed.nationalId)}`;
}

/** Every key under which a staff user's failures may be counted (cleared by a right password or a reset). */
export function throttleKeysOf(deps: Pick<EcpaDeps, 'config'>, staff: Pick<StaffRow, 'account' | 'nationalIdHash'>): string[] {
  const keys = [`acct:${accountNameHash(deps.config, staff.account.toLowerCase())}`];
  if (staff.nationalIdHash) keys.push(`nid:${staff.nationalIdHash}`);
  return keys;
}

export async function findStaffByTyped(deps: Pick<EcpaDeps, 'db'> & { config: Omit<EcpaDeps['config'], 'cards'> }, typed: TypedAccount): Promise<StaffRow | null> {
  if (typed.kind === 'national-id') {
    // A row still under the previous data key or a legacy hash is found too, and re-hashed at once.
    const ids = idHasher(deps.config);
    const staff = await findStaffByNationalIdHash(deps.db, ids.candidates(typed.nationalId));
    if (staff?.nationalIdHash && !ids.isCurrent(staff.nationalIdHash, typed.nationalId)) {
      const nationalIdHash = ids.hash(typed.nationalId);
      await setStaffNationalIdHash(deps.db, staff.id, nationalIdHash);
      return { ...staff, nationalIdHash };
    }
    return staff;
  }
  return findStaffByAccount(deps.db, typed.account);
}

/**
 * What the audit row keeps of the typed account (SYS-2, SYS-3): a known account is the row's subject already; an
 * unknown name is kept only as a short hash (people type passwords into the account field by mistake), enough to
 * see repeated attempts on one name; a national ID only masked.
 */
export function typedForAudit(config: Pick<EcpaDeps['config'], 'dataKey'>, typed: TypedAccount | null, raw: string, known: boolean): Record<string, string> {
  if (typed?.kind === 'national-id') return { account: maskIdNumber(typed.nationalId) };
  const name = typed?.account ?? raw;
  return known ? { account: name.slice(0, 64) } : { accountHash: accountNameHash(config, name).slice(0, 16) };
}

interface CheckInput {
  account: string;
  password: string;
  actor: EcpaActor;
  /** 'ecpa.login' or 'ecpa.hrdb_verify': the prefix of the audit actions. */
  action: 'ecpa.login' | 'ecpa.hrdb_verify';
  /** Runs inside the transaction once the password is right, for the caller's own decision and audit row. */
  onRight?: (tx: Tx, staff: StaffRow) => Promise<SignInResult>;
}

async function checkPassword(deps: EcpaDeps, input: CheckInput): Promise<SignInResult> {
  return withAnswerFloor(deps.answerFloorMs, async () => {
    const typed = parseTypedAccount(input.account);
    const found = typed ? await findStaffByTyped(deps, typed) : null;
    const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyHash()), input.password);
    const now = deps.clock.now();
    const key = typed ? throttleKey(deps, typed) : `acct:${accountNameHash(deps.config, input.account)}`;
    const actor: Actor = { ...input.actor, ip: input.actor.ip ?? null };
    const subject = found ? { kind: 'staff_user', id: found.id } : null;
    return deps.db.transaction(async (tx): Promise<SignInResult> => {
      const state = await lockThrottle(tx, 'ecpa', key, now);
      if (isLocked(state, now)) {
        await recordAudit(tx, actor, `${input.action}.refused`, subject, { reason: 'locked', ...typedForAudit(deps.config, typed, input.account, !!found) });
        return { kind: 'locked', until: state.lockedUntil! };
      }
      if (!found || !found.passwordHash || !passwordOk) {
        const next = afterFailure(ECPA_LOCKOUT, state, now);
        await saveThrottle(tx, 'ecpa', key, next, now);
        if (found) await updateStaff(tx, found.id, { failedLoginCount: found.failedLoginCount + 1 }, now);
        await recordAudit(tx, actor, `${input.action}.failure`, subject, {
          reason: found ? 'wrong-password' : 'unknown-account',
          ...typedForAudit(deps.config, typed, input.account, !!found),
        });
        if (!next.lockedNow) return { kind: 'invalid' };
        await recordAudit(tx, { kind: 'system' }, 'ecpa.lock', subject, { after: LOCK_AFTER_FAILURES, minutes: LOCK_MINUTES, until: next.lockedUntil!.toISOString(), ip: actor.ip });
        return { kind: 'locked', until: next.lockedUntil! };
      }
      await clearThrottles(tx, 'ecpa', [key, ...throttleKeysOf(deps, found)]);
      if (found.failedLoginCount !== 0) await updateStaff(tx, found.id, { failedLoginCount: 0 }, now);
      return input.onRight ? input.onRight(tx, found) : { kind: 'ok', staff: found };
    });
  });
}

/** ECPA-1 帳號登入. The caller starts the session (signIn rotates it) on 'ok'. */
export async function signInWithAccount(deps: EcpaDeps, input: { account: string; password: string; ip?: string | null }): Promise<SignInResult> {
  const ip = input.ip ?? null;
  return checkPassword(deps, {
    account: input.account,
    password: input.password,
    actor: { kind: 'visitor', ip },
    action: 'ecpa.login',
    onRight: async (tx, staff) => {
      const subject = { kind: 'staff_user', id: staff.id };
      if (staff.status !== 'active') {
        const reason = staff.status === 'disabled' ? 'disabled' : 'left-service';
        await recordAudit(tx, { kind: 'visitor', ip }, 'ecpa.login.refused', subject, { reason });
        return { kind: reason };
      }
      await updateStaff(tx, staff.id, { lastSignInAt: deps.clock.now(), lastSignInMethod: '帳號' }, deps.clock.now());
      await recordAudit(tx, { kind: 'staff', id: staff.id, ip }, 'ecpa.login.success', subject, { method: '帳號' });
      return { kind: 'ok', staff };
    },
  });
}

/**
 * RES-4: checks an eCPA account's password for an identity verification, without signing anyone in. The lockout
 * is the sign-in's (same counters); a person who left service (卸職) may verify — former 聘用/約僱 employees are
 * exactly who RES-4 is for.
 */
export async function checkPasswordForVerification(deps: EcpaDeps, input: { account: string; password: string; applicantId: string; ip?: string | null }): Promise<PasswordCheck> {
  const result = await checkPassword(deps, {
    account: input.account,
    password: input.password,
    actor: { kind: 'applicant', id: input.applicantId, ip: input.ip ?? null },
    action: 'ecpa.hrdb_verify',
  });
  return result.kind === 'left-service' || result.kind === 'disabled' ? { kind: 'invalid' } : result;
}
