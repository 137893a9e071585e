// 機關徵才登錄 routes (AGY-1..AGY-5): thin handlers — parse, authorize, one use case, render. Audience: agency HR
// staff or the back office (routes.agencyOrBackoffice); which agency is the vacancy policy's word (agency.http.ts):
// agency HR staff act for their own agency — another agency's vacancy is 404 — and the back office for any agency
// it chooses (`/agency?agency=<機關代碼>`, a chooser page until then). The form is multipart (職缺相關附件).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inFormOrder, parseForm, valueOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { findAgency, listAgencies } from '../reference/index.ts';
import { forManager, type AccessMode } from '../vacancies/index.ts';
import { collectAttachments, emptyAttachments, storedAttachments } from './agency-attachments.ts';
import { FIELD_ORDER, vacancyForm } from './agency.form.ts';
import { actingFor, managedVacancy, readVacancyBody } from './agency.http.ts';
import { agencyMessages } from './agency.messages.ts';
import { parseListQuery, withAgency } from './agency.paths.ts';
import { staffContact, type VacancyRow } from './agency.repo.ts';
import { accessModeLocked, rowFromForm, valuesFromRow } from './agency.rules.ts';
import { agencyVacancyList, createAgencyVacancy, deleteAgencyVacancy, updateAgencyVacancy, type AgencyRef } from './agency.service.ts';
import { ChoosePage } from './views/choose-page.tsx';
import { FormPage, type FormPageProps } from './views/form-page.tsx';
import { ListPage } from './views/list-page.tsx';
import { DeletePage, PreviewPage } from './views/vacancy-pages.tsx';

type IdParams = { Params: { id: string } };

export async function agencyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const at = routes.agencyOrBackoffice;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });
  const m = (req: FastifyRequest) => agencyMessages(req.locale);
  const attachmentDeps = { db, storage: services.storage, uploadLimitBytes: services.config.uploadLimitBytes };

  async function blankValues(req: FastifyRequest, agency: AgencyRef): Promise<FormValues> {
    const [a, staff] = await Promise.all([findAgency(db, agency.code), staffContact(db, req.principal!.id)]);
    return { orgAddress: a?.address ?? '', fillerName: staff?.name ?? '', fillerEmail: staff?.email ?? '', gender: 'any' };
  }

  /** 預覽: the row the form would store, for the job page's view (nothing stored). */
  function previewOf(agency: AgencyRef, data: ReturnType<typeof rowFromForm>, workId: string): VacancyRow {
    return { ...data, workId, orgId: agency.code, orgName: agency.name, id: '', source: 'form', reviewStatus: 'approved', postedAt: new Date(), reserveNum: null, urlLink: '', workType: null } as unknown as VacancyRow;
  }

  /** One POST of the form (新增 or 修改): files staged first, so that a page with errors keeps them. */
  async function submit(req: FastifyRequest, reply: FastifyReply, page: Omit<FormPageProps, 'ctx' | 'values' | 'errors' | 'attachments'>, existing: VacancyRow | null) {
    const body = await readVacancyBody(services, req);
    const files = await collectAttachments(attachmentDeps, { staffId: req.principal!.id, vacancyId: existing?.id ?? null, values: body.values, files: body.files.attachments ?? [], tooManyFiles: body.tooManyFiles, now: services.clock.now() });
    const form = parseForm(vacancyForm, body.values);
    const render = (errors: FieldErrors, preview?: VacancyRow) => {
      const values = page.accessModeLocked && existing ? { ...form.values, accessMode: existing.accessMode as AccessMode } : form.values;
      const all = files.error ? { ...errors, attachments: files.error } : errors;
      return sendPage(reply, FormPage({ ...page, ctx: ctxOf(req, reply), values, errors: inFormOrder(all, FIELD_ORDER), maxBytes: services.config.uploadLimitBytes, attachments: files.state, ...(preview ? { preview } : {}) }), Object.keys(all).length ? 422 : 200);
    };
    if (!form.ok || files.error) return render(form.ok ? {} : form.errors);
    if (valueOf(form.values, 'do') === 'preview') return render({}, previewOf(page.agency, rowFromForm(form.data), existing?.workId ?? m(req)['form.workIdNew']));
    const change = { state: files.state, storage: services.storage };
    const now = services.clock.now();
    const today = services.clock.today();
    const result = existing ? await updateAgencyVacancy(db, actorOf(req), existing, form.data, now, today, change) : await createAgencyVacancy(db, actorOf(req), page.agency, form.data, now, today, change);
    if (!result.ok) return render(result.errors);
    const r = result.row;
    const t = m(req);
    const approved = r.reviewStatus === 'approved';
    const text = existing ? (approved ? t['flash.updated'] : t['flash.updatedFlagged']) : approved ? t['flash.created'] : t['flash.createdFlagged'];
    flash(reply, { kind: approved ? 'success' : 'warning', text: fill(text, { workId: r.workId, reason: r.reviewReason ?? '' }) });
    return reply.redirect(withAgency(`/agency/${encodeURIComponent(r.id)}/preview`, page.agency.via), 303);
  }

  app.get('/agency', at, async (req, reply) => {
    const acting = await actingFor(services, req);
    const query = (req.query ?? {}) as Record<string, unknown>;
    if (acting.kind === 'choose') {
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
      return sendPage(reply, ChoosePage({ ctx: ctxOf(req, reply), q, unknown: acting.unknown, agencies: await listAgencies(db, { activeOnly: true }) }));
    }
    const agency = acting.agency;
    const filters = parseListQuery(query, agency.via ?? null);
    const { total, rows, applicants } = await agencyVacancyList(db, { ...filters, agencyCode: agency.code }, services.clock.today());
    return sendPage(reply, ListPage({ ctx: ctxOf(req, reply), agency, method: req.principal!.method, backoffice: req.principal!.roles.includes('backoffice'), filters, rows, total, applicants }));
  });

  app.get('/agency/new', at, async (req, reply) => {
    const acting = await actingFor(services, req);
    if (acting.kind === 'choose') return reply.redirect('/agency', 303);
    const agency = acting.agency;
    const copyId = valueOf((req.query ?? {}) as FormValues, 'copy');
    let values = await blankValues(req, agency);
    if (copyId) {
      const source = await forManager(db, req.principal ?? null, copyId);
      if (!source || source.orgId !== agency.code) throw new AppError('not-found');
      values = { ...valuesFromRow(source, true), fillerName: values.fillerName, fillerEmail: values.fillerEmail };
    }
    const t = m(req);
    return sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: t['title.new'], action: withAgency('/agency/new', agency.via), workId: t['form.workIdNew'], agency, values, errors: {}, accessModeLocked: false, maxBytes: services.config.uploadLimitBytes, attachments: emptyAttachments(req.principal!.id) }));
  });

  app.post('/agency/new', at, async (req, reply) => {
    const acting = await actingFor(services, req);
    if (acting.kind === 'choose') return reply.redirect('/agency', 303);
    const t = m(req);
    return submit(req, reply, { title: t['title.new'], action: withAgency('/agency/new', acting.agency.via), workId: t['form.workIdNew'], agency: acting.agency, accessModeLocked: false }, null);
  });

  app.get<IdParams>('/agency/:id/edit', at, async (req, reply) => {
    const { v, agency } = await managedVacancy(services, req);
    const attachments = await storedAttachments(db, req.principal!.id, v.id);
    return sendPage(reply, FormPage({ ctx: ctxOf(req, reply), title: m(req)['title.edit'], action: `/agency/${encodeURIComponent(v.id)}/edit`, workId: v.workId, agency, values: valuesFromRow(v), errors: {}, accessModeLocked: accessModeLocked(v, services.clock.today()), maxBytes: services.config.uploadLimitBytes, attachments }));
  });

  app.post<IdParams>('/agency/:id/edit', at, async (req, reply) => {
    const { v, agency } = await managedVacancy(services, req);
    return submit(req, reply, { title: m(req)['title.edit'], action: `/agency/${encodeURIComponent(v.id)}/edit`, workId: v.workId, agency, accessModeLocked: accessModeLocked(v, services.clock.today()) }, v);
  });

  app.get<IdParams>('/agency/:id/preview', at, async (req, reply) => {
    const { v, agency } = await managedVacancy(services, req);
    return sendPage(reply, PreviewPage({ ctx: ctxOf(req, reply), vacancy: v, via: agency.via ?? null }));
  });

  app.get<IdParams>('/agency/:id/delete', at, async (req, reply) => {
    const { v, agency } = await managedVacancy(services, req);
    return sendPage(reply, DeletePage({ ctx: ctxOf(req, reply), vacancy: v, via: agency.via ?? null }));
  });

  app.post<IdParams>('/agency/:id/delete', at, async (req, reply) => {
    const { v, agency } = await managedVacancy(services, req);
    await deleteAgencyVacancy(db, actorOf(req), v, services.clock.now());
    flash(reply, { kind: 'success', text: fill(m(req)['flash.deleted'], { workId: v.workId }) });
    return reply.redirect(withAgency('/agency', agency.via), 303);
  });
}

