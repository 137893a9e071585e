// Test helpers for the account module: a cookie-keeping HTTP client over fastify.inject, an account factory,
// and readers for mails in the outbox and the links in them. Tests only.
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { cookieHeader, csrfFrom, TEST_CAPTCHA } from '../../../tests/helpers/app.ts';
import type { Services } from '../../container.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents, outboxMessages } from '../../platform/db/schema/platform.ts';
import { applicantAccounts, type ApplicantStatus } from './account.schema.ts';
import { CONSENT_VERSION } from './consent.ts';

export const PASSWORD = 'Secret#2024ab';
export const PASSWORD_2 = 'Another$2025cd';
export const PASSWORD_3 = 'Third&2026ef';
export const PASSWORD_4 = 'Fourth*2027gh';

let ipCounter = 0;
/** A fresh client address, so that tests do not share the per-IP rate limit. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface InjectResult {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string }[];
}

/** A browser without JavaScript: keeps cookies, takes the CSRF token from the last page, posts forms. */
export class Client {
  cookie = '';
  lastPage = '';
  constructor(
    private readonly app: FastifyInstance,
    readonly ip: string = freshIp(),
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<InjectResult> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie, ...headers }, remoteAddress: this.ip });
    this.cookie = cookieHeader(res, this.cookie);
    if (String(res.headers['content-type'] ?? '').includes('text/html')) this.lastPage = res.body;
    return res as unknown as InjectResult;
  }

  /** Posts `fields` with the CSRF token of the last page (or of `csrf`). */
  async post(url: string, fields: Record<string, string | string[]>, csrf?: string): Promise<InjectResult> {
    const body = new URLSearchParams();
    body.append('_csrf', csrf ?? csrfFrom(this.lastPage));
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: this.ip,
    });
    this.cookie = cookieHeader(res, this.cookie);
    if (String(res.headers['content-type'] ?? '').includes('text/html')) this.lastPage = res.body;
    return res as unknown as InjectResult;
  }

  /** GET the form page, then POST it. */
  async submit(pageUrl: string, fields: Record<string, string | string[]>, action?: string): Promise<InjectResult> {
    await this.get(pageUrl);
    return this.post(action ?? pageUrl.split('?')[0]!, fields);
  }

  register(email: string, password = PASSWORD, extra: Record<string, string> = {}): Promise<InjectResult> {
    return this.submit('/platform/register', { email, password, confirm: password, captcha: TEST_CAPTCHA, consent: 'yes', consentVersion: CONSENT_VERSION, ...extra });
  }

  login(email: string, password = PASSWORD, extra: Record<string, string> = {}): Promise<InjectResult> {
    return this.submit('/platform/login', { email, password, captcha: TEST_CAPTCHA, ...extra });
  }

  sid(): string | undefined {
    return /(?:^|; )sid=([^;]*)/.exec(this.cookie)?.[1] || undefined;
  }
}

export async function createAccount(
  services: Services,
  over: { email?: string; password?: string; status?: ApplicantStatus; failedLoginCount?: number; passwordHistory?: string[] } = {},
) {
  const [row] = await services.db
    .insert(applicantAccounts)
    .values({
      email: over.email ?? `user${Math.random().toString(36).slice(2, 10)}@example.tw`,
      passwordHash: await hashPassword(over.password ?? PASSWORD),
      status: over.status ?? 'active',
      failedLoginCount: over.failedLoginCount ?? 0,
      passwordHistory: over.passwordHistory ?? [],
      activatedAt: (over.status ?? 'active') === 'pending_activation' ? null : new Date(),
    })
    .returning();
  return row!;
}

export async function accountByEmail(q: Queryable, email: string) {
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.email, email));
  return row ?? null;
}

export async function accountById(q: Queryable, id: string) {
  const [row] = await q.select().from(applicantAccounts).where(eq(applicantAccounts.id, id));
  return row!;
}

/** Mails to `to`, newest first. */
export async function mailsTo(q: Queryable, to: string) {
  return q.select().from(outboxMessages).where(eq(outboxMessages.to, to)).orderBy(desc(outboxMessages.createdAt));
}

export async function latestMailTo(q: Queryable, to: string) {
  const [m] = await mailsTo(q, to);
  if (!m) throw new Error(`no mail to ${to}`);
  return m;
}

/** The first absolute link in `text` to `path` (e.g. /platform/activate). */
export function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+${path.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_%-]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
}

/** The path and query of an absolute link, to inject. */
export function pathOf(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

export async function auditActions(q: Queryable, subjectId?: string) {
  const rows = await q.select().from(auditEvents).orderBy(auditEvents.id);
  return rows.filter((r) => subjectId === undefined || r.subjectId === subjectId);
}

/** The page without what differs on every render: CSRF tokens and captcha cache-busters. */
export function stable(html: string): string {
  return html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""').replace(/data-csrf="[^"]+"/g, 'data-csrf=""').replace(/\?ts=[0-9a-f]+/g, '?ts=');
}

/** The text of the error summary's entries. */
export function summaryOf(html: string): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
}
