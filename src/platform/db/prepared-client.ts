// Named prepared statements on PostgreSQL, chosen by the driver instead of by each query (issue 11).
//
// node-postgres sends every query unnamed: PostgreSQL parses and plans it again each time. Under load that was a
// third of PostgreSQL's statement time on 確定應徵 (pg_stat_statements with track_planning: planning 1.2 ms of
// 2.6 ms per application; parsing comes on top). A client of this class gives a query a name, so PostgreSQL keeps its
// parse (and, after a few runs, its plan) for the connection, the second time the same text comes with
// parameters. postgres.js and pgx do the same by default.
//
// - Only parameterised queries (text + values): a query without values goes by the simple protocol, which may hold
//   several statements and cannot be prepared.
// - Bounded: at most MAX_PREPARED names a connection; texts seen once are only counted (up to MAX_SEEN), so one-off
//   texts (an IN list of a new length) do not take the places of the queries that repeat.
// - A query that already has a name (drizzle's .prepare()) is left alone.
// - Off with DATABASE_PREPARED_STATEMENTS=0: PgBouncer in transaction mode cannot keep a connection's statements.
import pg from 'pg';

export const MAX_PREPARED = 256;
const MAX_SEEN = 2048;

type QueryConfigLike = { text?: string; name?: string; values?: unknown[]; submit?: unknown };

/** Pure: the name a text gets on this connection, or null (left unnamed); updates the two maps. */
export function statementName(text: string, names: Map<string, string>, seen: Set<string>): string | null {
  const known = names.get(text);
  if (known) return known;
  if (!seen.has(text)) {
    if (seen.size < MAX_SEEN) seen.add(text);
    return null;
  }
  if (names.size >= MAX_PREPARED) return null;
  const name = `sqr_${names.size}`;
  names.set(text, name);
  seen.delete(text);
  return name;
}

export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  readonly #seen = new Set<string>();

  /** How many statements this connection has named (tests). */
  get preparedCount(): number {
    return this.#names.size;
  }

  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const c = config as QueryConfigLike | string | null;
    const isObject = typeof c === 'object' && c !== null;
    const vals = Array.isArray(values) ? values : isObject ? c.values : undefined;
    const text = typeof c === 'string' ? c : isObject ? c.text : undefined;
    if (text && vals && vals.length > 0 && !(isObject && (c.name || c.submit))) {
      const name = statementName(text, this.#names, this.#seen);
      if (name) config = typeof c === 'string' ? { text, name } : { ...(c as object), name };
    }
    return (super.query as (...a: unknown[]) => never).call(this, config, values, callback);
  }
}
