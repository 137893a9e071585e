// Rendered pages kept while the data they show is unchanged (issue 15, ADR 0008 addendum 2).
//
// A page may be kept only when it is a pure function of its key and of an `epoch`: an immutable object that is
// replaced by every change that can alter the page (the search's in-process index is one: every committed change
// to a vacancy, and the midnight expiry, give a new index). The cache holds the pages of one epoch; the first
// request of a new epoch drops them all, so a kept page is never older than the data it shows.
// Only what a visitor without a session sees may be kept (the caller checks: no principal, no flash, no CSRF
// token on the page); the headers of every answer are still made per request (cookies, CSP, rate limit).
// Bounded by bytes, least recently used out first.
import type { FastifyRequest } from 'fastify';
import type { PageContext } from './context.ts';

export interface PageCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly pages: number;
  readonly bytes: number;
}

export interface PageCache {
  /** The kept body for `key` if it was rendered in this `epoch`. */
  get(epoch: object, key: string): Buffer | undefined;
  /** Keeps `body` for `key` in `epoch` (an older epoch's pages are dropped first). */
  set(epoch: object, key: string, body: Buffer): void;
  stats(): PageCacheStats;
}

export function createPageCache(maxBytes: number): PageCache {
  let epoch: object | null = null;
  let pages = new Map<string, Buffer>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const enter = (e: object) => {
    if (e === epoch) return;
    epoch = e;
    pages = new Map();
    bytes = 0;
  };

  return {
    get(e, key) {
      if (e !== epoch || maxBytes <= 0) {
        misses++;
        return undefined;
      }
      const body = pages.get(key);
      if (body === undefined) {
        misses++;
        return undefined;
      }
      hits++;
      pages.delete(key);
      pages.set(key, body);
      return body;
    },
    set(e, key, body) {
      if (maxBytes <= 0 || body.length > maxBytes / 4) return;
      enter(e);
      const had = pages.get(key);
      if (had) bytes -= had.length;
      pages.delete(key);
      pages.set(key, body);
      bytes += body.length;
      for (const [k, b] of pages) {
        if (bytes <= maxBytes) break;
        pages.delete(k);
        bytes -= b.length;
      }
    },
    stats: () => ({ hits, misses, pages: pages.size, bytes }),
  };
}

/**
 * The key of this request's page in a PageCache, or null when its page may not be kept: a signed-in visitor or
 * one with a flash message sees a page of their own. `vary` names what else the page depends on (the day, the
 * code tables' generation …); the language and the whole URL are always part of the key.
 */
export function pageKey(req: FastifyRequest, ctx: PageContext, vary: string): string | null {
  if (req.principal !== null || req.flashIn.length > 0) return null;
  return `${ctx.locale}|${vary}|${req.url}`;
}

/**
 * Renders the page and keeps it under `key` (when not null) in `epoch`, unless rendering made a CSRF token: a
 * page with a form that posts belongs to the visitor it was made for.
 */
export async function renderKept(cache: PageCache, epoch: object, key: string | null, ctx: PageContext, render: (ctx: PageContext) => JSX.Element): Promise<string> {
  let tokenMade = false;
  const html = await render({ ...ctx, csrf: () => ((tokenMade = true), ctx.csrf()) });
  if (key !== null && !tokenMade) cache.set(epoch, key, Buffer.from(html, 'utf8'));
  return html;
}
