// Test helpers for the eCPA module: staff with an HR-database ID hash, and the sign-in form over fastify.inject.
// (Staff rows come from tests/factories/staff.ts; the generic client is tests/helpers/http-client.ts.)
import type { FastifyInstance } from 'fastify';
import { createStaff, type NewStaff } from '../../../tests/factories/staff.ts';
import { cookieHeader, csrfFrom, TEST_CAPTCHA } from '../../../tests/helpers/app.ts';
import type { Services } from '../../container.ts';
import { SESSION_COOKIE } from '../../platform/auth/http.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { idHasher, idLast4 } from '../../platform/crypto/id-hash.ts';

export const FORM = 'application/x-www-form-urlencoded';
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export interface StaffInput extends Omit<Partial<NewStaff>, 'nationalIdHash' | 'nationalIdLast4'> {
  nationalId?: string;
  password?: string;
}

/** Inserts a staff user (createStaff; password STAFF_PASSWORD unless given), hashing `nationalId` with the data key. */
export async function insertStaff(q: Queryable, config: Pick<Services['config'], 'dataKey'>, input: StaffInput = {}) {
  const { nationalId, ...rest } = input;
  return createStaff(q, { ...rest, ...(nationalId ? { nationalIdHash: idHasher(config).hash(nationalId), nationalIdLast4: idLast4(nationalId) } : {}) });
}

export interface PostResult {
  status: number;
  location: string | undefined;
  body: string;
  cookie: string;
}

/**
 * GETs `page` (which issues a captcha and a CSRF token), then POSTs `fields` to `action` with the same cookies.
 * `captcha` defaults to the test code; `ip` sets the client address (for the per-IP rate limit).
 */
export async function getThenPost(
  app: FastifyInstance,
  page: string,
  action: string,
  fields: Record<string, string>,
  opts: { cookie?: string; ip?: string } = {},
): Promise<PostResult> {
  const remoteAddress = opts.ip ?? '127.0.0.1';
  const get = await app.inject({ method: 'GET', url: page, headers: opts.cookie ? { cookie: opts.cookie } : {}, remoteAddress });
  if (get.statusCode !== 200) throw new Error(`GET ${page}: ${get.statusCode}`);
  const cookie = cookieHeader(get, opts.cookie ?? '');
  const res = await app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': FORM },
    payload: form({ _csrf: csrfFrom(get.body), ...fields }),
    remoteAddress,
  });
  return { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body, cookie: cookieHeader(res, cookie) };
}

/** Signs in on /ecpa/login. */
export function postLogin(app: FastifyInstance, fields: { account: string; password: string; captcha?: string; next?: string }, opts: { ip?: string; cookie?: string } = {}) {
  const page = fields.next !== undefined ? `/ecpa/login?next=${encodeURIComponent(fields.next)}` : '/ecpa/login';
  const body: Record<string, string> = { account: fields.account, password: fields.password, captcha: fields.captcha ?? TEST_CAPTCHA };
  if (fields.next !== undefined) body.next = fields.next;
  return getThenPost(app, page, '/ecpa/login', body, opts);
}

/** The session token in a Cookie header. */
export function sessionToken(cookie: string): string | undefined {
  return new Map(cookie.split('; ').map((c) => c.split('=') as [string, string])).get(SESSION_COOKIE);
}
