// PUB-5 電子報訂閱 / 電子報取消: thin HTTP. Parse, call the use case, post/redirect/get.
//
//   GET  /newsletter                 the form (signed-in applicant: email, and a live subscription's conditions, pre-filled)
//   POST /newsletter                 → confirmation mail → 303 /newsletter/sent (same answer for every address)
//   GET  /newsletter/confirm?token=  what will be confirmed, with the 確認訂閱 button (opening it changes nothing)
//   POST /newsletter/confirm         confirms → 303 /newsletter/manage?token=… with the end date
//   GET  /newsletter/manage?token=   state, conditions pre-filled for a change, 取消訂閱 (link in every mail)
//   GET  /newsletter/unsubscribe?token=  asks; POST unsubscribes (also the RFC 8058 one-click target)
//   GET  /newsletter/cancel          電子報取消 by email → 303 /newsletter/cancel/sent (same answer for every address)
//
// CSRF: POST /newsletter/unsubscribe is the only route with `csrf: false`. A mail provider performing the
// RFC 8058 one-click unsubscribe POSTs `List-Unsubscribe=One-Click` from its own servers, with no cookie and no
// CSRF token, so the global check would refuse it. Nothing is lost: the 43-character token in the URL is what
// authorises the request, and a cross-site attacker who does not know it cannot forge it; who knows it may
// unsubscribe that one address anyway (the link is in every mail).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { flash, pageContext, type PageContext } from '../../platform/http/context.ts';
import { formValues, type FieldErrors } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/http/render.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { requestCancelLink } from './cancel-request.ts';
import { confirmSubscription, previewConfirmation, type LinkProblem } from './confirm.ts';
import { monthsOf } from './newsletter.deps.ts';
import { errorText, fill, newsletterMessages } from './newsletter.messages.ts';
import { newsletterPaths } from './newsletter.paths.ts';
import { ANSWER_FLOOR_MS, withAnswerFloor } from '../../platform/auth/answer-floor.ts';
import { NEWSLETTER_POSTS_PER_MINUTE, conditionValues, lastDayOf, parseEmailForm, parseSubscribeForm, type NewsletterErrorCode } from './newsletter.rules.ts';
import { signedInView, subscriptionByLink } from './owner.ts';
import { requestSubscription } from './subscribe.ts';
import { unsubscribeByLink } from './unsubscribe.ts';
import { CancelPage } from './views/cancel-page.tsx';
import { ConfirmPage } from './views/confirm-page.tsx';
import { MessagePage } from './views/parts.tsx';
import { ManagePage, SubscribePage } from './views/subscribe-page.tsx';
import { UnsubscribePage } from './views/unsubscribe-page.tsx';
import { limited, noCsrf, routes } from '../../platform/http/route-options.ts';

/** SYS-4: POSTs that send mail are limited per IP address, on top of the per-address limit of the use cases. */
const mailingRoute = limited(routes.public, NEWSLETTER_POSTS_PER_MINUTE);
/**
 * The one-click unsubscribe target: no CSRF check (see the header of this file), and only the site-wide rate
 * limit: one-click POSTs of many subscribers arrive from a few mail-provider addresses, and a 256-bit token
 * cannot be guessed however fast one tries.
 */
const oneClickRoute = noCsrf(routes.public);


/** Runs `work` and answers no sooner than `ms` after it started, whichever branch it took (no timing oracle). */
function fieldErrors(ctx: PageContext, errors: Partial<Record<string, NewsletterErrorCode>>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, code] of Object.entries(errors)) if (code) out[field] = errorText(ctx.locale, code);
  return out;
}

function param(source: unknown, name: string): unknown {
  return source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
}

const PROBLEM_STATUS: Record<LinkProblem, number> = { invalid: 404, used: 410, voided: 410, expired: 410 };

export async function newsletterRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const ctxOf = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, !services.config.isProduction);

  function linkProblem(req: FastifyRequest, reply: FastifyReply, problem: LinkProblem) {
    const ctx = ctxOf(req, reply);
    const m = newsletterMessages(ctx.locale);
    const page = MessagePage({ ctx, title: m[`link.${problem}.title`], paragraphs: [m[`link.${problem}.body`]] });
    return sendPage(reply, page, PROBLEM_STATUS[problem]);
  }

  // ── 電子報訂閱 ──────────────────────────────────────────────────────────────
  app.get(newsletterPaths.subscribe, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const signed = await signedInView(services, req.principal);
    const values = signed?.live ? conditionValues(signed.live.conditions, signed.email) : { email: signed?.email ?? '' };
    return sendPage(reply, SubscribePage({ ctx, values, errors: {}, months: monthsOf(services), owner: signed?.live ?? null, signedIn: signed !== null }));
  });

  app.post(newsletterPaths.subscribe, mailingRoute, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const values = formValues(req.body);
    const parsed = parseSubscribeForm(values);
    if (!parsed.ok) {
      const page = SubscribePage({ ctx, values, errors: fieldErrors(ctx, parsed.errors), months: monthsOf(services), signedIn: req.principal?.kind === 'applicant' });
      return sendPage(reply, page, 400);
    }
    const result = await withAnswerFloor(ANSWER_FLOOR_MS, () => requestSubscription(services, { email: parsed.email, conditions: parsed.conditions, ip: req.ip }));
    if (result.kind === 'mailed') services.kickMail();
    return reply.redirect(newsletterPaths.sent, 303);
  });

  app.get(newsletterPaths.sent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const m = newsletterMessages(ctx.locale);
    return sendPage(reply, MessagePage({ ctx, title: m['title.sent'], paragraphs: [m['sent.body'], m['sent.note']], show: ['jobs'] }));
  });

  // ── confirmation link ─────────────────────────────────────────────────────
  app.get(newsletterPaths.confirmBase, routes.public, async (req, reply) => {
    const token = param(req.query, 'token');
    const preview = await previewConfirmation(services, token);
    if (preview.kind !== 'ok') return linkProblem(req, reply, preview.kind);
    const ctx = ctxOf(req, reply);
    return sendPage(reply, ConfirmPage({ ctx, token: token as string, email: preview.email, conditions: preview.conditions, change: preview.change, expiresAt: preview.expiresAt }));
  });

  app.post(newsletterPaths.confirmBase, routes.public, async (req, reply) => {
    const result = await confirmSubscription(services, { token: param(req.body, 'token'), ip: req.ip });
    if (result.kind !== 'confirmed') return linkProblem(req, reply, result.kind);
    const m = newsletterMessages(req.locale);
    flash(reply, { kind: 'success', text: fill(m['confirmed.flash'], { date: formatRoc(lastDayOf(result.expiresAt)) }) });
    return reply.redirect(newsletterPaths.manage(result.linkToken), 303);
  });

  // ── 管理 and 取消訂閱 by the link of a mail ────────────────────────────────
  app.get(newsletterPaths.manageBase, routes.public, async (req, reply) => {
    const sub = await subscriptionByLink(services, param(req.query, 'token'));
    if (!sub) return linkProblem(req, reply, 'invalid');
    return sendPage(reply, ManagePage({ ctx: ctxOf(req, reply), sub, months: monthsOf(services) }));
  });

  app.get(newsletterPaths.unsubscribeBase, routes.public, async (req, reply) => {
    const sub = await subscriptionByLink(services, param(req.query, 'token'));
    if (!sub) return linkProblem(req, reply, 'invalid');
    return sendPage(reply, UnsubscribePage({ ctx: ctxOf(req, reply), token: sub.linkToken, email: sub.email, already: sub.standing === 'cancelled' }));
  });

  app.post(newsletterPaths.unsubscribeBase, oneClickRoute, async (req, reply) => {
    const oneClick = param(req.body, 'List-Unsubscribe') === 'One-Click';
    const token = param(req.query, 'token') ?? param(req.body, 'token');
    const result = await unsubscribeByLink(services, { token, oneClick, ip: req.ip });
    if (result.kind === 'invalid') return linkProblem(req, reply, 'invalid');
    if (!oneClick) return reply.redirect(newsletterPaths.unsubscribed, 303);
    // A mail provider's one-click POST: answer 200 directly, there is no browser to redirect.
    const ctx = ctxOf(req, reply);
    const m = newsletterMessages(ctx.locale);
    return sendPage(reply, MessagePage({ ctx, title: m['title.unsubscribed'], paragraphs: [m['unsubscribed.body']], show: ['subscribe', 'jobs'] }));
  });

  app.get(newsletterPaths.unsubscribed, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const m = newsletterMessages(ctx.locale);
    return sendPage(reply, MessagePage({ ctx, title: m['title.unsubscribed'], paragraphs: [m['unsubscribed.body']], show: ['subscribe', 'jobs'] }));
  });

  // ── 電子報取消 by email ─────────────────────────────────────────────────────
  app.get(newsletterPaths.cancel, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const signed = await signedInView(services, req.principal);
    return sendPage(reply, CancelPage({ ctx, values: { email: signed?.email ?? '' }, errors: {}, signedIn: signed !== null }));
  });

  app.post(newsletterPaths.cancel, mailingRoute, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const values = formValues(req.body);
    const parsed = parseEmailForm(values);
    if (!parsed.ok) return sendPage(reply, CancelPage({ ctx, values, errors: fieldErrors(ctx, parsed.errors), signedIn: req.principal?.kind === 'applicant' }), 400);
    const result = await withAnswerFloor(ANSWER_FLOOR_MS, () => requestCancelLink(services, { email: parsed.email, ip: req.ip }));
    if (result.kind === 'mailed') services.kickMail();
    return reply.redirect(newsletterPaths.cancelSent, 303);
  });

  app.get(newsletterPaths.cancelSent, routes.public, async (req, reply) => {
    const ctx = ctxOf(req, reply);
    const m = newsletterMessages(ctx.locale);
    return sendPage(reply, MessagePage({ ctx, title: m['title.cancelSent'], paragraphs: [m['cancelSent.body']], show: ['subscribe', 'jobs'] }));
  });
}
