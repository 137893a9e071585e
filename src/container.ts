// Composition root: configuration + database → repositories and services. Nothing else builds services.
import type { Config } from './config.ts';
import { createSessionStore, type SessionStore } from './platform/auth/sessions.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Database, Db } from './platform/db/client.ts';
import { createStorage, type Storage } from './platform/storage/index.ts';

export interface Services {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly storage: Storage;
  readonly sessions: SessionStore;
}

export interface ServiceOverrides {
  clock?: Clock;
  storage?: Storage;
}

export function createServices(config: Config, database: Database, overrides: ServiceOverrides = {}): Services {
  const clock = overrides.clock ?? systemClock;
  return {
    config,
    database,
    db: database.db,
    clock,
    storage: overrides.storage ?? createStorage(config.storage),
    sessions: createSessionStore(database.db, clock, config.sessionIdleMinutes),
  };
}
