// Applications (應徵): one row of `applications` for a vacancy; a fresh active account is made when `applicantId`
// is not given. The frozen resume is a minimal placeholder (tests of the snapshot itself apply through the module).
import { applications } from '../../src/modules/applications/application.schema.ts';
import type { ResumeSnapshot } from '../../src/modules/applications/application.types.ts';
import { dbOf, type DbArg } from './db-arg.ts';
import { createAccount } from './account.ts';

export type NewApplication = typeof applications.$inferInsert;
export type ApplicationRow = typeof applications.$inferSelect;

/** Inserts an active application of `vacancyId` (status 'cancelled' with `cancelledAt` to model 取消應徵). */
export async function createApplication(to: DbArg, overrides: Partial<NewApplication> & { vacancyId: string }): Promise<ApplicationRow> {
  const applicantId = overrides.applicantId ?? (await createAccount(to)).id;
  const now = new Date();
  const snapshot = { v: 1, resumeId: applicantId, savedAt: now.toISOString(), data: {}, attachmentName: null } as unknown as ResumeSnapshot;
  const [row] = await dbOf(to)
    .insert(applications)
    .values({ applicantId, appliedAt: now, consentVersion: 'v1', consentAt: now, resumeSnapshot: snapshot, ...overrides })
    .returning();
  return row!;
}
