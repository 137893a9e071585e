// The search mix of the benchmarks: `count` different /jobs searches whose keywords are taken from the real
// feed's job titles (assets/demo/dgpa-opendata-1050515.xml) — a third each of 1-, 2- and 3–4-character
// keywords (letters and digits only, cut at a random place of a random title) — 60 % of them with one 工作地
// (a current county code). Deterministic (seeded), so every run and database gets the same URLs.
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../src/modules/hrdb/dataset.generator.ts';
import { currentWorkPlaces } from '../src/modules/reference/codes.ts';
import { REAL_FEED } from './synthetic-vacancies.ts';

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
  const next = mulberry32(seed);
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
