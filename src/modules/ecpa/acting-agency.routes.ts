// ADM-2 代理機關 (GET/POST /ecpa/acting, agency HR only): choose the agency to act for — the own one or one the back
// office granted. The choice is kept in the session (ACTING_AGENCY_KEY) and honoured by the principal loader only
// while the grant exists. Audited `staff.acting_agency`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { ACTING_AGENCY_KEY } from '../../platform/auth/http.ts';
import { flash, pageContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordOf } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { routes } from '../../platform/http/route-options.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { actingChoices, actingValue, auditActingChoice } from './acting-agency.ts';
import { actingMessages } from './acting.messages.ts';
import { ActingPage } from './views/acting-page.tsx';

export async function actingAgencyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);

  async function choicesOf(req: FastifyRequest) {
    const choices = await actingChoices(services.db, req.principal!.id);
    if (!choices) throw new AppError('not-found');
    return choices;
  }

  app.get('/ecpa/acting', routes.agencyHr, async (req, reply) => {
    const choices = await choicesOf(req);
    return sendPage(reply, ActingPage({ ctx: ctxOf(req, reply), choices, current: req.principal!.agencyCode ?? choices.own.code }));
  });

  app.post('/ecpa/acting', routes.agencyHr, async (req, reply) => {
    const choices = await choicesOf(req);
    const chosen = recordOf(req.body).agency;
    const value = actingValue(choices, chosen);
    const m = actingMessages(req.locale);
    if (value === 'refused' || !req.session) {
      return sendPage(reply, ActingPage({ ctx: ctxOf(req, reply), choices, current: req.principal!.agencyCode ?? choices.own.code, error: m['acting.refused'] }), 422);
    }
    const data = { ...req.session.data };
    if (value === null) delete data[ACTING_AGENCY_KEY];
    else data[ACTING_AGENCY_KEY] = value;
    await services.sessions.setData(req.session.id, data);
    const to = value ?? choices.own.code;
    await auditActingChoice(services.db, { kind: 'staff', id: req.principal!.id, ip: req.ip }, req.principal!.agencyCode, to);
    const name = [choices.own, ...choices.granted].find((a) => a.code === to)?.name ?? to;
    flash(reply, { kind: 'success', text: fill(m['acting.done'], { agency: `${to} ${name}` }) });
    return reply.redirect('/agency', 303);
  });
}
