// HTTP of DK 職缺應徵 (ECPA-5), civil servants only (routes.civilServant: anyone else signed in at eCPA gets 404,
// visitors and applicants the eCPA sign-in with `next`). Thin: parse → authorize → one use case → render/redirect.
//   GET  /ecpa/dk                               須具 jobs (paged) + 我的簡歷
//   GET  /ecpa/dk/resume                        我的履歷 (the full HR-database resume)
//   GET  /ecpa/dk/apply/:workId                 確定應徵 page of one job (the job page's 【我要應徵】 lands here)
//   POST /ecpa/dk/apply/:workId                 確定應徵 (multipart: the optional certificates PDF)
//   GET  /ecpa/dk/applications                  我的應徵
//   GET  /ecpa/dk/applications/:id/attachment   the certificates file sent
//   GET|POST /ecpa/dk/applications/:id/cancel   取消應徵
// (通知我的職缺 /ecpa/dk/notices… is the notices module's, over the same notices use cases as /platform/notices.)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { readMultipartForm } from '../../platform/http/multipart.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { civilServiceResumeDocument, RESUME_SECTION_LABELS } from '../hrdb/index.ts';
import { contentDisposition, sniffUpload } from '../../platform/storage/index.ts';
import { MessagePage } from '../../platform/views/door-page.tsx';
import { openCivilServiceJobs, vacanciesByWorkId, vacancySections } from './application.repo.ts';
import { applicationMessages } from './application.messages.ts';
import { cancelApplication } from './cancel-application.ts';
import { applyAsCivilServant, civilServant, emailOf, type CertificatesUpload } from './civil-service-apply.ts';
import { civilServantSummary, dkApplyRefusal, nextBatchAt, resumeSelectionOf } from './civil-service.rules.ts';
import { dkMessages } from './dk.messages.ts';
import { dkPaths } from './dk.paths.ts';
import { downloadApplicationAttachment, findMyApplication, listMyApplications } from './my-applications.ts';
import { ConfirmPage } from './views/confirm-page.tsx';
import { DkApplyPage, DkHomePage, DkResumePage } from './views/dk-pages.tsx';
import { MyApplicationsPage } from './views/my-applications-page.tsx';

const WORK_ID = /^\d{10}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CERTIFICATES_MAX_BYTES = 10 * 1024 * 1024;

function idParam(req: FastifyRequest): string {
  const { id } = req.params as { id: string };
  if (!UUID.test(id)) throw new AppError('not-found');
  return id;
}
function workIdParam(req: FastifyRequest): string {
  const { workId } = req.params as { workId: string };
  if (!WORK_ID.test(workId)) throw new AppError('not-found');
  return workId;
}
const pageParam = (req: FastifyRequest): number => {
  const raw = Number((req.query as Record<string, unknown>).page);
  return Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
};

export async function dkRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.applications;
  const dev = !services.config.isProduction;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, dev);

  /** The signed-in civil servant's HR person, or the 409 page saying why there is none. */
  async function personOr409(req: FastifyRequest, reply: FastifyReply) {
    const found = await civilServant(deps, req.principal!.id);
    if (found.kind === 'ok') return found;
    const m = dkMessages(req.locale);
    await sendPage(
      reply.header('cache-control', 'no-store'),
      MessagePage({ ctx: ctxOf(req, reply), door: 'ecpa', wrap: 'ecpa-page', title: m[`person.${found.kind}.title`], paragraphs: [m[`person.${found.kind}`]], links: [{ href: '/ecpa/apps', text: m['dk.backApps'], primary: true }] }),
      409,
    );
    return null;
  }

  app.get(dkPaths.home, routes.civilServant, async (req, reply) => {
    const found = await personOr409(req, reply);
    if (!found) return reply;
    const page = pageParam(req);
    const { rows, total } = await openCivilServiceJobs(services.db, services.clock.today(), page, 20);
    return sendPage(reply, DkHomePage({ ctx: ctxOf(req, reply), summary: civilServantSummary(found.person, emailOf(found)), jobs: rows, total, page, pages: Math.max(1, Math.ceil(total / 20)) }));
  });

  app.get(dkPaths.resume, routes.civilServant, async (req, reply) => {
    const found = await personOr409(req, reply);
    if (!found) return reply;
    return sendPage(reply.header('cache-control', 'no-store'), DkResumePage({ ctx: ctxOf(req, reply), doc: civilServiceResumeDocument(found.person).document }));
  });

  /** The apply page of one job: only a published 須具 job inside its validity; anything else is 404. */
  async function renderApply(req: FastifyRequest, reply: FastifyReply, workId: string, input: { values: { consent: boolean }; errors: FieldErrors; status?: number }) {
    const found = await personOr409(req, reply);
    if (!found) return reply;
    const v = (await vacanciesByWorkId(services.db, [workId])).get(workId) ?? null;
    const refusal = dkApplyRefusal(v, services.clock.today());
    if (!v || refusal === 'not-found') throw new AppError('not-found');
    if (refusal === 'not-open') return reply.redirect(`/jobs/${workId}/apply`, 303);
    const m = dkMessages(req.locale);
    const errors = refusal && !input.errors.job ? { job: m[`refuse.${refusal}`], ...input.errors } : input.errors;
    const selection = resumeSelectionOf(await vacancySections(services.db, v.vacancyId));
    const parts = selection.mode === 'all' ? [m['apply.partsAll']] : selection.sections.map((k) => RESUME_SECTION_LABELS[k]);
    const job = { workId: v.workId, title: v.title, orgName: v.orgName, validTo: v.validTo, rankText: '', workPlaceText: '' };
    return sendPage(
      reply,
      DkApplyPage({ ctx: ctxOf(req, reply), job, summary: civilServantSummary(found.person, emailOf(found)), parts, nextBatch: nextBatchAt(services.clock.now()), values: input.values, errors }),
      input.status ?? (refusal ? 409 : 200),
    );
  }

  app.get('/ecpa/dk/apply/:workId', routes.civilServant, async (req, reply) => renderApply(req, reply, workIdParam(req), { values: { consent: false }, errors: {} }));

  app.post('/ecpa/dk/apply/:workId', routes.civilServant, async (req, reply) => {
    const workId = workIdParam(req);
    const m = dkMessages(req.locale);
    const form = await readMultipartForm(req, { fileFields: ['certificates'], fileLimit: CERTIFICATES_MAX_BYTES, maxFiles: 1 });
    const values = { consent: form.values.consent === '1' || (Array.isArray(form.values.consent) && form.values.consent.includes('1')) };
    const errors: FieldErrors = {};
    let certificates: CertificatesUpload | null = null;
    const file = form.files.certificates?.[0];
    if (form.tooManyFiles) errors.certificates = m['err.certificates'];
    else if (file) {
      const sniff = file.truncated ? { ok: false as const, message: m['err.certificates'] } : await sniffUpload(file.bytes, { allowed: ['pdf'], maxBytes: CERTIFICATES_MAX_BYTES });
      if (sniff.ok) certificates = { bytes: file.bytes, name: (file.filename || 'certificates.pdf').slice(0, 200) };
      else errors.certificates = `${m['err.certificates']}（${sniff.message}）`;
    }
    if (!values.consent) errors.consent = m['err.consent'];
    if (Object.keys(errors).length > 0) return renderApply(req, reply, workId, { values, errors, status: 400 });
    const consentVersion = typeof form.values.consentVersion === 'string' ? form.values.consentVersion : '';
    const result = await applyAsCivilServant(deps, { staffUserId: req.principal!.id, workId, consent: values.consent, consentVersion, certificates, ip: req.ip });
    switch (result.kind) {
      case 'no-consent':
        return renderApply(req, reply, workId, { values, errors: { consent: m['err.consent'] }, status: 400 });
      case 'no-person':
        return personOr409(req, reply);
      case 'refused':
        if (result.reason === 'not-found') throw new AppError('not-found');
        return renderApply(req, reply, workId, { values, errors: { job: m[`refuse.${result.reason}`] }, status: 409 });
      case 'done':
        flash(reply, { kind: 'success', text: fill(m['done.applied'], { title: result.title }) });
        return reply.redirect(dkPaths.mine, 303);
    }
  });

  const minePaths = { attachment: dkPaths.attachment, cancel: dkPaths.cancel, remove: dkPaths.cancel, minePage: dkPaths.minePage };

  app.get(dkPaths.mine, routes.civilServant, async (req, reply) => {
    const data = await listMyApplications(deps, { kind: 'staff', id: req.principal!.id }, pageParam(req));
    return sendPage(reply, MyApplicationsPage({ ctx: ctxOf(req, reply), ...data, door: 'ecpa', paths: minePaths, note: dkMessages(req.locale)['mine.note'], nav: 'dk' }));
  });

  app.get('/ecpa/dk/applications/:id/attachment', routes.civilServant, async (req, reply) => {
    const file = await downloadApplicationAttachment(deps, { principal: req.principal, ip: req.ip }, idParam(req));
    if (!file) throw new AppError('not-found');
    return reply.header('cache-control', 'private, no-store').header('content-disposition', contentDisposition(file.downloadName)).type(file.contentType).send(file.bytes);
  });

  app.get('/ecpa/dk/applications/:id/cancel', routes.civilServant, async (req, reply) => {
    const id = idParam(req);
    const a = await findMyApplication(deps, req.principal, id);
    if (!a) throw new AppError('not-found');
    return sendPage(reply, ConfirmPage({ ctx: ctxOf(req, reply), kind: 'cancel', action: dkPaths.cancel(id), job: { workId: a.vacancy.workId, title: a.vacancy.title, orgName: a.vacancy.orgName, appliedAt: a.appliedAt }, door: 'ecpa', back: dkPaths.mine }));
  });

  app.post('/ecpa/dk/applications/:id/cancel', routes.civilServant, async (req, reply) => {
    const m = applicationMessages(req.locale);
    const result = await cancelApplication(deps, { principal: req.principal, applicationId: idParam(req), ip: req.ip });
    flash(reply, result.ok ? { kind: 'success', text: fill(m['cancel.done'], { title: result.title }) } : { kind: 'warning', text: m[`cancel.${result.refusal}`] });
    return reply.redirect(dkPaths.mine, 303);
  });
}
