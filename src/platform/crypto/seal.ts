// Encryption at rest of personal data the system must read back (docs/adr/0010-parked-forms.md): AES-256-GCM
// under an HKDF sub-key of DATA_KEY per use (keys.ts), a random 96-bit nonce per message, and associated data
// that binds the text to where it is stored (e.g. the account and path of a parked form), so a sealed value
// copied to another row does not open. Format: `v1.` + base64url(nonce ‖ tag ‖ ciphertext); opening tries
// DATA_KEY, then DATA_KEY_PREVIOUS (rotation, ADR 0005).
// Nothing here logs or returns the text on failure.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveKey, type DataKeyConfig } from './keys.ts';

const PREFIX = 'v1.';
const NONCE = 12;
const TAG = 16;

function subKey(secret: string, label: string): Buffer {
  return deriveKey(secret, `seal/${label}`);
}

/** `text` encrypted under DATA_KEY's sub-key for `label`, bound to `context` (not secret, not stored). */
export function seal(config: DataKeyConfig, label: string, context: string, text: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', subKey(config.dataKey, label), nonce, { authTagLength: TAG });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The text sealed for `label` and `context`, or null when it does not open (other key, context, or tampered). */
export function unseal(config: DataKeyConfig, label: string, context: string, sealed: string): string | null {
  if (!sealed.startsWith(PREFIX)) return null;
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (raw.length < NONCE + TAG) return null;
  const nonce = raw.subarray(0, NONCE);
  const tag = raw.subarray(NONCE, NONCE + TAG);
  const body = raw.subarray(NONCE + TAG);
  for (const secret of [config.dataKey, config.dataKeyPrevious]) {
    if (!secret) continue;
    try {
      const decipher = createDecipheriv('aes-256-gcm', subKey(secret, label), nonce, { authTagLength: TAG });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // wrong key, context or bytes: try the previous key, then give up
    }
  }
  return null;
}
