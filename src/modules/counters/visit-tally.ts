// PUB-7 visits are added up in memory and written in one statement a second later (issue 15): a page without the
// `visited` cookie (a first visit, a crawler, a load test) used to wait for an UPSERT of the day's one row, which
// serialises every such request on that row's lock (PostgreSQL) or on PGlite's single connection. Now the page
// adds one to this tally and goes on; the tally is written at most FLUSH_AFTER_MS later, and at once when the app
// closes. Readers (visitTotals) add this process's unwritten visits, so a process always shows its own visits at
// once; other web processes' visits appear within a second. A crash loses at most that second of visits.
import type { Queryable } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/tw/roc-date.ts';

export const FLUSH_AFTER_MS = 1000;

type Writer = (day: IsoDate, visits: number) => Promise<void>;

export class VisitTally {
  private pending = new Map<IsoDate, number>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: Writer,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(day: IsoDate): void {
    this.pending.set(day, (this.pending.get(day) ?? 0) + 1);
    if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Visits counted here and not yet written: for one day, or for every day. */
  unwritten(day?: IsoDate): number {
    if (day !== undefined) return this.pending.get(day) ?? 0;
    let n = 0;
    for (const v of this.pending.values()) n += v;
    return n;
  }

  /** Writes what is pending (one statement a day), after any write still running; a failed write is kept for the next flush. */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    this.writing = this.writing.then(async () => {
      for (const [day, visits] of batch) {
        try {
          await this.write(day, visits);
        } catch (err) {
          this.onError(err);
          // Kept for the next flush, which the next visit (or the app's close) starts.
          this.pending.set(day, (this.pending.get(day) ?? 0) + visits);
        }
      }
    });
    return this.writing;
  }
}

const tallies = new WeakMap<object, VisitTally>();

/** The tally of a database handle (one per app's services.db), made on first use. */
export function visitTallyOf(db: Queryable, make: () => VisitTally): VisitTally {
  let t = tallies.get(db);
  if (!t) {
    t = make();
    tallies.set(db, t);
  }
  return t;
}

/** The tally of a database handle, if visits were ever counted through it in this process. */
export function existingVisitTally(db: Queryable): VisitTally | undefined {
  return tallies.get(db);
}
