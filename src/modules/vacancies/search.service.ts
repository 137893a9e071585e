// PUB-1 search use case: one page of the published vacancies, served from this process's in-process index
// (search-index.ts), which is brought up to date with the database before every search
// (docs/adr/0008-search-serving.md):
// - a search reads the change-log version (one primary-key row); when it moved, only the vacancies logged
//   since are read again (search-index.repo.ts), so a change committed before a search began is in its result;
// - searches that arrive while a check is running share the next check (at most one running, one waiting),
//   so under load the version is read once per round trip, not once per request;
// - on PGlite (one process: every write is this process's) the trigger's notification reaches this process's
//   listener before the writer's COMMIT returns, so a search reads the database only when a notification
//   says the version moved (the version query cost 0.2–1.2 ms of the single connection per search);
// - the index holds candidates with valid_to ≥ the day it was loaded, and checks the day at each search:
//   the midnight expiry needs no event; on a new day the index is reloaded in the background (to drop the
//   expired rows), and at once if the clock goes back before the loaded day.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../../platform/db/client.ts';
import { SearchIndex, type IndexSearch, type IndexedVacancy } from './search-index.ts';
import { loadSearchCandidates, loadSearchDelta } from './search-index.repo.ts';

interface Loaded {
  index: SearchIndex;
  version: number;
  /** The index holds the candidates for days from this one on. */
  fromDay: string;
}

class IndexHolder {
  private loaded: Loaded | null = null;
  private running: Promise<void> | null = null;
  private waiting: Promise<void> | null = null;
  private reloading = false;
  /** PGlite: the highest version notified; null until listening (or when listening failed). */
  private notified: number | null = null;
  private readonly listening: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    pglite: PGlite | undefined,
  ) {
    this.listening = pglite
      ? pglite.listen('vacancy_search', (payload) => (this.notified = Math.max(this.notified ?? 0, Number(payload) || 0))).then(
          () => void (this.notified ??= 0),
          () => undefined, // no listener: every search checks the version in the database
        )
      : Promise.resolve();
  }

  /** The day of the latest search: a background reload for a later day is dropped if the clock went back. */
  private lastDay = '';

  /** The index, current with every change committed before this call. */
  async current(today: string): Promise<SearchIndex> {
    this.lastDay = today;
    const loaded = this.loaded;
    if (loaded && this.notified !== null && this.notified <= loaded.version && today === loaded.fromDay) return loaded.index;
    await this.listening;
    await this.check(today);
    return this.loaded!.index;
  }

  private check(today: string): Promise<void> {
    if (!this.running) {
      this.running = this.refresh(today).finally(() => (this.running = null));
      return this.running;
    }
    // The running check may have read the version before this search began: wait for the next one.
    this.waiting ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = null;
        return this.check(today);
      });
    return this.waiting;
  }

  private async refresh(today: string): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || today < loaded.fromDay) return this.reload(today);
    const maxIds = Math.max(1_000, Math.floor(loaded.index.stats.baseRows / 4));
    const delta = await loadSearchDelta(this.pool, loaded.version, loaded.fromDay, maxIds);
    if (delta.kind === 'reload') return this.reload(today);
    if (delta.kind === 'changes') this.loaded = { ...loaded, index: loaded.index.withChanges(delta.changes), version: delta.version };
    if (today > loaded.fromDay && !this.reloading) this.reloadInBackground(today);
  }

  private async reload(today: string): Promise<void> {
    const { version, rows } = await loadSearchCandidates(this.pool, today);
    this.loaded = { index: SearchIndex.build(rows), version, fromDay: today };
  }

  /** A new day: load again without the expired rows, then catch up on what changed meanwhile. */
  private reloadInBackground(today: string): void {
    this.reloading = true;
    loadSearchCandidates(this.pool, today)
      .then(async ({ version, rows }) => {
        let fresh: Loaded = { index: SearchIndex.build(rows), version, fromDay: today };
        // Changes committed while the load ran are in the current index; applied to the new one before the swap.
        const delta = await loadSearchDelta(this.pool, version, today, Number.MAX_SAFE_INTEGER);
        if (delta.kind === 'changes') fresh = { ...fresh, index: fresh.index.withChanges(delta.changes), version: delta.version };
        if (delta.kind !== 'reload' && this.loaded && this.loaded.fromDay < today && this.lastDay >= today && fresh.version >= this.loaded.version) this.loaded = fresh;
      })
      .catch(() => undefined) // the current index stays correct (a superset, filtered by day): retried on the next search
      .finally(() => (this.reloading = false));
  }
}

const holders = new WeakMap<pg.Pool, IndexHolder>();

type SearchDatabase = Pick<Database, 'pool' | 'pglite'>;

function holderOf(database: SearchDatabase): IndexHolder {
  let holder = holders.get(database.pool);
  if (!holder) {
    holder = new IndexHolder(database.pool, database.pglite);
    holders.set(database.pool, holder);
  }
  return holder;
}

/**
 * Results of recent searches, per index: an index is immutable and every change makes a new one, so an entry can
 * never be stale. Bounded (least recently used out past RESULTS_MAX).
 */
const RESULTS_MAX = 5_000;
const results = new WeakMap<SearchIndex, Map<string, { total: number; rows: IndexedVacancy[] }>>();

/**
 * One page of the published vacancies matching the search on `today`, and their number (PUB-1). `epoch` is the
 * index the answer came from: immutable, and replaced by every change that can alter any search's answer, so a
 * page rendered from this answer may be kept while the epoch stays the same (platform/http/page-cache.ts).
 */
export async function searchVacancies(
  database: SearchDatabase,
  search: Omit<IndexSearch, 'today'>,
  today: string,
): Promise<{ total: number; rows: IndexedVacancy[]; epoch: object }> {
  const index = await holderOf(database).current(today);
  let cache = results.get(index);
  if (!cache) results.set(index, (cache = new Map()));
  const key = JSON.stringify([today, search.page, search.size, search.filters]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit, epoch: index };
  }
  const found = index.search({ ...search, today });
  cache.set(key, found);
  if (cache.size > RESULTS_MAX) cache.delete(cache.keys().next().value!);
  return { ...found, epoch: index };
}

/**
 * The search's current epoch: the index, current with every change committed before this call (one version
 * check, shared by concurrent callers). Pages that show only vacancies may be kept while it stays the same.
 */
export async function searchEpoch(database: SearchDatabase, today: string): Promise<object> {
  return holderOf(database).current(today);
}

/** Loads the index of this database now (at start, so that the first search does not wait for it). */
export async function warmSearchIndex(database: SearchDatabase, today: string): Promise<{ rows: number; grams: number; postingBytes: number }> {
  const index = await holderOf(database).current(today);
  const { grams, postingBytes } = index.stats;
  return { rows: index.size, grams, postingBytes };
}

/** The current index of this database (benchmarks: the search without the results cache). */
export function currentSearchIndex(database: SearchDatabase, today: string): Promise<SearchIndex> {
  return holderOf(database).current(today);
}
