// PUB-1 search served from memory (docs/adr/0008-search-serving.md): the candidate vacancies (approved, not
// deleted, valid_to ≥ the day of the load) sorted as the page lists them (newest first, then the larger 職缺編號),
// with the gram lists of their folded texts (search-postings.ts). Changes since the build sit in a small
// overlay (changed rows, checked one by one) until it is large enough to rebuild. Immutable: a change gives a
// new index, so a search never sees half a change. Same matches and order as the SQL of vacancy.repo.ts, with
// text folded (search-fold.rules.ts). Pure: no I/O.
import { personKindName, sysnamName } from '../reference/index.ts';
import { foldCompact } from './search-fold.rules.ts';
import { buildPostings, intersect, unitBigrams, type Postings } from './search-postings.ts';
import { EMPTY_FILTERS, KEYWORD_TERMS_MAX, postedRange, splitTerms, type SearchFilters } from './search.rules.ts';
import type { VacancyListRow } from './vacancy.repo.ts';

/** A candidate vacancy: the columns of the result list, those the filters read, and its folded texts. */
export interface IndexedVacancy extends VacancyListRow {
  sysnamCode: string | null;
  personKind: string;
  personKindCode: string | null;
  gradeMin: number | null;
  gradeMax: number | null;
  rankTypes: string[];
  accessMode: string;
  isHandicap: boolean;
  isOriginal: boolean;
  isLocalOriginal: boolean;
  isTraning: boolean;
  /** foldSearchText of title, 機關名稱, 資格條件, 工作項目 joined by spaces. */
  text: string;
  /** foldCompact of 機關名稱. */
  org: string;
}

export interface IndexSearch {
  filters: Partial<SearchFilters> & Pick<SearchFilters, 'keyword' | 'place'>;
  today: string;
  page: number;
  size: number;
}

/** Newest first; the larger 職缺編號 first within a posting instant (as vacancy.repo.ts searchOrder). */
export function byListOrder(a: IndexedVacancy, b: IndexedVacancy): number {
  return b.postedAt.getTime() - a.postedAt.getTime() || (a.workId < b.workId ? 1 : a.workId > b.workId ? -1 : 0);
}

/** The folded keyword terms, distinct, at most KEYWORD_TERMS_MAX. */
export function foldedTerms(keyword: string): string[] {
  const out: string[] = [];
  for (const raw of splitTerms(keyword)) {
    const t = foldCompact(raw);
    if (t !== '' && !out.includes(t)) out.push(t);
    if (out.length === KEYWORD_TERMS_MAX) break;
  }
  return out;
}

type Predicate = (r: IndexedVacancy) => boolean;

const placesPredicate = (place: readonly string[]): Predicate => {
  const places = new Set(place);
  return (r) => r.workPlaces.some((p) => places.has(p));
};

/** Every condition but the text ones (published today, then the filters), as in searchConditions. */
function filterPredicate(f: SearchFilters, today: string): Predicate {
  const rest = otherFilters(f);
  const place = f.place.length ? placesPredicate(f.place) : null;
  return (r) => r.validFrom <= today && r.validTo >= today && (place === null || place(r)) && (rest === null || rest(r));
}

/** The filters other than the day and 工作地 (which the base index checks on typed arrays); null when none. */
function otherFilters(f: SearchFilters): Predicate | null {
  const checks: Predicate[] = [];
  if (f.sysnam !== null) {
    const code = f.sysnam;
    const name = code === '0100' ? null : sysnamName(code);
    checks.push(name === null ? (r) => r.sysnamCode === code : (r) => r.sysnamCode === code || (r.sysnamCode === null && r.sysnamText.includes(name)));
  }
  if (f.rank.length) {
    const ranks = new Set<string>(f.rank);
    checks.push((r) => r.rankTypes.some((t) => ranks.has(t)));
  }
  if (f.grade !== null) {
    const g = f.grade;
    checks.push((r) => {
      const lo = r.gradeMin ?? r.gradeMax;
      const hi = r.gradeMax ?? r.gradeMin;
      return lo !== null && hi !== null && lo <= g && hi >= g;
    });
  }
  if (f.kind !== null) {
    const code = f.kind;
    const name = personKindName(code);
    checks.push(name === null ? (r) => r.personKindCode === code : (r) => r.personKindCode === code || (r.personKindCode === null && r.personKind === name));
  }
  if (f.access !== null) {
    const access = f.access;
    checks.push((r) => r.accessMode === access);
  }
  for (const s of f.special) {
    const column = ({ handicap: 'isHandicap', original: 'isOriginal', local_original: 'isLocalOriginal', traning: 'isTraning' } as const)[s];
    checks.push((r) => r[column]);
  }
  const posted = postedRange(f.from, f.to);
  if (posted.start !== null) {
    const start = Date.parse(posted.start);
    checks.push((r) => r.postedAt.getTime() >= start);
  }
  if (posted.end !== null) {
    const end = Date.parse(posted.end);
    checks.push((r) => r.postedAt.getTime() < end);
  }
  if (checks.length === 0) return null;
  return (r) => {
    for (const check of checks) if (!check(r)) return false;
    return true;
  };
}

/** 'YYYY-MM-DD' → YYYYMMDD (same order). */
const dayNumber = (iso: string): number => Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/**
 * The base: rows in list order, and what most searches check on every candidate in typed arrays (measured at
 * 200,000 rows: reading those fields from the row objects cost 34 ms a search, mostly cache misses).
 */
interface Base {
  rows: IndexedVacancy[];
  position: Map<string, number>;
  postings: Postings;
  validFrom: Int32Array;
  validTo: Int32Array;
  /** Bit b set: the row has the 工作地 code of bit b (the first 32 codes seen; others are checked on the row). */
  placeBits: Uint32Array;
  placeBit: Map<string, number>;
}

function buildBase(rows: IndexedVacancy[]): Base {
  const sorted = [...rows].sort(byListOrder);
  const n = sorted.length;
  const validFrom = new Int32Array(n);
  const validTo = new Int32Array(n);
  const placeBits = new Uint32Array(n);
  const placeBit = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = sorted[i]!;
    validFrom[i] = dayNumber(r.validFrom);
    validTo[i] = dayNumber(r.validTo);
    let bits = 0;
    for (const code of r.workPlaces) {
      let bit = placeBit.get(code);
      if (bit === undefined && placeBit.size < 32) placeBit.set(code, (bit = placeBit.size));
      if (bit !== undefined) bits |= 1 << bit;
    }
    placeBits[i] = bits >>> 0;
  }
  return { rows: sorted, position: new Map(sorted.map((r, i) => [r.id, i])), postings: buildPostings(sorted.map((r) => r.text)), validFrom, validTo, placeBits, placeBit };
}

/** Overlay size that triggers a rebuild: changes are checked row by row until then. */
const overlayLimit = (baseRows: number) => Math.max(256, Math.floor(baseRows / 20));

export class SearchIndex {
  private constructor(
    private readonly base: Base,
    /** Changed since the build: the row as it is now, or null when it is no longer a candidate. */
    private readonly overlay: ReadonlyMap<string, IndexedVacancy | null>,
    private readonly overlayRows: readonly IndexedVacancy[],
    /** 1 at base positions that the overlay replaces. */
    private readonly dead: Uint8Array,
  ) {}

  static build(rows: IndexedVacancy[]): SearchIndex {
    const base = buildBase(rows);
    return new SearchIndex(base, new Map(), [], new Uint8Array(base.rows.length));
  }

  /** Candidate rows held (overlay included). */
  get size(): number {
    let n = this.overlayRows.length;
    for (let i = 0; i < this.base.rows.length; i++) if (this.dead[i] === 0) n++;
    return n;
  }

  get stats(): { baseRows: number; overlay: number; grams: number; postingBytes: number } {
    return { baseRows: this.base.rows.length, overlay: this.overlay.size, grams: this.base.postings.grams, postingBytes: this.base.postings.bytes };
  }

  /** Every candidate row now held. */
  allRows(): IndexedVacancy[] {
    return [...this.base.rows.filter((_, i) => this.dead[i] === 0), ...this.overlayRows];
  }

  /** The index with these rows replaced (null: removed); rebuilt when the overlay grows past its limit. */
  withChanges(changes: ReadonlyMap<string, IndexedVacancy | null>): SearchIndex {
    if (changes.size === 0) return this;
    const overlay = new Map(this.overlay);
    for (const [id, row] of changes) overlay.set(id, row);
    if (overlay.size > overlayLimit(this.base.rows.length)) {
      const rows = this.base.rows.filter((r) => !overlay.has(r.id));
      for (const row of overlay.values()) if (row) rows.push(row);
      return SearchIndex.build(rows);
    }
    const dead = this.dead.slice();
    for (const id of changes.keys()) {
      const at = this.base.position.get(id);
      if (at !== undefined) dead[at] = 1;
    }
    const overlayRows = [...overlay.values()].filter((r): r is IndexedVacancy => r !== null).sort(byListOrder);
    return new SearchIndex(this.base, overlay, overlayRows, dead);
  }

  /** One page of the published vacancies matching the filters on `today`, and their number. */
  search(q: IndexSearch): { total: number; rows: IndexedVacancy[] } {
    const f: SearchFilters = { ...EMPTY_FILTERS, ...q.filters };
    const terms = foldedTerms(f.keyword);
    const org = foldCompact(f.org);
    const keep = filterPredicate(f, q.today);
    const offset = (q.page - 1) * q.size;

    // Base: candidates from the gram lists; terms of 1–2 code units are exact there, longer ones and the
    // 機關名稱 are confirmed on the text.
    const lists: Int32Array[] = [];
    const confirm: string[] = [];
    for (const term of terms) {
      if (term.length <= 2) lists.push(this.base.postings.of(term));
      else {
        confirm.push(term);
        lists.push(...rarest(unitBigrams(term).map((g) => this.base.postings.of(g)), 3));
      }
    }
    if (org !== '') lists.push(...rarest([...new Set(org)].map((c) => this.base.postings.of(c)), 2));
    const candidates = lists.length ? intersect(lists) : null;
    const { rows, validFrom, validTo, placeBits, placeBit } = this.base;
    const day = dayNumber(q.today);
    // 工作地 on the bits when every chosen code has one (a row's other codes cannot be a chosen one), else on the row.
    let placeMask = 0;
    let placeOnRow: Predicate | null = null;
    for (const code of f.place) {
      const bit = placeBit.get(code);
      if (bit === undefined) placeOnRow = placesPredicate(f.place);
      else placeMask |= 1 << bit;
    }
    if (placeOnRow) placeMask = 0;
    const rest = otherFilters(f);
    const count = candidates ? candidates.length : rows.length;
    const matches: number[] = [];
    const collectAll = this.overlayRows.length > 0;
    let total = 0;
    const page: IndexedVacancy[] = [];
    for (let k = 0; k < count; k++) {
      const i = candidates ? candidates[k]! : k;
      if (this.dead[i] === 1 || validFrom[i]! > day || validTo[i]! < day) continue;
      if (placeMask !== 0 && (placeBits[i]! & placeMask) === 0) continue;
      if (placeOnRow !== null || rest !== null || confirm.length !== 0 || org !== '') {
        const r = rows[i]!;
        if (placeOnRow !== null && !placeOnRow(r)) continue;
        if (rest !== null && !rest(r)) continue;
        if (confirm.length && !confirm.every((t) => r.text.includes(t))) continue;
        if (org !== '' && !r.org.includes(org)) continue;
      }
      if (collectAll) matches.push(i);
      else if (total >= offset && total < offset + q.size) page.push(rows[i]!);
      total++;
    }
    if (!collectAll) return { total, rows: page };

    // Overlay: every changed row checked on its own, then merged into the base's order.
    const extra = this.overlayRows.filter((r) => keep(r) && terms.every((t) => r.text.includes(t)) && (org === '' || r.org.includes(org)));
    const merged: IndexedVacancy[] = [];
    let a = 0;
    let b = 0;
    while (merged.length < offset + q.size && (a < matches.length || b < extra.length)) {
      const fromBase = b >= extra.length || (a < matches.length && byListOrder(rows[matches[a]!]!, extra[b]!) <= 0);
      merged.push(fromBase ? rows[matches[a++]!]! : extra[b++]!);
    }
    return { total: total + extra.length, rows: merged.slice(offset) };
  }
}

/** The `n` shortest lists (an empty one first: nothing matches). */
function rarest(lists: Int32Array[], n: number): Int32Array[] {
  return [...lists].sort((a, b) => a.length - b.length).slice(0, n);
}
