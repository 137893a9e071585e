// Maintenance (docs/adr/0005-data-key.md): resumes keep the ID number itself (basic.idNumber), so a resume whose
// id_number_hash is not the current one (a hash of before 0007, or under DATA_KEY_PREVIOUS) is simply recomputed.
// Idempotent; run once after deploying 0007 and after every DATA_KEY rotation. Until it has run, RES-3 still finds
// such rows (findIdConflict looks for every candidate hash).
import { eq, not, like } from 'drizzle-orm';
import type { IdHasher } from '../../platform/crypto/id-hash.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { resumes } from './resume.schema.ts';

export async function rehashResumeIdNumbers(q: Queryable, ids: IdHasher, opts: { all?: boolean } = {}): Promise<number> {
  const rows = await q
    .select({ id: resumes.id, idNumberHash: resumes.idNumberHash, basic: resumes.basic })
    .from(resumes)
    .where(opts.all ? undefined : not(like(resumes.idNumberHash, 'v1:%')));
  let changed = 0;
  for (const row of rows) {
    const idNumber = typeof row.basic.idNumber === 'string' ? row.basic.idNumber : '';
    if (!idNumber || ids.isCurrent(row.idNumberHash, idNumber)) continue;
    await q.update(resumes).set({ idNumberHash: ids.hash(idNumber) }).where(eq(resumes.id, row.id));
    changed++;
  }
  return changed;
}
