// AGY-6 daily applicant counts, the queries: candidate vacancies (a keyset page), one vacancy's facts, the last day it
// was mailed, and the claim that moves that day to today (at most once a day, even for two concurrent runs).
import { and, asc, eq, exists, gt, inArray, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { applications } from '../applications/index.ts';
import { publishedOn, vacancies } from '../vacancies/index.ts';
import { COUNT_MAIL_MODES, COUNT_MAIL_SILENT_SOURCES, type CountMailFacts } from './agency-count-mail.rules.ts';
import { agencyCountMails } from './agency.schema.ts';

/**
 * Ids (after `cursor`, by id) of vacancies that may be due today: published, 須具/不須具, a 聯絡E-mail, a source that
 * may be mailed, an active application, not mailed today. The rule (countMailDue) decides again for each one.
 */
export async function countMailCandidates(q: Queryable, today: string, cursor: string | null, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: vacancies.id })
    .from(vacancies)
    .leftJoin(agencyCountMails, eq(agencyCountMails.vacancyId, vacancies.id))
    .where(
      and(
        publishedOn(today),
        inArray(vacancies.accessMode, [...COUNT_MAIL_MODES] as ('civil_service' | 'open')[]),
        notInArray(vacancies.source, [...COUNT_MAIL_SILENT_SOURCES] as ('demo' | 'opendata_import')[]),
        ne(vacancies.vitaeEmail, ''),
        or(isNull(agencyCountMails.lastSentOn), lt(agencyCountMails.lastSentOn, today)),
        exists(
          q
            .select({ one: sql`1` })
            .from(applications)
            .where(and(eq(applications.vacancyId, vacancies.id), eq(applications.status, 'active'))),
        ),
        cursor ? gt(vacancies.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(vacancies.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type CountMailVacancy = CountMailFacts & { id: string; workId: string; title: string; orgName: string };

export async function countMailVacancy(q: Queryable, id: string): Promise<CountMailVacancy | null> {
  const [row] = await q
    .select({
      id: vacancies.id,
      workId: vacancies.workId,
      title: vacancies.title,
      orgName: vacancies.orgName,
      source: vacancies.source,
      accessMode: vacancies.accessMode,
      reviewStatus: vacancies.reviewStatus,
      deletedAt: vacancies.deletedAt,
      takenDownAt: vacancies.takenDownAt,
      validFrom: vacancies.validFrom,
      validTo: vacancies.validTo,
      vitaeEmail: vacancies.vitaeEmail,
    })
    .from(vacancies)
    .where(eq(vacancies.id, id));
  return row ?? null;
}

export async function lastCountMailOn(q: Queryable, vacancyId: string): Promise<string | null> {
  const [row] = await q.select({ on: agencyCountMails.lastSentOn }).from(agencyCountMails).where(eq(agencyCountMails.vacancyId, vacancyId));
  return row?.on ?? null;
}

/**
 * Moves the vacancy's last mailed day to `today` unless it is already today (or later): true when this call did it.
 * A concurrent run waits on the row (or the primary key) and then finds nothing to claim.
 */
export async function claimCountMail(q: Queryable, vacancyId: string, today: string, count: number, now: Date): Promise<boolean> {
  const rows = await q
    .insert(agencyCountMails)
    .values({ vacancyId, lastSentOn: today, lastCount: count, updatedAt: now })
    .onConflictDoUpdate({
      target: agencyCountMails.vacancyId,
      set: { lastSentOn: today, lastCount: count, updatedAt: now },
      setWhere: lt(agencyCountMails.lastSentOn, today),
    })
    .returning({ id: agencyCountMails.vacancyId });
  return rows.length === 1;
}
