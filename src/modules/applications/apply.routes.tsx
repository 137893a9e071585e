// HTTP of applying (thin: parse → authorize → one use case → render/redirect).
//   GET  /platform/apply/:workId           【我要應徵】 / QR code: adds the job to 應徵清單 (PUB-3: no resume → 履歷填寫 first)
//   GET  /platform/apply                   應徵職缺 (APP-2)
//   POST /platform/apply                   確定應徵
//   POST /platform/apply/remove            takes a job off the list
//   GET  /platform/applications            我的應徵 (APP-4)
//   GET  /platform/applications/:id/attachment   【下載】 the attachment sent
//   GET|POST /platform/applications/:id/cancel   取消應徵 (APP-5)
//   GET|POST /platform/applications/:id/delete   刪除應徵紀錄 (APP-6)
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext, flash } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { contentDisposition } from '../../platform/storage/index.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { loadPreview } from '../resumes/index.ts';
import { vacancies } from '../vacancies/index.ts';
import { applicationMessages } from './application.messages.ts';
import { applicationPaths } from './application.paths.ts';
import { applyRefusal } from './application.rules.ts';
import { applyToVacancies, type JobOutcome } from './apply-to-vacancies.ts';
import { readBasket, withJob, writeBasket } from './basket.ts';
import { cancelApplication } from './cancel-application.ts';
import { deleteApplicationRecord } from './delete-application.ts';
import { downloadApplicationAttachment, findMyApplication, listMyApplications } from './my-applications.ts';
import { ApplyPage, type BasketJob } from './views/apply-page.tsx';
import { ConfirmPage } from './views/confirm-page.tsx';
import { MyApplicationsPage } from './views/my-applications-page.tsx';

const WORK_ID = /^\d{10}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function body(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ticked = (v: unknown): boolean => v === '1' || (Array.isArray(v) && v.includes('1'));

function idParam(req: FastifyRequest): string {
  const { id } = req.params as { id: string };
  if (!UUID.test(id)) throw new AppError('not-found');
  return id;
}

export async function applyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.applications;
  const dev = !services.config.isProduction;

  const hasResume = async (applicantId: string): Promise<boolean> => (await loadPreview(services.deps.resumes, applicantId)) !== null;

  /** The list's jobs as the page shows them, each with the reason it can no longer be applied to. */
  async function basketJobs(req: FastifyRequest, workIds: readonly string[], problems: Map<string, string> = new Map()): Promise<BasketJob[]> {
    const m = applicationMessages(req.locale);
    if (workIds.length === 0) return [];
    const rows = await services.db
      .select({ workId: vacancies.workId, title: vacancies.title, orgName: vacancies.orgName, validTo: vacancies.validTo, validFrom: vacancies.validFrom, accessMode: vacancies.accessMode, reviewStatus: vacancies.reviewStatus, deletedAt: vacancies.deletedAt, takenDownAt: vacancies.takenDownAt })
      .from(vacancies)
      .where(inArray(vacancies.workId, [...workIds]));
    const today = services.clock.today();
    return workIds.flatMap((id) => {
      const v = rows.find((r) => r.workId === id);
      if (!v) return [];
      const refusal = applyRefusal(v, today);
      const problem = problems.get(id) ?? (refusal ? m[`refuse.${refusal}`] : undefined);
      return [{ workId: v.workId, title: v.title, orgName: v.orgName, validTo: v.validTo, ...(problem ? { problem } : {}) }];
    });
  }

  async function renderApply(req: FastifyRequest, reply: FastifyReply, input: { values: { attach: boolean; consent: boolean }; errors: FieldErrors; problems?: Map<string, string>; status?: number }) {
    const preview = await loadPreview(services.deps.resumes, req.principal!.id);
    if (!preview) return reply.redirect(`/platform/resume?next=${encodeURIComponent(applicationPaths.apply)}`, 303);
    const jobs = await basketJobs(req, readBasket(req), input.problems);
    return sendPage(reply, ApplyPage({ ctx: pageContext(req, reply, dev), jobs, preview, values: input.values, errors: input.errors }), input.status ?? 200);
  }

  // 【我要應徵】 / the QR code of a job (PUB-3, APP-1).
  app.get('/platform/apply/:workId', routes.applicant, async (req, reply) => {
    const { workId } = req.params as { workId: string };
    if (!WORK_ID.test(workId)) throw new AppError('not-found');
    const [job] = await services.db
      .select({ workId: vacancies.workId, accessMode: vacancies.accessMode, reviewStatus: vacancies.reviewStatus, deletedAt: vacancies.deletedAt, takenDownAt: vacancies.takenDownAt, validFrom: vacancies.validFrom, validTo: vacancies.validTo })
      .from(vacancies)
      .where(and(eq(vacancies.workId, workId)));
    const refusal = applyRefusal(job ?? null, services.clock.today());
    if (!job || refusal === 'not-found' || refusal === 'deleted' || refusal === 'expired' || refusal === 'not-published') throw new AppError('not-found');
    if (refusal === 'not-open') return reply.redirect(`/jobs/${workId}/apply`, 303);
    // PUB-3: no saved resume → 履歷填寫 first, then back to this job.
    if (!(await hasResume(req.principal!.id))) return reply.redirect(`/platform/resume?next=${encodeURIComponent(applicationPaths.applyTo(workId))}`, 303);
    await writeBasket(req, services.sessions, withJob(readBasket(req), workId));
    return reply.redirect(applicationPaths.apply, 303);
  });

  app.get(applicationPaths.apply, routes.applicant, async (req, reply) => renderApply(req, reply, { values: { attach: false, consent: false }, errors: {} }));

  app.post(applicationPaths.removeFromList, routes.applicant, async (req, reply) => {
    const workId = body(req).workId;
    await writeBasket(req, services.sessions, readBasket(req).filter((id) => id !== workId));
    return reply.redirect(applicationPaths.apply, 303);
  });

  app.post(applicationPaths.apply, routes.applicant, async (req, reply) => {
    const b = body(req);
    const m = applicationMessages(req.locale);
    const values = { attach: ticked(b.attach), consent: ticked(b.consent) };
    const result = await applyToVacancies(deps, {
      applicantId: req.principal!.id,
      ip: req.ip,
      workIds: list(b.workId),
      attachFiles: values.attach,
      consent: values.consent,
      consentVersion: typeof b.consentVersion === 'string' ? b.consentVersion : '',
    });
    switch (result.kind) {
      case 'no-consent':
        return renderApply(req, reply, { values, errors: { consent: m['err.consent'] }, status: 400 });
      case 'no-jobs':
        return renderApply(req, reply, { values, errors: { jobs: m['err.noJobs'] }, status: 400 });
      case 'no-resume':
        flash(reply, { kind: 'warning', text: m['err.noResume'] });
        return reply.redirect(`/platform/resume?next=${encodeURIComponent(applicationPaths.apply)}`, 303);
      case 'done': {
        const messages = (r: JobOutcome) => `${r.workId} ${r.title ?? ''}：${m[`refuse.${r.reason}`]}`;
        // Applied and refused jobs leave the list; what was not sent stays (nothing typed is lost).
        const settled = new Set([...result.applied.map((a) => a.workId), ...result.refused.map((r) => r.workId)]);
        await writeBasket(req, services.sessions, readBasket(req).filter((id) => !settled.has(id)));
        if (result.applied.length === 0) {
          return renderApply(req, reply, {
            values,
            errors: { jobs: result.refused.map(messages).join('；') },
            problems: new Map(result.refused.map((r) => [r.workId, m[`refuse.${r.reason}`]])),
            status: 409,
          });
        }
        flash(reply, { kind: 'success', text: fill(m['done.applied'], { n: result.applied.length }) });
        for (const r of result.refused) flash(reply, { kind: 'warning', text: messages(r) });
        return reply.redirect(applicationPaths.mine, 303);
      }
    }
  });

  app.get(applicationPaths.mine, routes.applicant, async (req, reply) => {
    const raw = Number((req.query as Record<string, unknown>).page);
    const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
    const data = await listMyApplications(deps, req.principal!.id, page);
    return sendPage(reply, MyApplicationsPage({ ctx: pageContext(req, reply, dev), ...data }));
  });

  app.get('/platform/applications/:id/attachment', routes.applicant, async (req, reply) => {
    const file = await downloadApplicationAttachment(deps, { principal: req.principal, ip: req.ip }, idParam(req));
    if (!file) throw new AppError('not-found');
    return reply.header('cache-control', 'private, no-store').header('content-disposition', contentDisposition(file.downloadName)).type(file.contentType).send(file.bytes);
  });

  for (const kind of ['cancel', 'delete'] as const) {
    app.get(`/platform/applications/:id/${kind}`, routes.applicant, async (req, reply) => {
      const id = idParam(req);
      const a = await findMyApplication(deps, req.principal, id);
      if (!a) throw new AppError('not-found');
      const action = kind === 'cancel' ? applicationPaths.cancel(id) : applicationPaths.remove(id);
      return sendPage(reply, ConfirmPage({ ctx: pageContext(req, reply, dev), kind, action, job: { workId: a.vacancy.workId, title: a.vacancy.title, orgName: a.vacancy.orgName, appliedAt: a.appliedAt } }));
    });
  }

  app.post('/platform/applications/:id/cancel', routes.applicant, async (req, reply) => {
    const m = applicationMessages(req.locale);
    const result = await cancelApplication(deps, { principal: req.principal, applicationId: idParam(req), ip: req.ip });
    flash(reply, result.ok ? { kind: 'success', text: fill(m['cancel.done'], { title: result.title }) } : { kind: 'warning', text: m[`cancel.${result.refusal}`] });
    return reply.redirect(applicationPaths.mine, 303);
  });

  app.post('/platform/applications/:id/delete', routes.applicant, async (req, reply) => {
    const m = applicationMessages(req.locale);
    const result = await deleteApplicationRecord(deps, { principal: req.principal, applicationId: idParam(req), ip: req.ip });
    flash(reply, result.ok ? { kind: 'success', text: m['delete.done'] } : { kind: 'warning', text: m[`delete.${result.refusal}`] });
    return reply.redirect(applicationPaths.mine, 303);
  });
}

