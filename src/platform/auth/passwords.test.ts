import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('SYS-4 hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Demo1234!');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Demo1234!')).toBe(true);
    expect(await verifyPassword(h, 'demo1234!')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await hashPassword('Demo1234!')).not.toBe(h); // salted
  });

  it('SYS-4 has a dummy hash for unknown accounts, so refusals take the same time', async () => {
    expect(await verifyPassword(await dummyHash(), 'anything')).toBe(false);
  });
});
