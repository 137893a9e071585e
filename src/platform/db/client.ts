// Opens the database: embedded PGlite (default, data in DATA_DIR) or PostgreSQL (DATABASE_URL).
// Both are reached through one node-postgres Pool, so drizzle, pg-boss and raw SQL share one code path.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { PreparingClient } from './prepared-client.ts';

/**
 * The tables are not given to drizzle: no code uses the relational API (`db.query.*`), and platform must not know
 * the modules' tables (ADR 0003). The full schema is the aggregate src/schema.ts (drizzle-kit reads it).
 */
export type Db = NodePgDatabase;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseTarget =
  | { kind: 'pglite'; dir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  /** preparedStatements: on unless false (DATABASE_PREPARED_STATEMENTS=0, e.g. behind PgBouncer in transaction mode). */
  | { kind: 'postgres'; url: string; preparedStatements?: boolean };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  readonly pool: pg.Pool;
  /** Set for PGlite: the embedded instance (for dumps in tests). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

// Dates (no time) come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by the host zone.
pg.types.setTypeParser(1082, (v: string) => v);

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    // JIT off: bigrams() is declared very expensive (migration 0003) so that the planner prefers its index, which
    // also makes every keyword plan look worth JIT-compiling: measured 16 → 205 rps with it off (bench/search).
    // Named (server-side) prepared statements for the queries a connection runs again and again (prepared-client.ts).
    const Client = target.preparedStatements === false ? pg.Client : PreparingClient;
    const pool = new pg.Pool({ connectionString: target.url, max: 10, idleTimeoutMillis: 30_000, options: '-c jit=off', Client });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead of crashing
    return { kind: 'postgres', db: drizzle(pool), pool, close: () => pool.end() };
  }
  const options = { extensions: { pg_trgm } };
  let pglite: PGlite;
  if (target.kind === 'pglite') {
    mkdirSync(target.dir, { recursive: true });
    pglite = await PGlite.create(target.dir, options);
  } else {
    pglite = await PGlite.create({ ...options, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) });
  }
  // PGlite is one connection: the pool must hand out exactly one client at a time.
  const pgConfig = createPgConfig(pglite);
  patchParse(pgConfig.connection);
  const pool = new pg.Pool({ ...pgConfig, max: 1 });
  return {
    kind: 'pglite',
    db: drizzle(pool),
    pool,
    pglite,
    close: async () => {
      await pool.end();
      await pglite.close();
    },
  };
}

/**
 * node-postgres puts a query's `types` (drizzle passes an object of type parsers there) into the Parse
 * message, where the wire protocol wants an array of parameter type OIDs. pg's own serializer ignores a
 * non-array; PGlite's adapter calls `types.forEach` and throws inside the client, leaving the query
 * hanging. Give PGlite what pg's serializer would have sent.
 */
function patchParse(connection: { parse(query: { types?: unknown }): void }): void {
  const parse = connection.parse.bind(connection);
  connection.parse = (query) => parse(Array.isArray(query.types) ? query : { ...query, types: [] });
}
