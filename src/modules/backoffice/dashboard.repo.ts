// The back-office dashboards' queries (issue 14 item 6). Each is bounded: a window of days on an indexed time
// (applications_applied_idx, outbox_created_idx, vacancies_posted_idx, sessions_last_seen_idx) or the published
// vacancies of today (vacancies_valid_idx); all group in the database and return at most a few hundred rows.
// bench/dashboard.bench.ts times each at 200,000 vacancies and 1,000,000 applications.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { publishedOn } from '../vacancies/index.ts';
import type { Count } from './dashboard.rules.ts';

/** The start of a Taipei day as a timestamptz. */
const taipeiDay = (iso: string): SQL => sql`(${iso}::date::timestamp AT TIME ZONE 'Asia/Taipei')`;
/** A timestamptz's Taipei day, as the start of that day: date_bin on a +08 origin (no DST in Taiwan) costs a
 *  quarter of `AT TIME ZONE` row by row (85 → 22 ms over 126,000 rows); the text is made once a group. */
const taipeiDayOf = (column: SQL): SQL => sql`date_bin('1 day', ${column}, TIMESTAMPTZ '2000-01-01 00:00:00+08')`;
const isoOf = (column: SQL): SQL => sql`to_char(${column} AT TIME ZONE 'Asia/Taipei', 'YYYY-MM-DD')`;

async function counts(q: Queryable, query: SQL): Promise<Count[]> {
  const r = await q.execute<{ key: string | null; n: number | string }>(query);
  return r.rows.map((row) => ({ key: row.key ?? '', n: Number(row.n) }));
}

/** Applications made on each Taipei day from `from` to `today` (days with none are absent). */
export function applicationsPerDay(q: Queryable, from: string, today: string): Promise<Count[]> {
  return counts(
    q,
    sql`SELECT ${isoOf(sql`d`)} AS key, n FROM (
          SELECT ${taipeiDayOf(sql`applied_at`)} AS d, count(*)::int AS n
            FROM applications
           WHERE applied_at >= ${taipeiDay(from)} AND applied_at < ${taipeiDay(today)} + interval '1 day'
           GROUP BY 1) AS days`,
  );
}

/** Vacancies published today by 職系 code; those without a code (imported feeds) by their 職系 text (key ''). */
export async function publishedBySysnam(q: Queryable, today: string): Promise<(Count & { text: string })[]> {
  const r = await q.execute<{ key: string | null; text: string | null; n: number | string }>(
    sql`SELECT sysnam_code AS key, CASE WHEN sysnam_code IS NULL THEN sysnam_text END AS text, count(*)::int AS n
          FROM vacancies WHERE ${publishedOn(today)}
         GROUP BY 1, 2`,
  );
  return r.rows.map((row) => ({ key: row.key ?? '', text: row.text ?? '', n: Number(row.n) }));
}

/** Vacancies published today by 工作地 code (a vacancy with two 工作地 counts in both). */
export function publishedByPlace(q: Queryable, today: string): Promise<Count[]> {
  return counts(
    q,
    sql`SELECT p AS key, count(*)::int AS n
          FROM vacancies CROSS JOIN LATERAL unnest(work_places) AS p
         WHERE ${publishedOn(today)}
         GROUP BY p`,
  );
}

/** Vacancies published today by access mode (civil_service 須具 / open 不須具 / none). */
export function publishedByAccess(q: Queryable, today: string): Promise<Count[]> {
  return counts(q, sql`SELECT access_mode AS key, count(*)::int AS n FROM vacancies WHERE ${publishedOn(today)} GROUP BY access_mode`);
}

export interface FirstApplicationWeek {
  /** Monday of the Taipei week of posting; null on the row of the whole window. */
  week: string | null;
  posted: number;
  answered: number;
  /** Median seconds from 刊登 to the first application, among the vacancies that had one. */
  medianSeconds: number | null;
}

/** Vacancies posted (approved, not deleted) since the Monday `fromWeek`, by week of posting and in all: how many, how many
 *  had an application, and the median time to the first one. Their applications come after their posting, so only
 *  the applications since `fromWeek` are read (applications_applied_idx), not one index probe a vacancy.
 *  (The query alone: bench/dashboard.bench.ts --explain prints its plan.) */
export function firstApplicationSql(fromWeek: string): SQL {
  // Weeks by date_bin on a Monday 00:00 +08 origin (2000-01-03), the text made once a group.
  return sql`SELECT ${isoOf(sql`w`)} AS week, posted, answered, median FROM (
          SELECT date_bin('7 days', v.posted_at, TIMESTAMPTZ '2000-01-03 00:00:00+08') AS w,
                 count(*)::int AS posted,
                 count(f.first)::int AS answered,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first - v.posted_at)) AS median
            FROM vacancies v
            LEFT JOIN (SELECT vacancy_id, min(applied_at) AS first FROM applications
                        WHERE applied_at >= ${taipeiDay(fromWeek)} GROUP BY vacancy_id) f ON f.vacancy_id = v.id
           WHERE v.posted_at >= ${taipeiDay(fromWeek)} AND v.deleted_at IS NULL AND v.review_status = 'approved'
           GROUP BY GROUPING SETS ((1), ())) AS weeks`;
}

export async function firstApplicationByWeek(q: Queryable, fromWeek: string): Promise<FirstApplicationWeek[]> {
  const r = await q.execute<{ week: string | null; posted: number | string; answered: number | string; median: number | string | null }>(
    firstApplicationSql(fromWeek),
  );
  return r.rows.map((row) => ({
    week: row.week,
    posted: Number(row.posted),
    answered: Number(row.answered),
    medianSeconds: row.median === null ? null : Number(row.median),
  }));
}

/** Resume-file states (GEN-1) of the applications made since `from`. */
export function resumeFileStates(q: Queryable, from: string): Promise<Count[]> {
  return counts(q, sql`SELECT resume_file_state AS key, count(*)::int AS n FROM applications WHERE applied_at >= ${taipeiDay(from)} GROUP BY 1`);
}

/** Resume files not ready, of every application (the partial index applications_file_state_idx). */
export function resumeFilesWaiting(q: Queryable): Promise<Count[]> {
  return counts(
    q,
    sql`SELECT resume_file_state AS key, count(*)::int AS n FROM applications
         WHERE resume_file_state IN ('pending', 'producing', 'failed') GROUP BY 1`,
  );
}

/** Mails queued on each Taipei day since `from`, by their state now. */
export async function mailsPerDay(q: Queryable, from: string): Promise<(Count & { state: string })[]> {
  const r = await q.execute<{ key: string; state: string; n: number | string }>(
    sql`SELECT ${isoOf(sql`d`)} AS key, state, n FROM (
          SELECT ${taipeiDayOf(sql`created_at`)} AS d, state, count(*)::int AS n
            FROM outbox_messages WHERE created_at >= ${taipeiDay(from)}
           GROUP BY 1, 2) AS days`,
  );
  return r.rows.map((row) => ({ key: row.key, state: row.state, n: Number(row.n) }));
}

/** Mails waiting now: pending and failed, and since when the oldest pending one is due (outbox_due_idx). */
export async function mailsWaiting(q: Queryable): Promise<{ pending: number; failed: number; oldestDue: Date | null }> {
  const r = await q.execute<{ pending: number | string; failed: number | string; oldest: string | Date | null }>(
    sql`SELECT (SELECT count(*) FROM outbox_messages WHERE state = 'pending')::int AS pending,
               (SELECT count(*) FROM outbox_messages WHERE state = 'failed')::int AS failed,
               (SELECT min(next_attempt_at) FROM outbox_messages WHERE state = 'pending') AS oldest`,
  );
  const row = r.rows[0];
  return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0), oldestDue: row?.oldest ? new Date(row.oldest) : null };
}

/**
 * Sessions on line in each hour 0..`lastHour` of the Taipei day `day`: those whose span (created → last seen)
 * meets the hour. Sessions are deleted at sign-out and on expiry, so earlier hours count only the sessions still
 * kept: a floor, not a log.
 */
export async function sessionsPerHour(q: Queryable, day: string, lastHour: number): Promise<{ hour: number; n: number }[]> {
  const start = taipeiDay(day);
  const hourOf = (column: SQL) => sql`floor(extract(epoch FROM ${column} - ${start}) / 3600)::int`;
  const r = await q.execute<{ hour: number | string; n: number | string }>(
    sql`SELECT h AS hour, count(*)::int AS n
          FROM sessions s
         CROSS JOIN LATERAL generate_series(greatest(0, ${hourOf(sql`s.created_at`)}), least(${lastHour}::int, ${hourOf(sql`s.last_seen_at`)})) AS h
         WHERE s.last_seen_at >= ${start}
         GROUP BY h`,
  );
  return r.rows.map((row) => ({ hour: Number(row.hour), n: Number(row.n) }));
}
