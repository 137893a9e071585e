// Back-office dashboards (issue 14 item 6): the pure parts — the windows the queries read, filling the days and
// hours a query found nothing for, keeping the largest groups and summing the rest, the median's wording.
import { addDays } from '../../platform/tw/roc-date.ts';

/** Applications per day and the resume-file states read this many Taipei days, today included. */
export const DAYS = 90;
/** Median days to the first application: vacancies posted in this many weeks (Taipei weeks, Monday first). */
export const WEEKS = 13;
/** Bars in the 職系 and 工作地 charts; the rest are summed into 「其他」. */
export const TOP = 12;

export interface Count {
  key: string;
  n: number;
}

/** The first day of the window that ends today (ISO dates, Taipei). */
export function windowStart(today: string, days = DAYS): string {
  return addDays(today, -(days - 1));
}

/** Every day from `start` to `today` with its count (0 where the query found none), oldest first. */
export function fillDays(rows: readonly Count[], today: string, days = DAYS): Count[] {
  const by = new Map(rows.map((r) => [r.key, r.n]));
  const out: Count[] = [];
  for (let d = windowStart(today, days); d <= today; d = addDays(d, 1)) out.push({ key: d, n: by.get(d) ?? 0 });
  return out;
}

/** Hours 0..`lastHour` of a day with their counts (0 where none). */
export function fillHours(rows: readonly { hour: number; n: number }[], lastHour: number): { hour: number; n: number }[] {
  const by = new Map(rows.map((r) => [r.hour, r.n]));
  return Array.from({ length: lastHour + 1 }, (_, hour) => ({ hour, n: by.get(hour) ?? 0 }));
}

/** The `top` largest groups (ties in the order given), the rest summed under `otherKey` (left out when nothing is left). */
export function topWithOther(rows: readonly Count[], otherKey: string, top = TOP): Count[] {
  const sorted = rows.filter((r) => r.n > 0).sort((a, b) => b.n - a.n);
  const head = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((s, r) => s + r.n, 0);
  return rest > 0 ? [...head, { key: otherKey, n: rest }] : head;
}

/** Monday of the Taipei week of an ISO date. */
export function weekStart(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((dow + 6) % 7));
}

/** The Mondays of the last `weeks` weeks, oldest first, the current week last. */
export function weekStarts(today: string, weeks = WEEKS): string[] {
  const last = weekStart(today);
  return Array.from({ length: weeks }, (_, i) => addDays(last, -7 * (weeks - 1 - i)));
}

/** Days, one decimal, for a number of seconds (null stays null: no vacancy of that week had an application). */
export function secondsToDays(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 86_400) * 10) / 10;
}

/** The hour (0–23) of `now` in Asia/Taipei (UTC+8, no daylight saving). */
export function taipeiHour(now: Date): number {
  return (now.getUTCHours() + 8) % 24;
}
