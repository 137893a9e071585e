// Demo seed: on the first start with an empty database, the real 1,106 jobs (validity shifted to be
// current, marked as demo data), demo agencies, agency HR staff, a back-office user and applicants.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { staffUsers, type StaffRole } from '../ecpa/index.ts';
import { seedReferenceAgencies } from '../reference/index.ts';
import { importFeed, type ImportResult } from '../vacancies/index.ts';

export const DEMO_FEED = new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
export const DEMO_PASSWORD = 'Demo1234!';

export const DEMO_STAFF: readonly { account: string; name: string; email: string; agencyCode: string; roles: StaffRole[] }[] = [
  { account: 'yilan.hr', name: '林宜蘭（宜蘭縣政府人事處）', email: 'yilan.hr@example.gov.tw', agencyCode: '376420000A', roles: ['agency_hr'] },
  { account: 'keelung.hr', name: '陳基隆（基隆市政府人事處）', email: 'keelung.hr@example.gov.tw', agencyCode: '376570000A', roles: ['agency_hr'] },
  { account: 'dgpa.admin', name: '王總處（行政院人事行政總處）', email: 'dgpa.admin@example.gov.tw', agencyCode: 'A58000000A', roles: ['agency_hr', 'backoffice'] },
];

export const DEMO_APPLICANTS: readonly string[] = ['applicant@example.com', 'applicant2@example.com'];

export interface SeedReport {
  seeded: boolean;
  feed?: ImportResult;
  staff: number;
  applicants: number;
}

/** True when the database holds no vacancies and no staff: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`select (select count(*) from vacancies) + (select count(*) from staff_users) as n`);
  return Number(r.rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, today: string): Promise<SeedReport> {
  if (!(await isEmpty(db))) return { seeded: false, staff: 0, applicants: 0 };
  await seedReferenceAgencies(db);
  const feed = await importFeed(db, readFileSync(DEMO_FEED, 'utf8'), { source: 'demo', shiftDatesTo: today });
  await db.execute(sql`analyze vacancies`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(staffUsers)
    .values(DEMO_STAFF.map((s) => ({ ...s, passwordHash })))
    .onConflictDoNothing();
  await db
    .insert(applicantAccounts)
    .values(DEMO_APPLICANTS.map((email) => ({ email, passwordHash, status: 'active' as const, activatedAt: new Date(), isDemo: 'demo', passwordHistory: [] })))
    .onConflictDoNothing();
  return { seeded: true, feed, staff: DEMO_STAFF.length, applicants: DEMO_APPLICANTS.length };
}
