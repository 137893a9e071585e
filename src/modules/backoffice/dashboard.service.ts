// The back-office dashboards (issue 14 item 6): every figure of the page, read in one go. Reads only.
import type { Queryable } from '../../platform/db/client.ts';
import {
  applicationsPerDay,
  firstApplicationByWeek,
  mailsPerDay,
  mailsWaiting,
  publishedByAccess,
  publishedByPlace,
  publishedBySysnam,
  resumeFileStates,
  resumeFilesWaiting,
  sessionsPerHour,
  type FirstApplicationWeek,
} from './dashboard.repo.ts';
import { fillDays, fillHours, taipeiHour, weekStarts, windowStart, type Count } from './dashboard.rules.ts';

/** Mails per day are read for this many days (the outbox's recent health, not its history). */
export const MAIL_DAYS = 14;

export interface DashboardData {
  today: string;
  from: string;
  perDay: Count[];
  sysnam: (Count & { text: string })[];
  places: Count[];
  access: Count[];
  weeks: { week: string; posted: number; answered: number; medianSeconds: number | null }[];
  firstOverall: FirstApplicationWeek;
  resumeStates: Count[];
  resumeWaiting: Count[];
  mailDays: { day: string; sent: number; pending: number; failed: number }[];
  mailsWaiting: { pending: number; failed: number; oldestDue: Date | null };
  hours: { hour: number; n: number }[];
}

export async function loadDashboard(q: Queryable, now: Date, today: string): Promise<DashboardData> {
  const from = windowStart(today);
  const mondays = weekStarts(today);
  const mailFrom = windowStart(today, MAIL_DAYS);
  // One after another: PGlite has one connection, and on PostgreSQL a request should not take a pool's worth.
  const perDay = await applicationsPerDay(q, from, today);
  const sysnam = await publishedBySysnam(q, today);
  const places = await publishedByPlace(q, today);
  const access = await publishedByAccess(q, today);
  const first = await firstApplicationByWeek(q, mondays[0]!);
  const resumeStates = await resumeFileStates(q, from);
  const resumeWaiting = await resumeFilesWaiting(q);
  const mails = await mailsPerDay(q, mailFrom);
  const waiting = await mailsWaiting(q);
  const hours = await sessionsPerHour(q, today, taipeiHour(now));

  const byWeek = new Map(first.filter((w) => w.week !== null).map((w) => [w.week!, w]));
  const mailOf = (day: string, state: string) => mails.find((r) => r.key === day && r.state === state)?.n ?? 0;
  return {
    today,
    from,
    perDay: fillDays(perDay, today),
    sysnam,
    places,
    access,
    weeks: mondays.map((week) => { const w = byWeek.get(week); return { week, posted: w?.posted ?? 0, answered: w?.answered ?? 0, medianSeconds: w?.medianSeconds ?? null }; }),
    firstOverall: first.find((w) => w.week === null) ?? { week: null, posted: 0, answered: 0, medianSeconds: null },
    resumeStates,
    resumeWaiting,
    mailDays: fillDays([], today, MAIL_DAYS).map(({ key }) => ({ day: key, sent: mailOf(key, 'sent'), pending: mailOf(key, 'pending'), failed: mailOf(key, 'failed') })),
    mailsWaiting: waiting,
    hours: fillHours(hours, taipeiHour(now)),
  };
}
