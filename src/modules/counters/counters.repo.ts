// visit_counters: one row a Taipei day (PUB-7).
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { visitCounters } from '../../platform/db/schema/platform.ts';
import type { IsoDate } from '../../platform/tw/roc-date.ts';
import { existingVisitTally } from './visit-tally.ts';

/** Adds one visit to today's row (Asia/Taipei), creating the row on the day's first visit. */
export async function countVisit(db: Queryable, clock: Clock): Promise<void> {
  await addVisits(db, clock.today(), 1);
}

/** Adds `visits` to the row of `day`, creating it if needed: one statement, safe under concurrency. */
export async function addVisits(db: Queryable, day: IsoDate, visits: number): Promise<void> {
  await db
    .insert(visitCounters)
    .values({ day, visits })
    .onConflictDoUpdate({ target: visitCounters.day, set: { visits: sql`${visitCounters.visits} + ${visits}` } });
}

/** Visits on `day` and on all days together, with this process's visits not yet written (visit-tally.ts). */
export async function visitTotals(db: Queryable, day: IsoDate): Promise<{ today: number; total: number }> {
  const tally = existingVisitTally(db);
  const [row] = await db
    .select({
      today: sql<string>`coalesce(sum(${visitCounters.visits}) filter (where ${visitCounters.day} = ${day}), 0)`,
      total: sql<string>`coalesce(sum(${visitCounters.visits}), 0)`,
    })
    .from(visitCounters);
  return { today: Number(row?.today ?? 0) + (tally?.unwritten(day) ?? 0), total: Number(row?.total ?? 0) + (tally?.unwritten() ?? 0) };
}
