// HTTP side of sessions and authorization: load the session, enforce CSRF on every state-changing
// request, check each route's declared audience, sign in (rotating the session) and sign out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import type { Principal } from './sessions.ts';

export const SESSION_COOKIE = 'sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieOptions(services: Services) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: services.config.baseUrl.startsWith('https:'),
  };
}

export function registerAuthHooks(app: FastifyInstance, services: Services): void {
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const record = await services.sessions.load(token);
    if (!record) return;
    req.session = record;
    req.sessionToken = token;
    req.principal = record.principal;
  });

  app.addHook('preHandler', async (req, reply) => {
    const cfg = req.routeOptions.config;
    if (UNSAFE.has(req.method) && cfg.csrf !== false) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
    const auth = cfg.auth ?? 'public';
    if (auth === 'public') return;
    const p = req.principal;
    const ok = auth === 'applicant' ? p?.kind === 'applicant' : p?.kind === 'staff';
    if (!ok) {
      const login = auth === 'applicant' ? '/platform/login' : '/ecpa/login';
      return reply.redirect(`${login}?next=${encodeURIComponent(req.url)}`, 303);
    }
  });
}

/** Starts a new session for `principal`, ending the current one (no fixation). */
export async function signIn(req: FastifyRequest, reply: FastifyReply, services: Services, principal: Principal): Promise<void> {
  const { token, record } = await services.sessions.rotate(req.sessionToken, {
    principal,
    ip: req.ip,
    ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
  });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(services), maxAge: services.config.sessionIdleMinutes * 60 * 4 });
  req.session = record;
  req.sessionToken = token;
  req.principal = principal;
}

export async function signOut(req: FastifyRequest, reply: FastifyReply, services: Services): Promise<void> {
  if (req.sessionToken) await services.sessions.destroy(req.sessionToken);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  req.session = null;
  req.sessionToken = undefined;
  req.principal = null;
}

/** A visitor session (no principal) for state a form needs before sign-in, e.g. the captcha. */
export async function ensureSession(req: FastifyRequest, reply: FastifyReply, services: Services): Promise<NonNullable<FastifyRequest['session']>> {
  if (req.session) return req.session;
  const { token, record } = await services.sessions.create({ principal: null, ip: req.ip });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(services), maxAge: services.config.sessionIdleMinutes * 60 * 4 });
  req.session = record;
  req.sessionToken = token;
  return record;
}
