// Parts of the search form rendered once and reused (see cachedPart).
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { codeTablesGeneration } from '../../reference/index.ts';

/**
 * The form's option lists (113 職系, 人員區分, 22 工作地 …) are the same on every page but for what is chosen:
 * each part is rendered once per language, chosen values and error, then reused (measured in CPU time per
 * request, fastify.inject, 1,000 pages: the form page 1.29–1.43 ms → 0.94–1.29 ms; /healthz 0.18 ms; rendering
 * is what bounds search throughput once the search itself is in memory: docs/adr/0008-search-serving.md). Bounded: past
 * PART_CACHE_MAX keys (odd values in the URL) parts are rendered each time.
 */
const PART_CACHE_MAX = 5_000;
const partCache = new Map<string, JSX.Element>();
/** The code tables the cached parts were rendered from: the back office may change them (ADM-2). */
let partGeneration = -1;
export function cachedPart(key: string, render: () => JSX.Element): JSX.Element {
  if (partGeneration !== codeTablesGeneration()) {
    partCache.clear();
    partGeneration = codeTablesGeneration();
  }
  const hit = partCache.get(key);
  if (hit !== undefined) return hit;
  const out = render();
  if (typeof out === 'string' && partCache.size < PART_CACHE_MAX) partCache.set(key, out);
  return out;
}
export const partKey = (locale: Locale, name: string, value: string | readonly string[], error: string | undefined) => JSON.stringify([locale, name, value, error ?? null]);

