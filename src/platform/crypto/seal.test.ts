// SYS-5 / RES-11 (issue 16 item 2): parked forms are encrypted at rest (AES-256-GCM under a DATA_KEY sub-key),
// bound to where they are stored, and still open after a DATA_KEY rotation (ADR 0005).
import { describe, expect, it } from 'vitest';
import { seal, unseal } from './seal.ts';

const KEY = 'k'.repeat(40);
const OTHER = 'o'.repeat(40);
const TEXT = '{"v":1,"values":{"autobiography":"我出生於臺南市。"}}';

describe('seal (encryption at rest)', () => {
  it('SYS-5 a sealed text opens with the same key, label and context, and holds no plaintext', () => {
    const sealed = seal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-1\n/platform/resume', TEXT);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('臺南');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('utf8')).not.toContain('autobiography');
    expect(unseal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-1\n/platform/resume', sealed)).toBe(TEXT);
  });

  it('SYS-5 every seal uses a new nonce: the same text twice gives two different values', () => {
    const a = seal({ dataKey: KEY }, 'l', 'c', TEXT);
    expect(seal({ dataKey: KEY }, 'l', 'c', TEXT)).not.toBe(a);
  });

  it('SYS-5 another context (account or page), label or key does not open it; a changed byte does not either', () => {
    const sealed = seal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-1\n/platform/resume', TEXT);
    expect(unseal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-2\n/platform/resume', sealed)).toBeNull();
    expect(unseal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-1\n/platform/register', sealed)).toBeNull();
    expect(unseal({ dataKey: KEY }, 'other-use', 'applicant\nid-1\n/platform/resume', sealed)).toBeNull();
    expect(unseal({ dataKey: OTHER }, 'parked-form/v1', 'applicant\nid-1\n/platform/resume', sealed)).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(unseal({ dataKey: KEY }, 'parked-form/v1', 'applicant\nid-1\n/platform/resume', `v1.${raw.toString('base64url')}`)).toBeNull();
    for (const junk of ['', 'v1.', 'v2.abc', 'plain text', 'v1.AAAA']) expect(unseal({ dataKey: KEY }, 'l', 'c', junk)).toBeNull();
  });

  it('SYS-5 after a DATA_KEY rotation the previous key still opens what it sealed', () => {
    const sealed = seal({ dataKey: OTHER }, 'l', 'c', TEXT);
    expect(unseal({ dataKey: KEY, dataKeyPrevious: OTHER }, 'l', 'c', sealed)).toBe(TEXT);
    expect(unseal({ dataKey: KEY }, 'l', 'c', sealed)).toBeNull();
  });
});
