// Applicant access routes (ACS-1..ACS-4): thin handlers — parse, authorize (access.http.ts: the vacancy of the
// staff member's own agency, else 404), one use case, render or send the file.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { pageContext } from '../../platform/http/context.ts';
import { formValues, valueOf, valuesOf } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { contentDisposition } from '../../platform/storage/sniff.ts';
import { EXPORT_TYPES, type ExportKind } from './access.contacts.ts';
import { accessVacancy, type AccessVacancy } from './access.http.ts';
import type { ApplicantListFilters } from './access.paths.ts';
import { applicantPage } from './access.repo.ts';
import { APPLICANTS_PAGE_SIZE, normaliseIdFilter } from './access.rules.ts';
import { noticeStatuses } from '../notices/index.ts';
import { downloadResumes, exportContacts, viewSummaries } from './access.service.ts';
import { ApplicantsPage, type ApplicantsPageProps } from './views/applicants-page.tsx';
import { SummariesPage } from './views/summaries-page.tsx';

type IdParams = { Params: { id: string } };

function parseFilters(q: Record<string, unknown>): ApplicantListFilters {
  const page = Number(typeof q.page === 'string' ? q.page.slice(0, 6) : '');
  return { idNumber: normaliseIdFilter(q.idNumber), cancelled: q.view === 'cancelled', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

export async function accessRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const at = routes.agencyHr;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });

  async function list(req: FastifyRequest, reply: FastifyReply, v: AccessVacancy, f: ApplicantListFilters, extra: Partial<ApplicantsPageProps> = {}, status = 200) {
    const { total, rows } = await applicantPage(services.db, { vacancyId: v.id, status: f.cancelled ? 'cancelled' : 'active', idNumber: f.idNumber, page: f.page, size: APPLICANTS_PAGE_SIZE });
    // ACS-7: 面試回覆狀態 and 查看通知 of the page's rows, one query (the notices module).
    const notices = await noticeStatuses(services.db, rows.map((r) => r.id));
    return sendPage(reply, ApplicantsPage({ ctx: ctxOf(req, reply), vacancy: v, filters: f, total, rows, method: req.principal!.method, notices, ...extra }), status);
  }

  app.get<IdParams>('/agency/vacancies/:id/applicants', at, async (req, reply) => {
    const v = await accessVacancy(services, req);
    return list(req, reply, v, parseFilters((req.query ?? {}) as Record<string, unknown>));
  });

  app.post<IdParams>('/agency/vacancies/:id/applicants/archive', at, async (req, reply) => {
    const v = await accessVacancy(services, req);
    const values = formValues(req.body);
    const ticked = valuesOf(values, 'app').slice(0, 1000);
    const result = await downloadResumes(services, actorOf(req), v, ticked, valueOf(values, 'password'));
    if (!result.ok) return list(req, reply, v, { idNumber: '', cancelled: false, page: 1 }, { errors: result.errors, ticked }, 422);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition(`resumes-${v.workId}.zip`))
      .type('application/zip')
      .send(Buffer.from(result.zip));
  });

  app.get<IdParams>('/agency/vacancies/:id/summaries', at, async (req, reply) => {
    const v = await accessVacancy(services, req);
    const only = valuesOf(formValues(req.query), 'app').slice(0, 500);
    const rows = await viewSummaries(services, actorOf(req), v, only);
    return sendPage(reply, SummariesPage({ ctx: ctxOf(req, reply), vacancy: v, rows }));
  });

  app.post<IdParams>('/agency/vacancies/:id/contacts', at, async (req, reply) => {
    const v = await accessVacancy(services, req);
    const type = valueOf(formValues(req.body), 'type');
    const kind: ExportKind = type === 'ods' ? 'ods' : 'xlsx';
    const file = await exportContacts(services, actorOf(req), v, kind);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', contentDisposition(`contacts-${v.workId}.${kind}`))
      .type(EXPORT_TYPES[kind])
      .send(file);
  });
}
