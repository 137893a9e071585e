// Maps every failure to a page: 404 for unknown routes, 413 for oversized bodies, 403 for CSRF (or, for a stale
// form whose page also answers GET, back to it with what was typed: stale-form.ts; sent after the session expired,
// parked until sign-in: parked-form.ts),
// 429 for rate limits, 400 for unreadable input, 500 with a reference code. Never a stack trace to the user.
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformServices } from '../services.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { pageContext } from './context.ts';
import { isAppError } from './errors.ts';
import { sendPage } from './render.ts';
import { keepStaleForm } from './stale-form.ts';
import { parkExpiredForm } from './parked-form.ts';
import { SESSION_COOKIE, signInUrl } from '../auth/http.ts';

function statusOf(err: FastifyError): number {
  if (isAppError(err)) return err.status;
  const code = err.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return 413;
  if (code.startsWith('FST_CSRF')) return 403;
  if (err.statusCode === 429) return 429;
  if (code.startsWith('FST_ERR_CTP') || code === 'FST_ERR_VALIDATION' || code.startsWith('FST_INVALID_MULTIPART')) return 400;
  const s = err.statusCode ?? 500;
  return s >= 400 && s < 600 ? s : 500;
}

export function registerErrorHandling(app: FastifyInstance, services: PlatformServices): void {
  app.setNotFoundHandler((req, reply) => renderError(req, reply, services, 404));

  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    // An error thrown while sending (e.g. a header Node refuses): the headers of the failed reply go, or the
    // error page would fail the same way and Fastify's raw JSON body would reach the user.
    dropUnsendableHeaders(reply);
    const status = statusOf(err);
    if (status >= 500) {
      const reference = randomBytes(4).toString('hex');
      req.log.error({ err, reference }, 'request failed');
      return renderError(req, reply, services, 500, reference);
    }
    if (status === 429) void reply.header('retry-after', '60');
    if (status === 403 && (err.code ?? '').startsWith('FST_CSRF')) {
      // Sent after the session expired (the CSRF cookie went too): parked until sign-in (parked-form.ts).
      const parked = await parkExpiredForm(req, reply, services, req.cookies[SESSION_COOKIE], { checkOrigin: true });
      if (parked) return reply.redirect(signInUrl(req.routeOptions.config.auth ?? 'public', parked), 303);
      // A stale form: back to it with what was typed (stale-form.ts), rather than a dead end.
      const back = await keepStaleForm(app, req, reply, services);
      if (back) return reply.redirect(back, 303);
    }
    return renderError(req, reply, services, status, undefined, isAppError(err) && err.message !== err.code ? err.message : undefined);
  });
}

// What Node's http module refuses in a header value (it throws ERR_INVALID_CHAR in writeHead).
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

function dropUnsendableHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    const values = Array.isArray(value) ? value : [value];
    if (name === 'location' || values.some((v) => INVALID_HEADER_VALUE.test(String(v)))) reply.removeHeader(name);
  }
}

/** Every error is an HTML page (never Fastify's JSON error body), whatever the Accept header. */
function renderError(req: FastifyRequest, reply: FastifyReply, services: PlatformServices, status: number, reference?: string, message?: string) {
  if (!req.t) {
    // The failure happened before the request context was set up.
    return reply.code(status).type('text/plain; charset=utf-8').send(`${status}`);
  }
  const ctx = pageContext(req, reply, !services.config.isProduction);
  return sendPage(reply, ErrorPage({ ctx, status, ...(reference ? { reference } : {}), ...(message ? { message } : {}) }), status);
}
