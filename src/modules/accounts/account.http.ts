// HTTP helpers shared by the account routes: route options (audience, per-IP rate limit), the page context,
// error order (platform/http/forms.ts) and the request's body and query.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { pageContext, type PageContext } from '../../platform/http/context.ts';
import { ACCOUNT_POSTS_PER_MINUTE } from './account.rules.ts';
import { limited, routes } from '../../platform/http/route-options.ts';

/** SYS-4: a POST that guesses or sends mail: limited per IP address (on top of the captcha and the lockout). */
export const limitedRoute = limited(routes.public, ACCOUNT_POSTS_PER_MINUTE);

export function ctxOf(req: FastifyRequest, reply: FastifyReply, services: Services): PageContext {
  return pageContext(req, reply, !services.config.isProduction);
}

export { inFormOrder } from '../../platform/http/forms.ts';

export function queryOf(req: FastifyRequest): Record<string, unknown> {
  return req.query && typeof req.query === 'object' ? (req.query as Record<string, unknown>) : {};
}
