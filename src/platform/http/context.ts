// Per-request context for pages: locale and translator, the signed-in principal, CSRF token, flash messages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseLocale, translator, type Locale, type Translate } from '../i18n/i18n.ts';
import type { Principal, SessionRecord } from '../auth/sessions.ts';
import type { Audience } from './route-options.ts';

export interface Flash {
  kind: 'success' | 'info' | 'warning';
  text: string;
}

export interface PageContext {
  readonly locale: Locale;
  readonly t: Translate;
  /** Path without the query string. */
  readonly path: string;
  /** Path with the query string, for links back here (e.g. the language switch). */
  readonly url: string;
  readonly principal: Principal | null;
  /** A CSRF token for a form on this page (sets the secret cookie on first use). */
  readonly csrf: () => string;
  readonly flash: readonly Flash[];
  readonly showDevLinks: boolean;
  /** SESSION_IDLE_MINUTES, for the idle-session warning of signed-in pages. */
  readonly idleMinutes: number;
  /** Outside production: every page shows the 「示範環境」 banner (issue 9 item 7). */
  readonly demoEnvironment: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    session: SessionRecord | null;
    sessionToken: string | undefined;
    principal: Principal | null;
    flashIn: Flash[];
    idleMinutes: number;
    demoEnvironment: boolean;
  }
  interface FastifyContextConfig {
    /** Who may call the route: set through the table in route-options.ts (checked at registration). */
    auth?: Audience;
    /** Set false only for routes that must accept cross-site POSTs (none today). */
    csrf?: boolean;
    /** Set by parksForm: a form sent after the session expired is parked until sign-in (parked-form.ts). */
    parkForm?: boolean;
  }
}

export const LANG_COOKIE = 'lang';

export function localeOf(req: FastifyRequest): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  return parseLocale(q) ?? parseLocale(req.cookies[LANG_COOKIE]) ?? 'zh-TW';
}

export function setupRequestLocale(req: FastifyRequest): void {
  req.locale = localeOf(req);
  req.t = translator(req.locale);
}

/** Shows a message on the next page (post/redirect/get); kept in the server session (flash.ts), not a cookie. */
export function flash(reply: FastifyReply, f: Flash): void {
  reply.request.flashOut.push(f);
}

export function pageContext(req: FastifyRequest, reply: FastifyReply, showDevLinks = false): PageContext {
  let token: string | undefined;
  return {
    locale: req.locale,
    t: req.t,
    path: req.url.split('?')[0] ?? '/',
    url: req.url,
    principal: req.principal,
    csrf: () => (token ??= reply.generateCsrf()),
    flash: req.flashIn,
    showDevLinks,
    idleMinutes: req.idleMinutes,
    demoEnvironment: req.demoEnvironment,
  };
}
