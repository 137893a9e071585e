// Test databases: every test file (or test) gets a clean, migrated database.
// PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (an admin connection, e.g.
// postgres://postgres@127.0.0.1:5432/postgres). PostgreSQL databases are made UTF-8 (C.UTF-8 ctype) from a
// migrated template, as ARCHITECTURE.md requires for pg_trgm on Chinese text.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { migrate, migrationFiles } from '../../src/platform/db/migrate.ts';

export type Driver = 'pglite' | 'postgres';

export function dbDrivers(): Driver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<Blob> | undefined;
async function pgliteTemplateBlob(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const d = await openDatabase({ kind: 'pglite-memory' });
    await migrate(d.pool);
    const blob = await d.pglite!.dumpDataDir('none');
    await d.close();
    return blob;
  })();
  return pgliteTemplate;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

let pgTemplate: Promise<string> | undefined;
async function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const hash = createHash('sha256').update(JSON.stringify(migrationFiles())).digest('hex').slice(0, 12);
    const name = `sqr_tpl_${hash}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(8675309)');
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
        const d = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl(), name) });
        try {
          await migrate(d.pool);
        } finally {
          await d.close();
        }
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(8675309)').catch(() => undefined);
      await admin.end();
    }
    return name;
  })();
  return pgTemplate;
}

export interface TestDatabase extends Database {
  readonly driver: Driver;
  /** For PostgreSQL: the URL of this test database. */
  readonly url?: string;
}

export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const d = await openDatabase({ kind: 'pglite-memory', loadDataDir: await pgliteTemplateBlob() });
    return Object.assign(d, { driver });
  }
  const template = await postgresTemplate();
  const name = `sqr_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  // A template may be copied only while nobody is connected to it; retry briefly if another fork is.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  const d = await openDatabase({ kind: 'postgres', url });
  const closePool = d.close;
  return Object.assign(d, {
    driver,
    url,
    close: async () => {
      await closePool();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  }) as TestDatabase;
}

/** Gives the describe block a fresh migrated database, opened before its tests and closed after. */
export function useTestDatabase(driver: Driver): { readonly current: TestDatabase } {
  const holder: { current: TestDatabase } = { current: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
