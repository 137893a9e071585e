import { createDiskStorage } from './disk-storage.ts';
import { createS3Storage, type S3StorageOptions } from './s3-storage.ts';
import type { Storage } from './storage.ts';

export type StorageConfig = { driver: 'disk'; dir: string } | ({ driver: 's3' } & S3StorageOptions);

/** Builds the configured adapter (config.storage from src/config.ts fits this shape). */
export function createStorage(cfg: StorageConfig): Storage {
  switch (cfg.driver) {
    case 'disk':
      return createDiskStorage(cfg.dir);
    case 's3': {
      const { driver: _driver, ...s3 } = cfg;
      return createS3Storage(s3);
    }
    default: {
      const unknown: never = cfg;
      throw new Error(`Unknown storage driver: ${JSON.stringify((unknown as { driver?: unknown }).driver)}`);
    }
  }
}

export {
  DEFAULT_CONTENT_TYPE,
  InvalidContentTypeError,
  InvalidStorageKeyError,
  assertValidContentType,
  assertValidKey,
  newObjectKey,
  type Storage,
  type StoredObject,
} from './storage.ts';
export { createDiskStorage } from './disk-storage.ts';
export { createS3Storage, type S3StorageOptions } from './s3-storage.ts';
export {
  contentDisposition,
  formatSize,
  safeDownloadName,
  sniffUpload,
  type AllowedKind,
  type SniffResult,
} from './sniff.ts';
