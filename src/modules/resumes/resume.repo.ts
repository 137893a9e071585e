// Resume queries. No rules here: the use cases decide, this file reads and writes.
import { and, count, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { resumes, resumeUploads } from './resume.schema.ts';
import type { ResumeData } from './resume.types.ts';

export type ResumeRow = typeof resumes.$inferSelect;
export type UploadRow = typeof resumeUploads.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The applicant's one resume (or null). Scoped by owner like every finder of forApplicant below; prefer
 * `forApplicant.resume` in new code.
 */
export async function findResume(q: Queryable, applicantId: string, opts: { forUpdate?: boolean } = {}): Promise<ResumeRow | null> {
  const query = q.select().from(resumes).where(eq(resumes.applicantId, applicantId)).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * SYS-4 scoped finders: every read of an applicant's object (resume, photo, attachment, staged upload) goes
 * through its owner, so another person's object is simply not found (the route answers 404, never 403).
 */
export const forApplicant = {
  /** The applicant's one resume (RES-11). */
  resume: findResume,

  /** The resume with this id, when it is the applicant's. */
  async resumeById(q: Queryable, applicantId: string, resumeId: string): Promise<ResumeRow | null> {
    if (!UUID.test(resumeId) || !UUID.test(applicantId)) return null;
    const [row] = await q
      .select()
      .from(resumes)
      .where(and(eq(resumes.id, resumeId), eq(resumes.applicantId, applicantId)))
      .limit(1);
    return row ?? null;
  },

  /** The saved photo's or attachment's file of the applicant's resume (null: none saved). */
  async savedFile(q: Queryable, applicantId: string, file: 'photo' | 'attachment'): Promise<{ resumeId: string; key: string; name: string | null; type: string | null } | null> {
    const row = await findResume(q, applicantId);
    if (!row) return null;
    if (file === 'photo') return row.photoKey ? { resumeId: row.id, key: row.photoKey, name: null, type: 'image/jpeg' } : null;
    return row.attachmentKey ? { resumeId: row.id, key: row.attachmentKey, name: row.attachmentName, type: row.attachmentType } : null;
  },

  /** The applicant's staged upload with this id and kind (RES-9, RES-10). */
  async stagedUpload(q: Queryable, applicantId: string, id: string, kind: 'photo' | 'attachment'): Promise<UploadRow | null> {
    if (!UUID.test(id) || !UUID.test(applicantId)) return null;
    const [row] = await q
      .select()
      .from(resumeUploads)
      .where(and(eq(resumeUploads.id, id), eq(resumeUploads.applicantId, applicantId), eq(resumeUploads.kind, kind)))
      .limit(1);
    return row ?? null;
  },
};

/** The account's email and status (the applicant's own, for 聯絡Email's default). */
export async function findAccount(q: Queryable, applicantId: string): Promise<{ id: string; email: string; status: string } | null> {
  const [row] = await q
    .select({ id: applicantAccounts.id, email: applicantAccounts.email, status: applicantAccounts.status })
    .from(applicantAccounts)
    .where(eq(applicantAccounts.id, applicantId))
    .limit(1);
  return row ?? null;
}

/**
 * Holds a transaction-level lock on one ID hash, so that two accounts saving the same ID number at the same
 * moment are served one after the other (RES-3 checks, then writes).
 */
export async function lockIdNumberHash(q: Queryable, idHash: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'resume-id:' + idHash}, 0))`);
}

export interface IdConflict {
  resumeId: string;
  accountId: string;
  accountEmail: string;
  birthDate: string;
  photoKey: string | null;
  attachmentKey: string | null;
}

/**
 * A resume of another live (not voided) account with one of these ID hashes (RES-3: the current one, and those
 * under the previous data key or of before 0007, see IdHasher.candidates), locked when asked.
 */
export async function findIdConflict(q: Queryable, idHashes: readonly string[], exceptApplicantId: string, opts: { forUpdate?: boolean } = {}): Promise<IdConflict | null> {
  const query = q
    .select({
      resumeId: resumes.id,
      accountId: applicantAccounts.id,
      accountEmail: applicantAccounts.email,
      basic: resumes.basic,
      photoKey: resumes.photoKey,
      attachmentKey: resumes.attachmentKey,
    })
    .from(resumes)
    .innerJoin(applicantAccounts, eq(applicantAccounts.id, resumes.applicantId))
    .where(and(inArray(resumes.idNumberHash, [...idHashes]), ne(resumes.applicantId, exceptApplicantId), ne(applicantAccounts.status, 'voided')))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const birthDate = typeof row.basic.birthDate === 'string' ? row.basic.birthDate : '';
  return { resumeId: row.resumeId, accountId: row.accountId, accountEmail: row.accountEmail, birthDate, photoKey: row.photoKey, attachmentKey: row.attachmentKey };
}

export interface ResumeValues {
  idNumberHash: string;
  data: ResumeData;
  photoKey: string | null;
  attachment: { key: string; name: string; type: string; size: number } | null;
  importedFromHrdbAt: Date | null;
}

/** Inserts or replaces the applicant's one resume (RES-11). */
export async function upsertResume(q: Queryable, applicantId: string, v: ResumeValues, now: Date): Promise<ResumeRow> {
  const values = {
    idNumberHash: v.idNumberHash,
    basic: v.data.basic as unknown as Record<string, unknown>,
    education: v.data.education as unknown as Record<string, unknown>[],
    experience: v.data.experience as unknown as Record<string, unknown>[],
    languages: v.data.languages as unknown as Record<string, unknown>[],
    skills: v.data.skills,
    autobiography: v.data.autobiography,
    photoKey: v.photoKey,
    attachmentKey: v.attachment?.key ?? null,
    attachmentName: v.attachment?.name ?? null,
    attachmentType: v.attachment?.type ?? null,
    attachmentSize: v.attachment?.size ?? null,
    importedFromHrdbAt: v.importedFromHrdbAt,
    updatedAt: now,
  };
  const [row] = await q
    .insert(resumes)
    .values({ applicantId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: resumes.applicantId, set: values })
    .returning();
  return row!;
}

export async function deleteResumeRow(q: Queryable, resumeId: string): Promise<void> {
  await q.delete(resumes).where(eq(resumes.id, resumeId));
}

// ---- staged uploads (RES-9, RES-10) ----

export async function insertUpload(
  q: Queryable,
  u: { applicantId: string; kind: 'photo' | 'attachment'; fileKey: string; originalName: string; contentType: string; size: number; now: Date },
): Promise<UploadRow> {
  const [row] = await q
    .insert(resumeUploads)
    .values({ applicantId: u.applicantId, kind: u.kind, fileKey: u.fileKey, originalName: u.originalName, contentType: u.contentType, size: u.size, createdAt: u.now })
    .returning();
  return row!;
}

/** Deletes staged uploads of the applicant (these ids, or all, or those created before `before`); returns their file keys. */
export async function deleteUploads(q: Queryable, applicantId: string, which: { ids?: string[]; before?: Date } = {}): Promise<string[]> {
  const ids = which.ids?.filter((id) => UUID.test(id));
  if (ids && ids.length === 0) return [];
  const rows = await q
    .delete(resumeUploads)
    .where(
      and(
        eq(resumeUploads.applicantId, applicantId),
        ids ? inArray(resumeUploads.id, ids) : undefined,
        which.before ? lt(resumeUploads.createdAt, which.before) : undefined,
      ),
    )
    .returning({ fileKey: resumeUploads.fileKey });
  return rows.map((r) => r.fileKey);
}

// ---- RES-3 ----

export async function voidAccountRow(q: Queryable, accountId: string, now: Date): Promise<void> {
  await q.update(applicantAccounts).set({ status: 'voided', voidedAt: now, updatedAt: now }).where(eq(applicantAccounts.id, accountId));
}

/** Wrong 註銷 answers since `since`: by this applicant, and against this account. */
export async function countVoidFailures(q: Queryable, input: { applicantId: string; targetAccountId: string; since: Date }): Promise<{ byApplicant: number; byIdNumber: number }> {
  const failures = and(eq(auditEvents.action, 'account.void.failure'), gte(auditEvents.at, input.since));
  const [mine] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(and(failures, eq(auditEvents.actorKind, 'applicant'), eq(auditEvents.actorId, input.applicantId)));
  const [target] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(and(failures, eq(auditEvents.subjectKind, 'applicant_account'), eq(auditEvents.subjectId, input.targetAccountId)));
  return { byApplicant: Number(mine?.n ?? 0), byIdNumber: Number(target?.n ?? 0) };
}
