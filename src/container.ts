// Composition root: configuration + database → repositories and services. Nothing else builds services.
import type { Config } from './config.ts';
import type { PrincipalLoader } from './platform/auth/principal.ts';
import { createSessionStore, type SessionStore } from './platform/auth/sessions.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database, Db } from './platform/db/client.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import { kickMailDelivery } from './platform/jobs/mail-jobs.ts';
import { createMailTransport, type MailTransport } from './platform/mail/transport.ts';
import { createStorage, type Storage } from './platform/storage/index.ts';
import { loadApplicantPrincipal } from './modules/accounts/account.principal.ts';
import { loadStaffPrincipal } from './modules/ecpa/staff.principal.ts';

export interface Services {
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
}

export interface ServiceOverrides {
  clock?: Clock;
  storage?: Storage;
  mailTransport?: MailTransport;
  jobs?: Jobs | null;
}

export function createServices(config: Config, database: Database, overrides: ServiceOverrides = {}): Services {
  const clock = overrides.clock ?? systemClock;
  const jobs = overrides.jobs ?? null;
  return {
    config,
    database,
    db: database.db,
    clock,
    storage: overrides.storage ?? createStorage(config.storage),
    sessions: createSessionStore(database.db, clock, config.sessionIdleMinutes),
    principals: {
      load: (kind, id) => (kind === 'applicant' ? loadApplicantPrincipal(database.db, id) : loadStaffPrincipal(database.db, id)),
    },
    mailTransport: overrides.mailTransport ?? createMailTransport(config.smtpUrl),
    jobs,
    kickMail: () => {
      if (jobs) void kickMailDelivery(jobs);
    },
  };
}
