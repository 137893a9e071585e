// Notice routes: thin handlers — parse, authorize, one use case, render/redirect.
// Agency side (routes.agencyHr: like 調閱履歷, only the agency's own HR staff reach applicants, ADR 0002): ACS-6/ACS-8 通知面試 / 錄取通知 to one applicant, ACS-5 批次通知面試, ACS-7
// 查看通知, ACS-9 查詢回覆紀錄 (+ CSV). The vacancy is the vacancies module's forManager + policy: another agency's
// vacancy, application or notice is 404. The person's side, own notices only (NTF-1/NTF-2): a platform applicant
// (routes.applicant, /platform/notices) or a civil servant of DK 職缺應徵 (routes.civilServant, /ecpa/dk/notices).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readFormRequest, recordOf, valueOf, valuesOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { actingAgency } from '../vacancies/index.ts';
import { noticesCsv } from './notice.csv.ts';
import { kindOf, managedVacancy, parseRecordsQuery, type ManagedVacancy } from './notice.http.ts';
import { noticeMessages } from './notice.messages.ts';
import { agencyNotices, applicationsOfVacancy, noticeView, type NoticeApplication } from './notice.repo.ts';
import { kindText, NOTICE_FIELDS, noticeForm, replyText } from './notice.rules.ts';
import type { NoticeKind } from './notice.schema.ts';
import { myNotice, myNotices, noticeIcs, replyToNotice, sendNotices } from './notice.service.ts';
import { NoticeFormPage, type NoticeFormPageProps } from './views/notice-form-page.tsx';
import { AgencyNoticePage, DK_DOOR, MyNoticePage, MyNoticesPage, PLATFORM_DOOR, type NoticeDoor } from './views/notice-pages.tsx';
import { RecordsPage } from './views/records-page.tsx';

type VacancyParams = { Params: { id: string } };
type AppParams = { Params: { id: string; appId: string } };
type NoticeParams = { Params: { noticeId: string } };

export const RECORDS_LIMIT = 1000;
export const applicantListHref = (vacancyId: string) => `/agency/vacancies/${encodeURIComponent(vacancyId)}/applicants`;
export const singleNoticeHref = (vacancyId: string, appId: string, kind: NoticeKind = 'interview') =>
  `/agency/vacancies/${encodeURIComponent(vacancyId)}/applicants/${encodeURIComponent(appId)}/notice${kind === 'offer' ? '?kind=offer' : ''}`;
export const noticeHref = (noticeId: string) => `/agency/notices/${encodeURIComponent(noticeId)}`;

export async function noticeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const at = routes.agencyHr;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const staffOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });
  const m = (req: FastifyRequest) => noticeMessages(req.locale);

  const prefill = (v: ManagedVacancy): FormValues => ({ contactName: v.fillerName ?? '', contactPhone: v.fillerPhone ?? '', contactEmail: v.vitaeEmail || (v.fillerEmail ?? '') });
  const vacancyRef = (v: ManagedVacancy) => ({ id: v.id, workId: v.workId, title: v.title, orgName: v.orgName });

  async function oneApplication(v: ManagedVacancy, appId: string): Promise<NoticeApplication> {
    const [a] = await applicationsOfVacancy(db, v.id, [appId]);
    if (!a) throw new AppError('not-found');
    return a;
  }

  function singlePage(req: FastifyRequest, reply: FastifyReply, v: ManagedVacancy, a: NoticeApplication, kind: NoticeKind, values: FormValues, errors: FieldErrors, status = 200) {
    const problem = a.status !== 'active' ? fill(m(req)['error.cancelled'], { names: a.name }) : undefined;
    const props: NoticeFormPageProps = { ctx: ctxOf(req, reply), kind, action: singleNoticeHref(v.id, a.id, kind), back: applicantListHref(v.id), vacancy: v, to: { kind: 'single', name: a.name }, values, errors, ...(problem ? { problem } : {}) };
    return sendPage(reply, NoticeFormPage(props), problem && status === 200 ? 200 : status);
  }

  // ACS-6 通知面試 / ACS-8 錄取通知 (?kind=offer) to one applicant.
  app.get<AppParams>('/agency/vacancies/:id/applicants/:appId/notice', at, async (req, reply) => {
    const v = await managedVacancy(services, req, req.params.id);
    const a = await oneApplication(v, req.params.appId);
    return singlePage(req, reply, v, a, kindOf(recordOf(req.query).kind), prefill(v), {});
  });

  app.post<AppParams>('/agency/vacancies/:id/applicants/:appId/notice', at, async (req, reply) => {
    const v = await managedVacancy(services, req, req.params.id);
    const a = await oneApplication(v, req.params.appId);
    const kind = kindOf(recordOf(req.query).kind ?? recordOf(req.body).kind);
    const form = await readFormRequest(noticeForm, req.body, { fields: NOTICE_FIELDS });
    if (a.status !== 'active') return singlePage(req, reply, v, a, kind, form.values, {}, 422);
    if (!form.ok) return singlePage(req, reply, v, a, kind, form.values, form.errors, 422);
    const result = await sendNotices(services, staffOf(req), vacancyRef(v), [a], kind, form.data);
    if (!result.ok) return singlePage(req, reply, v, a, kind, form.values, {}, 422);
    flash(reply, { kind: 'success', text: fill(m(req)['flash.sent'], { kind: kindText(kind), count: 1 }) });
    return reply.redirect(applicantListHref(v.id), 303);
  });

  // ACS-5 批次通知面試: the ticked `notify` ids from the applicant list; `do=send` sends.
  app.post<VacancyParams>('/agency/vacancies/:id/notices/batch', at, async (req, reply) => {
    const v = await managedVacancy(services, req, req.params.id);
    const body = recordOf(req.body) as FormValues;
    const ids = [...new Set(valuesOf(body, 'notify'))].slice(0, 1000);
    const t = m(req);
    if (ids.length === 0) {
      flash(reply, { kind: 'warning', text: t['error.none'] });
      return reply.redirect(applicantListHref(v.id), 303);
    }
    const apps = await applicationsOfVacancy(db, v.id, ids);
    if (apps.length !== ids.length) throw new AppError('not-found');
    const cancelled = apps.filter((a) => a.status !== 'active');
    const page = (values: FormValues, errors: FieldErrors, status: number) =>
      sendPage(
        reply,
        NoticeFormPage({
          ctx: ctxOf(req, reply),
          kind: 'interview',
          action: `/agency/vacancies/${encodeURIComponent(v.id)}/notices/batch`,
          back: applicantListHref(v.id),
          vacancy: v,
          to: { kind: 'batch', ids: apps.map((a) => a.id), names: apps.map((a) => a.name) },
          values,
          errors,
          ...(cancelled.length ? { problem: fill(t['error.cancelled'], { names: cancelled.map((a) => a.name).join('、') }) } : {}),
        }),
        status,
      );
    if (valueOf(body, 'do') !== 'send') return page(prefill(v), {}, cancelled.length ? 422 : 200);
    const form = await readFormRequest(noticeForm, req.body, { fields: NOTICE_FIELDS });
    if (!form.ok) return page(form.values, form.errors, 422);
    if (cancelled.length) return page(form.values, {}, 422);
    const result = await sendNotices(services, staffOf(req), vacancyRef(v), apps, 'interview', form.data);
    if (!result.ok) return page(form.values, {}, 422);
    flash(reply, { kind: 'success', text: fill(t['flash.sent'], { kind: kindText('interview'), count: result.notices.length }) });
    return reply.redirect(applicantListHref(v.id), 303);
  });

  // ACS-7 查看通知: the notice, the reply and its time.
  app.get<NoticeParams>('/agency/notices/:noticeId', at, async (req, reply) => {
    const view = await noticeView(db, req.params.noticeId);
    if (!view) throw new AppError('not-found');
    await managedVacancy(services, req, view.vacancy.id);
    return sendPage(reply, AgencyNoticePage({ ctx: ctxOf(req, reply), view, back: applicantListHref(view.vacancy.id) }));
  });

  // ACS-9 查詢回覆紀錄 (and ?format=csv).
  app.get('/agency/notices', at, async (req, reply) => {
    const p = req.principal ?? null;
    const q = recordOf(req.query);
    const chosen = typeof q.agency === 'string' ? q.agency.trim().slice(0, 20) : null;
    const code = actingAgency(p, chosen);
    if (code === null) throw new AppError('not-found');
    if (code === 'choose') return reply.redirect('/agency?agency=', 303);
    const via = chosen && code === chosen && p?.agencyCode !== code ? code : null;
    const filter = parseRecordsQuery(q, code);
    const rows = await agencyNotices(db, filter, RECORDS_LIMIT);
    const params = new URLSearchParams();
    for (const [k, val] of Object.entries({ workId: filter.workId, kind: filter.kind, reply: filter.reply, from: typeof q.from === 'string' ? q.from : '', to: typeof q.to === 'string' ? q.to : '', agency: via ?? '' })) if (val) params.set(k, val.slice(0, 20));
    if (q.format === 'csv') {
      await db.transaction((tx) => recordAudit(tx, staffOf(req), 'notice.export', { kind: 'agency', id: code }, { rows: rows.length, filter: { ...filter } }));
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="notices-${code}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(noticesCsv(rows));
    }
    params.set('format', 'csv');
    const name = rows[0]?.vacancy.orgName ?? '';
    return sendPage(reply, RecordsPage({ ctx: ctxOf(req, reply), agency: { code, name }, filter, rows, limit: RECORDS_LIMIT, csvHref: `/agency/notices?${params.toString()}`, via }));
  });

  // NTF-1, NTF-2 通知我的職缺: the person's own notices — a platform applicant at /platform/notices, a civil servant
  // (ECPA-5, their DK applications) at /ecpa/dk/notices. One code path; another person's notice is 404.
  const ownNoticeRoutes = (at: NoticeDoor, options: typeof routes.applicant) => {
    const ownNotice = async (req: FastifyRequest<{ Params: { id: string } }>) => {
      const view = await myNotice(services, req.principal ?? null, req.params.id);
      if (!view) throw new AppError('not-found');
      return view;
    };
    const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

    app.get(at.list, options, async (req, reply) => {
      const mine = await myNotices(services, req.principal ?? null);
      return sendPage(noStore(reply), MyNoticesPage({ ctx: ctxOf(req, reply), ...mine, at }));
    });

    app.get<{ Params: { id: string } }>(`${at.list}/:id`, options, async (req, reply) => {
      return sendPage(noStore(reply), MyNoticePage({ ctx: ctxOf(req, reply), view: await ownNotice(req), at }));
    });

    app.get<{ Params: { id: string } }>(`${at.list}/:id/ics`, options, async (req, reply) => {
      const view = await ownNotice(req);
      const ics = noticeIcs(view.notice, view.vacancy, view.notice.sentAt);
      if (!ics) throw new AppError('not-found');
      return noStore(reply).header('content-disposition', 'attachment; filename="interview.ics"').type('text/calendar; charset=utf-8').send(ics);
    });

    app.post<{ Params: { id: string } }>(`${at.list}/:id/reply`, options, async (req, reply) => {
      const t = m(req);
      const answer = valueOf(recordOf(req.body) as FormValues, 'reply');
      const result = await replyToNotice(services, { principal: req.principal ?? null, ip: req.ip }, req.params.id, answer);
      if (!result.ok && result.reason === 'not-found') throw new AppError('not-found');
      if (!result.ok) {
        const view = await ownNotice(req);
        return sendPage(noStore(reply), MyNoticePage({ ctx: ctxOf(req, reply), view, problem: result.reason === 'already' ? t['reply.already'] : t['reply.invalid'], at }), 409);
      }
      const n = result.view.notice;
      flash(reply, { kind: 'success', text: fill(t['reply.done'], { reply: replyText(n.kind, n.reply) }) });
      return reply.redirect(at.notice(n.id), 303);
    });
  };
  ownNoticeRoutes(PLATFORM_DOOR, routes.applicant);
  ownNoticeRoutes(DK_DOOR, routes.civilServant);
}
