import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from './helpers/db.ts';

describe.each(dbDrivers())('database on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('PUB-1 bigrams() gives the 1- and 2-character grams that serve short Chinese queries', async () => {
    const r = await t.current.db.execute<{ b: string[] }>(sql`select bigrams('人事 行政') as b`);
    expect([...r.rows[0]!.b].sort()).toEqual(['事', '人', '人事', '政', '行', '行政'].sort());
  });

  it('PUB-1 pg_trgm sees Chinese characters (UTF-8 ctype)', async () => {
    const r = await t.current.db.execute<{ s: number }>(sql`select similarity('人事行政總處', '人事行政') as s`);
    expect(Number(r.rows[0]!.s)).toBeGreaterThan(0.3);
  });
});
