// The use cases of notices. Sending (ACS-5, ACS-6, ACS-8): for every chosen application of the vacancy — cancelled
// ones refused before anything is written — one transaction stores the notices, queues one mail each to the
// applicant's 聯絡Email (with an .ics when a date and time are given; its bytes are put in storage first, keyed by
// the notice id, as the outbox carries attachments by key) and audits each. Replying (NTF-1, NTF-2): once, mailed to
// the notice's 聯絡Email except for demo / open-data vacancies, audited.
import { randomUUID } from 'node:crypto';
import type { Services } from '../../container.ts';
import { recordAudit, recordAudits, type Actor } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { enqueueMail, type OutgoingAttachment } from '../../platform/outbox/outbox.ts';
import { noticeMail, replyMail } from './notice.mails.ts';
import { noticeSubject } from './notice.policy.ts';
import { insertNotices, noticeView, ownNotices, recordReply, type NoticeApplication, type NoticeOwner, type NoticeRow, type NoticeView } from './notice.repo.ts';
import { interviewIcs, kindText, replyAllowed, replyText, type NoticeInput } from './notice.rules.ts';
import type { NoticeKind } from './notice.schema.ts';

export type NoticeDeps = Pick<Services, 'db' | 'clock' | 'storage'> & { config: Pick<Services['config'], 'baseUrl'> };

export interface NoticeVacancy {
  id: string;
  workId: string;
  title: string;
  orgName: string;
}

export type SendResult = { ok: true; notices: NoticeRow[] } | { ok: false; reason: 'none' | 'cancelled'; names: string[] };

export const icsKey = (noticeId: string) => `notices/${noticeId}.ics`;

export function noticeIcs(n: Pick<NoticeRow, 'id' | 'kind' | 'content' | 'contactName' | 'contactEmail' | 'interviewDate' | 'interviewTime' | 'interviewPlace'>, vacancy: NoticeVacancy, now: Date): string | null {
  if (!n.interviewDate || !n.interviewTime) return null;
  return interviewIcs({
    uid: `${n.id}@shiqiuren`,
    now,
    date: n.interviewDate,
    time: n.interviewTime,
    summary: `${kindText(n.kind)}：${vacancy.orgName} ${vacancy.title}`,
    description: `${n.content}\n聯絡窗口：${n.contactName}\n聯絡Email：${n.contactEmail}\n職缺編號：${vacancy.workId}`,
    location: n.interviewPlace ?? '',
    organizer: { name: n.contactName, email: n.contactEmail },
  });
}

export async function sendNotices(deps: NoticeDeps, actor: Actor, vacancy: NoticeVacancy, apps: NoticeApplication[], kind: NoticeKind, input: NoticeInput): Promise<SendResult> {
  if (apps.length === 0) return { ok: false, reason: 'none', names: [] };
  const cancelled = apps.filter((a) => a.status !== 'active');
  if (cancelled.length) return { ok: false, reason: 'cancelled', names: cancelled.map((a) => a.name) };
  const now = deps.clock.now();
  const rows = apps.map((a) => ({
    id: randomUUID(),
    applicationId: a.id,
    kind,
    content: input.content,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    interviewDate: input.interviewDate,
    interviewTime: input.interviewTime || null,
    interviewPlace: input.interviewPlace || null,
    sentBy: actor.kind === 'staff' ? (actor.id ?? null) : null,
    sentAt: now,
  }));
  const attachments = new Map<string, OutgoingAttachment>();
  for (const r of rows) {
    const ics = noticeIcs({ ...r, reply: null } as unknown as NoticeRow, vacancy, now);
    if (!ics) continue;
    await deps.storage.put(icsKey(r.id), Buffer.from(ics, 'utf8'), { contentType: 'text/calendar; charset=utf-8' });
    attachments.set(r.id, { key: icsKey(r.id), filename: 'interview.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
  }
  const stored = await deps.db.transaction(async (tx) => {
    const inserted = await insertNotices(tx, rows);
    const byApp = new Map(apps.map((a) => [a.id, a]));
    for (const n of inserted) {
      const a = byApp.get(n.applicationId)!;
      if (!a.email) continue;
      await enqueueMail(tx, noticeMail({ to: a.email, baseUrl: deps.config.baseUrl, door: a.staffUserId ? 'dk' : 'platform', kind, applicantName: a.name, vacancy, notice: input, ics: attachments.get(n.id) ?? null }));
    }
    await recordAudits(tx, actor, inserted.map((n) => ({ action: `notice.send`, subject: { kind: 'application', id: n.applicationId }, details: { notice: n.id, kind, vacancy: vacancy.workId, mailed: Boolean(byApp.get(n.applicationId)?.email) } })));
    return inserted;
  });
  return { ok: true, notices: stored };
}

/** The person whose notices a principal reads: a platform applicant, or a civil servant (DK, ECPA-5); else none. */
export function noticeOwner(p: Principal | null): NoticeOwner | null {
  if (p?.kind === 'applicant') return { kind: 'applicant', id: p.id };
  if (p?.kind === 'staff' && p.roles.includes('civil_servant')) return { kind: 'staff', id: p.id };
  return null;
}

/** 通知我的職缺 (NTF-1, NTF-2): the principal's own 通知面試 and 錄取通知, newest first. */
export async function myNotices(deps: Pick<NoticeDeps, 'db'>, p: Principal | null): Promise<{ interview: NoticeView[]; offer: NoticeView[] }> {
  const owner = noticeOwner(p);
  if (!owner) return { interview: [], offer: [] };
  const [interview, offer] = await Promise.all([ownNotices(deps.db, owner, 'interview'), ownNotices(deps.db, owner, 'offer')]);
  return { interview: interview.filter((v) => authorize(p, 'read', noticeSubject(v))), offer: offer.filter((v) => authorize(p, 'read', noticeSubject(v))) };
}

/** One of the principal's own notices; null for another person's or an unknown one (the caller answers 404). */
export async function myNotice(deps: Pick<NoticeDeps, 'db'>, p: Principal | null, noticeId: string): Promise<NoticeView | null> {
  const v = await noticeView(deps.db, noticeId);
  return v && authorize(p, 'read', noticeSubject(v)) ? v : null;
}

export type ReplyResult = { ok: true; view: NoticeView } | { ok: false; reason: 'not-found' | 'invalid' | 'already' };

/** The one reply of the notice's person (platform applicant or civil servant) to their own notice. */
export async function replyToNotice(deps: NoticeDeps, who: { principal: Principal | null; ip: string | null }, noticeId: string, reply: string): Promise<ReplyResult> {
  const p = who.principal;
  return deps.db.transaction(async (tx) => {
    const v = await noticeView(tx, noticeId);
    if (!p || !v || !authorize(p, 'reply', noticeSubject(v))) return { ok: false, reason: 'not-found' };
    if (!replyAllowed(v.notice.kind, reply)) return { ok: false, reason: 'invalid' };
    const now = deps.clock.now();
    if (!(await recordReply(tx, v.notice.id, reply, now))) return { ok: false, reason: 'already' };
    const mailed = v.vacancy.source !== 'demo' && v.vacancy.source !== 'opendata_import';
    if (mailed) {
      await enqueueMail(tx, replyMail({ to: v.notice.contactEmail, baseUrl: deps.config.baseUrl, kind: v.notice.kind, reply: replyText(v.notice.kind, reply), at: now, applicantName: v.applicantName, vacancy: v.vacancy }));
    }
    const actor: Actor = { kind: p.kind, id: p.id, ip: who.ip };
    await recordAudit(tx, actor, 'notice.reply', { kind: 'notice', id: v.notice.id }, { reply, mailed });
    return { ok: true, view: { ...v, notice: { ...v.notice, reply, repliedAt: now } } };
  });
}
