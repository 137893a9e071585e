// 職缺相關附件 staged on the 機關徵才登錄 form (AGY-2) until 送出 (migration 0012_agency_uploads): checked files whose
// bytes are in the storage port; 送出 moves them into vacancy_attachments (same key). One staff member's rows only.
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { vacancies } from '../vacancies/index.ts';

export const agencyStagedUploads = pgTable(
  'agency_staged_uploads',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    staffId: uuid('staff_id').notNull(),
    fileKey: text('file_key').notNull(),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agency_staged_uploads_staff_idx').on(t.staffId)],
);

/**
 * AGY-6 daily applicant counts (migration 0014_agency_count_mails): the last day (Asia/Taipei) a vacancy's 聯絡E-mail
 * was mailed its cumulative applicant count, and that count. The daily job claims a vacancy by moving last_sent_on
 * to today in the transaction that queues the mail, so a second run the same day sends nothing.
 */
export const agencyCountMails = pgTable('agency_count_mails', {
  vacancyId: uuid('vacancy_id')
    .primaryKey()
    .references(() => vacancies.id, { onDelete: 'cascade' }),
  lastSentOn: date('last_sent_on', { mode: 'string' }).notNull(),
  lastCount: integer('last_count').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
