// A stale form (SYS-5, RES-11; issue 16 item 3): when a POST fails the CSRF check (the page was left open, its
// token no longer matches), what was typed is not lost. The fields (never a password, its confirmation, a captcha
// or a token; never a file's bytes) are kept in the server session for one render of the same path, and the
// person is sent back there (303, GET) with a message to check and submit again. A page opts in by reading them
// with takeStaleForm (register page, 履歷填寫); a page that does not simply shows the message.
// Only for a POST from our own pages (Origin or Sec-Fetch-Site same-origin): a forged cross-site POST stays a
// plain 403, so another site can never plant values into someone's form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlatformServices as Services } from '../services.ts';
import { ensureSession } from '../auth/http.ts';
import { flash } from './context.ts';
import type { FormValues } from './forms.ts';
import { isSameOrigin, readKeptFields, type KeptFields } from './kept-fields.ts';

const KEY = 'staleForm';
const KEEP_MS = 30 * 60_000;

const MESSAGE = {
  'zh-TW': '這個頁面已停留太久，無法完成送出。您填寫的內容已保留（密碼不保留），請確認後再送出一次。',
  en: 'This page was open too long to be sent. What you typed is kept (passwords are not): please check it and submit again.',
} as const;

interface Stored {
  path: string;
  at: number;
  values: KeptFields;
}

/**
 * On a CSRF failure of a POST to a path that also answers GET: keeps the typed fields and returns where to send
 * the person back (the same path, `_csrf` left out of the query); null when there is nowhere to go back to.
 */
export async function keepStaleForm(app: FastifyInstance, req: FastifyRequest, reply: Parameters<typeof ensureSession>[1], services: Services): Promise<string | null> {
  if (!isSameOrigin(req, services)) return null;
  if (req.method !== 'POST' || !req.routeOptions.url || !app.hasRoute({ method: 'GET', url: req.routeOptions.url })) return null;
  const [path = '/', query = ''] = req.url.split('?');
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  let values: KeptFields;
  try {
    values = await readKeptFields(req);
  } catch {
    return null;
  }
  const session = await ensureSession(req, reply, services);
  const stored: Stored = { path, at: services.clock.now().getTime(), values };
  session.data = { ...session.data, [KEY]: stored };
  await services.sessions.setData(session.id, session.data);
  flash(reply, { kind: 'warning', text: MESSAGE[req.locale === 'en' ? 'en' : 'zh-TW'] });
  const rest = new URLSearchParams(query);
  rest.delete('_csrf');
  const q = rest.toString();
  return q ? `${path}?${q}` : path;
}

/** The fields kept by keepStaleForm for this path (once: they are removed), or undefined. */
export async function takeStaleForm(req: FastifyRequest, services: Services): Promise<FormValues | undefined> {
  const session = req.session;
  const stored = session?.data[KEY] as Stored | undefined;
  if (!session || !stored) return undefined;
  const { [KEY]: _taken, ...rest } = session.data;
  session.data = rest;
  await services.sessions.setData(session.id, rest);
  const path = req.url.split('?')[0];
  const fresh = services.clock.now().getTime() - stored.at < KEEP_MS;
  return fresh && stored.path === path && stored.values && typeof stored.values === 'object' ? stored.values : undefined;
}
