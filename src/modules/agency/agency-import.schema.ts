// 機關徵才匯入 (AGY-7): a checked upload waits here between 預覽 and 確認匯入 — the validated rows (the form's
// output, JSON), so the confirm step does not re-upload. Scoped to the staff member and agency who uploaded it;
// taken (deleted) by the confirming transaction, so a second confirm finds nothing. Older than a day: removed.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const agencyImportBatches = pgTable(
  'agency_import_batches',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    staffId: uuid('staff_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    fileName: text('file_name').notNull(),
    rowCount: integer('row_count').notNull(),
    rows: jsonb('rows').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agency_import_batches_created_idx').on(t.createdAt)],
);
