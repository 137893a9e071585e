// The keyed hash of a national ID (SYS-3): what staff_users.national_id_hash and the RES-4 verification in the
// session hold instead of the ID itself. HMAC-SHA256 under a key derived from SESSION_SECRET (the one secret the
// configuration has), so the hash cannot be reversed by trying the ~5 × 10⁹ possible IDs without the secret.
// Consequence: changing SESSION_SECRET changes every hash; staff_users.national_id_hash must then be recomputed
// (the demo seed does it for the demo people on the next start).
import { createHmac } from 'node:crypto';
import type { Config } from '../../config.ts';
import { normalizeIdNumber } from '../../platform/tw/id-number.ts';

const KEY_LABEL = 'shiqiuren/national-id-hash/v1';

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update(KEY_LABEL).digest();
    keys.set(secret, key);
  }
  return key;
}

/** base64url HMAC-SHA256 of the normalised ID (trim, full-width → half-width, upper case). */
export function hrdbIdHash(config: Pick<Config, 'sessionSecret'>, nationalId: string): string {
  return createHmac('sha256', keyFor(config.sessionSecret)).update(normalizeIdNumber(nationalId)).digest('base64url');
}

/** The last 4 characters kept beside the hash (DOMAIN.md: for matching natural-person certificates). */
export function idLast4(nationalId: string): string {
  return normalizeIdNumber(nationalId).slice(-4);
}
