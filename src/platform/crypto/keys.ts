// Keys derived from DATA_KEY (docs/adr/0005-data-key.md): one HKDF-SHA256 sub-key per use, so a key never serves two
// purposes, and SESSION_SECRET (cookies, sessions) can be rotated without touching anything derived here.
import { createHmac, hkdfSync } from 'node:crypto';

/** The configuration a data-key user needs: the key, and the one before the last rotation if any. */
export interface DataKeyConfig {
  readonly dataKey: string;
  readonly dataKeyPrevious?: string | undefined;
}

const SALT = Buffer.from('shiqiuren/data-key');
const derived = new Map<string, Buffer>();

/** A 32-byte sub-key of `secret` for `label` (HKDF-SHA256); computed once per (secret, label). */
export function deriveKey(secret: string, label: string): Buffer {
  const id = `${label}\n${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, SALT, label, 32));
    derived.set(id, key);
  }
  return key;
}

/** base64url HMAC-SHA256 of `text` under the sub-key `label` of `secret`. */
export function keyedHash(secret: string, label: string, text: string): string {
  return createHmac('sha256', deriveKey(secret, label)).update(text, 'utf8').digest('base64url');
}
