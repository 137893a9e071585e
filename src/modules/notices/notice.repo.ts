// Reads and writes of notices. Every read is scoped: by a vacancy the caller already authorized (agency side), by
// the applicant's own id (applicant side), or by an agency code (ACS-9).
import { and, count, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { applications, type ResumeSnapshot } from '../applications/index.ts';
import { vacancies } from '../vacancies/index.ts';
import { notices, type NoticeKind, type NoticeReply } from './notice.schema.ts';

export type NoticeRow = typeof notices.$inferSelect;

export interface NoticeApplication {
  id: string;
  vacancyId: string;
  applicantId: string | null;
  /** A civil servant's DK application (ECPA-5): the staff user; null for a platform applicant's. */
  staffUserId: string | null;
  status: 'active' | 'cancelled';
  name: string;
  email: string;
}

const snapshotName = (s: ResumeSnapshot): string => s.data?.basic?.chineseName ?? '';
const snapshotEmail = (s: ResumeSnapshot): string => s.data?.basic?.email ?? '';

/** The applications of one vacancy among `ids` (others — another vacancy's, unknown, malformed — are left out). */
export async function applicationsOfVacancy(q: Queryable, vacancyId: string, ids: readonly string[]): Promise<NoticeApplication[]> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (wanted.length === 0) return [];
  const rows = await q
    .select({ id: applications.id, vacancyId: applications.vacancyId, applicantId: applications.applicantId, staffUserId: applications.staffUserId, status: applications.status, snapshot: applications.resumeSnapshot })
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), inArray(applications.id, wanted)));
  return rows.map((r) => ({ id: r.id, vacancyId: r.vacancyId, applicantId: r.applicantId, staffUserId: r.staffUserId, status: r.status, name: snapshotName(r.snapshot), email: snapshotEmail(r.snapshot) }));
}

export async function insertNotices(q: Queryable, rows: (typeof notices.$inferInsert)[]): Promise<NoticeRow[]> {
  return rows.length ? q.insert(notices).values(rows).returning() : [];
}

export interface NoticeView {
  notice: NoticeRow;
  applicantId: string | null;
  staffUserId: string | null;
  applicantName: string;
  vacancy: { id: string; workId: string; title: string; orgId: string | null; orgName: string; source: string };
}

const viewColumns = {
  notice: notices,
  applicantId: applications.applicantId,
  staffUserId: applications.staffUserId,
  snapshot: applications.resumeSnapshot,
  vId: vacancies.id,
  workId: vacancies.workId,
  title: vacancies.title,
  orgId: vacancies.orgId,
  orgName: vacancies.orgName,
  source: vacancies.source,
};

type ViewRow = { notice: NoticeRow; applicantId: string | null; staffUserId: string | null; snapshot: ResumeSnapshot; vId: string; workId: string; title: string; orgId: string | null; orgName: string; source: string };

const toView = (r: ViewRow): NoticeView => ({
  notice: r.notice,
  applicantId: r.applicantId,
  staffUserId: r.staffUserId,
  applicantName: snapshotName(r.snapshot),
  vacancy: { id: r.vId, workId: r.workId, title: r.title, orgId: r.orgId, orgName: r.orgName, source: r.source },
});

function viewQuery(q: Queryable, where: SQL | undefined) {
  return q
    .select(viewColumns)
    .from(notices)
    .innerJoin(applications, eq(applications.id, notices.applicationId))
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .where(where);
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** One notice with its application and vacancy (the caller authorizes the vacancy). */
export async function noticeView(q: Queryable, id: string): Promise<NoticeView | null> {
  if (!isUuid(id)) return null;
  const [r] = await viewQuery(q, eq(notices.id, id)).limit(1);
  return r ? toView(r as ViewRow) : null;
}

/** Whose notices: a platform applicant's (applications.applicant_id) or a civil servant's DK ones (staff_user_id). */
export type NoticeOwner = { kind: 'applicant' | 'staff'; id: string };

/** The owner's own notices of a kind, newest first (NTF-1, NTF-2; ECPA-5 for a civil servant). */
export async function ownNotices(q: Queryable, owner: NoticeOwner, kind: NoticeKind): Promise<NoticeView[]> {
  const mine = owner.kind === 'applicant' ? eq(applications.applicantId, owner.id) : eq(applications.staffUserId, owner.id);
  const rows = await viewQuery(q, and(mine, eq(notices.kind, kind))).orderBy(desc(notices.sentAt));
  return (rows as ViewRow[]).map(toView);
}

/** Records the one reply; false when the notice was already answered (a second reply is refused). */
export async function recordReply(q: Queryable, id: string, reply: NoticeReply, at: Date): Promise<boolean> {
  const rows = await q.update(notices).set({ reply, repliedAt: at }).where(and(eq(notices.id, id), isNull(notices.reply))).returning({ id: notices.id });
  return rows.length === 1;
}

/** The latest interview notice of each application (ACS-7). */
export async function latestInterviewNotices(q: Queryable, applicationIds: readonly string[]): Promise<Map<string, NoticeRow>> {
  const ids = applicationIds.filter(isUuid);
  const out = new Map<string, NoticeRow>();
  if (ids.length === 0) return out;
  const rows = await q.select().from(notices).where(and(inArray(notices.applicationId, ids), eq(notices.kind, 'interview'))).orderBy(notices.applicationId, desc(notices.sentAt));
  for (const r of rows) if (!out.has(r.applicationId)) out.set(r.applicationId, r);
  return out;
}

export interface NoticeFilter {
  agencyCode: string;
  workId: string;
  kind: NoticeKind | '';
  /** '' any; 'none' unanswered; or a reply. */
  reply: NoticeReply | 'none' | '';
  /** Inclusive ISO dates (Asia/Taipei) of sent_at. */
  from: string | null;
  to: string | null;
}

const taipeiStart = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

/** ACS-9: every notice of the agency's vacancies, filtered, newest first (at most `limit`). */
export async function agencyNotices(q: Queryable, f: NoticeFilter, limit: number): Promise<NoticeView[]> {
  const rows = await viewQuery(q, and(eq(vacancies.orgId, f.agencyCode), ...filterConds(f))).orderBy(desc(notices.sentAt)).limit(limit);
  return (rows as ViewRow[]).map(toView);
}

/** ADM-3 查詢回覆紀錄 of the back office: `agency` is a 機關代碼 (exact) or part of a name; '' every agency. */
export type AllNoticesFilter = Omit<NoticeFilter, 'agencyCode'> & { agency: string };

/** ADM-3: notices of every agency's vacancies, filtered, newest first, one page, with the total. */
export async function allAgencyNotices(q: Queryable, f: AllNoticesFilter, limit: number, offset: number): Promise<{ total: number; rows: NoticeView[] }> {
  const conds = filterConds(f);
  if (f.agency) conds.push(or(eq(vacancies.orgId, f.agency.toUpperCase()), ilike(vacancies.orgName, `%${f.agency.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))!);
  const where = conds.length ? and(...conds) : undefined;
  const [n] = await q
    .select({ n: count() })
    .from(notices)
    .innerJoin(applications, eq(applications.id, notices.applicationId))
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .where(where);
  const rows = await viewQuery(q, where).orderBy(desc(notices.sentAt), desc(notices.id)).limit(limit).offset(offset);
  return { total: n?.n ?? 0, rows: (rows as ViewRow[]).map(toView) };
}

function filterConds(f: Omit<NoticeFilter, 'agencyCode'>): SQL[] {
  const conds: SQL[] = [];
  if (f.workId) conds.push(eq(vacancies.workId, f.workId));
  if (f.kind) conds.push(eq(notices.kind, f.kind));
  if (f.reply === 'none') conds.push(isNull(notices.reply));
  else if (f.reply) conds.push(eq(notices.reply, f.reply));
  if (f.from) conds.push(gte(notices.sentAt, taipeiStart(f.from)));
  if (f.to) {
    const end = taipeiStart(f.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conds.push(lt(notices.sentAt, end));
  }
  return conds;
}
