// HTTP side of sessions and authorization (SYS-4): load the session and its principal (once per request), enforce
// CSRF on every state-changing request, check each route's declared audience, sign in (rotating the session) and
// sign out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformServices } from '../services.ts';
import { recordAudit } from '../audit/audit.ts';
import { AppError } from '../http/errors.ts';
import { parkExpiredForm } from '../http/parked-form.ts';
import { AUDIENCES, audienceVerdict, signInDoor, type Audience } from '../http/route-options.ts';
import { isActive, type Principal, type SessionIdentity } from './principal.ts';
import { sessionCookieMaxAgeSeconds } from './sessions.ts';

export const SESSION_COOKIE = 'sid';
/** The session data key of the agency a staff member chose to act for (ADM-2; honoured only for a granted agency). */
export const ACTING_AGENCY_KEY = 'actingAgency';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGN_IN_PAGES = { applicant: '/platform/login', staff: '/ecpa/login' } as const;

function cookieOptions(services: PlatformServices) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.baseUrl.startsWith('https:'),
  };
}

/** The identity's principal now, or null when its account is gone or no longer active (voided, locked, 卸職). */
async function loadPrincipal(services: PlatformServices, identity: SessionIdentity, data: Record<string, unknown>): Promise<Principal | null> {
  const acting = data[ACTING_AGENCY_KEY];
  const facts = await services.principals.load(identity.kind, identity.id, typeof acting === 'string' ? { actingAgency: acting } : undefined);
  if (!facts || !isActive(facts)) return null;
  return { kind: identity.kind, id: identity.id, method: identity.method, roles: facts.roles, agencyCode: facts.agencyCode, status: facts.status };
}

/** A registered route and its declared audience (the route matrix test enumerates these). */
export interface DeclaredRoute {
  method: string;
  url: string;
  auth: Audience;
  csrf: boolean;
}
const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route registered on `app` after registerAuthHooks, with its audience (HEAD twins and /assets left out). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

export function registerAuthHooks(app: FastifyInstance, services: PlatformServices): void {
  const table: DeclaredRoute[] = [];
  declared.set(app, table);
  // Every route's audience must be one of the table's (route-options.ts); a typo is caught at start.
  app.addHook('onRoute', (route) => {
    const config = route.config as { auth?: string; csrf?: boolean } | undefined;
    const auth = config?.auth;
    if (auth !== undefined && !AUDIENCES.includes(auth as Audience)) throw new Error(`route ${String(route.method)} ${route.url}: unknown audience '${auth}'`);
    if (auth === undefined || route.url.startsWith('/assets')) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, auth: auth as Audience, csrf: config?.csrf !== false });
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const record = await services.sessions.load(token);
    if (!record) return;
    req.session = record;
    req.sessionToken = token;
    // SYS-5: activity renews the cookie with the expiry, so a long stretch of typing never outlives the cookie (not
    // on a static file's answer, which a cache may keep).
    if (record.touched && !req.url.startsWith('/assets/')) reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(services), maxAge: sessionCookieMaxAgeSeconds(services.config.sessionIdleMinutes) });
    if (!record.principal) return;
    const principal = await loadPrincipal(services, record.principal, record.data);
    if (principal) {
      req.principal = principal;
      return;
    }
    // SYS-4: a voided, locked or 卸職 account (or one that is gone) is signed out at once.
    const { kind, id } = record.principal;
    await recordAudit(services.db, { kind, id, ip: req.ip }, 'session.ended', { kind: kind === 'staff' ? 'staff_user' : 'applicant_account', id }, { reason: 'inactive' });
    await signOut(req, reply, services);
  });

  app.addHook('preHandler', async (req, reply) => {
    const cfg = req.routeOptions.config;
    if (UNSAFE.has(req.method) && cfg.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
    const auth = cfg.auth ?? 'public';
    const verdict = audienceVerdict(auth, req.principal);
    if (verdict === 'ok') return;
    const p = req.principal;
    if (p && signInDoor(auth) === 'staff') {
      await recordAudit(services.db, { kind: p.kind, id: p.id, ip: req.ip }, 'authz.refused', null, { method: req.method, route: req.routeOptions.url ?? '', audience: auth });
    }
    if (verdict === 'not-found') throw new AppError('not-found');
    // SYS-5, RES-11: a form sent after the session expired is parked for the same account until it signs in.
    const parked = await parkExpiredForm(req, reply, services, req.cookies[SESSION_COOKIE], { checkOrigin: false });
    return reply.redirect(signInUrl(auth, parked ?? withoutCsrfToken(req.url)), 303);
  });
}

/** `url` without a `_csrf` query parameter (a multipart form's action carries it): never a `next` to sign in. */
function withoutCsrfToken(url: string): string {
  const [path = '/', query] = url.split('?', 2);
  if (query === undefined || !/(^|&)_csrf=/.test(query)) return url;
  const rest = new URLSearchParams(query);
  rest.delete('_csrf');
  const q = rest.toString();
  return q ? `${path}?${q}` : path;
}

/** The sign-in page of `auth`'s door, coming back to `next`. */
export function signInUrl(auth: Audience, next: string): string {
  return `${SIGN_IN_PAGES[signInDoor(auth) ?? 'applicant']}?next=${encodeURIComponent(next)}`;
}

/** Starts a new session for `identity`, ending the current one (no fixation). */
export async function signIn(req: FastifyRequest, reply: FastifyReply, services: PlatformServices, identity: SessionIdentity): Promise<void> {
  const { token, record } = await services.sessions.rotate(req.sessionToken, {
    principal: { kind: identity.kind, id: identity.id, method: identity.method },
    ip: req.ip,
    ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
  });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(services), maxAge: sessionCookieMaxAgeSeconds(services.config.sessionIdleMinutes) });
  req.session = record;
  req.sessionToken = token;
  req.principal = await loadPrincipal(services, identity, record.data);
}

export async function signOut(req: FastifyRequest, reply: FastifyReply, services: PlatformServices): Promise<void> {
  if (req.sessionToken) await services.sessions.destroy(req.sessionToken);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  req.session = null;
  req.sessionToken = undefined;
  req.principal = null;
}

/** A visitor session (no principal) for state a form needs before sign-in, e.g. the captcha. */
export async function ensureSession(req: FastifyRequest, reply: FastifyReply, services: PlatformServices): Promise<NonNullable<FastifyRequest['session']>> {
  if (req.session) return req.session;
  const { token, record } = await services.sessions.create({ principal: null, ip: req.ip });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(services), maxAge: sessionCookieMaxAgeSeconds(services.config.sessionIdleMinutes) });
  req.session = record;
  req.sessionToken = token;
  return record;
}
