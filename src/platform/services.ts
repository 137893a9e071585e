// What the platform needs from the composition root: the ports every module shares (configuration, database,
// clock, storage, sessions, principals, mail, jobs). The composition root (src/container) builds them; its
// `Services` extends this with the HR database and the modules' dependencies. Platform code names only this type,
// so it knows no module (ADR 0003; ESLint forbids src/platform to import the container).
import type { Config } from '../config.ts';
import type { PrincipalLoader } from './auth/principal.ts';
import type { SessionStore } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/client.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { MailTransport } from './mail/transport.ts';
import type { Storage } from './storage/index.ts';
import type { Readiness } from './http/readiness.ts';
import type { PdfRenderer } from './pdf/index.ts';

export interface PlatformServices {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly storage: Storage;
  readonly sessions: SessionStore;
  /** SYS-4: a session's principal (roles, agency, status), loaded once per request by platform/auth/http.ts. */
  readonly principals: PrincipalLoader;
  readonly mailTransport: MailTransport;
  /** pg-boss, when this process runs it (main.ts); null in tests that do not need jobs. */
  readonly jobs: Jobs | null;
  /**
   * Asks a worker to deliver queued mail now. Call after the transaction that wrote the outbox rows has
   * committed; best-effort (the every-minute schedule delivers anyway).
   */
  kickMail(): void;
  /** What this process is still warming (/readyz answers 503 until nothing is). */
  readonly readiness: Readiness;
  /** Where resume PDFs are rendered: a worker thread (PDF_THREADS=1) or this event loop. */
  readonly pdf: PdfRenderer;
}
