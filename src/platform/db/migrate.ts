// Applies the committed migrations (drizzle-kit's journal order) at start, on PGlite and PostgreSQL alike.
// The drizzle-kit CLI cannot load pg_trgm into PGlite, so the runner is ours: one transaction per file,
// an advisory lock so that several processes starting together apply each file once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_ID = 7_241_105; // arbitrary, constant

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function migrationFiles(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(dir + 'meta/_journal.json', 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => ({
      tag,
      statements: readFileSync(`${dir}${tag}.sql`, 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/** Returns the tags applied by this call. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ tag: string }>('SELECT tag FROM schema_migrations')).rows.map((r) => r.tag));
    for (const m of migrationFiles()) {
      if (done.has(m.tag)) continue;
      await client.query('BEGIN');
      try {
        for (const statement of m.statements) await client.query(statement);
        await client.query('INSERT INTO schema_migrations (tag) VALUES ($1)', [m.tag]);
        await client.query('COMMIT');
        applied.push(m.tag);
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.tag} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    client.release();
  }
  return applied;
}
