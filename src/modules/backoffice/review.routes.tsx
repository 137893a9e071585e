// Back-office routes of ADM-1 (切換至後臺): home, review queue, search of every agency's vacancies, one vacancy and
// its verdicts. All `routes.backoffice` (anyone else: 404, audited by the platform); thin handlers — parse,
// authorize (vacancy policy 'review'), one use case, render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { authorizeOr404 } from '../../platform/auth/policy.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseForm, recordOf, valueOf } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { civilServiceFileCounts, produceNowForVacancy } from '../applications/index.ts';
import { isPublished, vacancySubject } from '../vacancies/index.ts';
import { homeFigures } from './outbox.service.ts';
import { findAnyVacancy, reviewQueue, searchAllVacancies } from './review.repo.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { backofficeMessages } from './backoffice.messages.ts';
import { reasonFormFor } from './review.rules.ts';
import { reviewVacancy } from './review.service.ts';
import { parsePage, parseVacancySearch } from './vacancy-search.query.ts';
import { HomePage } from './views/home-page.tsx';
import { QueuePage, SearchPage } from './views/review-pages.tsx';
import { VacancyPage } from './views/vacancy-page.tsx';

type IdParams = { Params: { id: string } };

export async function reviewRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });
  const deps = { db, clock: services.clock, baseUrl: services.config.baseUrl };

  /** Any agency's vacancy, for a principal the vacancy policy lets review it; anything else 404. */
  async function reviewable(req: FastifyRequest<IdParams>) {
    const v = await findAnyVacancy(db, req.params.id);
    if (!v) throw new AppError('not-found');
    authorizeOr404(req.principal ?? null, 'review', vacancySubject(v, services.clock.today()));
    return v;
  }

  app.get('/backoffice', routes.backoffice, async (req, reply) => {
    return sendPage(reply, HomePage({ ctx: ctxOf(req, reply), figures: await homeFigures(db) }));
  });

  app.get('/backoffice/review', routes.backoffice, async (req, reply) => {
    const page = parsePage(recordOf(req.query).page);
    const { rows, total } = await reviewQueue(db, page);
    return sendPage(reply, QueuePage({ ctx: ctxOf(req, reply), rows, total, page }));
  });

  app.get('/backoffice/vacancies', routes.backoffice, async (req, reply) => {
    const f = parseVacancySearch(recordOf(req.query), backofficeMessages(req.locale));
    const { rows, total } = Object.keys(f.errors).length ? { rows: [], total: 0 } : await searchAllVacancies(db, f);
    return sendPage(reply, SearchPage({ ctx: ctxOf(req, reply), f, rows, total }), Object.keys(f.errors).length ? 422 : 200);
  });

  /** A 須具 vacancy's resume files by state (GEN-2), for its 立即產製 section. */
  const resumeFilesOf = async (v: { id: string; accessMode: string }) => (v.accessMode === 'civil_service' ? civilServiceFileCounts(db, v.id) : undefined);

  app.get<IdParams>('/backoffice/vacancies/:id', routes.backoffice, async (req, reply) => {
    const v = await reviewable(req);
    return sendPage(reply, VacancyPage({ ctx: ctxOf(req, reply), v, published: isPublished(v, services.clock.today()), resumeFiles: await resumeFilesOf(v) }));
  });

  // 立即產製 (GEN-2): the civil-service batch now, for this vacancy only; audited (resume.batch.manual).
  app.post<IdParams>('/backoffice/vacancies/:id/produce-resumes', routes.backoffice, async (req, reply) => {
    const v = await reviewable(req);
    if (v.accessMode !== 'civil_service') throw new AppError('not-found');
    const r = await produceNowForVacancy(services.deps.applications, { vacancyId: v.id, actor: actorOf(req) });
    flash(reply, { kind: 'success', text: fill(backofficeMessages(req.locale)['produce.done'], { produced: r.produced, failed: r.failed }) });
    return reply.redirect(`/backoffice/vacancies/${encodeURIComponent(v.id)}`, 303);
  });

  for (const action of ['approve', 'reject', 'take-down'] as const) {
    app.post<IdParams>(`/backoffice/vacancies/:id/${action}`, routes.backoffice, async (req, reply) => {
      const v = await reviewable(req);
      const m = backofficeMessages(req.locale);
      let reason: string | undefined;
      if (action !== 'approve') {
        const form = parseForm(reasonFormFor(m), req.body);
        if (!form.ok) {
          const failed = { form: action, reason: valueOf(form.values, 'reason'), error: form.errors.reason ?? m['reason.required'] };
          return sendPage(reply, VacancyPage({ ctx: ctxOf(req, reply), v, published: isPublished(v, services.clock.today()), failed, resumeFiles: await resumeFilesOf(v) }), 422);
        }
        reason = form.data.reason;
      }
      const r = await reviewVacancy(deps, { actor: actorOf(req), vacancyId: v.id, action, ...(reason !== undefined ? { reason } : {}) });
      if (!r.ok) {
        if (r.refusal === 'not-found') throw new AppError('not-found');
        flash(reply, { kind: 'warning', text: m[`refusal.${r.refusal}`] });
      } else {
        flash(reply, { kind: 'success', text: `${fill(m[`done.${action}`], { workId: r.workId })}${r.mailed ? m['done.mailed'] : ''}${m['done.end']}` });
      }
      return reply.redirect(`/backoffice/vacancies/${encodeURIComponent(v.id)}`, 303);
    });
  }
}
