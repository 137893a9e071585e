// PUB-4 conditional GET rules, pure: strong ETag, monotonic Last-Modified, 304 decisions (RFC 9110 §13).
import { describe, expect, it } from 'vitest';
import { nextLastModified, notModified, strongEtag } from './http-cache.rules.ts';

const rep = { etag: '"abc"', lastModified: new Date('2026-05-27T02:00:00Z') };
const httpDate = (iso: string) => new Date(iso).toUTCString();

describe('PUB-4 HTTP caching rules', () => {
  it('PUB-4 the ETag is strong and depends on the bytes only', () => {
    const a = strongEtag(Buffer.from('職缺'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongEtag(Buffer.from('職缺'))).toBe(a);
    expect(strongEtag(Buffer.from('職缺 '))).not.toBe(a);
  });

  it('PUB-4 If-None-Match: a listed tag or * → 304; W/ ignored; another tag → 200, even with a matching If-Modified-Since', () => {
    expect(notModified({ 'if-none-match': '"abc"' }, rep)).toBe(true);
    expect(notModified({ 'if-none-match': '"x", "abc"' }, rep)).toBe(true);
    expect(notModified({ 'if-none-match': 'W/"abc"' }, rep)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, rep)).toBe(true);
    expect(notModified({ 'if-none-match': '"abd"' }, rep)).toBe(false);
    expect(notModified({ 'if-none-match': '"abd"', 'if-modified-since': httpDate('2026-05-28T00:00:00Z') }, rep)).toBe(false);
  });

  it('PUB-4 If-Modified-Since: 304 when not modified since; an unreadable date is ignored', () => {
    expect(notModified({ 'if-modified-since': httpDate('2026-05-27T02:00:00Z') }, rep)).toBe(true);
    expect(notModified({ 'if-modified-since': httpDate('2026-05-27T03:00:00Z') }, rep)).toBe(true);
    expect(notModified({ 'if-modified-since': httpDate('2026-05-27T01:59:59Z') }, rep)).toBe(false);
    expect(notModified({ 'if-modified-since': 'yesterday' }, rep)).toBe(false);
    expect(notModified({}, rep)).toBe(false);
  });

  it('PUB-4 Last-Modified stays while the body is the same and moves at least a second when it changes', () => {
    const now = new Date('2026-05-27T02:00:00.700Z');
    expect(nextLastModified(undefined, '"a"', now)).toEqual(new Date('2026-05-27T02:00:00Z'));
    const prev = { etag: '"a"', lastModified: new Date('2026-05-27T02:00:00Z') };
    expect(nextLastModified(prev, '"a"', new Date('2026-05-27T09:00:00Z'))).toBe(prev.lastModified);
    expect(nextLastModified(prev, '"b"', now)).toEqual(new Date('2026-05-27T02:00:01Z')); // same second: one later
    expect(nextLastModified(prev, '"b"', new Date('2026-05-27T03:00:00.5Z'))).toEqual(new Date('2026-05-27T03:00:00Z'));
  });
});
