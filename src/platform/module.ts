// The contract of a business module (ADR 0003). Each module's index.ts exports one AppModule and the public
// functions other modules may call; the module list (the index.ts beside the module folders) gives their order and
// the composition root (src/container, src/routes and src/main) iterates it. Platform knows no module: the
// services a module receives are a type parameter, filled in by the composition root.
import type { FastifyInstance } from 'fastify';
import type { Jobs } from './jobs/jobs.ts';

export interface AppModule<S> {
  /** The module's folder name, for logs. */
  readonly name: string;
  /** Registers the module's HTTP routes (in the order of the module list). */
  routes?(app: FastifyInstance, services: S): Promise<void>;
  /**
   * Registers the module's pg-boss queues, their workers (role `worker`) and their schedules (role `scheduler`).
   * Called after `jobs.start()`.
   */
  jobs?(jobs: Jobs, services: S): Promise<void>;
  /** Housekeeping run by the hourly maintenance job (purges, statistics); returns what it removed, if it counts. */
  maintenance?(services: S): Promise<number | void>;
  /**
   * Loads what the web role serves from memory (the PUB-1 search index), started once the web role listens;
   * /readyz answers 503 until it settles (platform/http/readiness.ts). Returns a line for the start-up log.
   */
  warm?(services: S): Promise<string | void>;
  /** Demo data (SEED_DEMO), in the order of the module list; returns a line for the start-up log, if any. */
  seedDemo?(services: S): Promise<string | void>;
}
