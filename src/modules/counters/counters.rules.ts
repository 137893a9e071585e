// PUB-7 visitor counters: what counts as a visit. A visit is a browser's first page of the Taipei day:
// a successful HTML GET page without today's `visited` cookie. Assets, health checks, captcha, open data
// and the developer pages are not pages a person visits.
import { addDays, type IsoDate } from '../../platform/tw/roc-date.ts';

export const VISIT_COOKIE = 'visited';
/** 目前線上人數 counts sessions seen within this many minutes. */
export const ONLINE_WINDOW_MINUTES = 15;

const NOT_PAGES = ['/assets', '/healthz', '/readyz', '/captcha', '/opendata', '/dev'];

export function isVisitPath(path: string): boolean {
  return !NOT_PAGES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`) || path.startsWith(`${p}?`));
}

export interface VisitCandidate {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  visitedCookie: string | undefined;
  today: IsoDate;
}

export function isNewVisit(r: VisitCandidate): boolean {
  return (
    r.method === 'GET' &&
    r.status >= 200 &&
    r.status < 300 &&
    (r.contentType ?? '').toLowerCase().startsWith('text/html') &&
    isVisitPath(r.path) &&
    r.visitedCookie !== r.today
  );
}

/** The next Taipei midnight after `day` (Taiwan keeps UTC+8 all year). */
export function taipeiMidnightAfter(day: IsoDate): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+08:00`);
}
