// What the resume use cases need, taken from the composition root's Services.
import type { Ports } from '../../container.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { idHasher, type IdHasher } from '../../platform/crypto/id-hash.ts';

export interface ResumeDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly storage: Storage;
  readonly sessions: SessionStore;
  /** The national-ID hash of id_number_hash (RES-3), keyed by DATA_KEY. */
  readonly ids: IdHasher;
  /** 證照資格/作品附件 size limit (RES-9): config.uploadLimitBytes. */
  readonly uploadLimitBytes: number;
  readonly baseUrl: string;
  /** Asks a worker to send queued mail now (after the transaction committed). */
  kickMail(): void;
}

/** Built once by the composition root (src/container.ts: services.deps.resumes). */
export function resumeDeps(services: Ports): ResumeDeps {
  return {
    db: services.db,
    clock: services.clock,
    storage: services.storage,
    sessions: services.sessions,
    ids: idHasher(services.config),
    uploadLimitBytes: services.config.uploadLimitBytes,
    baseUrl: services.config.baseUrl,
    kickMail: () => services.kickMail(),
  };
}

/** Who acts, for audit rows. */
export interface ResumeActor {
  applicantId: string;
  ip?: string | null;
}

/** Deletes stored files after the transaction that dropped them committed; a failure leaves an orphan, never an error. */
export async function deleteFiles(storage: Storage, keys: readonly (string | null | undefined)[]): Promise<void> {
  await Promise.all(keys.filter((k): k is string => !!k).map((k) => storage.delete(k).catch(() => undefined)));
}
