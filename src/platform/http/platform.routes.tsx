// Platform routes: health, readiness, language switch, /favicon.ico.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { PlatformServices } from '../services.ts';
import { parseLocale } from '../i18n/i18n.ts';
import { signOut } from '../auth/http.ts';
import { flash, LANG_COOKIE } from './context.ts';
import { routes } from './route-options.ts';
import { safeLanding } from './landing.ts';

export async function platformRoutes(app: FastifyInstance, services: PlatformServices): Promise<void> {
  app.get('/healthz', routes.public, async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', routes.public, async (_req, reply) => {
    try {
      await services.db.execute(sql`select 1`);
      const waiting = services.readiness.waiting;
      if (waiting.length) return reply.code(503).header('cache-control', 'no-store').send({ status: 'warming', waiting });
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: services.database.kind });
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
  });

  // 登出 (ACC-8): ends the session of whoever is signed in.
  app.post('/logout', routes.public, async (req, reply) => {
    const wasSignedIn = req.principal !== null;
    await signOut(req, reply, services);
    if (wasSignedIn) flash(reply, { kind: 'success', text: '您已登出。' });
    return reply.redirect('/', 303);
  });

  // Browsers ask for /favicon.ico on every site whatever the page links (issue 16 item 8): the SVG icon.
  app.get('/favicon.ico', routes.public, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect('/assets/favicon.svg', 301),
  );

  app.get('/lang', routes.public, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const locale = parseLocale(q.to) ?? 'zh-TW';
    reply.setCookie(LANG_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, httpOnly: true, secure: services.config.baseUrl.startsWith('https:') });
    const next = safeLanding(q.next, '/').replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
    return reply.redirect(next, 303);
  });
}
