// 憑證登入 routes (ECPA-2, ECPA-3). Thin handlers: parse the posted component answer, call the use case, then sign in
// (a new session: no fixation), go to the binding step, or show the login page again with the card's message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Services } from '../../../container.ts';
import { ensureSession, signIn } from '../../../platform/auth/http.ts';
import { prepareCaptcha } from '../../../platform/captcha/captcha.routes.ts';
import { pageContext } from '../../../platform/http/context.ts';
import { recordOf } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { limited, routes } from '../../../platform/http/route-options.ts';
import { findAgency, referenceAgency } from '../../reference/index.ts';
import { ecpaPaths } from '../ecpa.paths.ts';
import { ECPA_POSTS_PER_MINUTE, ecpaLanding } from '../ecpa.rules.ts';
import { BindPage } from '../views/card-login.tsx';
import { LoginPage } from '../views/login-page.tsx';
import { storeChallenge } from './card-challenge.ts';
import { cardProblemView, type CardProblemView } from './card-problems.ts';
import { BIND_ATTEMPTS, bindCard, PENDING_KEY, readPending, signInWithCard, signInWithNhi, type CardOutcome, type PendingCard } from './card-sign-in.ts';
import { cardMessages } from './cards.messages.ts';
import { MAX_SIGNATURE_CHARS } from './card-verify.ts';
import { parseCode } from './hipki.rules.ts';

/** The sign-in page may open the component's popup and keep talking to it (pki-notes §5: COOP same-origin breaks it). */
export const CARD_PAGE_COOP = 'same-origin-allow-popups';

/**
 * The login page's own headers: COOP that keeps the popup's opener, and a CSP that also lets the page's script open
 * the NHI component's WebSocket (connect-src; everything else as the site-wide policy).
 */
export function cardPageHeaders(reply: FastifyReply, nhiUrl: string): void {
  void reply.header('cross-origin-opener-policy', CARD_PAGE_COOP);
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string' && !csp.includes('connect-src')) {
    const origin = new URL(nhiUrl);
    void reply.header('content-security-policy', `${csp};connect-src 'self' ${origin.protocol}//${origin.host}`);
  }
}

const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

export async function cardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const deps = services.deps.ecpa;
  const cfg = services.config.cards;
  const limitedPublic = limited(routes.public, ECPA_POSTS_PER_MINUTE);

  // CRLs at start and on the schedule, never per request.
  await deps.cardTrust.refresh();
  deps.cardTrust.start();
  app.addHook('onClose', async () => deps.cardTrust.stop());

  async function showLogin(req: FastifyRequest, reply: FastifyReply, problem: CardProblemView, status: number, next = '') {
    await prepareCaptcha(req, reply, services);
    cardPageHeaders(reply, cfg.nhi.componentUrl);
    const ctx = pageContext(req, reply, !services.config.isProduction);
    return sendPage(reply, LoginPage({ ctx, next, card: { componentUrl: cfg.componentUrl, nhiUrl: cfg.nhi.componentUrl, problem } }), status);
  }

  async function agencyName(code: string | undefined): Promise<string> {
    if (!code) return '';
    const name = (await findAgency(services.db, code))?.name ?? referenceAgency(code)?.name;
    return name ? `${code} ${name}` : code;
  }

  async function finish(req: FastifyRequest, reply: FastifyReply, outcome: CardOutcome, pending?: PendingCard) {
    const m = cardMessages(req.locale);
    const next = ecpaLanding(recordOf(req.body).next, '');
    if (outcome.kind === 'signed-in') {
      await signIn(req, reply, services, { kind: 'staff', id: outcome.staffId, method: outcome.method });
      return reply.redirect(next || ecpaLanding(pending?.next, '') || ecpaPaths.apps, 303);
    }
    if (outcome.kind === 'bind') {
      const session = await ensureSession(req, reply, services);
      const kept = { ...outcome.pending, ...(next ? { next } : {}) };
      await services.db.execute(sql`UPDATE sessions SET data = jsonb_set(data, ${`{${PENDING_KEY}}`}::text[], ${JSON.stringify(kept)}::jsonb) WHERE id = ${session.id}`);
      return reply.redirect(ecpaPaths.cardBind, 303);
    }
    const view = cardProblemView(m, outcome.reason, { detail: outcome.detail, caKind: outcome.caKind, unlock: cfg.unlockUrls, componentUrl: cfg.componentUrl, agency: await agencyName(pending?.agencyCode) });
    if (pending && view.onAccount) {
      const ctx = pageContext(req, reply, !services.config.isProduction);
      return sendPage(reply, BindPage({ ctx, kind: pending.kind, subject: pending.subject, agency: await agencyName(pending.agencyCode), account: str(recordOf(req.body).account, 100), error: view.text }), 400);
    }
    return showLogin(req, reply, view, 400, next);
  }

  // The challenge the card signs: asked for by card-login.js right before it opens the popup.
  app.post(ecpaPaths.cardChallenge, limitedPublic, async (req, reply) => {
    const session = await ensureSession(req, reply, services);
    const stored = await storeChallenge(services.db, session.id, services.clock.now());
    return reply.header('cache-control', 'no-store').send({ challenge: stored.value });
  });

  app.post(ecpaPaths.cardLogin, limitedPublic, async (req, reply) => {
    const body = recordOf(req.body);
    const signature = typeof body.signature === 'string' ? body.signature : '';
    const retCode = parseCode(str(body.ret_code, 20));
    const outcome = await signInWithCard(deps, {
      sessionId: req.session?.id,
      problem: str(body.problem, 40),
      retCode,
      lastError: parseCode(str(body.last_error, 20)),
      // An over-long body is refused as such ('too-large'), never parsed.
      signature: signature.length > MAX_SIGNATURE_CHARS ? signature.slice(0, MAX_SIGNATURE_CHARS + 1) : signature,
      ip: req.ip,
    });
    // No answer at all from the component (e.g. the form sent without the script): as if the component were missing.
    if (outcome.kind === 'refused' && outcome.reason === 'not-cms' && signature === '' && retCode === null) {
      return finish(req, reply, { kind: 'refused', reason: 'component-missing' });
    }
    return finish(req, reply, outcome);
  });

  // 健保卡: the NHI component's answers, checked by the NhiVerifier port.
  app.post(ecpaPaths.nhiLogin, limitedPublic, async (req, reply) => {
    const body = recordOf(req.body);
    const outcome = await signInWithNhi(deps, {
      sessionId: req.session?.id,
      problem: str(body.problem, 40),
      error: str(body.error, 10).trim(),
      answer: { basic: str(body.basic, 200), random: str(body.random, 40), sign: str(body.sign, 600), pwd: str(body.pwd, 600) },
      ip: req.ip,
    });
    return finish(req, reply, outcome);
  });

  app.get(ecpaPaths.cardBind, routes.public, async (req, reply) => {
    const pending = readPending(req.session?.data[PENDING_KEY], services.clock.now());
    if (!pending) return showLogin(req, reply, cardProblemView(cardMessages(req.locale), 'pending-expired', { unlock: cfg.unlockUrls, componentUrl: cfg.componentUrl }), 200);
    const ctx = pageContext(req, reply, !services.config.isProduction);
    return sendPage(reply, BindPage({ ctx, kind: pending.kind, subject: pending.subject, agency: await agencyName(pending.agencyCode) }));
  });

  app.post(ecpaPaths.cardBind, limitedPublic, async (req, reply) => {
    const m = cardMessages(req.locale);
    const pending = readPending(req.session?.data[PENDING_KEY], services.clock.now());
    if (!pending) return showLogin(req, reply, cardProblemView(m, 'pending-expired', { unlock: cfg.unlockUrls, componentUrl: cfg.componentUrl }), 400);
    const account = str(recordOf(req.body).account, 100).trim();
    if (!account) {
      const ctx = pageContext(req, reply, !services.config.isProduction);
      return sendPage(reply, BindPage({ ctx, kind: pending.kind, subject: pending.subject, agency: await agencyName(pending.agencyCode), error: m['bind.required'] }), 400);
    }
    const outcome = await bindCard(deps, { pending, account, ip: req.ip });
    if (outcome.kind === 'refused' && req.session) {
      // SYS-4: a verified card may try BIND_ATTEMPTS accounts, then it must sign in again (a new card check).
      const attempts = (pending.attempts ?? 0) + 1;
      const key = `{${PENDING_KEY}}`;
      if (attempts >= BIND_ATTEMPTS) {
        await services.db.execute(sql`UPDATE sessions SET data = data - ${PENDING_KEY}::text WHERE id = ${req.session.id}`);
        return showLogin(req, reply, cardProblemView(m, 'pending-expired', { unlock: cfg.unlockUrls, componentUrl: cfg.componentUrl }), 400);
      }
      await services.db.execute(sql`UPDATE sessions SET data = jsonb_set(data, ${key}::text[], ${JSON.stringify({ ...pending, attempts })}::jsonb) WHERE id = ${req.session.id}`);
    }
    return finish(req, reply, outcome, pending);
  });
}
