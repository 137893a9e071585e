// Reads for the PUB-4 export: the version of the published set (cheap, every request) and the rows (on change).
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

export interface PublishedVersion {
  /** Published jobs today. */
  count: number;
  /** md5 over (work_id, updated_at) of every published job: moves when one joins, leaves or is updated. */
  fingerprint: string;
}

/**
 * One aggregate over today's published jobs. A job that expires, is deleted, flagged or approved changes the set
 * (hence the fingerprint) even when no updated_at moves; an edit moves its updated_at (every writer sets it:
 * DOMAIN.md — the importer does only when a column changed).
 */
export async function publishedVersion(q: Queryable, today: string): Promise<PublishedVersion> {
  const [r] = await q
    .select({
      count: sql<number>`count(*)::int`,
      fingerprint: sql<string>`md5(coalesce(string_agg(${v.workId} || ':' || (extract(epoch from ${v.updatedAt}) * 1000000)::bigint, ',' order by ${v.workId}), ''))`,
    })
    .from(v)
    .where(publishedOn(today));
  return { count: r?.count ?? 0, fingerprint: r?.fingerprint ?? '' };
}

export interface PublishedSnapshot {
  version: PublishedVersion;
  /** Every published job, by work_id (the order of the DGPA feed). */
  rows: ExportVacancy[];
  /** The ATOM_LIMIT most recently posted, newest first. */
  newest: AtomVacancy[];
}

/** The version and the rows read in one snapshot (REPEATABLE READ), so the version names exactly these rows. */
export async function readPublished(db: Db, today: string): Promise<PublishedSnapshot> {
  return db.transaction(
    async (tx) => {
      const version = await publishedVersion(tx, today);
      const rows = await tx.select(exportColumns).from(v).where(publishedOn(today)).orderBy(asc(v.workId));
      const newest = await tx.select(atomColumns).from(v).where(publishedOn(today)).orderBy(desc(v.postedAt), desc(v.workId)).limit(ATOM_LIMIT);
      return { version, rows, newest };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
