// Agencies (機關, ADM-2): a known-code agency with a fresh code unless overridden.
import { randomBytes } from 'node:crypto';
import { agencies } from '../../src/modules/reference/agency.schema.ts';
import { dbOf, type DbArg } from './db-arg.ts';

export type NewAgency = typeof agencies.$inferInsert;
export type AgencyRow = typeof agencies.$inferSelect;

/** Inserts an agency (or updates the name of an existing code, since migrations seed the code table). */
export async function createAgency(to: DbArg, overrides: Partial<NewAgency> = {}): Promise<AgencyRow> {
  const values: NewAgency = { code: `T${randomBytes(4).toString('hex').toUpperCase()}A`, name: '測試機關', ...overrides };
  const [row] = await dbOf(to).insert(agencies).values(values).onConflictDoUpdate({ target: agencies.code, set: values }).returning();
  return row!;
}
