// The one keyed hash of a national ID (SYS-3, RES-3, ECPA-1, RES-4): what staff_users.national_id_hash,
// resumes.id_number_hash and the RES-4 verification in the session hold instead of the ID. HMAC-SHA256 of the
// normalised ID under a key derived (HKDF) from DATA_KEY, prefixed with the scheme version: `v1:<base64url>`.
// The same person's ID gives the same hash everywhere; SESSION_SECRET plays no part (docs/adr/0005-data-key.md).
//
// Rotation: with DATA_KEY_PREVIOUS set, `candidates()` also yields the hash under the previous key; a row found by
// one of those is re-hashed on the spot by its caller (`isCurrent()` false). Transition from the hashes of before
// (no prefix, derived from SESSION_SECRET, two incompatible schemes): `legacyCandidates()`, used the same way and
// removed once no row without the `v1:` prefix is left.
import { createHmac, hkdfSync } from 'node:crypto';
import { normalizeIdNumber } from '../tw/id-number.ts';
import { keyedHash, type DataKeyConfig } from './keys.ts';

export const ID_HASH_VERSION = 'v1';
const PREFIX = `${ID_HASH_VERSION}:`;
const LABEL = 'national-id/v1';

export interface IdHasher {
  /** The hash to store and to look up with. */
  hash(nationalId: string): string;
  /** Every hash a stored row of this ID may still carry: current key first, then the previous key and legacy. */
  candidates(nationalId: string): string[];
  /** Whether `stored` is the hash of `nationalId` under any key still recognised. */
  matches(stored: string, nationalId: string): boolean;
  /** Whether a stored hash is the current one for this ID (else the caller re-hashes the row). */
  isCurrent(stored: string, nationalId: string): boolean;
}

/** The hasher of a configuration. `sessionSecret`, when given, only serves to recognise legacy hashes. */
export function idHasher(config: DataKeyConfig & { readonly sessionSecret?: string }): IdHasher {
  const under = (secret: string, id: string) => PREFIX + keyedHash(secret, LABEL, normalizeIdNumber(id));
  const hash = (id: string) => under(config.dataKey, id);
  const candidates = (id: string) => [
    hash(id),
    ...(config.dataKeyPrevious ? [under(config.dataKeyPrevious, id)] : []),
    ...(config.sessionSecret ? legacyCandidates(config.sessionSecret, id) : []),
  ];
  return {
    hash,
    candidates,
    matches: (stored, id) => candidates(id).includes(stored),
    isCurrent: (stored, id) => stored === hash(id),
  };
}

/** The last 4 characters kept beside the hash (DOMAIN.md: for matching natural-person certificates). */
export function idLast4(nationalId: string): string {
  return normalizeIdNumber(nationalId).slice(-4);
}

/**
 * The two hashes of before 0007 (transition only): hrdb's HMAC under HMAC(SESSION_SECRET, label) and resumes'
 * HMAC under HKDF(SESSION_SECRET, 'id-number'). Both without a version prefix.
 */
export function legacyCandidates(sessionSecret: string, nationalId: string): string[] {
  const id = normalizeIdNumber(nationalId);
  const hrdbKey = createHmac('sha256', sessionSecret).update('shiqiuren/national-id-hash/v1').digest();
  const resumeKey = Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), 'id-number', 32));
  return [createHmac('sha256', hrdbKey).update(id).digest('base64url'), createHmac('sha256', resumeKey).update(id, 'utf8').digest('base64url')];
}

/** Whether a stored hash is of the current scheme (a row without the prefix is a legacy one). */
export function isVersioned(stored: string): boolean {
  return stored.startsWith(PREFIX);
}
