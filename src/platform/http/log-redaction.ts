// What the request log may hold (issue 9 item 4): URLs without one-time tokens, no cookies, no CSRF tokens, no
// authorization headers. Fastify logs `req` through `requestSerializer` on every "incoming request" line.
import type { FastifyRequest } from 'fastify';

/** Query parameters whose value is always a secret, whatever it looks like. */
const SECRET_PARAMS = new Set(['token', 't', 'code', '_csrf', 'csrf', 'key', 'secret', 'password', 'sig', 'signature', 'otp', 'auth']);
const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value that looks like a random token: ≥ 20 URL-safe characters mixing letters and digits (not a UUID). */
export function looksRandom(value: string): boolean {
  if (value.length < 20 || UUID.test(value)) return false;
  if (!/^[A-Za-z0-9_\-.~+/=%]+$/.test(value)) return false;
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** The URL with token-like path segments and the values of secret or token-like query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  const safePath = path
    .split('/')
    .map((seg) => (looksRandom(safeDecode(seg)) ? REDACTED : seg))
    .join('/');
  if (q < 0) return safePath;
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return looksRandom(safeDecode(pair)) ? REDACTED : pair;
    const name = safeDecode(pair.slice(0, eq)).toLowerCase();
    const value = safeDecode(pair.slice(eq + 1));
    return SECRET_PARAMS.has(name) || looksRandom(value) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  });
  return `${safePath}?${parts.join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The `req` of a log line: method, redacted URL, host and client address; never headers or cookies. */
export function requestSerializer(req: FastifyRequest | { method?: string; url?: string }): Record<string, unknown> {
  const r = req as Partial<FastifyRequest>;
  return {
    method: r.method,
    url: redactUrl(String(r.url ?? '')),
    ...(r.host ? { host: r.host } : {}),
    ...(r.ip ? { remoteAddress: r.ip } : {}),
  };
}

/** Paths pino removes wherever they appear in a log object (headers a plugin or an error might carry). */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["csrf-token"]',
  'headers["set-cookie"]',
  '*.password',
  '*._csrf',
  '*.token',
];
