// Use case: import a DGPA open-data feed (the real 2016 file, or today's) into `vacancies`.
// One transaction. Every row is validated before anything is written (feed.rules.ts); rows go 200 per
// INSERT statement, each statement in a savepoint, and a batch the database refuses is retried row by
// row, each in its own savepoint, so one bad row never leaves partial data nor stops the others.
// Re-importing the same file writes nothing: those rows are counted as unchanged.
import type { Queryable } from '../../../platform/db/client.ts';
import {
  checkCodeTables,
  agencyNameKey,
  findAgenciesByNames,
  isAgencyCode,
  referenceAgencyByName,
  syntheticAgencyCode,
  upsertAgencies,
  type AgencyInput,
} from '../../reference/index.ts';
import { parseFeed, FeedParseError } from './feed.parse.ts';
import { daysBetween, parseFeedDate } from './feed-fields.rules.ts';
import { normalizeRow, type FeedVacancy } from './feed.rules.ts';
import { sourcesOf, upsertFeedVacancies, type UpsertOutcome } from './import.repo.ts';

export { FeedParseError } from './feed.parse.ts';

export interface ImportOptions {
  /** 'demo' marks rows of the demo seed; default 'opendata_import'. */
  readonly source?: 'opendata_import' | 'demo';
  /** ISO date: shift every validity window so the feed's ANNOUNCE_DATE becomes this day (demo seed). */
  readonly shiftDatesTo?: string;
  /** Rows per INSERT statement; default 200. */
  readonly batchSize?: number;
}

export interface ImportRejection {
  /** 1-based position of the ROW in the file. */
  index: number;
  workId?: string;
  reason: string;
}

export interface ImportResult {
  /** ROW elements in the file. */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** In file order; read = inserted + updated + unchanged + rejected.length. */
  rejected: ImportRejection[];
  /** ANNOUNCE_DATE as stored (ISO, after any shift), or null when the feed has no valid one. */
  announceDate: string | null;
  /** Agencies added to the agencies table. */
  agenciesAdded: number;
}

interface Accepted {
  index: number;
  vacancy: FeedVacancy;
}

/**
 * Throws FeedParseError when the file is not a readable feed (malformed XML, wrong root, or shiftDatesTo
 * asked of a feed without ANNOUNCE_DATE); row problems are reported in `rejected`, never thrown.
 */
export async function importFeed(db: Queryable, xml: string, opts: ImportOptions = {}): Promise<ImportResult> {
  // The code tables as the back office left them (ADM-2): a worker process has no request to check them for it.
  await checkCodeTables(db, 0);
  const feed = parseFeed(xml);
  const rejected: ImportRejection[] = feed.errors.map((e) => ({ index: e.index, reason: e.reason }));
  const read = feed.rows.length + feed.errors.length;

  let announceDate = feed.announceDate === null ? null : parseFeedDate(feed.announceDate);
  let shiftDays = 0;
  if (opts.shiftDatesTo !== undefined) {
    if (parseFeedDate(opts.shiftDatesTo.replaceAll('-', '')) !== opts.shiftDatesTo) {
      throw new RangeError(`shiftDatesTo must be an ISO date (YYYY-MM-DD), not ${opts.shiftDatesTo}`);
    }
    if (announceDate === null) throw new FeedParseError('cannot shift dates: the feed has no valid ANNOUNCE_DATE');
    shiftDays = daysBetween(announceDate, opts.shiftDatesTo);
    announceDate = opts.shiftDatesTo;
  }

  const accepted: Accepted[] = [];
  const firstRowOf = new Map<string, number>();
  feed.rows.forEach((raw, i) => {
    const index = feed.rowIndex[i]!;
    const r = normalizeRow(raw, { announceDate, shiftDays, source: opts.source ?? 'opendata_import' });
    if (!r.ok) {
      rejected.push({ index, ...(r.workId ? { workId: r.workId } : {}), reason: r.reason });
      return;
    }
    const first = firstRowOf.get(r.vacancy.workId);
    if (first !== undefined) {
      rejected.push({ index, workId: r.vacancy.workId, reason: `職缺編號 ${r.vacancy.workId} appears again (first in ROW ${first}); only the first is imported` });
      return;
    }
    firstRowOf.set(r.vacancy.workId, index);
    accepted.push({ index, vacancy: r.vacancy });
  });

  const counts = { inserted: 0, updated: 0, unchanged: 0, agenciesAdded: 0 };
  await db.transaction(async (tx) => {
    counts.agenciesAdded = await resolveAgencies(tx, accepted);
    const size = Math.max(1, opts.batchSize ?? 200);
    for (let i = 0; i < accepted.length; i += size) {
      const batch = accepted.slice(i, i + size);
      try {
        const outcome = await tx.transaction((sp) => upsertFeedVacancies(sp, batch.map((a) => a.vacancy)));
        await tally(tx, batch, outcome, counts, rejected);
      } catch {
        for (const one of batch) {
          try {
            const outcome = await tx.transaction((sp) => upsertFeedVacancies(sp, [one.vacancy]));
            await tally(tx, [one], outcome, counts, rejected);
          } catch (err) {
            rejected.push({ index: one.index, workId: one.vacancy.workId, reason: `the database refused the row: ${dbMessage(err)}` });
          }
        }
      }
    }
  });

  rejected.sort((a, b) => a.index - b.index);
  return { read, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected, announceDate, agenciesAdded: counts.agenciesAdded };
}

/**
 * Links each vacancy to an agency by name and adds the agencies the table lacks (existing ones are never
 * changed: the back office owns the table). org_id gets a real 機關代碼 only — ORG_ID when the feed has it,
 * else the code of a stored or committed agency of that name whose code is known; a synthetic 'X…' code
 * is never written to a vacancy (it would leak into the open-data export as if it were DGPA's).
 */
async function resolveAgencies(tx: Queryable, accepted: readonly Accepted[]): Promise<number> {
  const stored = await findAgenciesByNames(tx, accepted.map((a) => a.vacancy.orgName));
  const toAdd = new Map<string, AgencyInput>();
  for (const { vacancy } of accepted) {
    const key = agencyNameKey(vacancy.orgName);
    if (vacancy.orgId) {
      if (isAgencyCode(vacancy.orgId)) toAdd.set(vacancy.orgId, { code: vacancy.orgId, name: vacancy.orgName, codeKnown: true });
      continue;
    }
    const known = stored.get(key) ?? referenceAgencyByName(vacancy.orgName);
    if (known) {
      if (known.codeKnown) vacancy.orgId = known.code;
      if (!stored.has(key)) toAdd.set(known.code, { code: known.code, name: known.name, codeKnown: known.codeKnown });
    } else {
      const code = syntheticAgencyCode(vacancy.orgName);
      toAdd.set(code, { code, name: vacancy.orgName, codeKnown: false });
    }
  }
  const added = await upsertAgencies(tx, [...toAdd.values()], { keepExisting: true });
  return added.inserted;
}

async function tally(
  tx: Queryable,
  batch: readonly Accepted[],
  outcome: UpsertOutcome,
  counts: { inserted: number; updated: number; unchanged: number },
  rejected: ImportRejection[],
): Promise<void> {
  counts.inserted += outcome.inserted.length;
  counts.updated += outcome.updated.length;
  const written = new Set([...outcome.inserted, ...outcome.updated]);
  const untouched = batch.filter((a) => !written.has(a.vacancy.workId));
  const sources = await sourcesOf(tx, untouched.map((a) => a.vacancy.workId));
  for (const a of untouched) {
    const source = sources.get(a.vacancy.workId);
    if (source === 'opendata_import' || source === 'demo') counts.unchanged += 1;
    else {
      rejected.push({
        index: a.index,
        workId: a.vacancy.workId,
        reason: `職缺編號 ${a.vacancy.workId} belongs to a vacancy posted in this system (source ${source ?? 'unknown'}); not overwritten`,
      });
    }
  }
}

/** The database's own message, one line (drizzle wraps it in "Failed query: …" with every parameter). */
function dbMessage(err: unknown): string {
  const e = err as { cause?: { message?: unknown }; message?: unknown };
  const text = typeof e.cause?.message === 'string' ? e.cause.message : String(e.message ?? err);
  return text.split('\n')[0]!.slice(0, 300);
}
