// 註冊 (ACC-1), 啟用 (ACC-2), 重寄確認信 (ACC-3): thin handlers — parse, check the captcha, call the use case, redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { captchaGate } from '../../platform/captcha/captcha.gate.ts';
import { prepareCaptcha } from '../../platform/captcha/index.ts';
import { flash } from '../../platform/http/context.ts';
import { parseForm, readFormRequest } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { takeStaleForm } from '../../platform/http/stale-form.ts';
import { emailOnlyForm, registerForm } from './account.forms.ts';
import { ctxOf, limitedRoute, queryOf } from './account.http.ts';
import { accountMessages } from './account.messages.ts';
import { accountPaths } from './account.paths.ts';
import { activateAccount, type ActivationResult } from './activate.ts';
import { register } from './register.ts';
import { resendActivation } from './resend-activation.ts';
import { EmailRequestPage } from './views/email-request-page.tsx';
import { MessagePage } from './views/parts.tsx';
import { RegisterPage } from './views/register-page.tsx';
import { routes } from '../../platform/http/route-options.ts';

const REGISTER_FIELDS = ['email', 'password', 'confirm', 'captcha', 'consent'];

export async function signupRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.accounts;

  app.get(accountPaths.register, routes.public, async (req, reply) => {
    await prepareCaptcha(req, reply, services);
    const kept = await takeStaleForm(req, services); // issue 16 item 3: what a stale form held (never the password)
    return sendPage(reply, RegisterPage({ ctx: ctxOf(req, reply, services), ...(kept ? { values: kept } : {}) }));
  });

  app.post(accountPaths.register, limitedRoute, async (req, reply) => {
    const m = accountMessages(req.locale);
    const form = await readFormRequest(registerForm(m), req.body, { fields: REGISTER_FIELDS, captcha: captchaGate(req, services) });
    if (!form.ok) {
      await prepareCaptcha(req, reply, services);
      return sendPage(reply, RegisterPage({ ctx: ctxOf(req, reply, services), values: form.values, errors: form.errors }), 400);
    }
    await register(deps, { email: form.data.email, password: form.data.password, consentVersion: form.data.consentVersion, ip: req.ip });
    flash(reply, { kind: 'info', text: fill(m['sent.accepted'], { email: form.data.email }) });
    return reply.redirect(accountPaths.registerSent, 303);
  });

  app.get(accountPaths.registerSent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply, services);
    const m = accountMessages(ctx.locale);
    return sendPage(
      reply,
      MessagePage({
        ctx,
        title: m['title.registerSent'],
        paragraphs: [fill(m['sent.register'], { hours: deps.activationHours }), m['sent.spam']],
        links: [
          { href: accountPaths.login, text: m['link.login'], primary: true },
          { href: accountPaths.resend, text: m['link.resend'] },
        ],
      }),
    );
  });

  app.get(accountPaths.activateBase, routes.public, async (req, reply) => {
    const result = await activateAccount(deps, { token: queryOf(req).token, ip: req.ip });
    return sendActivationResult(req, reply, services, result, deps.activationHours);
  });

  app.get(accountPaths.resend, routes.public, async (req, reply) => sendPage(reply, EmailRequestPage({ ctx: ctxOf(req, reply, services), kind: 'resend' })));

  app.post(accountPaths.resend, limitedRoute, async (req, reply) => {
    const m = accountMessages(req.locale);
    const form = parseForm(emailOnlyForm(m), req.body);
    if (!form.ok) return sendPage(reply, EmailRequestPage({ ctx: ctxOf(req, reply, services), kind: 'resend', values: form.values, errors: form.errors }), 400);
    await resendActivation(deps, { email: form.data.email, ip: req.ip });
    flash(reply, { kind: 'info', text: fill(m['sent.accepted'], { email: form.data.email }) });
    return reply.redirect(accountPaths.resendSent, 303);
  });

  app.get(accountPaths.resendSent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply, services);
    const m = accountMessages(ctx.locale);
    return sendPage(
      reply,
      MessagePage({ ctx, title: m['title.resendSent'], paragraphs: [fill(m['sent.resend'], { hours: deps.activationHours }), m['sent.spam']], links: [{ href: accountPaths.login, text: m['link.login'], primary: true }] }),
    );
  });
}

/** `activationHours`: the configured link lifetime, named on the 連結已過期 page (ACC-2). */
function sendActivationResult(req: FastifyRequest, reply: FastifyReply, services: Services, result: ActivationResult, activationHours: number) {
  const ctx = ctxOf(req, reply, services);
  const m = accountMessages(ctx.locale);
  const login = { href: accountPaths.login, text: m['link.login'], primary: true };
  const resend = { href: accountPaths.resend, text: m['link.resend'], primary: true };
  const page = (status: number, title: string, paragraphs: string[], links: { href: string; text: string; primary?: boolean }[]) =>
    sendPage(reply, MessagePage({ ctx, title, paragraphs, links }), status);
  switch (result.kind) {
    case 'activated':
      return page(200, m['title.activated'], [m['activated.body']], [login]);
    case 'email-changed':
      return page(200, m['title.emailChanged'], [fill(m['emailChanged.body'], { email: result.email })], [login]);
    case 'email-taken':
      return page(409, m['title.emailTaken'], [m['emailTaken.body']], [login]);
    case 'expired':
      return result.purpose === 'account.change_email'
        ? page(410, m['title.linkExpired'], [fill(m['linkExpired.emailChange'], { hours: activationHours })], [login])
        : page(410, m['title.linkExpired'], [fill(m['linkExpired.activation'], { hours: activationHours })], [resend, { href: accountPaths.login, text: m['link.login'] }]);
    case 'used':
      return page(410, m['title.linkUsed'], [m['linkUsed.activation']], [login]);
    case 'voided':
      return page(410, m['title.linkVoided'], [m['linkVoided.body']], [login, { href: accountPaths.resend, text: m['link.resend'] }]);
    case 'invalid':
      return page(400, m['title.linkInvalid'], [m['linkInvalid.body']], [resend, { href: accountPaths.login, text: m['link.login'] }]);
  }
}
