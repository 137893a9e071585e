// Rules of parked forms (SYS-5, RES-11; issue 16 item 2), pure: who may park a form for which page, how long it
// is kept, what the sealed payload holds and what it is bound to. I/O is in parked-form.ts.
import type { PrincipalKind, SessionIdentity } from '../auth/principal.ts';
import type { KeptFields } from './kept-fields.ts';
import { signInDoor, type Audience } from './route-options.ts';

/** A parked form is kept this long; then it is neither restored nor kept (maintenance purges it). */
export const PARK_TTL_MS = 24 * 60 * 60_000;
/** A form bigger than this (as JSON) is not parked: the person signs in again and the form is lost, as before. */
export const MAX_PARKED_CHARS = 1_000_000;
/** The sub-key label of DATA_KEY that seals parked forms (platform/crypto/seal.ts). */
export const PARK_SEAL_LABEL = 'parked-form/v1';

/**
 * May a POST to a route of `audience` that opted in (`parksForm`) be parked for the expired session of
 * `expired`? Only when the person is not signed in now, and only for the door the route belongs to: an expired
 * applicant session parks applicant forms, never a staff page's, and the other way round.
 */
export function mayPark(input: { method: string; parkForm: boolean; audience: Audience; signedIn: boolean; expired: SessionIdentity | null }): input is typeof input & { expired: SessionIdentity } {
  if (input.method !== 'POST' || !input.parkForm || input.signedIn || !input.expired) return false;
  return signInDoor(input.audience) === input.expired.kind;
}

/** What the seal is bound to: the account and the page; a payload copied to another row does not open. */
export function sealContext(kind: PrincipalKind, id: string, path: string): string {
  return `${kind}\n${id}\n${path}`;
}

/** The payload to seal, or null when the form is too big to park. */
export function encodeParked(values: KeptFields): string | null {
  const text = JSON.stringify({ v: 1, values });
  return text.length <= MAX_PARKED_CHARS ? text : null;
}

/** The fields of an opened payload (only strings and lists of strings), or null when it is not one. */
export function decodeParked(text: string): KeptFields | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { v, values } = parsed as { v?: unknown; values?: unknown };
  if (v !== 1 || !values || typeof values !== 'object' || Array.isArray(values)) return null;
  const out: KeptFields = Object.create(null) as KeptFields;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[name] = value as string[];
  }
  return out;
}

/** Is a parked row still to be restored at `now`? */
export function isParkedCurrent(row: { expiresAt: Date }, now: Date): boolean {
  return row.expiresAt.getTime() > now.getTime();
}
