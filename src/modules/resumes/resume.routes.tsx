// 履歷填寫 routes (RES-1 … RES-13), all for the signed-in applicant and only about their own resume (there is no
// resume id in any URL, so another person's resume cannot even be named; a staged file id of someone else is
// not found: SYS-4 scoped finders forApplicant in resume.repo.ts, rules in resume.policy.ts). Routes:
//   GET  /platform/resume                  履歷填寫 (the saved resume, or an empty form)   ?next= after saving
//   POST /platform/resume                  every button of the form (multipart; CSRF token in the query); after the
//                                          session expired: parked until sign-in, restored by the GET
//   GET  /platform/resume/preview          履歷預覽
//   GET  /platform/resume/pdf              下載 PDF (audited)
//   GET  /platform/resume/attachment       證照資格/作品附件 (audited)
//   GET  /platform/resume/photo            the saved photo;  /photo/staged/:id  a staged one
//   GET  /platform/resume/delete, POST     刪除履歷 (audited)
//   POST /platform/resume/hrdb-offer       RES-4 on blur: {"offer": {"label"} | null} for the ID in the body (JSON)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { safeLanding } from '../../platform/http/landing.ts';
import { sendPage } from '../../platform/http/render.ts';
import { takeParkedForm } from '../../platform/http/parked-form.ts';
import { takeStaleForm } from '../../platform/http/stale-form.ts';
import { readResumeForm } from './resume.form.ts';
import { contentDisposition } from '../../platform/storage/index.ts';
import { parseIdNumber } from '../../platform/tw/id-number.ts';
import { deleteResume } from './delete-resume.ts';
import { clearVerifiedImport, hasVerifiedImport, keepFormForHrdbImport } from './hrdb-handoff.ts';
import { HRDB_BUTTON_ID, withAutofocus } from './focus.rules.ts';
import { describeForm, openResumeForm, type FormState } from './load-form.ts';
import { loadPreview } from './load-preview.ts';
import { resumeErrors } from './resume.errors.ts';
import { activeApplicant, readResumeBody } from './resume.http.ts';
import { resumeMessages } from './resume.messages.ts';
import { resumePaths } from './resume.paths.ts';
import type { ResumeDraft } from './resume.prefill.ts';
import { prefillFromDraft } from './resume.prefill.ts';
import { downloadAttachment, readSavedPhoto, readStagedPhoto } from './resume-files.ts';
import { downloadResumePdf } from './resume-pdf.ts';
import { submitResumeForm } from './submit-resume-form.ts';
import { DeleteResumePage } from './views/delete-page.tsx';
import { ResumeFormPage, type ResumeFormPageProps } from './views/form-page.tsx';
import type { HrdbImportOffer } from './views/hrdb-slot.tsx';
import { ResumePreviewPage } from './views/preview-page.tsx';
import type { ResumeForm } from './resume.types.ts';
import { parksForm, routes } from '../../platform/http/route-options.ts';

export interface ResumeRouteOptions {
  /**
   * RES-4 seam: may the form offer 從公務人力資料庫帶入相關資料 for this ID number? Asked on a first resume
   * (nothing saved yet) whenever the form shows a valid ID number; null hides the button.
   */
  hrdbImportOffer?: (input: { applicantId: string; idNumber: string; locale: 'zh-TW' | 'en' }) => Promise<HrdbImportOffer | null>;
}

type FormView = Omit<ResumeFormPageProps, 'ctx' | 'uploadLimitBytes' | 'hrdbOffer'>;

export async function resumeRoutes(app: FastifyInstance, services: Services, opts: ResumeRouteOptions = {}): Promise<void> {
  const deps = services.deps.resumes;

  const render = (req: FastifyRequest, reply: FastifyReply, view: FormView, status = 200, focus: string | null = null, checkedId = false) =>
    renderForm(services, opts, req, reply, view, status, focus, checkedId);

  // RES-4 on blur (issue 16 item 5; public/js/hrdb-offer.js): whether 從公務人力資料庫帶入 is offered for the ID
  // typed, as JSON, by the same check as 「檢查」 (a first resume only; probe limits and audit, probe-limits.ts).
  // The ID travels in the POST body (CSRF header), never in a URL.
  app.post(resumePaths.hrdbOffer, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const raw = (req.body as Record<string, unknown> | undefined)?.idNumber;
    const id = parseIdNumber(typeof raw === 'string' ? raw.slice(0, 40) : '');
    const offer = id.ok && opts.hrdbImportOffer ? await opts.hrdbImportOffer({ applicantId, idNumber: id.id, locale: req.locale }) : null;
    return reply.header('cache-control', 'no-store').send({ offer: offer ? { label: offer.label } : null });
  });

  app.get(resumePaths.form, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const next = safeLanding((req.query as Record<string, unknown>).next, '');
    // A stale form (CSRF check failed, platform/http/stale-form.ts) or one sent after the session expired and
    // parked until this sign-in (platform/http/parked-form.ts): the fields as typed come back, unsaved.
    const stale = await takeStaleForm(req, services);
    const parked = stale ? undefined : await takeParkedForm(req, services);
    const kept = stale ?? parked;
    const state = kept ? await describeForm(deps, applicantId, readResumeForm(kept)) : await openResumeForm(deps, applicantId);
    const notices = parked ? [resumeMessages(req.locale)['notice.parkedRestored']] : [];
    return render(req, reply, { state, notices, next: kept ? safeLanding(kept.next, next) : next });
  });

  // Every button of the form; sent after the session expired, the form is parked until sign-in (SYS-5, RES-11).
  app.post(resumePaths.form, parksForm(routes.applicant), async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const body = await readResumeBody(req, services.config.uploadLimitBytes);
    // RES-4: 「帶入」 is marked from the verified import in the session, whatever a form field says (issue 9 item 6).
    body.values.importedFromHrdb = hasVerifiedImport(req, applicantId) ? '1' : '';
    const next = safeLanding(body.values.next, '');
    const outcome = await submitResumeForm(deps, { applicantId, ip: req.ip, locale: req.locale, ...body });
    if (outcome.kind === 'saved') {
      await clearVerifiedImport(req, deps);
      flash(reply, { kind: 'success', text: resumeMessages(req.locale)['flash.saved'] });
      return reply.redirect(next || resumePaths.form, 303);
    }
    if (outcome.kind === 'hrdb-import') {
      // RES-4: asked again with the ID as typed now (first resume only); the form waits in the session.
      const id = parseIdNumber(outcome.form.basic.idNumber);
      const state = await describeForm(deps, applicantId, outcome.form);
      const offer = id.ok && state.saved === null && opts.hrdbImportOffer ? await opts.hrdbImportOffer({ applicantId, idNumber: id.id, locale: req.locale }) : null;
      if (offer && id.ok) {
        await keepFormForHrdbImport(req, deps, { applicantId, idNumber: id.id, form: state.form });
        return reply.redirect(offer.href, 303);
      }
      return render(req, reply, { state, notices: [resumeMessages(req.locale)['notice.hrdbUnavailable']], next });
    }
    const { state, errors, notices, showVoidPanel, status, focus, checkedId } = outcome;
    return render(req, reply, { state, errors, notices, showVoidPanel, next }, status, focus, checkedId);
  });

  app.get(resumePaths.preview, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const preview = await loadPreview(deps, applicantId);
    if (!preview) {
      flash(reply, { kind: 'info', text: resumeMessages(req.locale)['flash.noResume'] });
      return reply.redirect(resumePaths.form, 303);
    }
    return sendPage(reply, ResumePreviewPage({ ctx: pageContext(req, reply, !services.config.isProduction), ...preview }));
  });

  app.get(resumePaths.pdf, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const pdf = await downloadResumePdf(deps, { applicantId, ip: req.ip }, resumeMessages(req.locale)['pdf.fileName']);
    if (!pdf) throw new AppError('not-found');
    return reply.header('cache-control', 'private, no-store').header('content-disposition', contentDisposition(pdf.downloadName)).type('application/pdf').send(pdf.bytes);
  });

  app.get(resumePaths.attachment, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const file = await downloadAttachment(deps, { principal: req.principal, ip: req.ip });
    if (!file) throw new AppError('not-found');
    return reply.header('cache-control', 'private, no-store').header('content-disposition', contentDisposition(file.downloadName ?? 'download.bin')).type(file.contentType).send(file.bytes);
  });

  app.get(resumePaths.photo, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    return sendImage(reply, await readSavedPhoto(deps, req.principal));
  });

  app.get(resumePaths.stagedPhotoPattern, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    return sendImage(reply, await readStagedPhoto(deps, req.principal, String((req.params as { id?: string }).id ?? '')));
  });

  app.get(resumePaths.delete, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const state = await openResumeForm(deps, applicantId);
    return sendPage(reply, DeleteResumePage({ ctx: pageContext(req, reply, !services.config.isProduction), hasResume: state.saved !== null }));
  });

  app.post(resumePaths.delete, routes.applicant, async (req, reply) => {
    const applicantId = await activeApplicant(req, reply, services);
    if (!applicantId) return reply;
    const confirmed = (req.body as Record<string, unknown> | undefined)?.confirm === '1';
    const result = await deleteResume(deps, { applicantId, ip: req.ip, confirmed });
    if (result.kind === 'not-confirmed') {
      const ctx = pageContext(req, reply, !services.config.isProduction);
      return sendPage(reply, DeleteResumePage({ ctx, hasResume: true, errors: { confirm: resumeErrors(req.locale).deleteConfirm } }), 400);
    }
    const m = resumeMessages(req.locale);
    flash(reply, { kind: result.kind === 'deleted' ? 'success' : 'info', text: result.kind === 'deleted' ? m['flash.deleted'] : m['flash.noResume'] });
    return reply.redirect(resumePaths.form, 303);
  });
}

async function renderForm(services: Services, opts: ResumeRouteOptions, req: FastifyRequest, reply: FastifyReply, view: FormView, status = 200, focus: string | null = null, checkedId = false): Promise<FastifyReply> {
  const ctx = pageContext(req, reply, !services.config.isProduction);
  const id = parseIdNumber(view.state.form.basic.idNumber);
  const offer = opts.hrdbImportOffer;
  const hrdbOffer = view.state.saved === null && id.ok && offer && req.principal ? await offer({ applicantId: req.principal.id, idNumber: id.id, locale: ctx.locale }) : null;
  // RES-4: 「檢查」 beside the ID on a first resume, as long as 帶入 is not offered (issue 16 item 5); pressed with
  // an ID that does not qualify, it says so (as 帶入 itself would).
  const hrdbCheck = view.state.saved === null && offer !== undefined && !hrdbOffer;
  const notices = checkedId && !hrdbOffer ? [...(view.notices ?? []), resumeMessages(ctx.locale)['notice.hrdbUnavailable']] : view.notices;
  // RES-11: after a row or file button, focus returns to the section acted on (autofocus: no JavaScript needed).
  const html = await ResumeFormPage({ ctx, ...view, ...(notices ? { notices } : {}), hrdbOffer, hrdbCheck, uploadLimitBytes: services.config.uploadLimitBytes });
  return sendPage(reply, withAutofocus(html, checkedId && hrdbOffer ? HRDB_BUTTON_ID : focus), status);
}

export interface RenderDraftOptions extends ResumeRouteOptions {
  /** The form to fill (e.g. what was typed before leaving for eCPA); the saved or empty form by default. */
  base?: ResumeForm;
  /** Shown above the form (role="status"). */
  notices?: string[];
}

/**
 * RES-4 seam: renders 履歷填寫 for the signed-in applicant with the form pre-filled from a ResumeDraft (what the
 * HR database holds, after eCPA verification). Nothing is saved until the person presses 儲存履歷.
 */
export async function renderResumeForm(services: Services, req: FastifyRequest, reply: FastifyReply, draft: ResumeDraft, opts: RenderDraftOptions = {}): Promise<FastifyReply> {
  const applicantId = await activeApplicant(req, reply, services);
  if (!applicantId) return reply;
  const deps = services.deps.resumes;
  const base = opts.base ?? (await openResumeForm(deps, applicantId)).form;
  const state: FormState = await describeForm(deps, applicantId, prefillFromDraft(base, draft));
  return renderForm(services, opts, req, reply, { state, notices: opts.notices ?? [] });
}

function sendImage(reply: FastifyReply, image: { bytes: Buffer; contentType: string } | null): FastifyReply {
  if (!image) throw new AppError('not-found');
  return reply.header('cache-control', 'private, no-store').type(image.contentType).send(image.bytes);
}
