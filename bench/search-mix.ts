// The search mix of the benchmarks: `count` different /jobs searches whose keywords are taken from the real
// feed's job titles (assets/demo/dgpa-opendata-1050515.xml) — a third each of 1-, 2- and 3–4-character
// keywords (letters and digits only, cut at a random place of a random title) — 60 % of them with one 工作地
// (a current county code). Deterministic (seeded), so every run and database gets the same URLs.
import { readFileSync } from 'node:fs';
import { currentWorkPlaces } from '../src/modules/reference/codes.ts';
import { REAL_FEED } from './synthetic-vacancies.ts';

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function realTitles(): string[] {
  const xml = readFileSync(REAL_FEED, 'utf8');
  return [...xml.matchAll(/<TITLE>([^<]*)<\/TITLE>/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

export interface MixEntry {
  path: string;
  keyword: string;
  place: string | null;
}

export function searchMix(count = 400, seed = 15): MixEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const titles = realTitles().map((t) => [...t].filter((c) => /[\p{L}\p{N}]/u.test(c)));
  const places = currentWorkPlaces().map((p) => p.code);
  const out: MixEntry[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < count * 100; attempt++) {
    const length = [1, 2, 2 + Math.ceil(next() * 2)][out.length % 3]!; // 1, 2, then 3 or 4
    const chars = pick(titles);
    if (chars.length < length) continue;
    const at = Math.floor(next() * (chars.length - length + 1));
    const keyword = chars.slice(at, at + length).join('');
    const place = next() < 0.6 ? pick(places) : null;
    const params = new URLSearchParams({ keyword });
    if (place) params.set('place', place);
    const path = `/jobs?${params.toString()}`;
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, keyword, place });
  }
  return out;
}
