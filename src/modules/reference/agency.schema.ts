// Agencies (機關), code table of ADM-2. Other code tables live in committed JSON (reference/data).
import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';

export const agencies = pgTable(
  'agencies',
  {
  code: text('code').primaryKey(), // 機關代碼, e.g. A58000000A; 'X' + hash for agencies seen in data without a known code
  name: text('name').notNull(),
  address: text('address'),
  parentCode: text('parent_code'),
  active: boolean('active').notNull().default(true),
  codeKnown: boolean('code_known').notNull().default(true),
  ...timestamps,
  },
  (t) => [index('agencies_name_idx').on(t.name)],
);
