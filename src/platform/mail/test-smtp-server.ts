// An in-process SMTP server for tests: receives on 127.0.0.1, parses every message with mailparser,
// and can be stopped and started again on the same port (a mail server that goes down and comes back).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
  text: string | undefined;
  html: string | false;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** The port, fixed at the first start and reused by later ones. */
  readonly port: number;
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  readonly received: ReceivedMail[];
  readonly running: boolean;
  /** Connections accepted since the first start, and those open now. */
  readonly connections: { accepted: number; open: number };
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once at least `count` messages have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const connections = { accepted: 0, open: 0 };
  let server: SMTPServer | null = null;
  let port = 0;

  const listen = async (): Promise<void> => {
    const s = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 1_000,
      disableReverseLookup: true,
      onConnect(_session, callback) {
        connections.accepted++;
        connections.open++;
        callback();
      },
      onClose() {
        connections.open--;
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const rcpt = session.envelope.rcptTo.map((r) => r.address);
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            received.push({ from, to: rcpt, messageId: parsed.messageId, subject: parsed.subject, text: parsed.text, html: parsed.html ?? false, parsed });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        resolve();
      });
    });
    s.on('error', () => undefined); // client disconnects in the middle of a test are not failures
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    connections,
    get running() {
      return server !== null;
    },
    async start() {
      if (!server) await listen();
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
  };
}
