// Composition root: configuration + database → every port and every module's dependencies, built once per process
// (ADR 0003). Nothing else constructs a port; tests replace ports through ServiceOverrides.
import type { Config } from './config.ts';
import { createSessionStore } from './platform/auth/sessions.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database } from './platform/db/client.ts';
import { createJobs, type Jobs } from './platform/jobs/jobs.ts';
import { createMailKicker, kickMailDelivery } from './platform/jobs/mail-jobs.ts';
import { createMailTransport, type MailTransport } from './platform/mail/transport.ts';
import { createThreadPdfRenderer, inlinePdfRenderer } from './platform/pdf/index.ts';
import { Readiness } from './platform/http/readiness.ts';
import type { PlatformServices } from './platform/services.ts';
import { createStorage, type Storage } from './platform/storage/index.ts';
import { accountDeps, type AccountDeps } from './modules/accounts/index.ts';
import { ecpaDeps, type EcpaDeps } from './modules/ecpa/index.ts';
import { createLocalHrDatabase, type HrDatabase } from './modules/hrdb/index.ts';
import { newsletterDeps, type NewsletterDeps } from './modules/newsletters/index.ts';
import { resumeDeps, type ResumeDeps } from './modules/resumes/index.ts';
import { applicationDeps, type ApplicationDeps } from './modules/applications/index.ts';
import { loadApplicantPrincipal } from './modules/accounts/index.ts';
import { loadStaffPrincipal } from './modules/ecpa/index.ts';

/** Mail kicks at most four a second (mail-jobs.ts createMailKicker); the first of a quiet moment goes at once. */
const MAIL_KICK_SPACING_MS = 250;

/** The ports: the platform's (configuration, database, clock, storage, sessions, mail, jobs) and the HR database. */
export interface Ports extends PlatformServices {
  /** 公務人力資料庫: the eCPA verification and the RES-4 import into a first resume. */
  readonly hrdb: HrDatabase;
}

/** What each module's use cases need, built once from the ports. */
export interface ModuleDeps {
  readonly accounts: AccountDeps;
  readonly ecpa: EcpaDeps;
  readonly resumes: ResumeDeps;
  readonly newsletters: NewsletterDeps;
  readonly applications: ApplicationDeps;
}

export interface Services extends Ports {
  readonly deps: ModuleDeps;
}

export interface ServiceOverrides {
  clock?: Clock;
  storage?: Storage;
  mailTransport?: MailTransport;
  jobs?: Jobs | null;
  hrdb?: HrDatabase;
}

export function createServices(config: Config, database: Database, overrides: ServiceOverrides = {}): Services {
  const clock = overrides.clock ?? systemClock;
  const jobs = overrides.jobs ?? null;
  const ports: Ports = {
    config,
    database,
    db: database.db,
    clock,
    storage: overrides.storage ?? createStorage(config.storage),
    sessions: createSessionStore(database.db, clock, config.sessionIdleMinutes),
    principals: {
      load: (kind, id, hints) => (kind === 'applicant' ? loadApplicantPrincipal(database.db, id) : loadStaffPrincipal(database.db, id, hints?.actingAgency ?? null)),
    },
    mailTransport: overrides.mailTransport ?? createMailTransport(config.smtpUrl),
    jobs,
    hrdb: overrides.hrdb ?? createLocalHrDatabase(),
    kickMail: jobs ? createMailKicker(() => kickMailDelivery(jobs), { spacingMs: MAIL_KICK_SPACING_MS }) : () => undefined,
    readiness: new Readiness(),
    // GEN-1: resume PDFs on a thread of their own, off the event loop (PDF_THREADS; platform/pdf/render-thread.ts).
    pdf: config.pdfThreads > 0 ? createThreadPdfRenderer() : inlinePdfRenderer,
  };
  const deps: ModuleDeps = {
    accounts: accountDeps(ports),
    ecpa: ecpaDeps(ports, ports.hrdb),
    resumes: resumeDeps(ports),
    newsletters: newsletterDeps(ports),
    applications: applicationDeps(ports),
  };
  return { ...ports, deps };
}

/** The running process's services (src/main.ts): those of createServices with pg-boss for the configured roles. */
export function createProcessServices(config: Config, database: Database): Services & { readonly jobs: Jobs } {
  const jobs = createJobs({ database, roles: config.roles });
  return { ...createServices(config, database, { jobs }), jobs };
}
