// Applications (應徵, DOMAIN.md): vacancy × applicant, the frozen resume (APP-3), the consent version and time
// (APP-7), the copies of the photo/attachment in storage, and the resume PDF's state (GEN-1). 已刪除/已到期 are
// derived from the vacancy, never stored. One active application per person per job: a partial unique index.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { staffUsers } from '../ecpa/index.ts';
import { vacancies } from '../vacancies/index.ts';
import type { ResumeSnapshot } from './application.types.ts';

export type ApplicationStatus = 'active' | 'cancelled';
export type ResumeFileState = 'pending' | 'producing' | 'ready' | 'failed';

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id),
    /** The platform applicant (不須具, APP-*); null for a civil servant's application. */
    applicantId: uuid('applicant_id').references(() => applicantAccounts.id),
    /** The civil servant (eCPA staff user, DK 職缺應徵, ECPA-5); null for a platform application. Exactly one is set. */
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    resumeSnapshot: jsonb('resume_snapshot').$type<ResumeSnapshot>().notNull(),
    /** 附加證照資格/作品附件 was ticked. */
    attachFiles: boolean('attach_files').notNull().default(false),
    /** Copies (their own storage keys) of the resume's photo and, when attachFiles, its attachment. */
    photoKey: text('photo_key'),
    attachmentKey: text('attachment_key'),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    resumeFileState: text('resume_file_state').$type<ResumeFileState>().notNull().default('pending'),
    resumeFileKey: text('resume_file_key'),
    /**
     * GEN-1: a digest of what the resume PDF is made from (the frozen resume, the attachment's name, the photo). An
     * applicant's applications with the same digest share one file (application.rules.ts resumeFileDigest); null
     * for a civil servant's application, whose file comes from the HR database at batch time (GEN-2).
     */
    resumeFileDigest: text('resume_file_digest'),
    resumeFileAttempts: integer('resume_file_attempts').notNull().default(0),
    resumeFileLastError: text('resume_file_last_error'),
    resumeFileStartedAt: timestamp('resume_file_started_at', { withTimezone: true }),
    resumeFileReadyAt: timestamp('resume_file_ready_at', { withTimezone: true }),
    /** First 調閱 by the agency. */
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    status: text('status').$type<ApplicationStatus>().notNull().default('active'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('applications_active_uq').on(t.vacancyId, t.applicantId).where(sql`"status" = 'active'`),
    // ECPA-5: one active application per civil servant per job.
    uniqueIndex('applications_staff_active_uq').on(t.vacancyId, t.staffUserId).where(sql`"status" = 'active' AND "staff_user_id" IS NOT NULL`),
    index('applications_staff_idx').on(t.staffUserId, t.appliedAt),
    check('applications_one_applicant_ck', sql`("applicant_id" IS NULL) <> ("staff_user_id" IS NULL)`),
    index('applications_applicant_idx').on(t.applicantId, t.appliedAt),
    index('applications_vacancy_idx').on(t.vacancyId),
    // Back-office dashboards (issue 14 item 6): applications per day, resume-file states and each recent vacancy's
    // first application, over the last 90 days, read from this index alone (index-only scans).
    index('applications_applied_idx').on(t.appliedAt, t.resumeFileState, t.vacancyId),
    // A shared resume PDF is deleted with the last application that refers to it.
    index('applications_resume_file_key_idx').on(t.resumeFileKey).where(sql`"resume_file_key" IS NOT NULL`),
    index('applications_file_state_idx').on(t.resumeFileState).where(sql`"resume_file_state" IN ('pending', 'producing', 'failed')`),
  ],
);

/** GEN-2: one row per run of the civil-service resume batch (the schedule or 立即產製), with what it did. */
export const resumeBatchRuns = pgTable(
  'resume_batch_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** 'schedule' (01/07/13/19 Taipei) or 'manual' (立即產製 of one vacancy). */
    trigger: text('trigger').$type<'schedule' | 'manual'>().notNull(),
    vacancyId: uuid('vacancy_id').references(() => vacancies.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    produced: integer('produced').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
  },
  (t) => [index('resume_batch_runs_started_idx').on(t.startedAt)],
);
