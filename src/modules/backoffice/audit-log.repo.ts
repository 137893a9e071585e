// Reads of the audit log for the back office (SYS-2, ADM-3): a filtered page (or an export's rows), newest first,
// with the actors' names and the vacancies' 職缺編號 looked up afterwards by id (no join over the whole log).
// Read-only: the log is append-only (migration 0009 refuses UPDATE, DELETE and TRUNCATE).
import { and, count, desc, eq, gte, ilike, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { staffUsers } from '../ecpa/index.ts';
import { agencies } from '../reference/index.ts';
import { vacancies } from '../vacancies/index.ts';
import type { AuditSearch } from './audit-log.query.ts';
import type { AuditRow } from './audit-log.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const taipeiDay = (iso: string) => sql`(${iso}::date::timestamp AT TIME ZONE 'Asia/Taipei')`;

/** The ids an actor filter stands for: staff by name or account, applicants by e-mail, or the id itself. */
async function actorIds(q: Queryable, text: string): Promise<string[]> {
  const p = `%${escapeLike(text)}%`;
  const staff = await q.select({ id: staffUsers.id }).from(staffUsers).where(or(ilike(staffUsers.name, p), eq(staffUsers.account, text))).limit(500);
  const applicants = await q.select({ id: applicantAccounts.id }).from(applicantAccounts).where(ilike(applicantAccounts.email, p)).limit(500);
  return [text, ...staff.map((s) => s.id), ...applicants.map((a) => a.id)];
}

async function whereOf(q: Queryable, f: AuditSearch): Promise<SQL | undefined> {
  const parts: SQL[] = [];
  if (f.actor) parts.push(inArray(auditEvents.actorId, await actorIds(q, f.actor)));
  if (f.action) parts.push(f.action.endsWith('.') ? like(auditEvents.action, `${escapeLike(f.action)}%`) : eq(auditEvents.action, f.action));
  if (f.subject) {
    const ids = [f.subject];
    if (/^\d{10}$/.test(f.subject)) {
      const [v] = await q.select({ id: vacancies.id }).from(vacancies).where(eq(vacancies.workId, f.subject)).limit(1);
      if (v) ids.push(v.id);
    }
    parts.push(inArray(auditEvents.subjectId, ids));
  }
  if (f.from) parts.push(gte(auditEvents.at, taipeiDay(f.from)));
  if (f.to) parts.push(lt(auditEvents.at, taipeiDay(addDays(f.to, 1))));
  if (f.ip) parts.push(f.ip.endsWith('.') || f.ip.endsWith(':') ? like(auditEvents.ip, `${escapeLike(f.ip)}%`) : eq(auditEvents.ip, f.ip));
  return parts.length ? and(...parts) : undefined;
}

/** Names of the staff and applicant actors and 職缺編號 of the vacancy subjects, looked up by id. */
async function resolve(q: Queryable, rows: (typeof auditEvents.$inferSelect)[]): Promise<AuditRow[]> {
  const ids = (kind: string, pick: (r: (typeof rows)[number]) => string | null, k: 'actorKind' | 'subjectKind') => [
    ...new Set(rows.filter((r) => r[k] === kind).map(pick).filter((x): x is string => !!x && UUID.test(x))),
  ];
  const staffIds = ids('staff', (r) => r.actorId, 'actorKind');
  const applicantIds = ids('applicant', (r) => r.actorId, 'actorKind');
  const vacancyIds = ids('vacancy', (r) => r.subjectId, 'subjectKind');
  const staff = staffIds.length
    ? await q.select({ id: staffUsers.id, name: staffUsers.name, agencyCode: staffUsers.agencyCode, agencyName: agencies.name }).from(staffUsers).leftJoin(agencies, eq(agencies.code, staffUsers.agencyCode)).where(inArray(staffUsers.id, staffIds))
    : [];
  const applicants = applicantIds.length ? await q.select({ id: applicantAccounts.id, email: applicantAccounts.email }).from(applicantAccounts).where(inArray(applicantAccounts.id, applicantIds)) : [];
  const jobs = vacancyIds.length ? await q.select({ id: vacancies.id, workId: vacancies.workId }).from(vacancies).where(inArray(vacancies.id, vacancyIds)) : [];
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const emailById = new Map(applicants.map((a) => [a.id, a.email]));
  const workIdById = new Map(jobs.map((j) => [j.id, j.workId]));
  return rows.map((r) => {
    const s = r.actorKind === 'staff' && r.actorId ? staffById.get(r.actorId) : undefined;
    return {
      ...r,
      staffName: s?.name ?? null,
      agencyName: s ? (s.agencyName ?? s.agencyCode) : null,
      applicantEmail: r.actorKind === 'applicant' && r.actorId ? (emailById.get(r.actorId) ?? null) : null,
      workId: r.subjectKind === 'vacancy' && r.subjectId ? (workIdById.get(r.subjectId) ?? null) : null,
    };
  });
}

/** One page of the search, newest first, with the total. */
export async function searchAudit(q: Queryable, f: AuditSearch, limit: number, offset: number): Promise<{ total: number; rows: AuditRow[] }> {
  const where = await whereOf(q, f);
  const [n] = await q.select({ n: count() }).from(auditEvents).where(where);
  const rows = await q.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit).offset(offset);
  return { total: n?.n ?? 0, rows: await resolve(q, rows) };
}
