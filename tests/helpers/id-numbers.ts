// Valid 國民身分證統一編號 for tests: A1 + 7 digits of `seed` + the check digit.
import { isValidIdNumber } from '../../src/platform/tw/id-number.ts';

export function testIdNumber(seed: number, letter = 'A', sex: '1' | '2' = '1'): string {
  const body = `${letter}${sex}${String(seed % 10_000_000).padStart(7, '0')}`;
  for (let c = 0; c <= 9; c++) if (isValidIdNumber(body + c)) return body + c;
  throw new Error(`no check digit for ${body}`);
}
