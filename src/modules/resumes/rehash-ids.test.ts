// docs/adr/0005-data-key.md for resumes: the ID number is in the resume, so a hash of before 0007 (or under the
// previous DATA_KEY) is recomputed; RES-3 finds such a row before that too.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { idHasher, legacyCandidates } from '../../platform/crypto/id-hash.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { rehashResumeIdNumbers } from './rehash-ids.ts';
import { findIdConflict } from './resume.repo.ts';
import { resumes } from './resume.schema.ts';

const SESSION = 's'.repeat(40);

describe.each(dbDrivers())('resume ID hashes on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('RES-3 SYS-3 a legacy hash is still found by RES-3, then re-hashed from the resume; current rows are left alone', async () => {
    const db = t.current.db;
    const ids = idHasher({ dataKey: 'd'.repeat(40), sessionSecret: SESSION });
    const [a, b, other] = await db
      .insert(applicantAccounts)
      .values(['a@example.com', 'b@example.com', 'c@example.com'].map((email) => ({ email, passwordHash: 'x', status: 'active' as const })))
      .returning();
    const legacy = legacyCandidates(SESSION, 'A123456789')[1]!; // resumes' HKDF scheme
    await db.insert(resumes).values([
      { applicantId: a!.id, idNumberHash: legacy, basic: { idNumber: 'A123456789' } },
      { applicantId: b!.id, idNumberHash: ids.hash('B123456780'), basic: { idNumber: 'B123456780' } },
    ]);
    expect((await findIdConflict(db, ids.candidates('a123456789'), other!.id))?.accountId).toBe(a!.id);

    expect(await rehashResumeIdNumbers(db, ids)).toBe(1);
    const rows = await db.select().from(resumes);
    expect(rows.find((r) => r.applicantId === a!.id)!.idNumberHash).toBe(ids.hash('A123456789'));
    expect(await rehashResumeIdNumbers(db, ids, { all: true })).toBe(0);

    // DATA_KEY rotation: with the old key as DATA_KEY_PREVIOUS every row is found, then re-hashed.
    const rotated = idHasher({ dataKey: 'e'.repeat(40), dataKeyPrevious: 'd'.repeat(40) });
    expect((await findIdConflict(db, rotated.candidates('B123456780'), other!.id))?.accountId).toBe(b!.id);
    expect(await rehashResumeIdNumbers(db, rotated, { all: true })).toBe(2);
    const [row] = await db.select().from(resumes).where(eq(resumes.applicantId, b!.id));
    expect(row!.idNumberHash).toBe(rotated.hash('B123456780'));
  });
});
