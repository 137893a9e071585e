// One HTTP test client over fastify.inject: a browser without JavaScript. It keeps cookies (a jar that honours
// deletions), remembers the last HTML page and its CSRF token, posts forms with that token, follows redirects and
// signs in on the applicant and eCPA front doors (captcha: the test code accepted outside production).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CONSENT_VERSION } from '../../src/modules/accounts/consent.ts';
import { PASSWORD } from '../factories/account.ts';
import { STAFF_PASSWORD } from '../factories/staff.ts';
import { TEST_CAPTCHA } from './app.ts';

export type Fields = Record<string, string | string[]>;
export type InjectResult = LightMyRequestResponse;

let ipCounter = 0;
/** A fresh client address, so that tests do not share a per-IP rate limit. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** A sign-in form's answer on success: a redirect somewhere else (a failure re-renders or returns to the form). */
function signedIn(res: InjectResult, loginPath: string): boolean {
  const to = res.headers.location;
  return res.statusCode >= 300 && res.statusCode < 400 && typeof to === 'string' && !new URL(to, 'http://localhost').pathname.startsWith(loginPath);
}

export class HttpClient {
  /** The Cookie header sent with every request (assignable, e.g. `sid=<token>`). */
  cookie = '';
  /** The body of the last HTML response. */
  lastPage = '';
  /** The CSRF token of the last response that carried one. */
  csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly ip: string = freshIp(),
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const jar = new Map(this.cookie.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as [string, string]));
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (String(res.headers['content-type'] ?? '').includes('text/html')) this.lastPage = res.body;
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<InjectResult> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie, ...headers }, remoteAddress: this.ip }));
  }

  /**
   * Posts a form (repeated keys for arrays) with the CSRF token of the last page, or the token given, or none
   * with `{ csrf: false }`.
   */
  async post(url: string, fields: Fields, csrf?: string | { csrf?: boolean }): Promise<InjectResult> {
    const body = new URLSearchParams();
    if (typeof csrf === 'string') body.append('_csrf', csrf);
    else if (csrf?.csrf !== false) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: this.ip,
      }),
    );
  }

  /** Posts multipart `form` with the last page's CSRF token in the query (as the 履歷填寫 form does), or none. */
  async postMultipart(url: string, form: FormData, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<InjectResult> {
    const target = opts.csrf === false ? url : `${url}${url.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(this.csrf)}`;
    return this.keep(await this.app.inject({ method: 'POST', url: target, payload: form, headers: { cookie: this.cookie, ...opts.headers }, remoteAddress: this.ip }));
  }

  /** Posts `fields` to `url`, first opening `opts.from` (the form page) for its CSRF token when given. */
  async postForm(url: string, fields: Fields, opts: { from?: string } = {}): Promise<InjectResult> {
    if (opts.from) await this.get(opts.from);
    return this.post(url, fields);
  }

  /** GETs the form page, then POSTs it (to `action`, by default the page without its query). */
  async submit(pageUrl: string, fields: Fields, action?: string): Promise<InjectResult> {
    await this.get(pageUrl);
    return this.post(action ?? pageUrl.split('?')[0]!, fields);
  }

  /** Follows Location headers with GETs (at most `max`) and returns the first response that is no redirect. */
  async followRedirects(res: InjectResult, max = 5): Promise<InjectResult> {
    let r = res;
    for (let i = 0; i < max && r.statusCode >= 300 && r.statusCode < 400 && r.headers.location; i++) {
      const to = new URL(String(r.headers.location), 'http://localhost');
      r = await this.get(to.pathname + to.search);
    }
    return r;
  }

  register(email: string, password = PASSWORD, extra: Record<string, string> = {}): Promise<InjectResult> {
    return this.submit('/platform/register', { email, password, confirm: password, captcha: TEST_CAPTCHA, consent: 'yes', consentVersion: CONSENT_VERSION, ...extra });
  }

  /** Signs in on the applicant login form (the response is the form's answer: a redirect on success). */
  login(email: string, password = PASSWORD, extra: Record<string, string> = {}): Promise<InjectResult> {
    return this.submit('/platform/login', { email, password, captcha: TEST_CAPTCHA, ...extra });
  }

  /** Signs in as an applicant and fails unless the form answered with a redirect away from it. */
  async signInApplicant(email: string, password = PASSWORD): Promise<InjectResult> {
    const res = await this.login(email, password);
    if (!signedIn(res, '/platform/login')) throw new Error(`applicant sign-in of ${email} failed: ${res.statusCode}`);
    return res;
  }

  /** Signs in on /ecpa/login as a staff user and fails unless the form answered with a redirect away from it. */
  async signInStaff(account: string, password = STAFF_PASSWORD): Promise<InjectResult> {
    const res = await this.submit('/ecpa/login', { account, password, captcha: TEST_CAPTCHA });
    if (!signedIn(res, '/ecpa/login')) throw new Error(`staff sign-in of ${account} failed: ${res.statusCode}`);
    return res;
  }

  /** The session token, if signed in. */
  sid(): string | undefined {
    return /(?:^|; )sid=([^;]*)/.exec(this.cookie)?.[1] || undefined;
  }
}
