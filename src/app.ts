// buildApp(services): plugins, hooks, routes, error pages. No business rules here.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { fileURLToPath } from 'node:url';
import qs from 'node:querystring';
import type { Services } from './container.ts';
import { registerErrorHandling } from './platform/http/error-handling.ts';
import { REDACT_PATHS, requestSerializer } from './platform/http/log-redaction.ts';
import { setupRequestLocale } from './platform/http/context.ts';
import { registerFlashReading, registerFlashSaving } from './platform/http/flash.ts';
import { registerAuthHooks } from './platform/auth/http.ts';
import { registerVisitCounting } from './modules/counters/visit-counting.ts';
import { platformRoutes } from './platform/http/platform.routes.tsx';
import { moduleRoutes } from './routes.ts';
import { devMailboxRoutes } from './platform/mail/dev-mailbox.routes.tsx';

export interface BuildOptions {
  /** Where the log goes (tests read it back); stdout by default. */
  logStream?: { write(line: string): void };
}

export async function buildApp(services: Services, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  // Logged URLs lose their tokens; headers, cookies and CSRF tokens are never logged (issue 9 item 4).
  const logger: FastifyServerOptions['logger'] =
    config.logLevel === 'silent'
      ? false
      : {
          level: config.logLevel,
          serializers: { req: requestSerializer as never },
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          ...(opts.logStream ? { stream: opts.logStream as never } : {}),
        };
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimitBytes,
    // X-Forwarded-For counts only from the proxies named in TRUST_PROXY (none by default, in every mode).
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 200,
      // Repeated keys become arrays (?place=10&place=20), the same as urlencoded bodies.
      querystringParser: (s: string) => qs.parse(withoutNul(s)),
    },
  });

  // Every route says who may call it; a route without `config.auth` is a bug caught at start.
  app.addHook('onRoute', (route) => {
    const auth = (route.config as { auth?: string } | undefined)?.auth;
    if (!auth && !route.url.startsWith('/assets')) throw new Error(`route ${route.method} ${route.url} does not declare config.auth`);
  });

  // Before @fastify/cookie: its onSend hook must see the session cookie a flash may create.
  registerFlashSaving(app, services);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: config.bodyLimitBytes, parser: (s) => qs.parse(withoutNul(s)) });
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimitBytes, files: 2, fields: 200, fieldSize: 100_000 } });
  await app.register(fastifyCsrf, {
    cookieKey: '_csrf',
    // Body field `_csrf` (urlencoded forms), the `?_csrf=` of a multipart form's action (its body is read by the
    // handler, after the check), or the `csrf-token` header (scripts).
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const query = req.query as Record<string, unknown> | undefined;
      const v = body?._csrf ?? query?._csrf ?? req.headers['csrf-token'];
      return typeof v === 'string' ? v : undefined;
    },
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: config.baseUrl.startsWith('https:') },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.baseUrl.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.baseUrl.startsWith('https:'),
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url.startsWith('/assets/'),
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('../public/', import.meta.url)),
    prefix: '/assets/',
    maxAge: config.isProduction ? '1d' : 0,
    decorateReply: false,
  });

  app.decorateRequest('locale', 'zh-TW');
  app.decorateRequest('t', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('principal', null);
  app.decorateRequest('flashIn', null as never);
  app.decorateRequest('idleMinutes', config.sessionIdleMinutes);
  app.decorateRequest('demoEnvironment', !config.isProduction);
  app.addHook('onRequest', async (req) => {
    setupRequestLocale(req);
  });
  registerAuthHooks(app, services);
  registerFlashReading(app);
  registerVisitCounting(app, services);
  registerErrorHandling(app, services);

  await app.register(async (scope) => {
    await platformRoutes(scope, services);
    await devMailboxRoutes(scope, services);
    await moduleRoutes(scope, services);
  });
  return app;
}

/** TRUST_PROXY as Fastify's trustProxy: a hop count trusts the n nearest hops (as Fastify does for numbers). */
function trustProxyOption(tp: Services['config']['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  if (tp === false) return false;
  if (typeof tp === 'number') return (_address: string, hop: number) => hop < tp;
  return tp.join(',');
}

/**
 * NUL can be in no PostgreSQL text value and means nothing in a form field: `%00` is dropped from every query
 * string and urlencoded body before parsing, so that no handler can hand it to the database (a 500 otherwise).
 */
function withoutNul(s: string): string {
  return s.includes('%00') ? s.replace(/%00/g, '') : s;
}
