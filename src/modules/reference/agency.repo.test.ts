import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { findAgenciesByNames, findAgency, findAgencyByName, listAgencies, seedReferenceAgencies, upsertAgencies } from './agency.repo.ts';
import { agencies } from './agency.schema.ts';

describe.each(dbDrivers())('agency repo on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('ADM-2 upserts agencies, finds them by code and by name, and lists them', async () => {
    const db = t.current.db;
    const first = await upsertAgencies(db, [
      { code: 'A58000000A', name: '行政院人事行政總處', address: '臺北市中正區濟南路一段2之2號' },
      { code: '376420000A', name: '宜蘭縣政府' },
      { code: 'X0123456AB', name: '臺北市政府財政局', codeKnown: false },
    ]);
    expect(first).toEqual({ inserted: 3, updated: 0, unchanged: 0 });

    expect(await findAgency(db, 'A58000000A')).toMatchObject({ name: '行政院人事行政總處', codeKnown: true, active: true });
    expect(await findAgency(db, 'NOPE')).toBeNull();
    expect((await findAgencyByName(db, '宜蘭縣政府'))?.code).toBe('376420000A');
    expect((await findAgencyByName(db, ' 臺北市政府 財政局 '))?.code).toBe('X0123456AB');
    expect(await findAgencyByName(db, '不存在的機關')).toBeNull();
    expect((await listAgencies(db)).map((a) => a.code)).toEqual(['376420000A', 'A58000000A', 'X0123456AB']);
  });

  it('ADM-2 an upsert renames, never erases an address, and leaves unchanged rows untouched', async () => {
    const db = t.current.db;
    const before = await findAgency(db, 'A58000000A');
    const again = await upsertAgencies(db, [
      { code: 'A58000000A', name: '行政院人事行政總處' },
      { code: '376420000A', name: '宜蘭縣政府（新名）' },
    ]);
    expect(again).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await findAgency(db, 'A58000000A');
    expect(after?.address).toBe('臺北市中正區濟南路一段2之2號');
    expect(after?.updatedAt.getTime()).toBe(before?.updatedAt.getTime());
    expect((await findAgency(db, '376420000A'))?.name).toBe('宜蘭縣政府（新名）');
  });

  it('ADM-2 keepExisting inserts new agencies only', async () => {
    const db = t.current.db;
    const r = await upsertAgencies(
      db,
      [
        { code: '376420000A', name: '改名無效' },
        { code: '376570000A', name: '基隆市政府' },
      ],
      { keepExisting: true },
    );
    expect(r).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    expect((await findAgency(db, '376420000A'))?.name).toBe('宜蘭縣政府（新名）');
  });

  it('ADM-2 a name shared by a real and a synthetic code resolves to the real one; inactive ones can be left out', async () => {
    const db = t.current.db;
    await upsertAgencies(db, [
      { code: 'XAAAAAAAAA', name: '基隆市政府', codeKnown: false },
      { code: 'XBBBBBBBBB', name: '已裁撤機關', codeKnown: false, active: false },
    ]);
    expect((await findAgencyByName(db, '基隆市政府'))?.code).toBe('376570000A');
    const byName = await findAgenciesByNames(db, ['基隆市政府', '臺北市政府財政局', '沒有這個']);
    expect([...byName.entries()].map(([k, a]) => [k, a.code])).toEqual([
      ['基隆市政府', '376570000A'],
      ['臺北市政府財政局', 'X0123456AB'],
    ]);
    expect((await listAgencies(db, { activeOnly: true })).map((a) => a.code)).not.toContain('XBBBBBBBBB');
    expect((await listAgencies(db)).map((a) => a.code)).toContain('XBBBBBBBBB');
  });

  it('ADM-2 the committed seed loads once and keeps agencies already stored', async () => {
    const db = t.current.db;
    await db.delete(agencies).where(sql`true`);
    await upsertAgencies(db, [{ code: 'A58000000A', name: '人事總處（自訂）' }]);
    const first = await seedReferenceAgencies(db);
    expect(first.inserted).toBe(527);
    expect(first.unchanged).toBe(1);
    expect((await seedReferenceAgencies(db)).inserted).toBe(0);
    const [row] = await db.select().from(agencies).where(eq(agencies.code, 'A58000000A'));
    expect(row?.name).toBe('人事總處（自訂）');
  });
});
