import { describe, expect, it } from 'vitest';
import { isSafeLanding, safeLanding } from './landing.ts';

describe('safeLanding (the one landing check)', () => {
  it('SYS-4 item 1: same-site absolute paths are kept, with their query and fragment', () => {
    for (const p of ['/', '/platform/resume', '/jobs?place=10&q=%E6%B8%AC', '/a#b']) expect(safeLanding(p, '/x')).toBe(p);
  });

  it('SYS-4 item 1: protocol-relative, backslash, absolute and non-path targets give the fallback', () => {
    const bad = ['//evil.example', '/\\evil.example', '/\t/evil.example/phish', '\t//evil.example', 'https://evil.example', 'evil.example', '', ' /x', '/a\\b', '/%2F/evil.example', '/%5Cevil.example'];
    for (const p of bad) expect(safeLanding(p, '/fallback'), JSON.stringify(p)).toBe('/fallback');
    for (const p of [undefined, null, 42, ['/a'], { a: 1 }]) expect(safeLanding(p, '/f')).toBe('/f');
  });

  it('SYS-4 item 2: control, whitespace and non-ASCII characters, raw or percent-encoded, give the fallback', () => {
    const bad = ['/\n', '/\r', '/\0', '/%0a', '/%0d', '/%00', '/%FF', '/%E3%80%80', '/%09/evil.example', '/a b', '/\u3000', '/職缺', '/%', '/%E2%80%8Ex', '/' + 'a'.repeat(1000)];
    for (const p of bad) expect(isSafeLanding(p), JSON.stringify(p)).toBe(false);
  });

  it('SYS-4 item 1: excluded paths (the sign-in pages) give the fallback, their neighbours do not', () => {
    expect(safeLanding('/platform/login?next=/x', '/f', { exclude: ['/platform/login'] })).toBe('/f');
    expect(safeLanding('/platform/login/x', '/f', { exclude: ['/platform/login'] })).toBe('/f');
    expect(safeLanding('/platform/loginx', '/f', { exclude: ['/platform/login'] })).toBe('/platform/loginx');
  });
});
