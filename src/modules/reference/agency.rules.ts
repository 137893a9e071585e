// Pure rules for agency (機關) identities: name normalization and the synthetic code given to agencies
// seen in data (open-data feed) whose real 機關代碼 is not known.
import { createHash } from 'node:crypto';

/** A real DGPA 機關代碼: 10 characters, 9 digits/capitals + a capital letter (A58000000A, 376420000A). */
const AGENCY_CODE = /^[0-9A-Z]{9}[A-Z]$/;

/** Synthetic codes: 'X' + 9 upper-case hex characters. Real codes never start with 'X' + hex only. */
const SYNTHETIC_CODE = /^X[0-9A-F]{9}$/;

export function isAgencyCode(code: string): boolean {
  return AGENCY_CODE.test(code);
}

export function isSyntheticAgencyCode(code: string): boolean {
  return SYNTHETIC_CODE.test(code);
}

/**
 * The form of a name used for matching: Unicode NFKC (full-width letters, digits and brackets become
 * half-width), no whitespace at all. Chinese agency names carry no meaningful spaces.
 */
export function agencyNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * A stable code for an agency known only by name: 'X' + the first 9 hex digits (upper case) of the
 * SHA-256 of its name key. The same name always gives the same code, in every process and database.
 */
export function syntheticAgencyCode(name: string): string {
  const hex = createHash('sha256').update(agencyNameKey(name), 'utf8').digest('hex');
  return 'X' + hex.slice(0, 9).toUpperCase();
}
