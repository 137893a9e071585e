// RES-3: resumes are found by their ID number without keeping a plain index of ID numbers: an HMAC-SHA256 of
// the normalised ID, keyed with a key derived from the session secret by HKDF (label 'id-number'). Changing
// SESSION_SECRET therefore changes every hash: re-hash the resumes (basic.idNumber) when rotating it.
import { createHmac, hkdfSync } from 'node:crypto';
import { normalizeIdNumber } from '../../platform/tw/id-number.ts';

export function idNumberKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), 'id-number', 32));
}

export function idNumberHash(key: Buffer, idNumber: string): string {
  return createHmac('sha256', key).update(normalizeIdNumber(idNumber), 'utf8').digest('base64url');
}
