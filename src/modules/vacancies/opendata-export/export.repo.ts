// Reads for the PUB-4 export: the change-log version (one row, every request) and the rows (on change).
import { desc, asc, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { vacancies } from '../vacancy.schema.ts';
import { publishedOn } from '../vacancy.repo.ts';
import type { AtomVacancy } from './atom.rules.ts';
import { ATOM_LIMIT } from './atom.rules.ts';
import type { ExportVacancy } from './export-fields.rules.ts';

const v = vacancies;

const exportColumns = {
  workId: v.workId, orgId: v.orgId, orgName: v.orgName, personKind: v.personKind, title: v.title, rankText: v.rankText,
  gradeMin: v.gradeMin, gradeMax: v.gradeMax, sysnamText: v.sysnamText, sysnamCode: v.sysnamCode, numberOfText: v.numberOfText,
  headcount: v.headcount, reserveNum: v.reserveNum, genderType: v.genderType, gender: v.gender, workPlaceText: v.workPlaceText,
  workPlaces: v.workPlaces, validFrom: v.validFrom, validTo: v.validTo, isHandicap: v.isHandicap, isOriginal: v.isOriginal,
  isLocalOriginal: v.isLocalOriginal, isTraning: v.isTraning, isTransfer: v.isTransfer, typeText: v.typeText, rankTypes: v.rankTypes,
  vitaeEmail: v.vitaeEmail, workQuality: v.workQuality, workItem: v.workItem, workAddress: v.workAddress,
  contactMethod: v.contactMethod, urlLink: v.urlLink, workType: v.workType,
} satisfies Record<keyof ExportVacancy, unknown>;

const atomColumns = {
  workId: v.workId, title: v.title, orgName: v.orgName, workPlaces: v.workPlaces, workPlaceText: v.workPlaceText,
  rankText: v.rankText, gradeMin: v.gradeMin, gradeMax: v.gradeMax, validFrom: v.validFrom, validTo: v.validTo,
  postedAt: v.postedAt, updatedAt: v.updatedAt,
} satisfies Record<keyof AtomVacancy, unknown>;

/**
 * The change-log version of `vacancies` (migration 0008, vacancy_search_version): every statement that changes a
 * vacancy — publish, edit, delete, take-down, approval, import, plain SQL — moves it, in commit order. With the
 * date (the midnight expiry) it names the published set. One primary-key row: it replaced an md5 aggregate over
 * every published job, which cost 14 ms of PostgreSQL per request at 3,000 jobs (bench/load.bench.ts).
 */
export async function changeVersion(q: Queryable): Promise<string> {
  const [r] = await q.select({ v: sql<string>`version::text` }).from(sql`vacancy_search_version`);
  return r?.v ?? '0';
}

/** How many jobs are published on `today`. */
export async function publishedCount(q: Queryable, today: string): Promise<number> {
  const [r] = await q.select({ n: sql<number>`count(*)::int` }).from(v).where(publishedOn(today));
  return r?.n ?? 0;
}

export interface PublishedSnapshot {
  /** changeVersion, read in the same snapshot as the rows. */
  version: string;
  /** Every published job, by work_id (the order of the DGPA feed). */
  rows: ExportVacancy[];
  /** The ATOM_LIMIT most recently posted, newest first. */
  newest: AtomVacancy[];
}

/** The version and the rows read in one snapshot (REPEATABLE READ), so the version names exactly these rows. */
export async function readPublished(db: Db, today: string): Promise<PublishedSnapshot> {
  return db.transaction(
    async (tx) => {
      const version = await changeVersion(tx);
      const rows = await tx.select(exportColumns).from(v).where(publishedOn(today)).orderBy(asc(v.workId));
      const newest = await tx.select(atomColumns).from(v).where(publishedOn(today)).orderBy(desc(v.postedAt), desc(v.workId)).limit(ATOM_LIMIT);
      return { version, rows, newest };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
