// Flash messages (post/redirect/get) live in the server session, never in a cookie: a flash can hold what the
// user typed (an e-mail address), and cookies travel and get logged (issue 9 item 8). A visitor without a session
// gets one (ensureSession) for the message.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { PlatformServices } from '../services.ts';
import { ensureSession } from '../auth/http.ts';
import { sessions } from '../db/schema/platform.ts';
import type { Flash } from './context.ts';

/** The cookie an older version kept flash text in: cleared when it arrives. */
const LEGACY_FLASH_COOKIE = 'flash';

declare module 'fastify' {
  interface FastifyRequest {
    /** Messages for the next page, saved to the session when the reply is sent. */
    flashOut: Flash[];
    /** The session's messages this request showed (as stored, JSON): they leave the session when the reply is sent. */
    flashTaken: string | null;
  }
}

function isFlash(f: unknown): f is Flash {
  const x = f as Flash | null;
  return !!x && typeof x.text === 'string' && ['success', 'info', 'warning'].includes(x.kind);
}

/**
 * Must be called before @fastify/cookie is registered (its onSend hook writes the Set-Cookie headers). One statement
 * per reply at most: the messages shown by this request leave the session and this request's messages (a POST that
 * redirects) go in, together (issue 11: the extra statement cost every 確定應徵 about 0.3 ms of PostgreSQL).
 */
export function registerFlashSaving(app: FastifyInstance, services: PlatformServices): void {
  app.decorateRequest('flashOut', null as never);
  app.decorateRequest('flashTaken', null);
  app.addHook('onRequest', async (req) => {
    req.flashOut = [];
    req.flashTaken = null;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.flashOut?.length) {
      const session = await ensureSession(req, reply, services);
      const list = JSON.stringify(req.flashOut.slice(0, 5));
      await services.db.execute(sql`update ${sessions} set data = (data - 'flash') || jsonb_build_object('flash', ${list}::jsonb) where id = ${session.id}`);
    } else if (req.flashTaken !== null && req.session) {
      // Only the messages shown: one another request of this session stored meanwhile stays for its next page.
      await services.db.execute(sql`update ${sessions} set data = data - 'flash' where id = ${req.session.id} and data -> 'flash' = ${req.flashTaken}::jsonb`);
    }
    return payload;
  });
}

/** After the session is loaded: takes this request's messages out of the session (shown once; removed on send). */
export function registerFlashReading(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.cookies[LEGACY_FLASH_COOKIE]) reply.clearCookie(LEGACY_FLASH_COOKIE, { path: '/' });
    const stored = req.session?.data.flash;
    req.flashIn = Array.isArray(stored) ? stored.filter(isFlash).slice(0, 5) : [];
    if (stored !== undefined && req.session) {
      const { flash: _shown, ...rest } = req.session.data;
      req.session.data = rest;
      req.flashTaken = JSON.stringify(stored);
    }
  });
}
