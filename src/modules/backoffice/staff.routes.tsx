// Back-office routes of ADM-2 (人員帳號管理: list, 新增, 修改 and roles, agency grants, 停用 / 啟用, 寄送重設密碼信,
// 解除憑證綁定) and ADM-3 (查詢回覆紀錄 across agencies, and its CSV). All `routes.backoffice`; thin handlers —
// parse, one use case of the eCPA module (which owns the staff tables) or of the notices module, render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inFormOrder, parseForm, recordOf, valueOf } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { toIsoDate } from '../../platform/tw/roc-date.ts';
import {
  createStaffUser,
  editStaffForm,
  grantAgency,
  grantForm,
  newStaffForm,
  parseStaffSearch,
  revokeAgency,
  searchStaff,
  sendStaffResetMail,
  setStaffStatus,
  STAFF_FIELDS,
  staffDetail,
  unbindCertificate,
  updateStaffUser,
  type StaffAdminActor,
  type StaffDetail,
} from '../ecpa/index.ts';
import { exportNotices, findNoticesPage } from './notices-records.service.ts';
import { parseNoticesSearch } from './notices-search.query.ts';
import { errorText, staffMessages } from './staff.messages.ts';
import { NoticesPage } from './views/notices-page.tsx';
import { NewStaffPage, StaffListPage, StaffPage, valuesOfStaff, type StaffPageProps } from './views/staff-pages.tsx';

type IdParams = { Params: { id: string } };

export async function staffRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const deps = services.deps.ecpa;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): StaffAdminActor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });
  const m = (req: FastifyRequest) => staffMessages(req.locale);
  const staffHref = (id: string) => `/backoffice/staff/${encodeURIComponent(id)}`;

  async function detailOr404(id: string): Promise<StaffDetail> {
    const d = await staffDetail(db, id);
    if (!d) throw new AppError('not-found');
    return d;
  }

  const detailPage = (req: FastifyRequest, reply: FastifyReply, props: Omit<StaffPageProps, 'ctx'>, status = 200) => sendPage(reply, StaffPage({ ctx: ctxOf(req, reply), ...props }), status);

  // ── ADM-2 人員帳號管理 ──
  app.get('/backoffice/staff', routes.backoffice, async (req, reply) => {
    const f = parseStaffSearch(recordOf(req.query));
    const { rows, total } = await searchStaff(db, f);
    return sendPage(reply, StaffListPage({ ctx: ctxOf(req, reply), f, rows, total }));
  });

  app.get('/backoffice/staff/new', routes.backoffice, async (req, reply) => {
    return sendPage(reply, NewStaffPage({ ctx: ctxOf(req, reply), values: { roles: ['agency_hr'] }, errors: {} }));
  });

  app.post('/backoffice/staff/new', routes.backoffice, async (req, reply) => {
    const form = parseForm(newStaffForm, req.body);
    const values = { ...form.values, nationalId: valueOf(form.values, 'nationalId') };
    if (!form.ok) return sendPage(reply, NewStaffPage({ ctx: ctxOf(req, reply), values, errors: inFormOrder(form.errors, STAFF_FIELDS) }), 422);
    const r = await createStaffUser(deps, actorOf(req), form.data);
    if (!r.ok) return sendPage(reply, NewStaffPage({ ctx: ctxOf(req, reply), values, errors: 'errors' in r ? inFormOrder(r.errors, STAFF_FIELDS) : {} }), 422);
    flash(reply, { kind: 'success', text: fill(m(req)['flash.created'], { account: form.data.account }) });
    return reply.redirect(staffHref(r.id), 303);
  });

  app.get<IdParams>('/backoffice/staff/:id', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    return detailPage(req, reply, { d, values: valuesOfStaff(d), errors: {} });
  });

  app.post<IdParams>('/backoffice/staff/:id', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const form = parseForm(editStaffForm, req.body);
    if (!form.ok) return detailPage(req, reply, { d, values: form.values, errors: inFormOrder(form.errors, STAFF_FIELDS) }, 422);
    const r = await updateStaffUser(deps, actorOf(req), d.staff.id, form.data);
    if (!r.ok) {
      if ('refusal' in r && r.refusal === 'not-found') throw new AppError('not-found');
      const errors = 'errors' in r ? inFormOrder(r.errors, STAFF_FIELDS) : { roles: r.refusal };
      return detailPage(req, reply, { d, values: form.values, errors }, 'errors' in r ? 422 : 409);
    }
    flash(reply, { kind: 'success', text: fill(m(req)['flash.saved'], { account: d.staff.account }) });
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  app.post<IdParams>('/backoffice/staff/:id/status', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const status = recordOf(req.body).status === 'active' ? 'active' : 'disabled';
    const r = await setStaffStatus(deps, actorOf(req), d.staff.id, status);
    if (!r.ok) {
      if ('refusal' in r && r.refusal === 'not-found') throw new AppError('not-found');
      flash(reply, { kind: 'warning', text: errorText(m(req), 'refusal' in r ? r.refusal : '') });
    } else {
      flash(reply, { kind: 'success', text: fill(m(req)[status === 'active' ? 'flash.enabled' : 'flash.disabled'], { account: d.staff.account }) });
    }
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  app.post<IdParams>('/backoffice/staff/:id/grants', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const form = parseForm(grantForm, req.body);
    const typed = valueOf(form.values, 'grantAgency');
    const page = (error: string) => detailPage(req, reply, { d, values: valuesOfStaff(d), errors: {}, grant: { value: typed, error } }, 422);
    if (!form.ok) return page(form.errors.grantAgency ?? 'agency.required');
    const r = await grantAgency(deps, actorOf(req), d.staff.id, form.data.grantAgency);
    if (!r.ok) {
      if ('refusal' in r) throw new AppError('not-found');
      return page(r.errors.grantAgency ?? 'agency.unknown');
    }
    flash(reply, { kind: r.added ? 'success' : 'info', text: fill(m(req)[r.added ? 'flash.granted' : 'flash.grantExists'], { agency: form.data.grantAgency }) });
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  app.post<IdParams>('/backoffice/staff/:id/grants/revoke', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const raw = recordOf(req.body).agencyCode;
    const code = typeof raw === 'string' ? raw.trim().slice(0, 20) : '';
    const done = code !== '' && (await revokeAgency(deps, actorOf(req), d.staff.id, code));
    flash(reply, done ? { kind: 'success', text: fill(m(req)['flash.revoked'], { agency: code }) } : { kind: 'info', text: m(req)['flash.nothing'] });
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  app.post<IdParams>('/backoffice/staff/:id/reset-mail', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const r = await sendStaffResetMail(deps, actorOf(req), d.staff.id);
    if (r === 'not-found') throw new AppError('not-found');
    if (r === 'sent') services.kickMail();
    flash(reply, r === 'sent' ? { kind: 'success', text: fill(m(req)['flash.resetSent'], { email: d.staff.email ?? '' }) } : { kind: 'warning', text: m(req)['detail.noEmail'] });
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  app.post<IdParams>('/backoffice/staff/:id/unbind', routes.backoffice, async (req, reply) => {
    const d = await detailOr404(req.params.id);
    const bindingId = recordOf(req.body).bindingId;
    const done = typeof bindingId === 'string' && (await unbindCertificate(deps, actorOf(req), d.staff.id, bindingId));
    flash(reply, done ? { kind: 'success', text: m(req)['flash.unbound'] } : { kind: 'info', text: m(req)['flash.nothing'] });
    return reply.redirect(staffHref(d.staff.id), 303);
  });

  // ── ADM-3 查詢回覆紀錄 across agencies ──
  app.get('/backoffice/notices', routes.backoffice, async (req, reply) => {
    const f = parseNoticesSearch(recordOf(req.query));
    const bad = Object.keys(f.errors).length > 0;
    const { rows, total } = bad ? { rows: [], total: 0 } : await findNoticesPage(db, f);
    return sendPage(reply, NoticesPage({ ctx: ctxOf(req, reply), f, rows, total }), bad ? 422 : 200);
  });

  app.get('/backoffice/notices.csv', routes.backoffice, async (req, reply) => {
    const f = parseNoticesSearch(recordOf(req.query));
    if (Object.keys(f.errors).length) {
      const typed = Object.entries(recordOf(req.query)).filter((e): e is [string, string] => typeof e[1] === 'string');
      return reply.redirect(`/backoffice/notices?${new URLSearchParams(typed).toString()}`, 303);
    }
    const { csv } = await exportNotices(db, { actor: actorOf(req), search: f });
    const name = `notices-${toIsoDate(services.clock.now()).replaceAll('-', '')}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
