// eCPA staff users (機關人事人員): an active agency_hr of 376420000A unless overridden.
import { randomUUID } from 'node:crypto';
import { staffUsers } from '../../src/modules/ecpa/staff.schema.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { dbOf, type DbArg } from './db-arg.ts';

export const STAFF_PASSWORD = 'Staff1234!';

export type NewStaff = typeof staffUsers.$inferInsert;
export type StaffRow = typeof staffUsers.$inferSelect;

let defaultHash: Promise<string> | undefined;

/** Inserts a staff user; `password` (default STAFF_PASSWORD) is hashed. Returns the row and the plain password. */
export async function createStaff(to: DbArg, overrides: Partial<NewStaff> & { password?: string } = {}): Promise<StaffRow & { password: string }> {
  const { password = STAFF_PASSWORD, ...over } = overrides;
  const account = over.account ?? `staff.${randomUUID().slice(0, 8)}`;
  const passwordHash = password === STAFF_PASSWORD ? await (defaultHash ??= hashPassword(STAFF_PASSWORD)) : await hashPassword(password);
  const [row] = await dbOf(to)
    .insert(staffUsers)
    .values({
      account,
      passwordHash,
      name: '測試人員',
      email: `${account}@example.gov.tw`,
      agencyCode: '376420000A',
      roles: ['agency_hr'],
      status: 'active',
      ...over,
    })
    .returning();
  return { ...row!, password };
}
