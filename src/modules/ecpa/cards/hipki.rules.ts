// ECPA-3: what the signing component's answer means for the person. The component returns ret_code (and for a
// card login failure last_error) as signed 32-bit integers in JSON: `>>> 0` before looking them up
// (data/hipki_error_codes.json, copied from ../shared/data with its source). Problems the page itself meets
// (popup blocked, no component answering) arrive as `problem` from public/js/card-login.js.
import codes from './data/hipki_error_codes.json' with { type: 'json' };

export type ComponentProblem =
  | 'wrong-pin-2'
  | 'wrong-pin-1'
  | 'wrong-pin'
  | 'pin-format'
  | 'locked'
  | 'no-reader'
  | 'no-card'
  | 'cancelled'
  | 'domain-not-trusted'
  | 'component-missing'
  | 'popup-blocked'
  | 'component-error';

/** The problems public/js/card-login.js may report on its own. */
export const PAGE_PROBLEMS = ['popup-blocked', 'component-missing'] as const;

const hex = (n: number) => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** The component's own text for a ret_code (for the audit and the generic message), if the table has it. */
export function componentText(retCode: number): string | undefined {
  return (codes.ret_code as Record<string, string>)[hex(retCode)];
}

const LOGIN_FAILED = 0x76100006;

export function componentProblem(retCode: number, lastError: number): ComponentProblem {
  const ret = retCode >>> 0;
  const last = lastError >>> 0;
  switch (ret) {
    case 0x76100003:
      return 'no-reader';
    case 0x76000006:
      return 'no-card';
    case 0x76000999:
      return 'cancelled';
    case 0x7600000f:
      return 'domain-not-trusted';
    case 0x83000105:
    case 0x76000998:
      return 'pin-format';
    case LOGIN_FAILED:
      if (last === 0x80000002) return 'wrong-pin-2';
      if (last === 0x80000001) return 'wrong-pin-1';
      if (last === 0xa4) return 'locked';
      if (last === 0xa0) return 'wrong-pin';
      return 'component-error';
    default:
      return 'component-error';
  }
}

/** A posted integer field (ret_code, last_error): decimal, possibly negative, or 0x hex; null when absent or odd. */
export function parseCode(raw: string): number | null {
  const s = raw.trim();
  if (/^-?\d{1,10}$/.test(s)) return Number(s) | 0;
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) return Number.parseInt(s.slice(2), 16) | 0;
  return null;
}
