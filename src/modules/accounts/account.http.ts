// HTTP helpers shared by the account routes: the rate-limited route option, the page context,
// the captcha's verdict merged into a form's errors, and error order.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { captchaErrorMessage, checkCaptcha } from '../../platform/captcha/index.ts';
import { pageContext, type PageContext } from '../../platform/http/context.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { ACCOUNT_POSTS_PER_MINUTE } from './account.rules.ts';
import { limited, routes } from '../../platform/http/route-options.ts';

/** SYS-4: a POST that guesses or sends mail: limited per IP address (on top of the captcha and the lockout). */
export const limitedRoute = limited(routes.public, ACCOUNT_POSTS_PER_MINUTE);

export function ctxOf(req: FastifyRequest, reply: FastifyReply, services: Services): PageContext {
  return pageContext(req, reply, !services.config.isProduction);
}

/** The errors in the order of the form's fields, so that the error summary reads top to bottom. */
export function inFormOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) out[k] ??= v;
  return out;
}

/**
 * Checks the captcha (always: a challenge is used up by any attempt) and adds its message to `errors`. Called
 * before anything looks at a password, so a wrong captcha never counts towards the lockout.
 */
export async function withCaptchaVerdict(req: FastifyRequest, services: Services, answer: unknown, errors: FieldErrors): Promise<FieldErrors> {
  const verdict = await checkCaptcha(req, services, answer);
  if (verdict.ok || errors.captcha) return errors;
  return { ...errors, captcha: captchaErrorMessage(verdict.reason) };
}

export function bodyOf(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

export function queryOf(req: FastifyRequest): Record<string, unknown> {
  return req.query && typeof req.query === 'object' ? (req.query as Record<string, unknown>) : {};
}
