// Signed-in pages: 變更密碼 (ACC-6), 變更帳號 (ACC-7), the 履歷填寫 placeholder (ACC-4's landing) and the idle-session
// keep-alive (ACC-8). Every route is for applicants only; the account is always the signed-in one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { signIn, signOut } from '../../platform/auth/http.ts';
import { flash } from '../../platform/http/context.ts';
import { parseForm, valueOf } from '../../platform/http/forms.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { sendPage } from '../../platform/http/render.ts';
import { changeEmailForm, changePasswordForm } from './account.forms.ts';
import { ctxOf, inFormOrder, queryOf } from './account.http.ts';
import { accountMessages } from './account.messages.ts';
import { accountPaths } from './account.paths.ts';
import { findById, type AccountRow } from './account.repo.ts';
import { safeLanding } from './account.rules.ts';
import { requestEmailChange } from './change-email.ts';
import { changePassword } from './change-password.ts';
import { ChangeEmailPage } from './views/change-email-page.tsx';
import { ChangePasswordPage } from './views/change-password-page.tsx';
import { routes } from '../../platform/http/route-options.ts';

export async function settingsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.accounts;
  const idleMinutes = services.config.sessionIdleMinutes;

  /** The signed-in applicant's active account; otherwise the session ends and the answer is a redirect to 登入. */
  async function signedInAccount(req: FastifyRequest, reply: FastifyReply): Promise<AccountRow | null> {
    const account = req.principal ? await findById(services.db, req.principal.id) : null;
    if (account && account.status === 'active') return account;
    await signOut(req, reply, services);
    return null;
  }

  function toLogin(req: FastifyRequest, reply: FastifyReply, locked = false) {
    if (locked) flash(reply, { kind: 'warning', text: accountMessages(req.locale)['flash.locked'] });
    return reply.redirect(locked ? accountPaths.login : accountPaths.loginWithNext(req.url), 303);
  }

  // 「繼續使用」 (ACC-8): loading the session (the auth hook) already moved its expiry; this only answers.
  app.get(accountPaths.keepAlive, routes.applicant, async (req, reply) => {
    if ((req.headers.accept ?? '').includes('application/json')) {
      return reply.header('cache-control', 'no-store').send({ ok: true, idleSeconds: idleMinutes * 60 });
    }
    return reply.redirect(safeLanding(queryOf(req).next, accountPaths.resume), 303);
  });

  app.get(accountPaths.changePassword, routes.applicant, async (req, reply) => {
    const account = await signedInAccount(req, reply);
    if (!account) return toLogin(req, reply);
    return sendPage(reply, ChangePasswordPage({ ctx: ctxOf(req, reply, services), email: account.email, idleMinutes }));
  });

  app.post(accountPaths.changePassword, routes.applicant, async (req, reply) => {
    const account = await signedInAccount(req, reply);
    if (!account) return toLogin(req, reply);
    const m = accountMessages(req.locale);
    const form = parseForm(changePasswordForm(m), req.body);
    const again = (errors: Record<string, string>) =>
      sendPage(reply, ChangePasswordPage({ ctx: ctxOf(req, reply, services), email: account.email, idleMinutes, errors: inFormOrder(errors, ['current', 'password', 'confirm']) }), 400);
    if (!form.ok) return again(form.errors);
    const result = await changePassword(deps, { accountId: account.id, currentPassword: form.data.current, password: form.data.password, ip: req.ip });
    switch (result.kind) {
      case 'changed':
        await signIn(req, reply, services, { kind: 'applicant', id: account.id, method: req.principal?.method ?? '帳號' });
        flash(reply, { kind: 'success', text: m['flash.passwordChanged'] });
        return reply.redirect(accountPaths.changePassword, 303);
      case 'wrong-current':
        return again({ current: m['error.current.wrong'] });
      case 'reused':
        return again({ password: m['error.password.reused'] });
      case 'locked':
      case 'gone':
        await signOut(req, reply, services);
        return toLogin(req, reply, result.kind === 'locked');
    }
  });

  app.get(accountPaths.changeEmail, routes.applicant, async (req, reply) => {
    const account = await signedInAccount(req, reply);
    if (!account) return toLogin(req, reply);
    return sendPage(reply, ChangeEmailPage({ ctx: ctxOf(req, reply, services), email: account.email, idleMinutes }));
  });

  app.post(accountPaths.changeEmail, routes.applicant, async (req, reply) => {
    const account = await signedInAccount(req, reply);
    if (!account) return toLogin(req, reply);
    const m = accountMessages(req.locale);
    const form = parseForm(changeEmailForm(m), req.body);
    const values = { newEmail: valueOf(form.values, 'newEmail') };
    const again = (errors: Record<string, string>) =>
      sendPage(
        reply,
        ChangeEmailPage({ ctx: ctxOf(req, reply, services), email: account.email, idleMinutes, values, errors: inFormOrder(errors, ['current', 'newEmail', 'password', 'confirm']) }),
        400,
      );
    if (!form.ok) return again(form.errors);
    const input = { accountId: account.id, currentPassword: form.data.current, newEmail: form.data.newEmail, password: form.data.password, ip: req.ip };
    const result = await requestEmailChange(deps, input);
    switch (result.kind) {
      case 'requested':
        await signOut(req, reply, services);
        flash(reply, { kind: 'info', text: fill(m['flash.emailChangeRequested'], { email: result.newEmail }) });
        return reply.redirect(accountPaths.login, 303);
      case 'same-email':
        return again({ newEmail: m['error.newEmail.same'] });
      case 'wrong-current':
        return again({ current: m['error.current.wrong'] });
      case 'reused':
        return again({ password: m['error.password.reused'] });
      case 'locked':
      case 'gone':
        await signOut(req, reply, services);
        return toLogin(req, reply, result.kind === 'locked');
    }
  });
}
