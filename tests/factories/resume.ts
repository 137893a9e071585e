// Resumes (履歷): one per applicant; a fresh active account is made when `applicantId` is not given. Photo and
// attachment are absent unless their keys are overridden (store the bytes with services.storage first if the
// test reads them back).
import { resumes } from '../../src/modules/resumes/resume.schema.ts';
import { dbOf, type DbArg } from './db-arg.ts';
import { createAccount } from './account.ts';

export type NewResume = typeof resumes.$inferInsert;
export type ResumeRow = typeof resumes.$inferSelect;

/** Inserts a resume row. `idNumberHash` is a placeholder unless given (compute it with the module's hash). */
export async function createResume(to: DbArg, overrides: Partial<NewResume> = {}): Promise<ResumeRow> {
  const applicantId = overrides.applicantId ?? (await createAccount(to)).id;
  const [row] = await dbOf(to)
    .insert(resumes)
    .values({
      applicantId,
      idNumberHash: `test-${applicantId}`,
      basic: { chineseName: '王小明', birthDate: '1991-01-14', gender: '男', phone: '0912-345-678', email: 'ming@example.com' },
      education: [],
      experience: [],
      languages: [],
      skills: '公文撰寫',
      autobiography: '我出生於臺南市。',
      ...overrides,
    })
    .returning();
  return row!;
}
