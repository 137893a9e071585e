// Several independent data-modifying statements sent as one (PostgreSQL's data-modifying WITH): one round trip
// instead of one each. Issue 11: every round trip wakes the other process (~50 µs of a socket write each in this
// virtual machine, a quarter of the web process's CPU under load), and an application's audit row and its
// confirmation mail need not be two.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Queryable } from './client.ts';

/**
 * Runs `statements` (INSERT/UPDATE/DELETE builders, not yet awaited) in one statement, in the caller's transaction
 * if it is one, and returns the rows of the last one's RETURNING. Each runs exactly once, all on the same snapshot,
 * none seeing another's changes: for independent writes only (an audit row and a mail; never a row and a row that
 * refers to it). All or none: one failing fails the statement.
 */
export async function together<R extends Record<string, unknown>>(q: Queryable, ...statements: SQLWrapper[]): Promise<R[]> {
  if (statements.length === 0) return [];
  // getSQL(): a builder put into sql`` directly is parenthesised as a subquery, which a data-modifying statement
  // may not be.
  const parts = statements.map((s) => s.getSQL());
  const last = parts[parts.length - 1]!;
  const query: SQL =
    parts.length === 1
      ? last
      : sql`with ${sql.join(
          parts.slice(0, -1).map((s, i) => sql`${sql.raw(`w${i}`)} as (${s})`),
          sql`, `,
        )} ${last}`;
  const result = await q.execute(query);
  return result.rows as R[];
}
