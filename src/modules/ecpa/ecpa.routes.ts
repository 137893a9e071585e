// The eCPA door's routes: 帳號登入 (ECPA-1), 應用系統 (ECPA-4), 忘記密碼 / 重設密碼 (ECPA-1), and the 人事服務網身分驗證
// seam of RES-4. Thin handlers: parse, check the captcha (before any password is looked at), call the use case,
// respond (post/redirect/get).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { signOut } from '../../platform/auth/http.ts';
import { flash, pageContext, type PageContext } from '../../platform/http/context.ts';
import { readFormRequest, recordOf, valueOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { credentialRoutes, signInRoutes } from '../../platform/http/sign-in-routes.ts';
import { sendPage } from '../../platform/http/render.ts';
import { contentDisposition } from '../../platform/storage/sniff.ts';
import { fill } from '../../platform/i18n/i18n.ts';
import { findAgency, referenceAgency } from '../reference/index.ts';
import { credentialsForm, forgotForm, resetForm } from './ecpa.forms.ts';
import { rocDateTime } from './ecpa.mails.ts';
import { ecpaMessages, type EcpaMessages } from './ecpa.messages.ts';
import { ecpaPaths } from './ecpa.paths.ts';
import { appsMenu, ecpaLanding, ECPA_POSTS_PER_MINUTE, type LinkState } from './ecpa.rules.ts';
import { rememberHrdbVerification, verifyHrdbIdentity } from './hrdb-verification.ts';
import { checkStaffResetLink, requestStaffPasswordReset, resetStaffPassword } from './password-reset.ts';
import { downloadMyResume, MY_RESUME_FILE_NAME } from './mydata.ts';
import { signInWithAccount } from './sign-in.ts';
import { cardPageHeaders } from './cards/cards.routes.ts';
import { findStaffById } from './staff.repo.ts';
import { AppsPage } from './views/apps-page.tsx';
import { MydataPage } from './views/mydata-page.tsx';
import { actingChoices } from './acting-agency.ts';
import { actingMessages } from './acting.messages.ts';
import { ForgotPage } from './views/forgot-page.tsx';
import { LoginPage } from './views/login-page.tsx';
import { MessagePage } from './views/parts.tsx';
import { ResetPage } from './views/reset-page.tsx';
import { VerifyPage } from './views/verify-page.tsx';
import { limited, routes } from '../../platform/http/route-options.ts';

/** SYS-4: a POST that checks a password or sends mail: limited per IP address (on top of the captcha and the lockout). */
const limitedPublic = limited(routes.public, ECPA_POSTS_PER_MINUTE);
const limitedApplicant = limited(routes.applicant, ECPA_POSTS_PER_MINUTE);

const CREDENTIAL_FIELDS = ['account', 'password', 'captcha'];

/** Where an applicant goes back to when /ecpa/verify has no usable `next`. */
export const VERIFY_FALLBACK = '/platform';

/** The HR database is services.hrdb (the composition root's port), inside services.deps.ecpa. */
export async function ecpaRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.ecpa;
  const ctxOf = (req: FastifyRequest, reply: FastifyReply): PageContext => pageContext(req, reply, !services.config.isProduction);

  // ---- 帳號登入 (ECPA-1) ----

  signInRoutes(app, services, {
    path: ecpaPaths.login,
    kind: 'staff',
    home: ecpaPaths.apps,
    get: routes.public,
    post: limitedPublic,
    landing: (next) => ecpaLanding(next, ''),
    schema: (req) => credentialsForm(ecpaMessages(req.locale)),
    fields: CREDENTIAL_FIELDS,
    keep: keepAccount,
    check: async (req, data) => {
      const result = await signInWithAccount(deps, { account: data.account, password: data.password, ip: req.ip });
      return result.kind === 'ok' ? { id: result.staff.id } : { errors: refusalErrors(ecpaMessages(req.locale), result) };
    },
    page: (req, reply, state) => {
      // 憑證登入 opens the signing component's popup and must keep talking to it (pki-notes §5).
      cardPageHeaders(reply, services.config.cards.nhi.componentUrl);
      return LoginPage({ ctx: ctxOf(req, reply), ...state, card: { componentUrl: services.config.cards.componentUrl, nhiUrl: services.config.cards.nhi.componentUrl } });
    },
  });

  // ---- 應用系統 (ECPA-4) ----

  app.get(ecpaPaths.apps, routes.staff, async (req, reply) => {
    const staff = await findStaffById(services.db, req.principal!.id);
    if (!staff || staff.status !== 'active') {
      await signOut(req, reply, services);
      return reply.redirect(ecpaPaths.login, 303);
    }
    const agency = (await findAgency(services.db, staff.agencyCode))?.name ?? referenceAgency(staff.agencyCode)?.name ?? staff.agencyCode;
    const ctx = ctxOf(req, reply);
    const choices = staff.roles.includes('agency_hr') ? await actingChoices(services.db, staff.id) : null;
    const actingCode = req.principal!.agencyCode ?? staff.agencyCode;
    const actingName = choices ? ([choices.own, ...choices.granted].find((a) => a.code === actingCode)?.name ?? actingCode) : '';
    const acting = choices && choices.granted.length > 0 ? fill(actingMessages(req.locale)['acting.link'], { agency: `${actingCode} ${actingName}` }) : undefined;
    return sendPage(reply, AppsPage({ ctx, name: staff.name, account: staff.account, agencyName: agency, method: req.principal!.method, items: appsMenu(staff.roles), ...(acting ? { acting } : {}) }));
  });

  // ---- MyData 履歷表下載 (ECPA-6): civil servants only (anyone else: 404 from the route table) ----

  app.get(ecpaPaths.mydata, routes.civilServant, async (req, reply) => sendPage(reply, MydataPage({ ctx: ctxOf(req, reply) })));

  app.get(ecpaPaths.mydataResume, routes.civilServant, async (req, reply) => {
    const result = await downloadMyResume(deps, { staffId: req.principal!.id, ip: req.ip });
    if (result.kind !== 'ok') {
      const ctx = ctxOf(req, reply);
      const m = ecpaMessages(ctx.locale);
      const [title, body] = result.kind === 'left-service' ? [m['title.mydataLeft'], m['mydataLeft.body']] : [m['title.mydataNotFound'], m['mydataNotFound.body']];
      return sendPage(reply.header('cache-control', 'no-store'), MessagePage({ ctx, title, paragraphs: [body], links: [{ href: ecpaPaths.apps, text: m['mydata.back'], primary: true }] }), 409);
    }
    return reply.header('cache-control', 'no-store').header('content-disposition', contentDisposition(MY_RESUME_FILE_NAME)).type('application/pdf').send(result.pdf);
  });

  // ---- 忘記密碼 / 重設密碼 (ECPA-1) ----

  app.get(ecpaPaths.forgot, routes.public, async (req, reply) => sendPage(reply, ForgotPage({ ctx: ctxOf(req, reply) })));

  app.post(ecpaPaths.forgot, limitedPublic, async (req, reply) => {
    const m = ecpaMessages(req.locale);
    const form = await readFormRequest(forgotForm(m), req.body, { fields: ['account'] });
    if (!form.ok) return sendPage(reply, ForgotPage({ ctx: ctxOf(req, reply), account: valueOf(form.values, 'account').slice(0, 100), errors: form.errors }), 400);
    await requestStaffPasswordReset(deps, { account: form.data.account, ip: req.ip });
    services.kickMail();
    return reply.redirect(ecpaPaths.forgotSent, 303);
  });

  app.get(ecpaPaths.forgotSent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const m = ecpaMessages(ctx.locale);
    return sendPage(
      reply,
      MessagePage({ ctx, title: m['title.forgotSent'], paragraphs: [m['forgotSent.body'], m['forgotSent.spam']], links: [{ href: ecpaPaths.login, text: m['link.login'], primary: true }] }),
    );
  });

  app.get(ecpaPaths.reset, routes.public, async (req, reply) => {
    const token = recordOf(req.query).token;
    const state = await checkStaffResetLink(deps, token);
    if (state !== 'ok') return linkProblem(req, reply, state);
    return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply), token: String(token) }));
  });

  app.post(ecpaPaths.reset, limitedPublic, async (req, reply) => {
    const m = ecpaMessages(req.locale);
    const form = await readFormRequest(resetForm(m), req.body, { fields: ['password', 'confirm'] });
    const token = valueOf(form.values, 'token');
    if (!form.ok) {
      const state = await checkStaffResetLink(deps, token);
      if (state !== 'ok') return linkProblem(req, reply, state);
      return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply), token, errors: form.errors }), 400);
    }
    const result = await resetStaffPassword(deps, { token, password: form.data.password, ip: req.ip });
    if (result.kind === 'same-password') return sendPage(reply, ResetPage({ ctx: ctxOf(req, reply), token, errors: { password: m['error.samePassword'] } }), 400);
    if (result.kind !== 'reset') return linkProblem(req, reply, result.kind);
    services.kickMail();
    // The reset ended every session of the account, possibly this browser's: start from a clean visitor.
    if (req.principal?.kind === 'staff') await signOut(req, reply, services);
    flash(reply, { kind: 'success', text: m['reset.done'] });
    return reply.redirect(ecpaPaths.login, 303);
  });

  function linkProblem(req: FastifyRequest, reply: FastifyReply, state: Exclude<LinkState, 'ok'>) {
    const ctx = ctxOf(req, reply);
    const m = ecpaMessages(ctx.locale);
    const pages: Record<Exclude<LinkState, 'ok'>, [number, string, string]> = {
      expired: [410, m['title.linkExpired'], m['linkExpired.body']],
      used: [410, m['title.linkUsed'], m['linkUsed.body']],
      voided: [410, m['title.linkVoided'], m['linkVoided.body']],
      invalid: [400, m['title.linkInvalid'], m['linkInvalid.body']],
    };
    const [status, title, body] = pages[state];
    const links = [
      { href: ecpaPaths.forgot, text: m['link.forgot'], primary: true },
      { href: ecpaPaths.login, text: m['link.login'] },
    ];
    return sendPage(reply, MessagePage({ ctx, title, paragraphs: [body], links }), status);
  }

  // ---- 人事服務網身分驗證 (RES-4 seam) ----

  credentialRoutes(app, services, {
    path: ecpaPaths.verify,
    get: routes.applicant,
    post: limitedApplicant,
    landing: (next) => ecpaLanding(next, VERIFY_FALLBACK),
    schema: (req) => credentialsForm(ecpaMessages(req.locale)),
    fields: CREDENTIAL_FIELDS,
    keep: keepAccount,
    attempt: async (req, reply, data, next) => {
      const m = ecpaMessages(req.locale);
      const result = await verifyHrdbIdentity(deps, { account: data.account, password: data.password, applicantId: req.principal!.id, ip: req.ip });
      if (result.kind === 'not-in-hrdb') return { errors: { account: m['error.notInHrdb'] } };
      if (result.kind !== 'ok') return { errors: refusalErrors(m, result) };
      await rememberHrdbVerification(req, services, result.verification);
      flash(reply, { kind: 'success', text: m['flash.verified'] });
      return { to: next };
    },
    page: (req, reply, { next, values, errors }) => VerifyPage({ ctx: ctxOf(req, reply), next, account: valueOf(values, 'account'), errors }),
  });
}

/** The account as typed, shown again (never the password). */
function keepAccount(values: FormValues): FormValues {
  return { account: valueOf(values, 'account').slice(0, 100) };
}

function refusalErrors(m: EcpaMessages, result: { kind: 'invalid' } | { kind: 'locked'; until: Date } | { kind: 'left-service' } | { kind: 'disabled' }): FieldErrors {
  switch (result.kind) {
    case 'invalid':
      return { password: m['error.invalid'] };
    case 'locked':
      return { account: fill(m['error.locked'], { until: rocDateTime(result.until) }) };
    case 'left-service':
      return { account: m['error.leftService'] };
    case 'disabled':
      return { account: m['error.disabled'] };
  }
}
