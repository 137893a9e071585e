// Demo eCPA accounts for the well-known HR-database people (README.md here), and the link between the three demo
// staff of src/modules/demo/seed.ts (yilan.hr, keelung.hr, dgpa.admin) and their HR-database persons
// (staff_users.national_id_hash + national_id_last4). Idempotent: safe on every start; an existing account is
// never given a new password, only its national-ID link is (re)written.
import { eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { staffUsers } from '../ecpa/staff.schema.ts';
import { idHasher, idLast4 } from '../../platform/crypto/id-hash.ts';
import type { DataKeyConfig } from '../../platform/crypto/keys.ts';
import { HRDB_DEMO_PASSWORD, wellKnownPeople } from './well-known-people.ts';

export interface HrdbSeedReport {
  /** eCPA accounts created for HR-database people. */
  created: string[];
  /** Staff accounts whose national-ID link was written or corrected. */
  linked: string[];
}

export async function seedHrdbDemo(db: Queryable, config: DataKeyConfig): Promise<HrdbSeedReport> {
  const people = wellKnownPeople().filter((p) => p.ecpaAccount !== null);
  const accounts = people.map((p) => p.ecpaAccount!);
  const existing = await db.select({ id: staffUsers.id, account: staffUsers.account, nationalIdHash: staffUsers.nationalIdHash }).from(staffUsers).where(inArray(staffUsers.account, accounts));
  const byAccount = new Map(existing.map((s) => [s.account, s]));
  const report: HrdbSeedReport = { created: [], linked: [] };

  const missing = people.filter((p) => !p.demoStaff && !byAccount.has(p.ecpaAccount!));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(HRDB_DEMO_PASSWORD);
    const rows = await db
      .insert(staffUsers)
      .values(
        missing.map((p) => ({
          account: p.ecpaAccount!,
          passwordHash,
          nationalIdHash: idHasher(config).hash(p.nationalId),
          nationalIdLast4: idLast4(p.nationalId),
          name: p.name,
          email: p.email,
          agencyCode: p.agencyCode,
          roles: [],
          status: p.status === 'current' ? ('active' as const) : ('left_service' as const),
        })),
      )
      .onConflictDoNothing()
      .returning({ account: staffUsers.account });
    report.created.push(...rows.map((r) => r.account));
  }

  for (const p of people) {
    const row = byAccount.get(p.ecpaAccount!);
    if (!row) continue;
    const hash = idHasher(config).hash(p.nationalId);
    if (row.nationalIdHash === hash) continue;
    await db.update(staffUsers).set({ nationalIdHash: hash, nationalIdLast4: idLast4(p.nationalId), updatedAt: new Date() }).where(eq(staffUsers.id, row.id));
    report.linked.push(p.ecpaAccount!);
  }
  return report;
}
