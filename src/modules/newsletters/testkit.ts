// Test helpers of PUB-5 (used by this folder's tests and tests/e2e/newsletter.test.ts; not used by the app):
// a mailbox on the in-process SMTP server, links out of mails, a form-posting client for fastify.inject, and
// vacancies with chosen conditions and posting times.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ReceivedMail, TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import { vacancies, type RankType } from '../vacancies/index.ts';

/** Delivers the outbox to the test SMTP server and hands out what arrived since the last look. */
export class Mailbox {
  private seen = 0;
  private readonly transport: MailTransport;
  constructor(
    private readonly smtp: TestSmtpServer,
    private readonly db: Db,
    private readonly mailFrom: string,
  ) {
    this.transport = createSmtpTransport(smtp.url);
  }
  /** Delivers everything due (the system clock: outbox rows carry the database's time) and returns the new mails. */
  async deliver(): Promise<ReceivedMail[]> {
    for (;;) {
      const r = await deliverDueMail({ db: this.db, transport: this.transport, clock: systemClock, mailFrom: this.mailFrom });
      if (r.sent + r.failed + r.retried === 0) break;
    }
    const fresh = this.smtp.received.slice(this.seen);
    this.seen = this.smtp.received.length;
    return fresh;
  }
  /** New mails to one address. */
  async deliverTo(address: string): Promise<ReceivedMail[]> {
    return (await this.deliver()).filter((m) => m.to.includes(address));
  }
  close(): void {
    this.transport.close?.();
  }
}

export type LinkKind = 'confirm' | 'manage' | 'unsubscribe';

/** The path and query of the first link of this kind in a mail's text (absolute to BASE_URL in the mail). */
export function linkIn(mail: ReceivedMail, kind: LinkKind, baseUrl = 'http://localhost:3000'): string {
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}(/newsletter/${kind}\\?token=[A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
  if (!m) throw new Error(`no ${kind} link in mail «${mail.subject}»:\n${mail.text}`);
  return m[1]!;
}

export function tokenOf(link: string): string {
  return new URL(link, 'http://x').searchParams.get('token')!;
}

/** A raw header of a received mail (mailparser keeps the original lines). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase());
  return line?.line.slice(line.line.indexOf(':') + 1).trim();
}

let ipCounter = 0;

/** A visitor for fastify.inject: keeps cookies, takes the CSRF token from the last form, own IP (rate limits). */
export class Visitor {
  cookie = '';
  csrf = '';
  readonly ip = `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
  constructor(private readonly app: FastifyInstance) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const jar = new Map(this.cookie.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as [string, string]));
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie }, remoteAddress: this.ip }));
  }

  /** Posts a form (repeated keys for arrays) with the CSRF token of the last page seen. */
  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (opts.csrf !== false) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
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
}

let workSerial = 0;

export interface VacancyInput {
  title?: string;
  orgName?: string;
  workPlaces?: string[];
  sysnamCode?: string | null;
  sysnamText?: string;
  personKindCode?: string | null;
  personKind?: string;
  rankTypes?: RankType[];
  postedAt: Date;
  validFrom: string;
  validTo: string;
  workQuality?: string;
}

/** Inserts a published (approved) vacancy; returns its 職缺編號. */
export async function insertVacancy(db: Db, v: VacancyInput): Promise<string> {
  const workId = `11506${String(90000 + ++workSerial).padStart(5, '0')}`;
  await db.insert(vacancies).values({
    workId,
    orgName: v.orgName ?? '行政院人事行政總處',
    personKind: v.personKind ?? '一般人員',
    personKindCode: v.personKindCode ?? null,
    title: v.title ?? `測試職缺 ${workSerial}`,
    sysnamText: v.sysnamText ?? '',
    sysnamCode: v.sysnamCode ?? null,
    workPlaces: v.workPlaces ?? ['10'],
    workPlaceText: '',
    rankTypes: v.rankTypes ?? [],
    validFrom: v.validFrom,
    validTo: v.validTo,
    accessMode: 'civil_service',
    source: 'form',
    postedAt: v.postedAt,
    workQuality: v.workQuality ?? '',
  });
  return workId;
}
