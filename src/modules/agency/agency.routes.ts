// 機關徵才登錄 routes (AGY-1..AGY-5): thin handlers — parse, authorize (agency HR of the vacancy's own agency:
// the scoped finder forAgency makes another agency's vacancy 404, then the vacancy policy), one use case, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inFormOrder, parseForm, valueOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { findAgency } from '../reference/index.ts';
import { forAgency, vacancySubject, type AccessMode } from '../vacancies/index.ts';
import { FIELD_ORDER, vacancyForm } from './agency.form.ts';
import { parseListQuery } from './agency.paths.ts';
import { listAgencyVacancies, staffContact, type VacancyRow } from './agency.repo.ts';
import { accessModeLocked, rowFromForm, valuesFromRow } from './agency.rules.ts';
import { createAgencyVacancy, deleteAgencyVacancy, updateAgencyVacancy, type AgencyRef } from './agency.service.ts';
import { FormPage } from './views/form-page.tsx';
import { ListPage } from './views/list-page.tsx';
import { DeletePage, PreviewPage } from './views/vacancy-pages.tsx';

type IdParams = { Params: { id: string } };
const NEW_WORK_ID = '送出後由系統產生';

export async function agencyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });

  /** The staff member's agency (code and name); a principal without one sees 404. */
  async function agencyOf(req: FastifyRequest): Promise<AgencyRef> {
    const code = req.principal?.agencyCode;
    if (!code) throw new AppError('not-found');
    const a = await findAgency(db, code);
    return { code, name: a?.name ?? code };
  }

  /** The vacancy of the staff member's own agency, managed by them; anything else is 404. */
  async function ownVacancy(req: FastifyRequest<IdParams>): Promise<VacancyRow> {
    const v = await forAgency(db, req.principal?.agencyCode ?? null, req.params.id);
    if (!v) throw new AppError('not-found');
    authorizeOr404(req.principal ?? null, 'manage', vacancySubject(v, services.clock.today()));
    return v;
  }

  async function blankValues(req: FastifyRequest): Promise<FormValues> {
    const code = req.principal!.agencyCode!;
    const [agency, staff] = await Promise.all([findAgency(db, code), staffContact(db, req.principal!.id)]);
    return { orgAddress: agency?.address ?? '', fillerName: staff?.name ?? '', fillerEmail: staff?.email ?? '', gender: 'any' };
  }

  /** 預覽: the row the form would store, for the job page's view (nothing stored). */
  function previewOf(agency: AgencyRef, data: ReturnType<typeof rowFromForm>, workId: string): VacancyRow {
    return { ...data, workId, orgId: agency.code, orgName: agency.name, id: '', source: 'form', reviewStatus: 'approved', postedAt: new Date(), reserveNum: null, urlLink: '', workType: null } as unknown as VacancyRow;
  }

  app.get('/agency', routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const filters = parseListQuery((req.query ?? {}) as Record<string, unknown>);
    const { total, rows } = await listAgencyVacancies(db, { ...filters, agencyCode: agency.code }, services.clock.today());
    return sendPage(reply, ListPage({ ctx: ctxOf(req, reply), agency, method: req.principal!.method, filters, rows, total }));
  });

  app.get('/agency/new', routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const copyId = valueOf((req.query ?? {}) as FormValues, 'copy');
    let values = await blankValues(req);
    if (copyId) {
      const source = await forAgency(db, agency.code, copyId);
      if (!source) throw new AppError('not-found');
      values = { ...valuesFromRow(source, true), fillerName: values.fillerName, fillerEmail: values.fillerEmail };
    }
    return sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: '新增職缺', action: '/agency/new', workId: NEW_WORK_ID, agency, values, errors: {}, accessModeLocked: false }));
  });

  app.post('/agency/new', routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const form = parseForm(vacancyForm, req.body);
    const page = (errors: FieldErrors, preview?: VacancyRow) =>
      sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: '新增職缺', action: '/agency/new', workId: NEW_WORK_ID, agency, values: form.values, errors: inFormOrder(errors, FIELD_ORDER), accessModeLocked: false, ...(preview ? { preview } : {}) }), Object.keys(errors).length ? 422 : 200);
    if (!form.ok) return page(form.errors);
    if (valueOf(form.values, 'do') === 'preview') return page({}, previewOf(agency, rowFromForm(form.data), NEW_WORK_ID));
    const result = await createAgencyVacancy(db, actorOf(req), agency, form.data, services.clock.now(), services.clock.today());
    if (!result.ok) return page(result.errors);
    const r = result.row;
    flash(reply, r.reviewStatus === 'approved' ? { kind: 'success', text: `職缺 ${r.workId} 已送出，審核通過，已刊登。` } : { kind: 'warning', text: `職缺 ${r.workId} 已送出，待審核：${r.reviewReason ?? ''}` });
    return reply.redirect(`/agency/${encodeURIComponent(r.id)}/preview`, 303);
  });

  app.get<IdParams>('/agency/:id/edit', routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const v = await ownVacancy(req);
    return sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: '修改職缺', action: `/agency/${encodeURIComponent(v.id)}/edit`, workId: v.workId, agency, values: valuesFromRow(v), errors: {}, accessModeLocked: accessModeLocked(v, services.clock.today()) }));
  });

  app.post<IdParams>('/agency/:id/edit', routes.agencyHr, async (req, reply) => {
    const agency = await agencyOf(req);
    const v = await ownVacancy(req);
    const locked = accessModeLocked(v, services.clock.today());
    const form = parseForm(vacancyForm, req.body);
    const page = (errors: FieldErrors, preview?: VacancyRow) => {
      const values = locked ? { ...form.values, accessMode: v.accessMode as AccessMode } : form.values;
      return sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: '修改職缺', action: `/agency/${encodeURIComponent(v.id)}/edit`, workId: v.workId, agency, values, errors: inFormOrder(errors, FIELD_ORDER), accessModeLocked: locked, ...(preview ? { preview } : {}) }), Object.keys(errors).length ? 422 : 200);
    };
    if (!form.ok) return page(form.errors);
    if (valueOf(form.values, 'do') === 'preview') return page({}, previewOf(agency, rowFromForm(form.data), v.workId));
    const result = await updateAgencyVacancy(db, actorOf(req), v, form.data, services.clock.now(), services.clock.today());
    if (!result.ok) return page(result.errors);
    flash(reply, result.row.reviewStatus === 'approved' ? { kind: 'success', text: `職缺 ${v.workId} 已修改。` } : { kind: 'warning', text: `職缺 ${v.workId} 已修改，待審核：${result.row.reviewReason ?? ''}` });
    return reply.redirect(`/agency/${encodeURIComponent(v.id)}/preview`, 303);
  });

  app.get<IdParams>('/agency/:id/preview', routes.agencyHr, async (req, reply) => {
    const v = await ownVacancy(req);
    return sendPage(reply, PreviewPage({ ctx: ctxOf(req, reply), vacancy: v }));
  });

  app.get<IdParams>('/agency/:id/delete', routes.agencyHr, async (req, reply) => {
    const v = await ownVacancy(req);
    return sendPage(reply, DeletePage({ ctx: ctxOf(req, reply), vacancy: v }));
  });

  app.post<IdParams>('/agency/:id/delete', routes.agencyHr, async (req, reply) => {
    const v = await ownVacancy(req);
    await deleteAgencyVacancy(db, actorOf(req), v, services.clock.now());
    flash(reply, { kind: 'success', text: `職缺 ${v.workId} 已刪除。` });
    return reply.redirect('/agency', 303);
  });
}
