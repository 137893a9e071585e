// Named prepared statements on PostgreSQL (prepared-client.ts; issue 11: the cost of 確定應徵 under load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, dbDrivers, type TestDatabase } from '../../../tests/helpers/db.ts';
import { MAX_PREPARED, statementName } from './prepared-client.ts';

describe('APP-2 prepared statements: which texts get a name', () => {
  it('APP-2 a text is named the second time it comes, keeps its name, and the number of names is bounded', () => {
    const names = new Map<string, string>();
    const seen = new Set<string>();
    expect(statementName('select $1', names, seen)).toBeNull();
    const name = statementName('select $1', names, seen);
    expect(name).toMatch(/^sqr_\d+$/);
    expect(statementName('select $1', names, seen)).toBe(name);
    for (let i = 0; i < MAX_PREPARED * 2; i++) {
      statementName(`select ${i}, $1`, names, seen);
      statementName(`select ${i}, $1`, names, seen);
    }
    expect(names.size).toBe(MAX_PREPARED);
    // Full: a new text runs unnamed, the known ones keep their names.
    expect(statementName('select 1 + $1', names, seen)).toBeNull();
    expect(statementName('select 1 + $1', names, seen)).toBeNull();
    expect(statementName('select $1', names, seen)).toBe(name);
  });
});

describe.each(dbDrivers().filter((d) => d === 'postgres'))('APP-2 prepared statements on %s', (driver) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await d?.close();
  });

  it('APP-2 a parameterised query a connection repeats is prepared once and answers right every time; a query without parameters is never named', async () => {
    const client = await d.pool.connect();
    try {
      const db = (await import('drizzle-orm/node-postgres')).drizzle(client);
      for (let i = 0; i < 5; i++) {
        const rows = await db.execute(sql`select ${i}::int + 1 as n, ${'鯨'}::text as w`);
        expect(rows.rows[0]).toEqual({ n: i + 1, w: '鯨' });
      }
      for (let i = 0; i < 3; i++) await client.query('select 1 as one');
      const prepared = await client.query<{ statement: string }>('select statement from pg_prepared_statements');
      expect(prepared.rows.map((r) => r.statement.replace(/\s+/g, ' '))).toEqual(['select $1::int + 1 as n, $2::text as w']);
    } finally {
      client.release();
    }
  });
});
