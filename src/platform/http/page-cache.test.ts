// PUB-1 (issue 15): the kept pages of platform/http/page-cache.ts belong to one epoch and are bounded by bytes.
import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.ts';

const body = (text: string) => Buffer.from(text, 'utf8');

describe('PUB-1 page cache', () => {
  it('PUB-1 a page is served only in the epoch it was rendered in; a new epoch drops every kept page', () => {
    const cache = createPageCache(1_000_000);
    const first = {};
    const second = {};
    cache.set(first, '/jobs?keyword=人事', body('舊的結果'));
    expect(cache.get(first, '/jobs?keyword=人事')?.toString()).toBe('舊的結果');
    expect(cache.get(second, '/jobs?keyword=人事')).toBeUndefined();
    cache.set(second, '/jobs', body('新的'));
    // The first epoch's pages are gone even if that epoch is asked again.
    expect(cache.get(first, '/jobs?keyword=人事')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ pages: 1, bytes: body('新的').length });
  });

  it('PUB-1 kept pages never exceed the byte bound: the least recently used go first', () => {
    const cache = createPageCache(100);
    const epoch = {};
    cache.set(epoch, 'a', Buffer.alloc(20));
    cache.set(epoch, 'b', Buffer.alloc(20));
    cache.set(epoch, 'c', Buffer.alloc(20));
    expect(cache.get(epoch, 'a')).toBeDefined(); // a is now the most recently used
    for (const k of ['d', 'e', 'f']) cache.set(epoch, k, Buffer.alloc(20));
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
    expect(cache.get(epoch, 'b')).toBeUndefined();
    expect(cache.get(epoch, 'a')).toBeDefined();
    expect(cache.get(epoch, 'f')).toBeDefined();
  });

  it('PUB-1 a page larger than a quarter of the bound is not kept; a bound of 0 keeps nothing', () => {
    const cache = createPageCache(100);
    cache.set({}, 'big', Buffer.alloc(26));
    expect(cache.stats().pages).toBe(0);
    const off = createPageCache(0);
    const epoch = {};
    off.set(epoch, 'a', Buffer.alloc(1));
    expect(off.get(epoch, 'a')).toBeUndefined();
  });
});
