// Mail transports: how one message leaves the system. The outbox (../outbox/outbox.ts) decides
// what to send and when; a transport only sends. SMTP in production (SMTP_URL), the dev mailbox
// otherwise: it sends nothing, the message stays readable in the outbox table.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /**
   * The Message-ID header to use, with angle brackets. The outbox derives it from the row id, so a
   * message sent twice (the at-least-once window) carries the same id and receivers can tell.
   */
  messageId?: string;
}

export interface MailTransport {
  /** Resolves once the server has accepted the message; rejects when it has not (or may not have). */
  send(msg: MailMessage): Promise<{ messageId: string }>;
  /** Releases resources (sockets). Optional; safe to call more than once. */
  close?(): void;
}

export interface SmtpTimeouts {
  /** TCP connect, ms. */
  connectionMs?: number;
  /** Waiting for the server greeting after connect, ms. */
  greetingMs?: number;
  /** Socket inactivity, ms. */
  socketMs?: number;
  /** One whole send (connect → accepted), ms. Must stay well below the outbox lease. */
  sendMs?: number;
}

const DEFAULT_TIMEOUTS: Required<SmtpTimeouts> = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 30_000,
  sendMs: 60_000,
};

/** A connection with nothing to send for this long is closed (createSmtpTransport). */
export const SMTP_IDLE_CLOSE_MS = 1_000;

/**
 * SMTP through nodemailer. Messages sent close together share one connection (nodemailer's pool, one connection, at
 * most 100 messages on it): a backlog of confirmations after a busy minute is not paid for with a connection, a
 * greeting and EHLO each (measured, issue 11: 10 messages a second against a server that waits 100 ms before its
 * greeting, as smtp-server does and postscreen-style MTAs do longer). The connection is closed once nothing has been
 * sent for SMTP_IDLE_CLOSE_MS, so a process keeps no socket to a server that may go away between deliveries; the
 * next message opens a new one. A message whose connection fails is rejected as before, and the outbox retries it.
 * Timeouts are short so that a down server fails fast. smtp:// upgrades with STARTTLS when offered; smtps:// is TLS
 * from the start.
 */
export function createSmtpTransport(smtpUrl: string, timeouts: SmtpTimeouts = {}): MailTransport {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const options = {
    url: smtpUrl,
    pool: true as const,
    maxConnections: 1,
    maxMessages: 100,
    connectionTimeout: t.connectionMs,
    greetingTimeout: t.greetingMs,
    socketTimeout: t.socketMs,
    dnsTimeout: t.connectionMs,
    socketCloseTimeout: 1_000,
    // Content comes from our own rows: never let a value be read as a file path or URL to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  let pool: ReturnType<typeof nodemailer.createTransport> | null = null;
  let sending = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const stopIdleTimer = () => {
    if (idle) clearTimeout(idle);
    idle = null;
  };
  const closePool = () => {
    stopIdleTimer();
    pool?.close();
    pool = null;
  };
  return {
    async send(msg) {
      stopIdleTimer();
      const transporter = (pool ??= nodemailer.createTransport(options));
      sending++;
      try {
        const info = await transporter.sendMail({
          from: msg.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          ...(msg.html !== undefined ? { html: msg.html } : {}),
          ...(msg.headers ? { headers: msg.headers } : {}),
          ...(msg.messageId ? { messageId: msg.messageId } : {}),
          attachments: (msg.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          signal: AbortSignal.timeout(t.sendMs),
        });
        return { messageId: info.messageId };
      } finally {
        sending--;
        if (sending === 0 && pool === transporter) {
          idle = setTimeout(closePool, SMTP_IDLE_CLOSE_MS);
          idle.unref();
        }
      }
    },
    close: closePool,
  };
}

/**
 * The development mailbox: "delivers" by doing nothing. The message stays in the outbox table,
 * which the dev mailbox page lists, and is marked sent with this id.
 */
export function createDevMailboxTransport(): MailTransport {
  return {
    send(msg) {
      return Promise.resolve({ messageId: msg.messageId ?? `<${randomUUID()}@dev-mailbox.invalid>` });
    },
  };
}

/** SMTP when a URL is configured (config.smtpUrl), the dev mailbox otherwise. */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? createSmtpTransport(smtpUrl) : createDevMailboxTransport();
}
