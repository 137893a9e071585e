// Factories take a database handle or anything that carries one (services, a test app's services).
import type { Queryable } from '../../src/platform/db/client.ts';

export type DbArg = Queryable | { readonly db: Queryable };

export function dbOf(d: DbArg): Queryable {
  return 'insert' in d ? d : d.db;
}
