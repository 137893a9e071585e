// 人事服務網身分驗證 for RES-4: an applicant signed in on the platform proves, with an eCPA account's password, that
// they are an HR-database person; the resume module then fills a first resume from the HR database.
//
// The applicant's session principal never changes. What the session keeps (server-side, sessions.data) is
// `hrdbVerified: { nationalIdHash, personId, applicantId, at }` — the keyed hash of the ID (hrdbIdHash), never the
// ID itself (SYS-3) — and verifiedHrdbPerson() honours it for HRDB_VERIFICATION_TTL_MS (10 minutes).
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { HrDatabase, HrPerson } from '../hrdb/index.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import type { EcpaDeps } from './ecpa.deps.ts';
import { HRDB_VERIFICATION_TTL_MS, parseTypedAccount } from './ecpa.rules.ts';
import { checkPasswordForVerification } from './sign-in.ts';

export const HRDB_VERIFIED_KEY = 'hrdbVerified';

export interface HrdbVerification {
  nationalIdHash: string;
  personId: string;
  applicantId: string;
  /** ISO 8601 time of the verification. */
  at: string;
}

export type VerifyResult =
  | { kind: 'ok'; person: HrPerson; verification: HrdbVerification }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: Date }
  | { kind: 'not-in-hrdb' };

/** Checks the eCPA account and finds its HR-database person. Stores nothing in the session (see rememberHrdbVerification). */
export async function verifyHrdbIdentity(deps: EcpaDeps, input: { account: string; password: string; applicantId: string; ip?: string | null }): Promise<VerifyResult> {
  const check = await checkPasswordForVerification(deps, input);
  if (check.kind !== 'ok') return check;
  const staff = check.staff;
  const typed = parseTypedAccount(input.account);
  const person = typed?.kind === 'national-id' ? await deps.hrdb.findPersonByNationalId(typed.nationalId) : await deps.hrdb.findPersonByAccount(staff.account);
  const actor = { kind: 'applicant' as const, id: input.applicantId, ip: input.ip ?? null };
  const subject = { kind: 'staff_user', id: staff.id };
  // The eCPA account must be linked to this very person (its national-ID hash), not merely share an account name.
  const ids = idHasher(deps.config);
  const nationalIdHash = person ? ids.hash(person.nationalId) : null;
  if (!person || !staff.nationalIdHash || !ids.matches(staff.nationalIdHash, person.nationalId)) {
    await recordAudit(deps.db, actor, 'ecpa.hrdb_verify.refused', subject, { reason: 'not-in-hrdb' });
    return { kind: 'not-in-hrdb' };
  }
  const verification: HrdbVerification = { nationalIdHash: nationalIdHash!, personId: person.personId, applicantId: input.applicantId, at: deps.clock.now().toISOString() };
  await recordAudit(deps.db, actor, 'ecpa.hrdb_verify.success', subject, { personId: person.personId });
  return { kind: 'ok', person, verification };
}

/** Keeps the verification in the applicant's session (the principal is untouched). */
export async function rememberHrdbVerification(req: FastifyRequest, services: Pick<Services, 'sessions'>, verification: HrdbVerification): Promise<void> {
  const session = req.session;
  if (!session) throw new Error('rememberHrdbVerification needs a session');
  const { captcha: _captcha, ...rest } = session.data; // the captcha's entry is used up by now
  const data = { ...rest, [HRDB_VERIFIED_KEY]: verification };
  await services.sessions.setData(session.id, data);
  session.data = data;
}

/** Drops the verification, e.g. once the resume module has used it. */
export async function forgetHrdbVerification(req: FastifyRequest, services: Pick<Services, 'sessions'>): Promise<void> {
  const session = req.session;
  if (!session || !(HRDB_VERIFIED_KEY in session.data)) return;
  const { [HRDB_VERIFIED_KEY]: _gone, captcha: _captcha, ...rest } = session.data;
  await services.sessions.setData(session.id, rest);
  session.data = rest;
}

function readVerification(value: unknown): HrdbVerification | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  return typeof v.nationalIdHash === 'string' && typeof v.personId === 'string' && typeof v.applicantId === 'string' && typeof v.at === 'string'
    ? { nationalIdHash: v.nationalIdHash, personId: v.personId, applicantId: v.applicantId, at: v.at }
    : null;
}

/**
 * RES-4: the HR-database person this applicant verified through eCPA less than 10 minutes ago, or null (none,
 * expired, another applicant's, or — with `nationalId` — a different person than the resume's ID).
 */
export async function verifiedHrdbPerson(
  req: FastifyRequest,
  services: Pick<Services, 'clock' | 'config'>,
  hrdb: HrDatabase,
  options: { nationalId?: string } = {},
): Promise<HrPerson | null> {
  const v = readVerification(req.session?.data[HRDB_VERIFIED_KEY]);
  if (!v || req.principal?.kind !== 'applicant' || req.principal.id !== v.applicantId) return null;
  const age = services.clock.now().getTime() - Date.parse(v.at);
  if (!Number.isFinite(age) || age < 0 || age >= HRDB_VERIFICATION_TTL_MS) return null;
  const ids = idHasher(services.config);
  if (options.nationalId !== undefined && !ids.matches(v.nationalIdHash, options.nationalId)) return null;
  const person = await hrdb.findPersonById(v.personId);
  if (!person || !ids.matches(v.nationalIdHash, person.nationalId)) return null;
  return person;
}
