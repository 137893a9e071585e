// Test helpers of PUB-5 (used by this folder's tests and tests/e2e/newsletter.test.ts; not used by the app):
// a mailbox on the in-process SMTP server, links out of mails, and vacancies with chosen conditions and posting
// times. (The form-posting client is tests/helpers/http-client.ts.)
import { createVacancy } from '../../../tests/factories/vacancy.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ReceivedMail, TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import type { RankType } from '../vacancies/index.ts';

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

/** Inserts a published (approved) 須具 vacancy (createVacancy); returns its 職缺編號. */
export async function insertVacancy(db: Db, v: VacancyInput): Promise<string> {
  return (await createVacancy(db, { orgId: null, ...v })).workId;
}
