// The code tables of ADM-2 other than agencies (工作地, 職系, 官等職等, 人員區分): one table keyed by (table, code),
// with the few per-table extras as nullable columns (see README: one table, because the four share list, search,
// add, edit and 停用 and differ only in one or two attributes). Seeded from the committed JSON (reference/data) by
// the migration; read into memory by codes.ts. code_tables_version is bumped in the transaction of every change
// (agencies included), so every web process reloads its snapshot when it moves.
import { bigint, boolean, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';

export const codeEntries = pgTable(
  'code_entries',
  {
    /** 'work_place' | 'sysnam' | 'rank_type' | 'person_kind' */
    tableName: text('table_name').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    /** 職系: 行政類 / 技術類 (null for 0100 無). */
    sysnamClass: text('sysnam_class'),
    /** 人員區分: true = 不須具公務人員任用資格 by default (SPEC AGY-3), false = 須具. */
    openAccess: boolean('open_access'),
    /** 人員區分: 'spec' | 'inferred' | 'backoffice' (where the code comes from). */
    codeSource: text('code_source'),
    /** 工作地: seen in older data only; currentCode names its successor. */
    historical: boolean('historical'),
    currentCode: text('current_code'),
    /** 官等職等: the 職等 of the 官等. */
    grades: smallint('grades').array(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.tableName, t.code] })],
);

/** One row (id 1): moves with every change of a code table or of an agency. */
export const codeTablesVersion = pgTable('code_tables_version', {
  id: smallint('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});
