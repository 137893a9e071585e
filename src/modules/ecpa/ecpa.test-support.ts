// Test helpers for the eCPA module: staff accounts and the sign-in form over fastify.inject.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { cookieHeader, csrfFrom, TEST_CAPTCHA } from '../../../tests/helpers/app.ts';
import type { Services } from '../../container.ts';
import { SESSION_COOKIE } from '../../platform/auth/http.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { idHasher, idLast4 } from '../../platform/crypto/id-hash.ts';
import { staffUsers, type StaffRole } from './staff.schema.ts';

export const FORM = 'application/x-www-form-urlencoded';
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

let hashed: Promise<string> | undefined;
export const STAFF_PASSWORD = 'Staff1234!';

export interface StaffInput {
  account?: string;
  name?: string;
  email?: string | null;
  agencyCode?: string;
  roles?: StaffRole[];
  status?: 'active' | 'left_service';
  nationalId?: string;
  password?: string;
}

/** Inserts a staff user (password STAFF_PASSWORD unless given) and returns its row. */
export async function insertStaff(q: Queryable, config: Pick<Services['config'], 'dataKey'>, input: StaffInput = {}) {
  const account = input.account ?? `staff.${randomUUID().slice(0, 8)}`;
  const passwordHash = input.password ? await hashPassword(input.password) : await (hashed ??= hashPassword(STAFF_PASSWORD));
  const [row] = await q
    .insert(staffUsers)
    .values({
      account,
      passwordHash,
      name: input.name ?? '測試人員',
      email: input.email === undefined ? `${account}@example.gov.tw` : input.email,
      agencyCode: input.agencyCode ?? '376420000A',
      roles: input.roles ?? ['agency_hr'],
      status: input.status ?? 'active',
      ...(input.nationalId ? { nationalIdHash: idHasher(config).hash(input.nationalId), nationalIdLast4: idLast4(input.nationalId) } : {}),
    })
    .returning();
  return row!;
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

/** A unique client address per call, so that tests do not share a rate-limit bucket. */
let ipCounter = 0;
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}
