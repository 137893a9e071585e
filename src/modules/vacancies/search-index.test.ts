// The in-process index against a plain filter over the same rows (the oracle), including after changes held
// in the overlay and after the rebuild it triggers. Pure: no database.
import { describe, expect, it } from 'vitest';
import { foldCompact, foldSearchText } from './search-fold.rules.ts';
import { SearchIndex, byListOrder, type IndexedVacancy } from './search-index.ts';
import { intersect } from './search-postings.ts';

const TODAY = '2026-06-15';
const WORDS = ['人事', '臺北', '台北', '護理師', '工程', '約僱', '資訊', 'Excel', '𠀋', '行政', '會計', '⼈事'];

let seq = 0;
function vacancy(over: Partial<IndexedVacancy> & { words: string[] }): IndexedVacancy {
  seq++;
  const title = over.words.join(' ');
  const orgName = over.orgName ?? (seq % 2 ? '臺北市政府' : '衛生福利部');
  return {
    id: `id-${seq}`,
    workId: `1150${String(seq).padStart(6, '0')}`,
    source: 'form',
    postedAt: new Date(Date.UTC(2026, 5, 1 + (seq % 14), seq % 24)),
    title,
    orgName,
    sysnamText: '',
    rankText: '',
    workPlaces: [seq % 3 ? '10' : '63'],
    workPlaceText: '',
    validFrom: '2026-06-01',
    validTo: seq % 7 ? '2026-06-30' : '2026-06-14',
    sysnamCode: null,
    personKind: '',
    personKindCode: null,
    gradeMin: null,
    gradeMax: null,
    rankTypes: [],
    accessMode: 'open',
    isHandicap: false,
    isOriginal: false,
    isLocalOriginal: false,
    isTraning: false,
    text: foldSearchText(`${title} ${orgName}`),
    org: foldCompact(orgName),
    ...over,
  };
}

function randomRows(n: number, seed: number): IndexedVacancy[] {
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: n }, () => vacancy({ words: Array.from({ length: 1 + Math.floor(next() * 3) }, () => WORDS[Math.floor(next() * WORDS.length)]!) }));
}

function oracle(rows: IndexedVacancy[], keyword: string, place: string[], org = ''): string[] {
  const terms = keyword.split(/\s+/).filter(Boolean).map(foldCompact);
  return rows
    .filter((r) => r.validFrom <= TODAY && r.validTo >= TODAY)
    .filter((r) => terms.every((t) => r.text.includes(t)) && (place.length === 0 || r.workPlaces.some((p) => place.includes(p))) && r.org.includes(foldCompact(org)))
    .sort(byListOrder)
    .map((r) => r.workId);
}

function everyPage(index: SearchIndex, keyword: string, place: string[], org = ''): { total: number; ids: string[] } {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; page < 100; page++) {
    const found = index.search({ filters: { keyword, place, org }, today: TODAY, page, size: 15 });
    total = found.total;
    ids.push(...found.rows.map((r) => r.workId));
    if (found.rows.length < 15) break;
  }
  return { total, ids };
}

const QUERIES: [string, string[], string?][] = [
  ['', []],
  ['人事', []],
  ['臺北', ['10']],
  ['台北 護理師', []],
  ['護理', ['63']],
  ['excel', []],
  ['𠀋', []],
  ['工程 資訊', ['10', '63']],
  ['', [], '台北市'],
  ['人事', [], '衛生'],
];

describe('PUB-1 in-process search index', () => {
  it('PUB-1 lists exactly the oracle matches in list order, on every page', () => {
    const rows = randomRows(600, 7);
    const index = SearchIndex.build(rows);
    for (const [keyword, place, org] of QUERIES) {
      const expected = oracle(rows, keyword, place, org);
      const got = everyPage(index, keyword, place, org);
      expect(got.total, keyword).toBe(expected.length);
      expect(got.ids, keyword).toEqual(expected);
    }
  });

  it('PUB-1 changes held in the overlay (added, edited, removed) and the rebuild past its limit give the same results as a fresh build', () => {
    let rows = randomRows(400, 11);
    let index = SearchIndex.build(rows);
    for (let round = 0; round < 6; round++) {
      const changes = new Map<string, IndexedVacancy | null>();
      const added = randomRows(40 + round * 40, 100 + round);
      for (const r of added) changes.set(r.id, r);
      for (const r of rows.slice(round * 20, round * 20 + 10)) changes.set(r.id, null);
      for (const r of rows.slice(round * 20 + 10, round * 20 + 20)) changes.set(r.id, { ...r, text: foldSearchText(`人事 ${r.text}`), postedAt: new Date(r.postedAt.getTime() + 3_600_000) });
      rows = [...rows.filter((r) => !changes.has(r.id)), ...[...changes.values()].filter((r): r is IndexedVacancy => r !== null)];
      index = index.withChanges(changes);
      expect(index.size).toBe(rows.length);
      for (const [keyword, place, org] of QUERIES) expect(everyPage(index, keyword, place, org).ids, `${round} ${keyword}`).toEqual(oracle(rows, keyword, place, org));
    }
    expect(index.stats.overlay).toBeLessThan(256); // rebuilt at least once on the way
  });

  it('PUB-1 gram lists intersect exactly', () => {
    const a = Int32Array.from([1, 3, 5, 7, 9, 200, 300]);
    const b = Int32Array.from([0, 3, 4, 7, 200, 250, 300, 301]);
    const c = Int32Array.from(Array.from({ length: 1000 }, (_, i) => i));
    expect([...intersect([a, b, c])]).toEqual([3, 7, 200, 300]);
    expect([...intersect([a, new Int32Array(0)])]).toEqual([]);
  });
});
