// docs/adr/0005-data-key.md for eCPA: a staff row hashed before 0007 (SESSION_SECRET, no prefix) or under the
// previous DATA_KEY is still found by its national ID, and re-hashed under the current key at once.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { idHasher, legacyCandidates } from '../../platform/crypto/id-hash.ts';
import { insertStaff } from './ecpa.test-support.ts';
import { findStaffByTyped } from './sign-in.ts';
import { staffUsers } from './staff.schema.ts';

const SESSION = 's'.repeat(40);
const ID = 'G203457162';

describe.each(dbDrivers())('national-ID hash transition on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('SYS-3 ECPA-1 a legacy SESSION_SECRET hash and a previous-DATA_KEY hash are found and re-hashed on the match', async () => {
    const db = t.current.db;
    const config = { dataKey: 'n'.repeat(40), dataKeyPrevious: 'o'.repeat(40), sessionSecret: SESSION, baseUrl: 'http://localhost' };
    const legacy = await insertStaff(db, config, { account: 'legacy.hash' });
    await db.update(staffUsers).set({ nationalIdHash: legacyCandidates(SESSION, ID)[0] }).where(eq(staffUsers.id, legacy.id));
    const found = await findStaffByTyped({ db, config }, { kind: 'national-id', nationalId: ID });
    expect(found?.id).toBe(legacy.id);
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, legacy.id));
    expect(row!.nationalIdHash).toBe(idHasher(config).hash(ID));

    const other = 'C120461959';
    const previous = await insertStaff(db, { dataKey: 'o'.repeat(40) }, { account: 'previous.key', nationalId: other });
    expect((await findStaffByTyped({ db, config }, { kind: 'national-id', nationalId: other }))?.id).toBe(previous.id);
    const [after] = await db.select().from(staffUsers).where(eq(staffUsers.id, previous.id));
    expect(after!.nationalIdHash).toBe(idHasher(config).hash(other));

    // Rotating SESSION_SECRET afterwards changes nothing: the row is found with another session secret.
    expect((await findStaffByTyped({ db, config: { ...config, sessionSecret: 't'.repeat(40) } }, { kind: 'national-id', nationalId: ID }))?.id).toBe(legacy.id);
  });
});
