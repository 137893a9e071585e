// RES-4: what was typed in 履歷填寫 survives the trip through 人事服務網身分驗證. When 從公務人力資料庫帶入相關資料 is
// pressed (a submit button of the form, so it works without JavaScript and stages everything like any other
// button), the typed form is kept in the applicant's server-side session (sessions.data) — without the ID number:
// only its keyed hash (RES-3 idNumberHash) is kept, so the ID is in no URL, no log and no session row in clear.
// After verification the hrdb module's route takes the form back (once), checks the verified person's ID
// against the hash, and renders it pre-filled; the ID then comes from the HR database itself.
import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { IdHasher } from '../../platform/crypto/id-hash.ts';
import type { ResumeForm } from './resume.types.ts';

export const HRDB_IMPORT_FORM_KEY = 'resumeHrdbImport';
/** How long the typed form waits for the verification (the verification itself lasts 10 minutes). */
export const HRDB_IMPORT_FORM_TTL_MS = 30 * 60 * 1000;

interface Stash {
  applicantId: string;
  idHash: string;
  at: string;
  form: ResumeForm;
}

interface HandoffDeps {
  readonly sessions: SessionStore;
  readonly clock: Clock;
  readonly ids: IdHasher;
}

/** Keeps the typed form (ID number replaced by its hash) in the session, replacing any earlier one. */
export async function keepFormForHrdbImport(req: FastifyRequest, deps: HandoffDeps, input: { applicantId: string; idNumber: string; form: ResumeForm }): Promise<void> {
  const session = req.session;
  if (!session) throw new Error('keepFormForHrdbImport needs a session');
  const form: ResumeForm = { ...input.form, basic: { ...input.form.basic, idNumber: '' }, voidRequest: { email: '', birthDate: '' } };
  const stash: Stash = { applicantId: input.applicantId, idHash: deps.ids.hash(input.idNumber), at: deps.clock.now().toISOString(), form };
  const data = { ...session.data, [HRDB_IMPORT_FORM_KEY]: stash };
  await deps.sessions.setData(session.id, data);
  session.data = data;
}

export interface KeptForm {
  /** The form as typed, without its ID number. */
  form: ResumeForm;
  /** Is this the ID number that was typed? */
  isTypedId(idNumber: string): boolean;
}

/**
 * Takes the kept form out of the session (it is dropped whatever the answer): null when there is none, it is
 * another applicant's, or older than HRDB_IMPORT_FORM_TTL_MS.
 */
export async function takeFormForHrdbImport(req: FastifyRequest, deps: HandoffDeps, applicantId: string): Promise<KeptForm | null> {
  const session = req.session;
  if (!session || !(HRDB_IMPORT_FORM_KEY in session.data)) return null;
  const { [HRDB_IMPORT_FORM_KEY]: raw, ...rest } = session.data;
  await deps.sessions.setData(session.id, rest);
  session.data = rest;
  const stash = readStash(raw);
  if (!stash || stash.applicantId !== applicantId) return null;
  const age = deps.clock.now().getTime() - Date.parse(stash.at);
  if (!Number.isFinite(age) || age < 0 || age >= HRDB_IMPORT_FORM_TTL_MS) return null;
  return { form: stash.form, isTypedId: (idNumber) => deps.ids.matches(stash.idHash, idNumber) };
}

function readStash(value: unknown): Stash | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const form = v.form as ResumeForm | undefined;
  const ok =
    typeof v.applicantId === 'string' &&
    typeof v.idHash === 'string' &&
    typeof v.at === 'string' &&
    !!form &&
    typeof form === 'object' &&
    !!form.basic &&
    Array.isArray(form.education) &&
    Array.isArray(form.experience) &&
    Array.isArray(form.languages) &&
    !!form.files;
  return ok ? (v as unknown as Stash) : null;
}

// ---- the verified import, as the server saw it (issue 9 item 6) ----
// 「從公務人力資料庫帶入」 marks the saved resume (imported_from_hrdb_at). The mark is derived here, from the import
// the hrdb route performed after eCPA verification and recorded in the session — never from a form field.

export const HRDB_IMPORTED_KEY = 'resumeHrdbImported';

/** Called by the import route once the verified person's data has been put into the form. */
export async function recordVerifiedImport(req: FastifyRequest, deps: HandoffDeps, applicantId: string): Promise<void> {
  const session = req.session;
  if (!session) return;
  const data = { ...session.data, [HRDB_IMPORTED_KEY]: { applicantId, at: deps.clock.now().toISOString() } };
  await deps.sessions.setData(session.id, data);
  session.data = data;
}

/** Did this applicant's session perform a verified import (not yet saved)? */
export function hasVerifiedImport(req: FastifyRequest, applicantId: string): boolean {
  const v = req.session?.data[HRDB_IMPORTED_KEY] as { applicantId?: unknown } | undefined;
  return !!v && v.applicantId === applicantId;
}

/** After the resume is saved, the mark is used up. */
export async function clearVerifiedImport(req: FastifyRequest, deps: HandoffDeps): Promise<void> {
  const session = req.session;
  if (!session || !(HRDB_IMPORTED_KEY in session.data)) return;
  const { [HRDB_IMPORTED_KEY]: _used, ...rest } = session.data;
  await deps.sessions.setData(session.id, rest);
  session.data = rest;
}
