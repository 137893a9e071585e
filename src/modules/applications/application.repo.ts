// Queries of the applications module only. Scoped finders (forApplicant) load an application only when it is the
// given applicant's, so another person's id is simply not found (SYS-4, ADR 0002).
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { vacancies } from '../vacancies/index.ts';
import { applications } from './application.schema.ts';

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

/** Inserts unless this person already has an active application for the job (the partial unique index): null then. */
export async function insertApplication(q: Queryable, row: NewApplication): Promise<ApplicationRow | null> {
  const [inserted] = await q
    .insert(applications)
    .values(row)
    .onConflictDoNothing({ target: [applications.vacancyId, applications.applicantId], where: sql`"status" = 'active'` })
    .returning();
  return inserted ?? null;
}

export async function setFileCopies(q: Queryable, id: string, keys: { photoKey: string | null; attachmentKey: string | null }): Promise<void> {
  await q.update(applications).set(keys).where(eq(applications.id, id));
}

export type ApplicationWithVacancy = ApplicationRow & { vacancy: VacancyForApply };

export const forApplicant = {
  async application(q: Queryable, applicantId: string, applicationId: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationWithVacancy | null> {
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
    const base = q
      .select({ app: applications, vacancy: vacancyCols })
      .from(applications)
      .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
      .where(and(eq(applications.id, applicationId), eq(applications.applicantId, applicantId)));
    const [row] = opts.forUpdate ? await base.for('update', { of: applications }) : await base;
    return row ? { ...row.app, vacancy: row.vacancy as VacancyForApply } : null;
  },

  /** 我的應徵: newest first, one page. */
  async page(q: Queryable, applicantId: string, page: number, size: number): Promise<{ rows: ApplicationWithVacancy[]; total: number }> {
    const [c] = await q.select({ n: count() }).from(applications).where(eq(applications.applicantId, applicantId));
    const rows = await q
      .select({ app: applications, vacancy: vacancyCols })
      .from(applications)
      .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
      .where(eq(applications.applicantId, applicantId))
      .orderBy(desc(applications.appliedAt), desc(applications.id))
      .limit(size)
      .offset((page - 1) * size);
    return { rows: rows.map((r) => ({ ...r.app, vacancy: r.vacancy as VacancyForApply })), total: Number(c?.n ?? 0) };
  },
};

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
 * attempts + 1. Null when it is ready, or being produced by a live worker, or gone (the job then does nothing).
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

export async function markFailed(q: Queryable, id: string, startedAt: Date, error: string, now: Date): Promise<void> {
  await q
    .update(applications)
    .set({ resumeFileState: 'failed', resumeFileLastError: error.slice(0, 500), updatedAt: now })
    .where(and(eq(applications.id, id), eq(applications.resumeFileState, 'producing'), eq(applications.resumeFileStartedAt, startedAt)));
}

/** Rows the sweeper re-queues: pending ones older than a minute, stale producing ones, failed ones with attempts left. */
export async function unfinishedFiles(q: Queryable, input: { pendingBefore: Date; staleBefore: Date; maxAttempts: number; limit: number }): Promise<string[]> {
  const rows = await q
    .select({ id: applications.id })
    .from(applications)
    .where(
      or(
        and(eq(applications.resumeFileState, 'pending'), lt(applications.createdAt, input.pendingBefore)),
        and(eq(applications.resumeFileState, 'producing'), lt(applications.resumeFileStartedAt, input.staleBefore)),
        and(eq(applications.resumeFileState, 'failed'), lt(applications.resumeFileAttempts, input.maxAttempts)),
      ),
    )
    .limit(input.limit);
  return rows.map((r) => r.id);
}

export async function applicationById(q: Queryable, id: string): Promise<ApplicationRow | null> {
  const [row] = await q.select().from(applications).where(eq(applications.id, id));
  return row ?? null;
}
