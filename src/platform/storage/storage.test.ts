import { describe, expect, it } from 'vitest';
import { createStorage } from './index.ts';
import { InvalidStorageKeyError, assertValidContentType, assertValidKey, newObjectKey } from './storage.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

describe('newObjectKey', () => {
  it('SYS-3 makes unguessable prefix/yyyy/mm/<uuid> keys that pass validation', () => {
    const key = newObjectKey('resumes', new Date('2026-11-15T03:00:00Z'));
    expect(key).toMatch(new RegExp(`^resumes/2026/11/${UUID}$`, 'u'));
    expect(() => assertValidKey(key)).not.toThrow();
    expect(newObjectKey('resumes')).not.toBe(newObjectKey('resumes'));
    expect(newObjectKey('exports/csv/', new Date('2026-01-01T00:00:00Z'))).toMatch(/^exports\/csv\/2026\/01\//u);
  });

  it('uses the Taipei calendar month, whatever the host time zone', () => {
    // 2026-11-30T16:30Z is already 2026-12-01 00:30 in Taipei.
    expect(newObjectKey('resumes', new Date('2026-11-30T16:30:00Z'))).toMatch(/^resumes\/2026\/12\//u);
  });

  it('SYS-3 refuses prefixes that are not safe keys', () => {
    for (const prefix of ['', '/abs', '../up', 'Upper', '王小明', 'a b']) {
      expect(() => newObjectKey(prefix), prefix).toThrow(InvalidStorageKeyError);
    }
  });
});

describe('assertValidContentType', () => {
  it('accepts plain media types with parameters and refuses anything header-breaking', () => {
    for (const ok of ['application/pdf', 'text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']) {
      expect(() => assertValidContentType(ok), ok).not.toThrow();
    }
    for (const bad of ['', 'pdf', 'text/html\r\nX: y', 'text/plain; charset="a\nb"', 'a/b c']) {
      expect(() => assertValidContentType(bad), JSON.stringify(bad)).toThrow();
    }
  });
});

describe('createStorage', () => {
  it('builds either adapter from the config shape', () => {
    expect(typeof createStorage({ driver: 'disk', dir: '/nonexistent/not-touched' }).put).toBe('function');
    const s3 = createStorage({ driver: 's3', bucket: 'b', region: 'ap-northeast-1', forcePathStyle: false });
    expect(typeof s3.exists).toBe('function');
  });
});
