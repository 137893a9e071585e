// Test databases: every test file (or test) gets a clean, migrated database, copied from the template that
// tests/global-setup.ts built once for the run (docs/adr/0006-test-database-strategy.md).
// PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (an admin connection, e.g.
// postgres://postgres@127.0.0.1:5432/postgres). PostgreSQL databases are made UTF-8 (C.UTF-8 ctype) from a
// migrated template, as ARCHITECTURE.md requires for pg_trgm on Chinese text.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { buildPgliteTemplate, ensurePostgresTemplate, withDatabase } from './template-db.ts';

export type Driver = 'pglite' | 'postgres';

export function dbDrivers(): Driver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<Blob> | undefined;
/** The migrated PGlite data dir: read from the file tests/global-setup.ts wrote (built here if it did not run). */
function pgliteTemplateBlob(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = inject('sqrPgliteTemplate');
    return file ? new Blob([await readFile(file)]) : buildPgliteTemplate();
  })();
  return pgliteTemplate;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

let pgTemplate: Promise<string> | undefined;
/** The migrated PostgreSQL template tests/global-setup.ts made (made here if it did not run). */
function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => inject('sqrPostgresTemplate') || ensurePostgresTemplate(adminUrl()))();
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
