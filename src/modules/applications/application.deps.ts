// What the application use cases need, taken from the composition root's Services (built once: services.deps.applications).
import type { Ports } from '../../container.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { PdfRenderer } from '../../platform/pdf/index.ts';
import type { Storage } from '../../platform/storage/index.ts';
import type { EcpaDeps } from '../ecpa/index.ts';
import type { HrDatabase } from '../hrdb/index.ts';

export interface ApplicationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly storage: Storage;
  /** pg-boss when this process runs it; null in tests without jobs (the sweeper or a direct call produces the file). */
  readonly jobs: Jobs | null;
  readonly baseUrl: string;
  /** APPLICATION_RETENTION_MONTHS (SYS-3). */
  readonly retentionMonths: number;
  /** 公務人力資料庫 and the keys that tie a staff account to its HR person (DK, ECPA-5; the GEN-2 batch). */
  readonly hrdb: HrDatabase;
  readonly config: EcpaDeps['config'];
  kickMail(): void;
  /** Where the resume PDF is rendered (a worker thread in a running process). */
  readonly pdf: PdfRenderer;
}

export function applicationDeps(services: Ports): ApplicationDeps {
  return {
    db: services.db,
    clock: services.clock,
    storage: services.storage,
    jobs: services.jobs,
    baseUrl: services.config.baseUrl,
    retentionMonths: services.config.applicationRetentionMonths,
    hrdb: services.hrdb,
    config: services.config,
    kickMail: () => services.kickMail(),
    pdf: services.pdf,
  };
}

/** Who acts, for audit rows. */
export interface ApplicantActor {
  applicantId: string;
  ip?: string | null;
}

/** Deletes stored files after the transaction that dropped them committed; a failure leaves an orphan, never an error. */
export async function deleteFiles(storage: Storage, keys: readonly (string | null | undefined)[]): Promise<void> {
  await Promise.all(keys.filter((k): k is string => !!k).map((k) => storage.delete(k).catch(() => undefined)));
}
