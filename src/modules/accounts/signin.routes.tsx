// 登入 (ACC-4), 忘記密碼 and 重設密碼 (ACC-5): thin handlers — parse, check the captcha, call the use case, respond.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { flash } from '../../platform/http/context.ts';
import { readFormRequest, valueOf, type FieldErrors } from '../../platform/http/forms.ts';
import { signInRoutes } from '../../platform/http/sign-in-routes.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { emailOnlyForm, loginForm, resetForm } from './account.forms.ts';
import { ctxOf, limitedRoute, queryOf } from './account.http.ts';
import { accountMessages, type AccountMessages } from './account.messages.ts';
import { accountPaths } from './account.paths.ts';
import { safeLanding, type LoginRefusal } from './account.rules.ts';
import { requestPasswordReset } from './forgot-password.ts';
import { logIn } from './login.ts';
import { checkResetLink, resetPassword, type ResetLinkState } from './reset-password.ts';
import { EmailRequestPage } from './views/email-request-page.tsx';
import { LoginPage } from './views/login-page.tsx';
import { MessagePage } from './views/parts.tsx';
import { ResetPage } from './views/reset-page.tsx';
import { routes } from '../../platform/http/route-options.ts';

const LOGIN_FIELDS = ['email', 'password', 'captcha'];

export async function signinRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.accounts;

  signInRoutes(app, services, {
    path: accountPaths.login,
    kind: 'applicant',
    home: accountPaths.resume,
    get: routes.public,
    post: limitedRoute,
    landing: (next) => safeLanding(next, ''),
    schema: (req) => loginForm(accountMessages(req.locale)),
    fields: LOGIN_FIELDS,
    keep: (values) => ({ email: valueOf(values, 'email') }),
    check: async (req, data) => {
      const result = await logIn(deps, { email: data.email, password: data.password, ip: req.ip });
      return result.kind === 'ok' ? { id: result.accountId } : loginRefusal(accountMessages(req.locale), result.kind);
    },
    page: (req, reply, state) => LoginPage({ ctx: ctxOf(req, reply, services), ...state }),
  });

  app.get(accountPaths.forgot, routes.public, async (req, reply) => sendPage(reply, EmailRequestPage({ ctx: ctxOf(req, reply, services), kind: 'forgot' })));

  app.post(accountPaths.forgot, limitedRoute, async (req, reply) => {
    const m = accountMessages(req.locale);
    const form = await readFormRequest(emailOnlyForm(m), req.body, { fields: ['email'] });
    if (!form.ok) return sendPage(reply, EmailRequestPage({ ctx: ctxOf(req, reply, services), kind: 'forgot', values: form.values, errors: form.errors }), 400);
    await requestPasswordReset(deps, { email: form.data.email, ip: req.ip });
    flash(reply, { kind: 'info', text: fill(m['sent.accepted'], { email: form.data.email }) });
    return reply.redirect(accountPaths.forgotSent, 303);
  });

  app.get(accountPaths.forgotSent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply, services);
    const m = accountMessages(ctx.locale);
    return sendPage(
      reply,
      MessagePage({ ctx, title: m['title.forgotSent'], paragraphs: [m['sent.forgot'], m['sent.spam']], links: [{ href: accountPaths.login, text: m['link.login'], primary: true }] }),
    );
  });

  app.get(accountPaths.reset, routes.public, async (req, reply) => {
    const token = queryOf(req).token;
    const state = await checkResetLink(deps, token);
    if (state !== 'ok') return sendResetLinkProblem(req, reply, services, state);
    return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply, services), token: String(token) }));
  });

  app.post(accountPaths.reset, limitedRoute, async (req, reply) => {
    const m = accountMessages(req.locale);
    const form = await readFormRequest(resetForm(m), req.body, { fields: ['password', 'confirm'] });
    const token = valueOf(form.values, 'token');
    if (!form.ok) {
      const state = await checkResetLink(deps, token);
      if (state !== 'ok') return sendResetLinkProblem(req, reply, services, state);
      return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply, services), token, errors: form.errors }), 400);
    }
    const result = await resetPassword(deps, { token, password: form.data.password, ip: req.ip });
    if (result.kind === 'reused') return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply, services), token, errors: { password: m['error.password.reused'] } }), 400);
    if (result.kind !== 'reset') return sendResetLinkProblem(req, reply, services, result.kind);
    flash(reply, { kind: 'success', text: m['flash.reset'] });
    return reply.redirect(accountPaths.login, 303);
  });
}

/** ACC-4: what the sign-in page says to a refused sign-in (a locked or inactive account also gets its notice). */
function loginRefusal(m: AccountMessages, refusal: LoginRefusal): { errors: FieldErrors; refusal?: LoginRefusal } {
  if (refusal === 'invalid') return { errors: { password: m['error.login.invalid'] } };
  return { errors: refusal === 'locked' ? { email: m['error.login.locked'] } : { email: m['error.login.inactive'] }, refusal };
}

function sendResetLinkProblem(req: FastifyRequest, reply: FastifyReply, services: Services, state: Exclude<ResetLinkState, 'ok'>) {
  const ctx = ctxOf(req, reply, services);
  const m = accountMessages(ctx.locale);
  const forgot = { href: accountPaths.forgot, text: m['link.forgot'], primary: true };
  const login = { href: accountPaths.login, text: m['link.login'] };
  const pages: Record<Exclude<ResetLinkState, 'ok'>, [number, string, string]> = {
    expired: [410, m['title.linkExpired'], m['linkExpired.reset']],
    used: [410, m['title.linkUsed'], m['linkUsed.reset']],
    voided: [410, m['title.linkVoided'], m['linkVoided.body']],
    invalid: [400, m['title.linkInvalid'], m['linkInvalid.body']],
  };
  const [status, title, body] = pages[state];
  return sendPage(reply, MessagePage({ ctx, title, paragraphs: [body], links: [forgot, login] }), status);
}
