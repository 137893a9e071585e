// The migrated template databases, built once per `vitest run` by tests/global-setup.ts (see
// docs/adr/0006-test-database-strategy.md). Test files only copy them (tests/helpers/db.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/client.ts';
import { migrate, migrationFiles } from '../../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding the PGlite data-dir dump of a migrated database. */
    sqrPgliteTemplate: string;
    /** Name of the migrated PostgreSQL template database ('' without TEST_DATABASE_URL). */
    sqrPostgresTemplate: string;
  }
}

/** A hash of every migration's text: a changed or added migration gives a new template. */
export function migrationsHash(): string {
  return createHash('sha256').update(JSON.stringify(migrationFiles())).digest('hex').slice(0, 12);
}

/** Migrates an in-memory PGlite database and returns its data-dir dump. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const d = await openDatabase({ kind: 'pglite-memory' });
  try {
    await migrate(d.pool);
    return await d.pglite!.dumpDataDir('none');
  } finally {
    await d.close();
  }
}

/** Writes the PGlite template to a fresh temporary directory; returns the file (remove its directory after). */
export async function writePgliteTemplate(): Promise<string> {
  dropStaleTemplateFiles();
  const blob = await buildPgliteTemplate();
  const file = join(mkdtempSync(join(tmpdir(), 'sqr-pglite-tpl-')), 'template.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}

/** Template files of runs that were killed before their teardown, once they are a day old. */
function dropStaleTemplateFiles(): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('sqr-pglite-tpl-')) continue;
    const dir = join(tmpdir(), name);
    try {
      if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run removed it meanwhile
    }
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

const TEMPLATE_LOCK = 8675309;

/**
 * Creates (once per set of migrations, kept between runs) the migrated UTF-8 PostgreSQL template and returns its
 * name. It is built under another name and renamed when complete, so a crashed build never leaves a half-migrated
 * template. Templates of other migration sets and test databases left by crashed runs are dropped once they are
 * a day old (other worktrees may be using newer ones right now).
 */
export async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const name = `sqr_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    await dropStale(admin, name);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `sqr_build_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      try {
        const d = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, building) });
        try {
          await migrate(d.pool);
        } finally {
          await d.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } catch (err) {
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`).catch(() => undefined);
        throw err;
      }
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return name;
}

async function dropStale(admin: pg.Client, keep: string): Promise<void> {
  const stale = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database
      WHERE datname ~ '^sqr_(tpl|t|build)_[0-9a-f]+$' AND datname <> $1
        AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 day'`,
    [keep],
  );
  for (const { datname } of stale.rows) {
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  }
}
