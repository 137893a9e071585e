// Keeping the demo current (issue 16 item 10): demo vacancies are the 2016 feed shifted so its ANNOUNCE_DATE
// was the seed day. Each day the whole set moves on by the days that passed, so the site never empties and the
// mix of open / closing-soon jobs stays as it was on the feed's own day.
import { addDays } from '../../platform/tw/roc-date.ts';

/** In the 2016 feed the newest DATE_FROM (1050514) is one day before ANNOUNCE_DATE (1050515). */
export const NEWEST_POSTING_LAG_DAYS = 1;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/**
 * Days to add to every demo vacancy's valid_from / valid_to so that the newest posting is again
 * `NEWEST_POSTING_LAG_DAYS` before `today` (Taipei). 0 when there is no demo vacancy or nothing to do; never
 * negative (a clock set back does not pull the demo into the past).
 */
export function demoShiftDays(newestValidFrom: string | null, today: string): number {
  if (newestValidFrom === null) return 0;
  const target = addDays(today, -NEWEST_POSTING_LAG_DAYS);
  return Math.max(0, dayNumber(target) - dayNumber(newestValidFrom));
}
