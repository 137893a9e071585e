// Applicant accounts (帳號): active unless overridden; `status: 'pending_activation'` gives one awaiting its mail link.
import { randomUUID } from 'node:crypto';
import { applicantAccounts } from '../../src/modules/accounts/account.schema.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { dbOf, type DbArg } from './db-arg.ts';

export const PASSWORD = 'Secret#2024ab';
export const PASSWORD_2 = 'Another$2025cd';
export const PASSWORD_3 = 'Third&2026ef';
export const PASSWORD_4 = 'Fourth*2027gh';

export type NewAccount = typeof applicantAccounts.$inferInsert;
export type AccountRow = typeof applicantAccounts.$inferSelect;

let defaultHash: Promise<string> | undefined;

/** Inserts an applicant account; `password` (default PASSWORD) is hashed. Returns the row and the plain password. */
export async function createAccount(to: DbArg, overrides: Partial<NewAccount> & { password?: string } = {}): Promise<AccountRow & { password: string }> {
  const { password = PASSWORD, ...over } = overrides;
  const status = over.status ?? 'active';
  const passwordHash = password === PASSWORD ? await (defaultHash ??= hashPassword(PASSWORD)) : await hashPassword(password);
  const [row] = await dbOf(to)
    .insert(applicantAccounts)
    .values({
      email: `user-${randomUUID().slice(0, 8)}@example.tw`,
      passwordHash,
      status,
      activatedAt: status === 'pending_activation' ? null : new Date(),
      ...over,
    })
    .returning();
  return { ...row!, password };
}
