// Resumes (履歷): one per applicant account (DOMAIN.md). Sections are JSONB validated by zod in the
// module; saved in one transaction (RES-11). Uploads are staged until 儲存履歷 (RES-9, RES-10).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';

export const resumes = pgTable(
  'resumes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => applicantAccounts.id),
    /** HMAC-SHA256 of the normalised ID number (RES-3 lookups without scanning personal data). */
    idNumberHash: text('id_number_hash').notNull(),
    basic: jsonb('basic').$type<Record<string, unknown>>().notNull(),
    education: jsonb('education').$type<Record<string, unknown>[]>().notNull().default([]),
    experience: jsonb('experience').$type<Record<string, unknown>[]>().notNull().default([]),
    languages: jsonb('languages').$type<Record<string, unknown>[]>().notNull().default([]),
    skills: text('skills').notNull().default(''),
    autobiography: text('autobiography').notNull().default(''),
    photoKey: text('photo_key'),
    attachmentKey: text('attachment_key'),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    /** Filled from the civil-service HR database (RES-4) on this save. */
    importedFromHrdbAt: timestamp('imported_from_hrdb_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('resumes_applicant_uq').on(t.applicantId), index('resumes_id_number_idx').on(t.idNumberHash)],
);

/** Files uploaded on the resume form and not yet saved with 儲存履歷. */
export const resumeUploads = pgTable(
  'resume_uploads',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => applicantAccounts.id),
    kind: text('kind').$type<'photo' | 'attachment'>().notNull(),
    fileKey: text('file_key').notNull(),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resume_uploads_applicant_idx').on(t.applicantId, t.kind)],
);
