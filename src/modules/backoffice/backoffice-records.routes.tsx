// Back-office routes of SYS-2/ADM-3 (audit log search and CSV export) and ADM-4 (mail outbox: list, one mail,
// retry one or all failed). All `routes.backoffice`; thin handlers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordOf } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { toIsoDate } from '../../platform/tw/roc-date.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { parseAuditSearch } from './audit-log.query.ts';
import { backofficeMessages } from './backoffice.messages.ts';
import { exportAudit, findAuditPage } from './audit-log.service.ts';
import { parseOutboxQuery } from './outbox.query.ts';
import { homeFigures, listOutbox, readMail, retryAllFailed, retryOneMail } from './outbox.service.ts';
import { AuditPage } from './views/audit-page.tsx';
import { MailPage, OutboxPage } from './views/outbox-pages.tsx';

type IdParams = { Params: { id: string } };

/** Where a retry returns: a page of the outbox, nothing else (no open redirect). */
function backTo(body: unknown): string {
  const back = recordOf(body).back;
  return typeof back === 'string' && /^\/backoffice\/outbox(\/[0-9a-f-]{36})?(\?[A-Za-z0-9=&%._+-]*)?$/.test(back) ? back : '/backoffice/outbox';
}

export async function recordsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const db = services.db;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);
  const actorOf = (req: FastifyRequest): Actor => ({ kind: 'staff', id: req.principal!.id, ip: req.ip });

  app.get('/backoffice/audit', routes.backoffice, async (req, reply) => {
    const f = parseAuditSearch(recordOf(req.query), backofficeMessages(req.locale));
    const bad = Object.keys(f.errors).length > 0;
    const { rows, total } = bad ? { rows: [], total: 0 } : await findAuditPage(db, f);
    return sendPage(reply, AuditPage({ ctx: ctxOf(req, reply), f, rows, total }), bad ? 422 : 200);
  });

  app.get('/backoffice/audit.csv', routes.backoffice, async (req, reply) => {
    const f = parseAuditSearch(recordOf(req.query));
    if (Object.keys(f.errors).length) return reply.redirect(`/backoffice/audit?${new URLSearchParams(recordOf(req.query) as Record<string, string>).toString()}`, 303);
    const { csv } = await exportAudit(db, { actor: actorOf(req), search: f });
    const name = `audit-${toIsoDate(services.clock.now()).replaceAll('-', '')}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  app.get('/backoffice/outbox', routes.backoffice, async (req, reply) => {
    const f = parseOutboxQuery(recordOf(req.query));
    const [{ rows, total }, figures] = await Promise.all([listOutbox(db, f), homeFigures(db)]);
    return sendPage(reply, OutboxPage({ ctx: ctxOf(req, reply), f, rows, total, failed: figures.failedMail }));
  });

  app.get<IdParams>('/backoffice/outbox/:id', routes.backoffice, async (req, reply) => {
    const m = await readMail(db, { actor: actorOf(req), id: req.params.id });
    if (!m) throw new AppError('not-found');
    return sendPage(reply, MailPage({ ctx: ctxOf(req, reply), m }));
  });

  app.post<IdParams>('/backoffice/outbox/:id/retry', routes.backoffice, async (req, reply) => {
    const ok = await retryOneMail(db, { actor: actorOf(req), id: req.params.id, now: services.clock.now() });
    if (ok) services.kickMail();
    const m = backofficeMessages(req.locale);
    flash(reply, ok ? { kind: 'success', text: m['mail.retried'] } : { kind: 'warning', text: m['mail.notFailed'] });
    return reply.redirect(backTo(req.body), 303);
  });

  app.post('/backoffice/outbox/retry-failed', routes.backoffice, async (req, reply) => {
    const n = await retryAllFailed(db, { actor: actorOf(req), now: services.clock.now() });
    if (n) services.kickMail();
    const m = backofficeMessages(req.locale);
    flash(reply, { kind: n ? 'success' : 'info', text: n ? fill(m['mail.retriedAll'], { count: n }) : m['mail.noneFailed'] });
    return reply.redirect('/backoffice/outbox?state=pending', 303);
  });
}
