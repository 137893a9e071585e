// ECPA-3: a 機關憑證 names its agency by a government OID (2.16.886.1.100.2.102), not by the DGPA 機關代碼, and no
// public source maps one to the other (pki-notes §5): a configurable JSON object { "<oid>": "<機關代碼>" }
// (CARD_AGENCY_OID_MAP_FILE), read once at start; the code found is then looked up in the agency code table.
import { existsSync, readFileSync } from 'node:fs';

export function loadAgencyOidMap(file: string | undefined): ReadonlyMap<string, string> {
  if (!file || !existsSync(file)) return new Map();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return parseAgencyOidMap(parsed);
}

export function parseAgencyOidMap(parsed: unknown): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return map;
  for (const [oid, code] of Object.entries(parsed as Record<string, unknown>)) {
    if (/^\d+(\.\d+)+$/.test(oid) && typeof code === 'string' && /^[0-9A-Z]{10}$/.test(code)) map.set(oid, code);
  }
  return map;
}
