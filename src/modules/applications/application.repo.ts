// Queries of the applications module only. Scoped finders (forApplicant) load an application only when it is the
// given applicant's, so another person's id is simply not found (SYS-4, ADR 0002).
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { vacancies } from '../vacancies/index.ts';
import { applications, resumeBatchRuns } from './application.schema.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;

/** The vacancy columns the rules and pages need. */
const vacancyCols = {
  vacancyId: vacancies.id,
  workId: vacancies.workId,
  title: vacancies.title,
  orgName: vacancies.orgName,
  accessMode: vacancies.accessMode,
  reviewStatus: vacancies.reviewStatus,
  deletedAt: vacancies.deletedAt,
  takenDownAt: vacancies.takenDownAt,
  validFrom: vacancies.validFrom,
  validTo: vacancies.validTo,
  vitaeEmail: vacancies.vitaeEmail,
  source: vacancies.source,
};
export type VacancyForApply = { [K in keyof typeof vacancyCols]: (typeof vacancies.$inferSelect)[K extends 'vacancyId' ? 'id' : K] };

/** The vacancies of these 職缺編號, locked against a concurrent delete while applying. */
export async function vacanciesByWorkId(q: Queryable, workIds: readonly string[]): Promise<Map<string, VacancyForApply>> {
  if (workIds.length === 0) return new Map();
  const rows = await q.select(vacancyCols).from(vacancies).where(inArray(vacancies.workId, [...workIds])).for('share');
  return new Map(rows.map((r) => [r.workId, r as VacancyForApply]));
}

/**
 * Inserts unless this person already has an active application for the job (the partial unique index): null then.
 * With `resumeFileDigest` set, an earlier application of the same applicant whose
 * resume file is ready and made from the same content lends its file: the row is inserted ready, sharing the key
 * (GEN-1), in the same statement.
 */
export async function insertApplication(q: Queryable, row: NewApplication): Promise<Pick<ApplicationRow, 'id' | 'resumeFileState'> | null> {
  const shared =
    row.applicantId && row.resumeFileDigest
      ? // FOR KEY SHARE: a sibling being deleted (its file with it, when it is the last) is waited for and then not lent.
        sql`(select s.resume_file_key from ${applications} s where s.applicant_id = ${row.applicantId} and s.resume_file_digest = ${row.resumeFileDigest} and s.resume_file_state = 'ready' and s.resume_file_key is not null limit 1 for key share)`
      : null;
  const [inserted] = await q
    .insert(applications)
    .values(
      shared
        ? {
            ...row,
            resumeFileKey: shared,
            resumeFileState: sql`case when ${shared} is null then 'pending' else 'ready' end`,
            resumeFileReadyAt: sql`case when ${shared} is null then null else ${row.appliedAt.toISOString()}::timestamptz end`,
          }
        : row,
    )
    .onConflictDoNothing({ target: [applications.vacancyId, applications.applicantId], where: sql`"status" = 'active'` })
    // Not the whole row: it holds the frozen resume (kilobytes of JSON, sent back and parsed for nothing).
    .returning({ id: applications.id, resumeFileState: applications.resumeFileState });
  return inserted ?? null;
}

export async function setFileCopies(q: Queryable, id: string, keys: { photoKey: string | null; attachmentKey: string | null }): Promise<void> {
  await q.update(applications).set(keys).where(eq(applications.id, id));
}

export type ApplicationWithVacancy = ApplicationRow & { vacancy: VacancyForApply };

/** Whose applications: a platform applicant's (APP-*) or a civil servant's (DK, ECPA-5). */
export type ApplicationOwner = { kind: 'applicant'; id: string } | { kind: 'staff'; id: string };
const ownedBy = (owner: ApplicationOwner) => (owner.kind === 'applicant' ? eq(applications.applicantId, owner.id) : eq(applications.staffUserId, owner.id));

/** Scoped finders: an application is found only when it is this owner's. */
export const forOwner = {
  async application(q: Queryable, owner: ApplicationOwner, applicationId: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationWithVacancy | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(applicationId) || !owner.id) return null;
    const base = q
      .select({ app: applications, vacancy: vacancyCols })
      .from(applications)
      .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
      .where(and(eq(applications.id, applicationId), ownedBy(owner)));
    const [row] = opts.forUpdate ? await base.for('update', { of: applications }) : await base;
    return row ? { ...row.app, vacancy: row.vacancy as VacancyForApply } : null;
  },

  /** 我的應徵: newest first, one page. */
  async page(q: Queryable, owner: ApplicationOwner, page: number, size: number): Promise<{ rows: ApplicationWithVacancy[]; total: number }> {
    const [c] = await q.select({ n: count() }).from(applications).where(ownedBy(owner));
    const rows = await q
      .select({ app: applications, vacancy: vacancyCols })
      .from(applications)
      .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
      .where(ownedBy(owner))
      .orderBy(desc(applications.appliedAt), desc(applications.id))
      .limit(size)
      .offset((page - 1) * size);
    return { rows: rows.map((r) => ({ ...r.app, vacancy: r.vacancy as VacancyForApply })), total: Number(c?.n ?? 0) };
  },
};

export const forApplicant = {
  application: (q: Queryable, applicantId: string, applicationId: string, opts: { forUpdate?: boolean } = {}) => forOwner.application(q, { kind: 'applicant', id: applicantId }, applicationId, opts),
  page: (q: Queryable, applicantId: string, page: number, size: number) => forOwner.page(q, { kind: 'applicant', id: applicantId }, page, size),
};

/** The owner a principal stands for (a civil servant only with the civil_servant role), or null. */
export function ownerOf(p: { kind: string; id: string; roles?: readonly string[] } | null | undefined): ApplicationOwner | null {
  if (p?.kind === 'applicant') return { kind: 'applicant', id: p.id };
  if (p?.kind === 'staff' && p.roles?.includes('civil_servant')) return { kind: 'staff', id: p.id };
  return null;
}

/** Inserts a civil servant's application unless one is active for the job (the second partial unique index): null then. */
export async function insertStaffApplication(q: Queryable, row: NewApplication): Promise<ApplicationRow | null> {
  const [inserted] = await q
    .insert(applications)
    .values(row)
    .onConflictDoNothing({ target: [applications.vacancyId, applications.staffUserId], where: sql`"status" = 'active' AND "staff_user_id" IS NOT NULL` })
    .returning();
  return inserted ?? null;
}

export async function markCancelled(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(applications).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(applications.id, id));
}

export async function deleteApplicationRow(q: Queryable, id: string): Promise<void> {
  await q.delete(applications).where(eq(applications.id, id));
}

/** Active applications per vacancy (for the agency's lists). */
export async function applicationCounts(q: Queryable, vacancyIds: readonly string[]): Promise<Map<string, number>> {
  if (vacancyIds.length === 0) return new Map();
  const rows = await q
    .select({ vacancyId: applications.vacancyId, n: count() })
    .from(applications)
    .where(and(inArray(applications.vacancyId, [...vacancyIds]), eq(applications.status, 'active')))
    .groupBy(applications.vacancyId);
  return new Map(rows.map((r) => [r.vacancyId, Number(r.n)]));
}

/** SYS-3: applications of jobs whose validity ended before `cutoff` (ISO date), at most `limit`. */
export async function expiredForRetention(q: Queryable, cutoff: string, limit: number): Promise<ApplicationRow[]> {
  const rows = await q
    .select({ app: applications })
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .where(lt(vacancies.validTo, cutoff))
    .limit(limit);
  return rows.map((r) => r.app);
}

// ---- The resume file (GEN-1) ----

/**
 * Claims an application's resume file for production: pending/failed (or a stale producing one) → producing,
 * attempts + 1. Null when it is ready, or being produced by a live worker (its own file, or a sibling's it will
 * share), or gone (the job then does nothing).
 */
export async function claimForProduction(q: Queryable, id: string, now: Date, staleBefore: Date): Promise<ApplicationRow | null> {
  const [row] = await q
    .update(applications)
    .set({ resumeFileState: 'producing', resumeFileStartedAt: now, resumeFileAttempts: sql`${applications.resumeFileAttempts} + 1`, updatedAt: now })
    .where(
      and(
        eq(applications.id, id),
        or(
          inArray(applications.resumeFileState, ['pending', 'failed']),
          and(eq(applications.resumeFileState, 'producing'), or(isNull(applications.resumeFileStartedAt), lt(applications.resumeFileStartedAt, staleBefore))),
        ),
        // GEN-1 shared files: not while a live worker makes the same applicant's file from the same content (its
        // markSiblingsReady makes this one ready too).
        sql`not exists (select 1 from ${applications} s where s.applicant_id = "applications"."applicant_id" and s.resume_file_digest = "applications"."resume_file_digest" and s.id <> "applications"."id" and s.resume_file_state = 'producing' and s.resume_file_started_at >= ${staleBefore.toISOString()}::timestamptz)`,
      ),
    )
    .returning();
  return row ?? null;
}

/** producing → ready with the file's key, only by the claim that is still current (its started_at). */
export async function markReady(q: Queryable, id: string, startedAt: Date, key: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(applications)
    .set({ resumeFileState: 'ready', resumeFileKey: key, resumeFileReadyAt: now, resumeFileLastError: null, updatedAt: now })
    .where(and(eq(applications.id, id), eq(applications.resumeFileState, 'producing'), eq(applications.resumeFileStartedAt, startedAt)))
    .returning({ id: applications.id });
  return rows.length === 1;
}

/**
 * GEN-1 shared files: the pending (or failed) applications of the same applicant made from the same content become
 * ready with the file just made for one of them. Returns how many.
 */
export async function markSiblingsReady(q: Queryable, row: { applicantId: string | null; resumeFileDigest: string | null }, key: string, now: Date): Promise<number> {
  if (!row.applicantId || !row.resumeFileDigest) return 0;
  const rows = await q
    .update(applications)
    .set({ resumeFileState: 'ready', resumeFileKey: key, resumeFileReadyAt: now, resumeFileLastError: null, updatedAt: now })
    .where(and(eq(applications.applicantId, row.applicantId), eq(applications.resumeFileDigest, row.resumeFileDigest), inArray(applications.resumeFileState, ['pending', 'failed'])))
    .returning({ id: applications.id });
  return rows.length;
}

/**
 * The claim's alternative for a shared file: a pending/failed application takes the key of a ready sibling (same
 * applicant, same digest) → ready. Returns whether it did.
 */
export async function adoptSiblingFile(q: Queryable, id: string, now: Date): Promise<boolean> {
  // FOR KEY SHARE of the sibling, as in insertApplication: never the file of a sibling that is being deleted.
  const result = await q.execute(sql`
    update ${applications} a set resume_file_state = 'ready', resume_file_key = k.key, resume_file_ready_at = ${now.toISOString()}::timestamptz,
      resume_file_last_error = null, updated_at = ${now.toISOString()}::timestamptz
    from (
      select s.resume_file_key as key from ${applications} s join ${applications} me
        on s.applicant_id = me.applicant_id and s.resume_file_digest = me.resume_file_digest and s.id <> me.id
      where me.id = ${id} and me.resume_file_digest is not null and s.resume_file_state = 'ready' and s.resume_file_key is not null
      limit 1 for key share of s
    ) k
    where a.id = ${id} and a.resume_file_state in ('pending', 'failed')
    returning a.id`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/**
 * Whether another application still refers to a (shared) resume file: then it is not deleted with this one. Called
 * in the deleting transaction after its row is gone; the transaction lock on the key makes two deletions of the
 * last two sharers wait for each other, so the second sees the first gone and deletes the file.
 */
export async function resumeFileInUse(q: Queryable, key: string): Promise<boolean> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${'resume-file:' + key}))`);
  const [row] = await q.select({ id: applications.id }).from(applications).where(eq(applications.resumeFileKey, key)).limit(1);
  return !!row;
}

/** `final`: no retry (attempts set to `final`, the maximum), e.g. a civil servant gone from the HR database. */
export async function markFailed(q: Queryable, id: string, startedAt: Date, error: string, now: Date, final?: number): Promise<void> {
  await q
    .update(applications)
    .set({ resumeFileState: 'failed', resumeFileLastError: error.slice(0, 500), updatedAt: now, ...(final ? { resumeFileAttempts: final } : {}) })
    .where(and(eq(applications.id, id), eq(applications.resumeFileState, 'producing'), eq(applications.resumeFileStartedAt, startedAt)));
}

/** Rows the sweeper re-queues: pending ones older than a minute, stale producing ones, failed ones with attempts left. */
export async function unfinishedFiles(q: Queryable, input: { pendingBefore: Date; staleBefore: Date; maxAttempts: number; limit: number }): Promise<string[]> {
  const rows = await q
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        // Civil servants' files are the batch's (GEN-2), never the sweeper's.
        isNull(applications.staffUserId),
        or(
        and(eq(applications.resumeFileState, 'pending'), lt(applications.createdAt, input.pendingBefore)),
        and(eq(applications.resumeFileState, 'producing'), lt(applications.resumeFileStartedAt, input.staleBefore)),
        and(eq(applications.resumeFileState, 'failed'), lt(applications.resumeFileAttempts, input.maxAttempts)),
        ),
      ),
    )
    .limit(input.limit);
  return rows.map((r) => r.id);
}

export async function applicationById(q: Queryable, id: string): Promise<ApplicationRow | null> {
  const [row] = await q.select().from(applications).where(eq(applications.id, id));
  return row ?? null;
}

// ---- The civil-service batch (GEN-2, GEN-3) ----

/**
 * Civil servants' applications the batch still has to produce: pending, producing by a worker that is gone (older
 * than `staleBefore`), failed with attempts left — of one vacancy when given — after `after`, at most `limit`.
 */
export async function batchCandidates(
  q: Queryable,
  input: { staleBefore: Date; maxAttempts: number; vacancyId?: string; after: { appliedAt: Date; id: string } | null; limit: number },
): Promise<{ id: string; appliedAt: Date }[]> {
  const rows = await q
    .select({ id: applications.id, appliedAt: applications.appliedAt })
    .from(applications)
    .where(
      and(
        isNotNull(applications.staffUserId),
        eq(applications.status, 'active'),
        input.vacancyId ? eq(applications.vacancyId, input.vacancyId) : undefined,
        // Keyset paging in (applied_at, id) order: each row is looked at once per run.
        input.after ? sql`(${applications.appliedAt}, ${applications.id}) > (${input.after.appliedAt.toISOString()}::timestamptz, ${input.after.id}::uuid)` : undefined,
        or(
          eq(applications.resumeFileState, 'pending'),
          and(eq(applications.resumeFileState, 'producing'), or(isNull(applications.resumeFileStartedAt), lt(applications.resumeFileStartedAt, input.staleBefore))),
          and(eq(applications.resumeFileState, 'failed'), lt(applications.resumeFileAttempts, input.maxAttempts)),
        ),
      ),
    )
    .orderBy(applications.appliedAt, applications.id)
    .limit(input.limit);
  return rows;
}

/** The vacancy's AGY-4 selection as stored (read at batch time). */
export async function vacancySections(q: Queryable, vacancyId: string): Promise<Record<string, unknown> | null> {
  const [row] = await q.select({ cs: vacancies.civilServiceSections }).from(vacancies).where(eq(vacancies.id, vacancyId));
  return row?.cs ?? null;
}

export async function startBatchRun(q: Queryable, input: { trigger: 'schedule' | 'manual'; vacancyId: string | null; at: Date }): Promise<string> {
  const [row] = await q.insert(resumeBatchRuns).values({ trigger: input.trigger, vacancyId: input.vacancyId, startedAt: input.at }).returning({ id: resumeBatchRuns.id });
  return row!.id;
}

export async function finishBatchRun(q: Queryable, id: string, input: { at: Date; produced: number; failed: number; skipped: number }): Promise<void> {
  await q.update(resumeBatchRuns).set({ finishedAt: input.at, produced: input.produced, failed: input.failed, skipped: input.skipped }).where(eq(resumeBatchRuns.id, id));
}

export async function recentBatchRuns(q: Queryable, limit: number) {
  return q.select().from(resumeBatchRuns).orderBy(desc(resumeBatchRuns.startedAt)).limit(limit);
}

/** DK (ECPA-5): published 須具 jobs inside their validity today, newest first, one page. */
export async function openCivilServiceJobs(q: Queryable, today: string, page: number, size: number) {
  const where = and(
    eq(vacancies.accessMode, 'civil_service'),
    eq(vacancies.reviewStatus, 'approved'),
    isNull(vacancies.deletedAt),
    isNull(vacancies.takenDownAt),
    lte(vacancies.validFrom, today),
    gte(vacancies.validTo, today),
  );
  const [c] = await q.select({ n: count() }).from(vacancies).where(where);
  const rows = await q
    .select({ workId: vacancies.workId, title: vacancies.title, orgName: vacancies.orgName, rankText: vacancies.rankText, workPlaceText: vacancies.workPlaceText, validTo: vacancies.validTo, source: vacancies.source })
    .from(vacancies)
    .where(where)
    .orderBy(desc(vacancies.postedAt), desc(vacancies.workId))
    .limit(size)
    .offset((page - 1) * size);
  return { rows, total: Number(c?.n ?? 0) };
}

/** GEN-2: a vacancy's active civil-service applications by resume-file state (the back office's 立即產製 section). */
export async function civilServiceFileCounts(q: Queryable, vacancyId: string): Promise<Record<'pending' | 'producing' | 'ready' | 'failed', number>> {
  const rows = await q
    .select({ state: applications.resumeFileState, n: count() })
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), isNotNull(applications.staffUserId), eq(applications.status, 'active')))
    .groupBy(applications.resumeFileState);
  const out = { pending: 0, producing: 0, ready: 0, failed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}
