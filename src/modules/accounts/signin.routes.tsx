// 登入 (ACC-4), 忘記密碼 and 重設密碼 (ACC-5): thin handlers — parse, check the captcha, call the use case, respond.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { signIn } from '../../platform/auth/http.ts';
import { captchaGate } from '../../platform/captcha/captcha.gate.ts';
import { prepareCaptcha } from '../../platform/captcha/index.ts';
import { flash } from '../../platform/http/context.ts';
import { readFormRequest, valueOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { emailOnlyForm, loginForm, resetForm } from './account.forms.ts';
import { ctxOf, limitedRoute, queryOf } from './account.http.ts';
import { accountMessages } from './account.messages.ts';
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

  async function loginPage(req: FastifyRequest, reply: FastifyReply, next: string, status = 200, values?: FormValues, errors?: FieldErrors, refusal?: LoginRefusal) {
    await prepareCaptcha(req, reply, services);
    const ctx = ctxOf(req, reply, services);
    return sendPage(reply, LoginPage({ ctx, next, ...(values ? { values } : {}), ...(errors ? { errors } : {}), ...(refusal ? { refusal } : {}) }), status);
  }

  app.get(accountPaths.login, routes.public, async (req, reply) => {
    const next = safeLanding(queryOf(req).next, '');
    if (req.principal?.kind === 'applicant') return reply.redirect(next || accountPaths.resume, 303);
    return loginPage(req, reply, next);
  });

  app.post(accountPaths.login, limitedRoute, async (req, reply) => {
    const m = accountMessages(req.locale);
    const form = await readFormRequest(loginForm(m), req.body, { fields: LOGIN_FIELDS, captcha: captchaGate(req, services) });
    const next = safeLanding(valueOf(form.values, 'next'), '');
    const values = { email: valueOf(form.values, 'email') }; // never the password
    if (!form.ok) return loginPage(req, reply, next, 400, values, form.errors);
    const result = await logIn(deps, { email: form.data.email, password: form.data.password, ip: req.ip });
    if (result.kind === 'ok') {
      await signIn(req, reply, services, { kind: 'applicant', id: result.accountId, method: '帳號' });
      return reply.redirect(next || accountPaths.resume, 303);
    }
    const refusalErrors: Record<LoginRefusal, FieldErrors> = {
      invalid: { password: m['error.login.invalid'] },
      locked: { email: m['error.login.locked'] },
      inactive: { email: m['error.login.inactive'] },
    };
    return loginPage(req, reply, next, 400, values, refusalErrors[result.kind], result.kind === 'invalid' ? undefined : result.kind);
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

  app.get(accountPaths.resetBase, routes.public, async (req, reply) => {
    const token = queryOf(req).token;
    const state = await checkResetLink(deps, token);
    if (state !== 'ok') return sendResetLinkProblem(req, reply, services, state);
    return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply, services), token: String(token) }));
  });

  app.post(accountPaths.resetBase, limitedRoute, async (req, reply) => {
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
