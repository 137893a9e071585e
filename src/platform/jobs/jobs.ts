// Background jobs and schedules: pg-boss on the application's own database (PGlite or PostgreSQL).
//
// PostgreSQL: pg-boss gets the connection string and keeps its own small pool.
// PGlite: there is one connection, behind a node-postgres Pool with max 1 (../db/client.ts). pg-boss
// must share it through that pool, never talk to the PGlite instance directly: a statement sent
// straight to PGlite while drizzle holds the pool's client inside BEGIN … COMMIT would run inside
// that transaction. Two details make pg-boss safe on the shared session (see sharedConnection):
// every statement runs on a client checked out for it alone, and a failed statement is followed by a
// ROLLBACK on that same client. pg-boss sends some multi-statement texts with their own BEGIN …
// COMMIT (its `locked()` blocks); on PostgreSQL a failure there costs one pooled connection, which
// node-postgres discards. On PGlite discarding the client does not end the session, so without the
// ROLLBACK an aborted transaction would poison every later query of the whole application.
//
// Deadlock warning (PGlite): never `await jobs.send(...)` inside a database transaction with the
// default connection: the pool's one client is held by the transaction and the send would wait for
// it forever. Send after the commit, or send inside the transaction with `{ db: jobsTx(tx) }`, which
// also makes the job commit or roll back with the change (works on both drivers).
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, type ConstructorOptions, type Db as BossDb, type Job, type Queue, type ScheduleOptions, type SendOptions, type WorkOptions } from 'pg-boss';
import type pg from 'pg';
import type { Role } from '../../config.ts';
import type { Database, Queryable } from '../db/client.ts';

export type { Job } from 'pg-boss';

export interface JobsOptions {
  database: Database;
  /** Database schema pg-boss installs itself in. Default 'pgboss'. */
  schema?: string;
  /**
   * The roles of this process. Only a `scheduler` runs pg-boss's cron clock; only `worker` or
   * `scheduler` run its maintenance. Every role may send jobs. Default: all three.
   */
  roles?: readonly Role[];
  /** pg-boss's errors (failed polls, maintenance). Default: written to stderr. */
  onError?: (err: Error) => void;
  /** Overrides for pg-boss (tests shorten intervals). */
  boss?: Partial<ConstructorOptions>;
}

export type QueueOptions = Omit<Queue, 'name'>;
export type JobHandler<T> = (job: Job<T>) => Promise<unknown>;

export interface Jobs {
  readonly boss: PgBoss;
  readonly roles: readonly Role[];
  /** Installs or migrates pg-boss's schema, then starts polling, maintenance and (scheduler) cron. */
  start(): Promise<void>;
  /** Graceful: stops fetching, waits up to `timeoutMs` (default 20 s) for running handlers. */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
  /** Creates the queue if it does not exist (idempotent). send/work/schedule do it with defaults. */
  createQueue(name: string, options?: QueueOptions): Promise<void>;
  /**
   * Queues a job. With `{ db: jobsTx(tx) }` it is written in that transaction (the queue must have
   * been created, by createQueue/work/send, before the transaction began).
   */
  send<T extends object>(name: string, data?: T | null, opts?: SendOptions): Promise<string | null>;
  /** Runs `handler` for each job of the queue; a throw fails the job (pg-boss retries it per the queue's options). */
  work<T extends object>(name: string, handler: JobHandler<T>, opts?: WorkOptions): Promise<string>;
  /** A cron schedule, evaluated in Asia/Taipei unless `opts.tz` says otherwise. */
  schedule(name: string, cron: string, data?: object | null, opts?: ScheduleOptions): Promise<void>;
}

export const TAIPEI = 'Asia/Taipei';

/** A pg-boss database adapter that shares the application's pool (PGlite: its only connection). */
export function sharedConnection(pool: pg.Pool): BossDb {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = await pool.connect();
      try {
        return await client.query(text, values);
      } catch (err) {
        // Ends a transaction the failed text may have opened (pg-boss's BEGIN … COMMIT blocks).
        // Outside a transaction this is a harmless no-op warning.
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

/** Runs pg-boss statements in a drizzle transaction: `jobs.send(name, data, { db: jobsTx(tx) })`. */
export function jobsTx(tx: Queryable): BossDb {
  return fromDrizzle(tx, sql);
}

export function createJobs(options: JobsOptions): Jobs {
  const { database } = options;
  const roles = options.roles ?? (['web', 'worker', 'scheduler'] as const);
  const schema = options.schema ?? 'pgboss';
  const common: ConstructorOptions = {
    schema,
    schedule: roles.includes('scheduler'),
    supervise: roles.includes('worker') || roles.includes('scheduler'),
    ...options.boss,
  };
  let boss: PgBoss;
  if (database.kind === 'pglite') {
    boss = new PgBoss({ ...common, backend: 'pglite', db: sharedConnection(database.pool) });
  } else {
    const connectionString = database.pool.options.connectionString;
    if (!connectionString) throw new Error('createJobs: the PostgreSQL pool has no connection string');
    boss = new PgBoss({ max: 4, ...common, connectionString });
  }
  const onError = options.onError ?? ((err: Error) => console.error('[jobs]', err));
  boss.on('error', onError);

  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string, queueOptions?: QueueOptions): Promise<void> => {
    let p = queues.get(name);
    if (!p) {
      p = boss.createQueue(name, queueOptions);
      p.catch(() => queues.delete(name));
      queues.set(name, p);
    }
    return p;
  };

  return {
    boss,
    roles,
    async start() {
      await boss.start();
    },
    async stop(opts = {}) {
      await boss.stop({ graceful: true, close: true, timeout: opts.timeoutMs ?? 20_000 });
      queues.clear();
    },
    createQueue: ensureQueue,
    async send(name, data, opts) {
      if (opts?.db) {
        // Inside the caller's transaction nothing may touch the shared connection (PGlite deadlock),
        // and pg-boss would read an unknown queue through it: the queue must already be known here.
        if (!queues.has(name)) throw new Error(`jobs.send in a transaction: call jobs.createQueue('${name}') first`);
        await queues.get(name);
      } else {
        await ensureQueue(name);
      }
      return boss.send(name, data ?? null, opts);
    },
    async work<T extends object>(name: string, handler: JobHandler<T>, opts: WorkOptions = {}) {
      await ensureQueue(name);
      return boss.work<T>(name, { ...opts, perJobResults: false, transactional: false, includeMetadata: false }, async (batch) => {
        for (const job of batch) await handler(job);
      });
    },
    async schedule(name, cron, data, opts = {}) {
      await ensureQueue(name);
      await boss.schedule(name, cron, data ?? null, { ...opts, tz: opts.tz ?? TAIPEI });
    },
  };
}
