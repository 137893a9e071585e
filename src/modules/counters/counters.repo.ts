// visit_counters: one row a Taipei day (PUB-7).
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { visitCounters } from '../../platform/db/schema/platform.ts';
import type { IsoDate } from '../../platform/tw/roc-date.ts';

/** Adds one visit to today's row (Asia/Taipei), creating the row on the day's first visit. */
export async function countVisit(db: Queryable, clock: Clock): Promise<void> {
  await db
    .insert(visitCounters)
    .values({ day: clock.today(), visits: 1 })
    .onConflictDoUpdate({ target: visitCounters.day, set: { visits: sql`${visitCounters.visits} + 1` } });
}

/** Visits on `day` and on all days together. */
export async function visitTotals(db: Queryable, day: IsoDate): Promise<{ today: number; total: number }> {
  const [row] = await db
    .select({
      today: sql<string>`coalesce(sum(${visitCounters.visits}) filter (where ${visitCounters.day} = ${day}), 0)`,
      total: sql<string>`coalesce(sum(${visitCounters.visits}), 0)`,
    })
    .from(visitCounters);
  return { today: Number(row?.today ?? 0), total: Number(row?.total ?? 0) };
}
