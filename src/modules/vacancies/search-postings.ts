// PUB-1 in-process index: for every 1- and 2-unit gram (UTF-16 code units, white space left out) of the
// folded search texts, the sorted positions of the texts that hold it. A term of 1–2 code units is found
// exactly by its list; a longer one by intersecting the lists of some of its bigrams, then checked with
// String.prototype.includes. Built in two passes (count, then fill) into one Int32Array. Pure: no I/O.

const SPACE = 0x20;

/** The key of a unigram (its code unit) or of a bigram (≥ 65,536: both units). */
function bigramKey(a: number, b: number): number {
  return a * 65_536 + b;
}

export interface Postings {
  /** Positions (ascending) of the texts holding `gram` (1 or 2 code units, no space); empty when none. */
  of(gram: string): Int32Array;
  /** Number of distinct grams. */
  readonly grams: number;
  /** Bytes of the position lists. */
  readonly bytes: number;
}

const EMPTY = new Int32Array(0);

/** Calls `visit(key)` for every gram of `text` (duplicates included). */
function eachGram(text: string, visit: (key: number) => void): void {
  let prev = SPACE;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      prev = SPACE;
      continue;
    }
    visit(c);
    if (prev !== SPACE) visit(bigramKey(prev, c));
    prev = c;
  }
}

export function buildPostings(texts: readonly string[]): Postings {
  const slots = new Map<number, number>();
  let counts = new Int32Array(1024);
  let lastSeen = new Int32Array(1024).fill(-1);
  let row = 0;
  const count = (key: number) => {
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(key, slot);
      if (slot >= counts.length) {
        const grownCounts = new Int32Array(counts.length * 2);
        grownCounts.set(counts);
        counts = grownCounts;
        const grownSeen = new Int32Array(lastSeen.length * 2).fill(-1);
        grownSeen.set(lastSeen);
        lastSeen = grownSeen;
      }
    }
    if (lastSeen[slot] !== row) {
      lastSeen[slot] = row;
      counts[slot]!++;
    }
  };
  for (row = 0; row < texts.length; row++) eachGram(texts[row]!, count);

  const n = slots.size;
  const offsets = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) offsets[s + 1] = offsets[s]! + counts[s]!;
  const data = new Int32Array(offsets[n]!);
  const cursor = offsets.slice(0, n);
  lastSeen.fill(-1);
  const fill = (key: number) => {
    const slot = slots.get(key)!;
    if (lastSeen[slot] !== row) {
      lastSeen[slot] = row;
      data[cursor[slot]!++] = row;
    }
  };
  for (row = 0; row < texts.length; row++) eachGram(texts[row]!, fill);

  return {
    of(gram: string): Int32Array {
      const key = gram.length === 1 ? gram.charCodeAt(0) : gram.length === 2 ? bigramKey(gram.charCodeAt(0), gram.charCodeAt(1)) : -1;
      const slot = slots.get(key);
      return slot === undefined ? EMPTY : data.subarray(offsets[slot]!, offsets[slot + 1]!);
    },
    grams: n,
    bytes: data.byteLength + offsets.byteLength,
  };
}

/** The code-unit bigrams of a term of 3+ units (white-space free). */
export function unitBigrams(term: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) out.add(term.slice(i, i + 2));
  return [...out];
}

/** Positions in every list (all ascending); the shortest list drives, the others are searched by galloping. */
export function intersect(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return EMPTY;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0]!;
  for (let k = 1; k < sorted.length && acc.length > 0; k++) {
    const other = sorted[k]!;
    const out = new Int32Array(acc.length);
    let n = 0;
    let lo = 0;
    for (let i = 0; i < acc.length; i++) {
      const v = acc[i]!;
      // gallop to the first element ≥ v
      let step = 1;
      let hi = lo;
      while (hi < other.length && other[hi]! < v) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > other.length) hi = other.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (other[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo < other.length && other[lo] === v) out[n++] = v;
    }
    acc = out.subarray(0, n);
  }
  return acc;
}
