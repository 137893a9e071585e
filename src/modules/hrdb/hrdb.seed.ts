// Demo eCPA accounts for the well-known HR-database people (README.md here), and the link between the three demo
// staff of src/modules/demo/seed.ts (yilan.hr, keelung.hr, dgpa.admin) and their HR-database persons
// (staff_users.national_id_hash + national_id_last4). Idempotent: safe on every start; an existing account is
// never given a new password, only its national-ID link is (re)written.
// SYS-4: a serving 公務人員 (civil.servant) holds the role civil_servant (staff_users.roles), taken from the HR
// database here; the seed adds it to an existing account that lacks it.
import { eq, inArray } from 'drizzle-orm';
import type { StaffRole } from '../ecpa/index.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { staffUsers } from '../ecpa/index.ts';
import { idHasher, idLast4 } from '../../platform/crypto/id-hash.ts';
import type { DataKeyConfig } from '../../platform/crypto/keys.ts';
import { HRDB_DEMO_PASSWORD, wellKnownPeople, type WellKnownPerson } from './well-known-people.ts';

/** The roles the HR database gives a person's eCPA account: civil_servant while serving as 公務人員. */
export function hrdbRoles(p: Pick<WellKnownPerson, 'status' | 'employmentType'>): StaffRole[] {
  return p.status === 'current' && p.employmentType === '公務人員' ? ['civil_servant'] : [];
}

export interface HrdbSeedReport {
  /** eCPA accounts created for HR-database people. */
  created: string[];
  /** Staff accounts whose national-ID link was written or corrected. */
  linked: string[];
}

export async function seedHrdbDemo(db: Queryable, config: DataKeyConfig): Promise<HrdbSeedReport> {
  const people = wellKnownPeople().filter((p) => p.ecpaAccount !== null);
  const accounts = people.map((p) => p.ecpaAccount!);
  const existing = await db.select({ id: staffUsers.id, account: staffUsers.account, nationalIdHash: staffUsers.nationalIdHash, roles: staffUsers.roles }).from(staffUsers).where(inArray(staffUsers.account, accounts));
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
          roles: hrdbRoles(p),
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
    const roles = hrdbRoles(p).filter((r) => !row.roles.includes(r));
    if (!p.demoStaff && roles.length > 0) await db.update(staffUsers).set({ roles: [...row.roles, ...roles], updatedAt: new Date() }).where(eq(staffUsers.id, row.id));
    const hash = idHasher(config).hash(p.nationalId);
    if (row.nationalIdHash === hash) continue;
    await db.update(staffUsers).set({ nationalIdHash: hash, nationalIdLast4: idLast4(p.nationalId), updatedAt: new Date() }).where(eq(staffUsers.id, row.id));
    report.linked.push(p.ecpaAccount!);
  }
  return report;
}
