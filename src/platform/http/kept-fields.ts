// What may be kept of a form that could not be handled (a stale CSRF token: stale-form.ts; an expired session:
// parked-form.ts): the typed fields, never a password, its confirmation, a captcha or a token, never a file's
// bytes; and whether the POST came from our own pages (so another site can never plant values into a form).
import type { FastifyRequest } from 'fastify';
import type { PlatformServices } from '../services.ts';

export type KeptFields = Record<string, string | string[]>;

/** Never kept: secrets and one-time answers. */
const SECRET = /^(_csrf|confirm|captcha|token)$|pass|secret/i;
const MAX_FIELDS = 200;
const MAX_VALUE = 20_000;

/** May the field `name` with this value be kept (a string, not too long, not a secret)? */
export function keepableField(name: string, value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_VALUE && name.length <= 100 && !SECRET.test(name);
}

/** The keepable fields of a POST's body (urlencoded, or multipart not read yet: its files are drained). */
export async function readKeptFields(req: FastifyRequest): Promise<KeptFields> {
  const out: KeptFields = Object.create(null) as KeptFields;
  const add = (name: string, value: unknown) => {
    if (!keepableField(name, value) || (Object.keys(out).length >= MAX_FIELDS && !(name in out))) return;
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  if (req.isMultipart()) {
    // The body was not read yet (the checks run first): read the fields, drain the files (their bytes go).
    for await (const part of req.parts()) {
      if (part.type === 'file') part.file.resume();
      else add(part.fieldname, part.value);
    }
    return out;
  }
  const body = req.body;
  if (body && typeof body === 'object') {
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      for (const v of Array.isArray(value) ? value : [value]) add(name, v);
    }
  }
  return out;
}

/** True for a request sent from our own pages (Sec-Fetch-Site same-origin, or our Origin). */
export function isSameOrigin(req: FastifyRequest, services: Pick<PlatformServices, 'config'>): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  return origin === new URL(services.config.baseUrl).origin || origin === `${req.protocol}://${req.host}`;
}

/** The page a form POST to `url` belongs to: its path without the query (the `_csrf` of a multipart action). */
export function formPagePath(url: string): string | null {
  const path = url.split(/[?#]/)[0] ?? '';
  return path.startsWith('/') && !path.startsWith('//') ? path : null;
}
