// Notices (通知, DOMAIN.md): an agency's 通知面試 (interview) or 錄取通知 (offer) to one application (ACS-5..ACS-8),
// and the applicant's one reply (NTF-1, NTF-2). The notice's 聯絡窗口/電話/Email are the agency's contact for the
// reply mail; the optional interview date/time/place make the .ics invitation.
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from '../applications/index.ts';
import { staffUsers } from '../ecpa/index.ts';

export type NoticeKind = 'interview' | 'offer';
/** interview: accepted / declined; offer: accept_and_report / declined. */
export type NoticeReply = 'accepted' | 'declined' | 'accept_and_report';

export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NoticeKind>().notNull(),
    content: text('content').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** ISO date (Asia/Taipei), HH:MM, free text; all optional. */
    interviewDate: text('interview_date'),
    interviewTime: text('interview_time'),
    interviewPlace: text('interview_place'),
    sentBy: uuid('sent_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    reply: text('reply').$type<NoticeReply>(),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
  },
  (t) => [index('notices_application_idx').on(t.applicationId, t.sentAt)],
);
