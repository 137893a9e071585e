// seedHrdbDemo: eCPA accounts for the well-known HR-database people, and the national-ID link of the demo staff.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../tests/helpers/app.ts';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { staffUsers } from '../ecpa/index.ts';
import { seedHrdbDemo } from './hrdb.seed.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import { HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from './well-known-people.ts';

describe.each(dbDrivers())('seedHrdbDemo on %s', (driver) => {
  const t = useTestDatabase(driver);
  const config = testConfig();

  it('ECPA-3 / RES-4 creates eCPA accounts (roles and status from the HR database: civil_servant for a serving 公務人員) and links the demo staff by national ID; idempotent', async () => {
    const db = t.current.db;
    // The demo seed's staff (src/modules/demo/seed.ts) exist first, without a national ID.
    const demoHash = await hashPassword(HRDB_DEMO_PASSWORD);
    await db.insert(staffUsers).values([
      { account: 'yilan.hr', name: '林宜蘭（宜蘭縣政府人事處）', agencyCode: '376420000A', roles: ['agency_hr'], passwordHash: demoHash },
      { account: 'dgpa.admin', name: '王總處（行政院人事行政總處）', agencyCode: 'A58000000A', roles: ['agency_hr', 'backoffice'], passwordHash: demoHash },
    ]);

    const first = await seedHrdbDemo(db, config);
    expect(first.created.sort()).toEqual(['civil.servant', 'current.contract', 'former.contract', 'former.hire', 'left.service']);
    expect(first.linked.sort()).toEqual(['dgpa.admin', 'yilan.hr']);

    const rows = await db.select().from(staffUsers).where(inArray(staffUsers.account, ['former.contract', 'left.service', 'civil.servant', 'yilan.hr', 'dgpa.admin']));
    const row = (account: string) => rows.find((r) => r.account === account)!;
    expect(row('former.contract')).toMatchObject({ roles: [], status: 'left_service', agencyCode: '376420000A', name: '黃雅婷', nationalIdLast4: '8377', email: 'former.contract@example.com' });
    expect(row('civil.servant')).toMatchObject({ roles: ['civil_servant'], status: 'active' });
    expect(row('left.service').status).toBe('left_service');
    expect(await verifyPassword(row('former.contract').passwordHash!, HRDB_DEMO_PASSWORD)).toBe(true);
    expect(row('yilan.hr')).toMatchObject({ nationalIdHash: idHasher(config).hash(WELL_KNOWN_PEOPLE.yilanHr.nationalId), nationalIdLast4: '7162', roles: ['agency_hr'] });
    expect(row('dgpa.admin').nationalIdHash).toBe(idHasher(config).hash(WELL_KNOWN_PEOPLE.dgpaAdmin.nationalId));

    const second = await seedHrdbDemo(db, config);
    expect(second).toEqual({ created: [], linked: [] });
    // A new data key re-links every account (hashes follow the key).
    const rotated = await seedHrdbDemo(db, { dataKey: 'another-secret-another-secret-0123456789' });
    expect(rotated.linked.length).toBe(7);
  });
});
