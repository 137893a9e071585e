// ECPA-2 / ECPA-3 憑證登入: the use cases behind POST /ecpa/login/card and its first-binding step. The component's
// answer or the page's own problem is mapped first; then the session's challenge is taken (single use); then the
// signature is verified step by step (card-verify.ts) against the trust snapshot; then the holder: a bound
// certificate signs its staff account in; an unbound one goes to the binding step (自然人憑證: 自訂帳號 or
// 身分證號 checked against the HR database and the last four of the ID in the certificate; 機關憑證: an agency_hr
// account of the certificate's agency). Every outcome is audited (SYS-2); nothing here throws for bad input.
import { and, eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { idHasher, idLast4 } from '../../../platform/crypto/id-hash.ts';
import { maskIdNumber } from '../../../platform/tw/id-number.ts';
import { findAgency, referenceAgency } from '../../reference/index.ts';
import type { EcpaDeps } from '../ecpa.deps.ts';
import { parseTypedAccount } from '../ecpa.rules.ts';
import { findStaffByTyped } from '../sign-in.ts';
import { certificateBindings, staffUsers } from '../staff.schema.ts';
import { findStaffByAccount, findStaffById, updateStaff, type StaffRow } from '../staff.repo.ts';
import { takeChallenge } from './card-challenge.ts';
import { verifyCardSignature, type CardHolder, type CardKind, type CardRefusal } from './card-verify.ts';
import { componentProblem, componentText, type ComponentProblem } from './hipki.rules.ts';
import type { NhiAnswer } from './nhi.ts';

export const PENDING_KEY = 'cardPending';
export const PENDING_TTL_MS = 5 * 60_000;
/** How many accounts a verified, unbound card may try at the binding step before it must sign in again. */
export const BIND_ATTEMPTS = 5;

/** A verified, not yet bound card, kept in the session between 【登入】 and 【下一步】. */
export interface PendingCard {
  kind: CardKind;
  issuer: string;
  serial: string;
  subject: string;
  caKind: 'moica' | 'gca';
  idLast4?: string;
  agencyCode?: string;
  at: string;
  /** Where to land once bound (a checked same-site path). */
  next?: string;
  /** Refused tries at the binding step so far. */
  attempts?: number;
}

export type CardReason =
  | CardRefusal
  | ComponentProblem
  | 'no-challenge'
  | 'challenge-expired'
  | 'unknown-agency'
  | 'left-service'
  | 'disabled'
  | 'not-in-hrdb'
  | 'not-owner'
  | 'not-agency-staff'
  | 'already-bound'
  | 'pending-expired'
  | 'nhi-wrong-password'
  | 'nhi-unavailable';

export type CardOutcome =
  | { kind: 'signed-in'; staffId: string; method: CardKind | '健保卡' }
  | { kind: 'bind'; pending: PendingCard }
  | { kind: 'refused'; reason: CardReason; detail?: string; caKind?: 'moica' | 'gca' };

export interface CardPost {
  sessionId: string | undefined;
  problem: string;
  retCode: number | null;
  lastError: number | null;
  signature: string;
  ip: string | null;
}

type Deps = Pick<EcpaDeps, 'db' | 'clock' | 'config' | 'hrdb' | 'cardTrust' | 'agencyOids' | 'nhi'>;

const visitor = (ip: string | null): Actor => ({ kind: 'visitor', ip });

async function refuse(deps: Deps, ip: string | null, reason: CardReason, details: Record<string, unknown> = {}, extra: { detail?: string; caKind?: 'moica' | 'gca'; staffId?: string } = {}): Promise<CardOutcome> {
  const failure = ['nhi-wrong-password', 'wrong-pin-2', 'wrong-pin-1', 'wrong-pin', 'pin-format', 'locked', 'bad-signature', 'challenge-mismatch', 'not-cms', 'too-large', 'no-challenge', 'challenge-expired', 'not-owner'].includes(reason);
  await recordAudit(deps.db, visitor(ip), failure ? 'ecpa.card.failure' : 'ecpa.card.refused', extra.staffId ? { kind: 'staff_user', id: extra.staffId } : null, { reason, ...details });
  return { kind: 'refused', reason, ...(extra.detail !== undefined ? { detail: extra.detail } : {}), ...(extra.caKind ? { caKind: extra.caKind } : {}) };
}

/** The 機關代碼 of a 機關憑證: its agency OID through the mapping, then the agency code table. */
async function agencyOf(deps: Deps, holder: CardHolder): Promise<{ ok: true; code: string } | { ok: false; shown: string }> {
  const oid = holder.agencyOid ?? '';
  const code = deps.agencyOids.get(oid);
  if (!code) return { ok: false, shown: oid };
  const known = (await findAgency(deps.db, code)) ?? referenceAgency(code);
  return known ? { ok: true, code } : { ok: false, shown: code };
}

async function signInBound(deps: Deps, staff: StaffRow, bindingId: string, method: CardKind, ip: string | null): Promise<CardOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<CardOutcome> => {
    const subject = { kind: 'staff_user', id: staff.id };
    if (staff.status !== 'active') {
      const reason = staff.status === 'disabled' ? 'disabled' : 'left-service';
      await recordAudit(tx, visitor(ip), 'ecpa.card.refused', subject, { reason, method });
      return { kind: 'refused', reason };
    }
    await tx.update(certificateBindings).set({ lastUsedAt: now }).where(eq(certificateBindings.id, bindingId));
    await updateStaff(tx, staff.id, { lastSignInAt: now, lastSignInMethod: method }, now);
    await recordAudit(tx, { kind: 'staff', id: staff.id, ip }, 'ecpa.login.success', subject, { method });
    return { kind: 'signed-in', staffId: staff.id, method };
  });
}

/** 【登入】 in the 憑證登入 box. */
export async function signInWithCard(deps: Deps, post: CardPost): Promise<CardOutcome> {
  const ip = post.ip;
  if (post.problem === 'popup-blocked' || post.problem === 'component-missing') return refuse(deps, ip, post.problem);
  if (post.retCode !== null && post.retCode !== 0) {
    const problem = componentProblem(post.retCode, post.lastError ?? 0);
    return refuse(deps, ip, problem, { retCode: `0x${(post.retCode >>> 0).toString(16)}`, lastError: `0x${((post.lastError ?? 0) >>> 0).toString(16)}`, text: componentText(post.retCode) ?? null });
  }
  const now = deps.clock.now();
  const challenge = await takeChallenge(deps.db, post.sessionId, now);
  if (challenge.kind === 'none') return refuse(deps, ip, 'no-challenge');
  if (challenge.kind === 'expired') return refuse(deps, ip, 'challenge-expired');
  const verified = await verifyCardSignature({ signature: post.signature, challenge: challenge.value, trust: deps.cardTrust.snapshot(), now });
  if (!verified.ok) {
    return refuse(deps, ip, verified.refusal, verified.detail ? { dn: verified.detail.slice(0, 300) } : {}, verified.detail !== undefined ? { detail: verified.detail } : {});
  }
  const holder = verified.value;
  const caKind = holder.caKind === 'moica' ? 'moica' : 'gca';
  let agencyCode: string | undefined;
  if (holder.kind === '機關憑證') {
    const agency = await agencyOf(deps, holder);
    if (!agency.ok) return refuse(deps, ip, 'unknown-agency', { agency: agency.shown, issuer: holder.issuer, serial: holder.serial }, { detail: agency.shown, caKind });
    agencyCode = agency.code;
  }
  const [binding] = await deps.db
    .select()
    .from(certificateBindings)
    .where(and(eq(certificateBindings.issuer, holder.issuer), eq(certificateBindings.serial, holder.serial)))
    .limit(1);
  if (binding) {
    const staff = await findStaffById(deps.db, binding.staffUserId);
    if (!staff) return refuse(deps, ip, 'not-in-hrdb');
    // A 自然人憑證 stays its owner's: the bound account's ID must still end in the certificate's four digits.
    if (holder.kind === '自然人憑證' && staff.nationalIdLast4 && staff.nationalIdLast4 !== holder.idLast4) return refuse(deps, ip, 'not-owner', {}, { staffId: staff.id });
    if (holder.kind === '機關憑證' && staff.agencyCode !== agencyCode) return refuse(deps, ip, 'not-agency-staff', {}, { staffId: staff.id });
    return signInBound(deps, staff, binding.id, binding.kind as CardKind, ip);
  }
  const pending: PendingCard = {
    kind: holder.kind,
    issuer: holder.issuer,
    serial: holder.serial,
    subject: holder.subject,
    caKind,
    ...(holder.idLast4 ? { idLast4: holder.idLast4 } : {}),
    ...(agencyCode ? { agencyCode } : {}),
    at: now.toISOString(),
  };
  await recordAudit(deps.db, visitor(ip), 'ecpa.card.verified', null, { kind: holder.kind, issuer: holder.issuer, serial: holder.serial, bound: false });
  return { kind: 'bind', pending };
}

/** Pure: a pending card read back from the session, or null when absent, malformed or older than PENDING_TTL_MS. */
export function readPending(raw: unknown, now: Date): PendingCard | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Partial<PendingCard>;
  if ((p.kind !== '自然人憑證' && p.kind !== '機關憑證') || typeof p.issuer !== 'string' || typeof p.serial !== 'string' || typeof p.at !== 'string') return null;
  const at = Date.parse(p.at);
  if (!Number.isFinite(at) || now.getTime() - at > PENDING_TTL_MS) return null;
  return p as PendingCard;
}

/**
 * 【下一步】 of the first sign-in with a card: the typed 自訂帳號 (or 身分證號) is checked, then the certificate is
 * bound (certificate_bindings: issuer + serial + kind) and the account signed in.
 */
export async function bindCard(deps: Deps, input: { pending: PendingCard; account: string; ip: string | null }): Promise<CardOutcome> {
  const { pending, ip } = input;
  const typed = parseTypedAccount(input.account);
  const typedAudit = typed?.kind === 'national-id' ? { account: maskIdNumber(typed.nationalId) } : { account: (typed?.account ?? '').slice(0, 64) };
  let staff: StaffRow | null;
  if (pending.kind === '自然人憑證') {
    const person = !typed ? null : typed.kind === 'national-id' ? await deps.hrdb.findPersonByNationalId(typed.nationalId) : await deps.hrdb.findPersonByAccount(typed.account);
    if (!person) return refuse(deps, ip, 'not-in-hrdb', { step: 'bind', ...typedAudit });
    staff = person.ecpaAccount ? await findStaffByAccount(deps.db, person.ecpaAccount) : null;
    if (!staff) staff = await findStaffByTyped(deps, { kind: 'national-id', nationalId: person.nationalId });
    if (person.status !== 'current') return refuse(deps, ip, 'left-service', { step: 'bind', ...typedAudit }, staff ? { staffId: staff.id } : {});
    if (idLast4(person.nationalId) !== pending.idLast4) return refuse(deps, ip, 'not-owner', { step: 'bind', ...typedAudit }, staff ? { staffId: staff.id } : {});
    if (!staff || (staff.nationalIdHash && !idHasher(deps.config).candidates(person.nationalId).includes(staff.nationalIdHash))) {
      return refuse(deps, ip, 'not-in-hrdb', { step: 'bind', ...typedAudit, reason2: 'no-ecpa-account' });
    }
  } else {
    staff = typed?.kind === 'account' ? await findStaffByAccount(deps.db, typed.account) : typed ? await findStaffByTyped(deps, typed) : null;
    if (!staff || !staff.roles.includes('agency_hr') || staff.agencyCode !== pending.agencyCode) return refuse(deps, ip, 'not-agency-staff', { step: 'bind', ...typedAudit, agency: pending.agencyCode });
  }
  if (staff.status !== 'active') return refuse(deps, ip, staff.status === 'disabled' ? 'disabled' : 'left-service', { step: 'bind' }, { staffId: staff.id });
  const now = deps.clock.now();
  const target = staff;
  return deps.db.transaction(async (tx): Promise<CardOutcome> => {
    const subject = { kind: 'staff_user', id: target.id };
    const inserted = await tx
      .insert(certificateBindings)
      .values({ staffUserId: target.id, issuer: pending.issuer, serial: pending.serial, kind: pending.kind, firstBoundAt: now, lastUsedAt: now })
      .onConflictDoNothing()
      .returning({ id: certificateBindings.id });
    if (inserted.length === 0) {
      await recordAudit(tx, visitor(ip), 'ecpa.card.refused', subject, { reason: 'already-bound', step: 'bind' });
      return { kind: 'refused', reason: 'already-bound' };
    }
    await tx.update(staffUsers).set({ lastSignInAt: now, lastSignInMethod: pending.kind, updatedAt: now }).where(eq(staffUsers.id, target.id));
    await recordAudit(tx, { kind: 'staff', id: target.id, ip }, 'ecpa.card.bind', subject, { kind: pending.kind, issuer: pending.issuer, serial: pending.serial });
    await recordAudit(tx, { kind: 'staff', id: target.id, ip }, 'ecpa.login.success', subject, { method: pending.kind, firstBinding: true });
    return { kind: 'signed-in', staffId: target.id, method: pending.kind };
  });
}

/** The NHI component's bare error codes (pki-notes §4). */
export function nhiProblem(code: string): ComponentProblem {
  if (code === '8013') return 'no-reader';
  if (code === '8011') return 'no-card';
  return 'component-error';
}

/**
 * 健保卡登入: the NHI component's answers (GetBasic, the random H_Sign signed, H_Sign, EnCrypt of the registration
 * password) go to the NhiVerifier port; the card's ID number must be a serving civil servant of the HR database
 * with an active eCPA account. The session's challenge is taken as for a certificate, so that every post belongs to
 * a fresh page interaction and cannot be replayed in another session.
 */
export async function signInWithNhi(deps: Deps, post: { sessionId: string | undefined; problem: string; error: string; answer: NhiAnswer; ip: string | null }): Promise<CardOutcome> {
  const ip = post.ip;
  if (post.problem === 'component-missing') return refuse(deps, ip, 'component-missing', { card: '健保卡' });
  if (post.error) return refuse(deps, ip, nhiProblem(post.error), { card: '健保卡', code: post.error.slice(0, 10) });
  const challenge = await takeChallenge(deps.db, post.sessionId, deps.clock.now());
  if (challenge.kind === 'none') return refuse(deps, ip, 'no-challenge', { card: '健保卡' });
  if (challenge.kind === 'expired') return refuse(deps, ip, 'challenge-expired', { card: '健保卡' });
  const verdict = await deps.nhi.verify(post.answer);
  if (!verdict.ok) {
    const reason: CardReason = verdict.reason === 'nhi-wrong-password' || verdict.reason === 'nhi-unavailable' ? verdict.reason : 'bad-signature';
    return refuse(deps, ip, reason, { card: '健保卡', nhi: verdict.reason });
  }
  const person = await deps.hrdb.findPersonByNationalId(verdict.holder.nationalId);
  if (!person) return refuse(deps, ip, 'not-in-hrdb', { card: '健保卡', account: maskIdNumber(verdict.holder.nationalId) });
  const staff = await findStaffByTyped(deps, { kind: 'national-id', nationalId: person.nationalId });
  if (person.status !== 'current') return refuse(deps, ip, 'left-service', { card: '健保卡' }, staff ? { staffId: staff.id } : {});
  if (!staff) return refuse(deps, ip, 'not-in-hrdb', { card: '健保卡', reason2: 'no-ecpa-account' });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<CardOutcome> => {
    const subject = { kind: 'staff_user', id: staff.id };
    if (staff.status !== 'active') {
      const reason = staff.status === 'disabled' ? 'disabled' : 'left-service';
      await recordAudit(tx, visitor(ip), 'ecpa.card.refused', subject, { reason, method: '健保卡' });
      return { kind: 'refused', reason };
    }
    await updateStaff(tx, staff.id, { lastSignInAt: now, lastSignInMethod: '健保卡' }, now);
    await recordAudit(tx, { kind: 'staff', id: staff.id, ip }, 'ecpa.login.success', subject, { method: '健保卡' });
    return { kind: 'signed-in', staffId: staff.id, method: '健保卡' };
  });
}
