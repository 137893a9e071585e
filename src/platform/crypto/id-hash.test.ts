// The one national-ID hash (SYS-3, RES-3, ECPA-1): keyed by DATA_KEY, versioned, independent of SESSION_SECRET.
import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idHasher, idLast4, isVersioned, legacyCandidates } from './id-hash.ts';

const config = { dataKey: 'a'.repeat(40), sessionSecret: 's'.repeat(40) };

describe('idHasher', () => {
  it('SYS-3 is keyed, versioned, stable, normalises the ID and never contains it', () => {
    const ids = idHasher(config);
    const h = ids.hash('G221508377');
    expect(h).toMatch(/^v1:[A-Za-z0-9_-]{43}$/);
    expect(isVersioned(h)).toBe(true);
    expect(ids.hash(' g221508377 ')).toBe(h);
    expect(idHasher({ dataKey: 'b'.repeat(40) }).hash('G221508377')).not.toBe(h);
    expect(ids.hash('C120461959')).not.toBe(h);
    expect(h).not.toContain('221508377');
    expect(idLast4('g221508377')).toBe('8377');
  });

  it('SYS-3 rotating SESSION_SECRET changes no hash (lookups keep working)', () => {
    const before = idHasher(config);
    const after = idHasher({ ...config, sessionSecret: 't'.repeat(40) });
    expect(after.hash('G221508377')).toBe(before.hash('G221508377'));
    expect(after.matches(before.hash('G221508377'), 'G221508377')).toBe(true);
  });

  it('SYS-3 rotating DATA_KEY: a hash under DATA_KEY_PREVIOUS still matches and is not current', () => {
    const old = idHasher({ dataKey: 'a'.repeat(40) }).hash('G221508377');
    const rotated = idHasher({ dataKey: 'c'.repeat(40), dataKeyPrevious: 'a'.repeat(40) });
    expect(rotated.matches(old, 'G221508377')).toBe(true);
    expect(rotated.isCurrent(old, 'G221508377')).toBe(false);
    expect(rotated.isCurrent(rotated.hash('G221508377'), 'G221508377')).toBe(true);
    expect(idHasher({ dataKey: 'c'.repeat(40) }).matches(old, 'G221508377')).toBe(false);
  });

  it('SYS-3 recognises both hashes of before (hrdb HMAC and resumes HKDF under SESSION_SECRET) during the transition', () => {
    const secret = config.sessionSecret;
    const hrdbKey = createHmac('sha256', secret).update('shiqiuren/national-id-hash/v1').digest();
    const oldHrdb = createHmac('sha256', hrdbKey).update('G221508377').digest('base64url');
    const resumeKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'id-number', 32));
    const oldResume = createHmac('sha256', resumeKey).update('G221508377', 'utf8').digest('base64url');
    expect(legacyCandidates(secret, 'g221508377')).toEqual([oldHrdb, oldResume]);
    const ids = idHasher(config);
    expect(ids.matches(oldHrdb, 'G221508377') && ids.matches(oldResume, 'G221508377')).toBe(true);
    expect(ids.isCurrent(oldHrdb, 'G221508377')).toBe(false);
    expect(isVersioned(oldHrdb)).toBe(false);
    // Without the session secret (after the transition) a legacy hash is not recognised.
    expect(idHasher({ dataKey: config.dataKey }).matches(oldHrdb, 'G221508377')).toBe(false);
  });
});
