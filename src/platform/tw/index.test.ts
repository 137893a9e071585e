import { describe, expect, it } from 'vitest';
import * as tw from './index.ts';

describe('platform/tw index', () => {
  it('RES-2 SYS-3 SYS-7 RES-1 ACC-1 re-exports every helper', () => {
    for (const name of [
      'parseIdNumber', 'maskIdNumber', 'genderFromId', 'isValidIdNumber',
      'parseRocDate', 'formatRoc', 'formatRocCompact', 'formatRocLong', 'rocYear', 'toIsoDate', 'addDays', 'compareIso',
      'parsePhone', 'isValidPhone',
      'passwordProblems', 'isStrongPassword', 'passwordMessages',
    ] as const) {
      expect(typeof tw[name], name).toBe('function');
    }
    expect(tw.PASSWORD_MESSAGES['too-short']).toBe('密碼長度至少 8 個字元');
    expect(tw.maskIdNumber('A123456789')).toBe('A12****789');
  });
});
