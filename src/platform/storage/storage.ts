// The storage port: where uploaded files (résumés, certificates, exports) live.
// Adapters: disk-storage.ts (single host / development) and s3-storage.ts (S3 or compatible).
import { createHash, randomUUID } from 'node:crypto';

export interface StoredObject {
  key: string;
  size: number;
  contentType: string;
  /** Hex SHA-256 of the stored bytes, computed by the adapter. */
  sha256: string;
}

export interface Storage {
  put(key: string, body: Buffer | Uint8Array | NodeJS.ReadableStream, meta: { contentType: string }): Promise<StoredObject>;
  /** null when the key does not exist. */
  get(key: string): Promise<{ stream: NodeJS.ReadableStream; size: number; contentType: string } | null>;
  /** null when the key does not exist. */
  getBuffer(key: string): Promise<Buffer | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class InvalidStorageKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
    this.name = 'InvalidStorageKeyError';
  }
}

export class InvalidContentTypeError extends Error {
  constructor(contentType: string) {
    super(`Invalid content type ${JSON.stringify(contentType.slice(0, 200))}`);
    this.name = 'InvalidContentTypeError';
  }
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const MAX_KEY_LENGTH = 512;
const KEY_CHARS = /^[a-z0-9/_.-]+$/;

/**
 * Throws InvalidStorageKeyError unless `key` is a safe object key: only [a-z0-9/_.-], no leading or
 * trailing `/`, no empty segments, no `..`, and no segment starting with `.` (reserved for the disk
 * adapter's temp files; also rules out `.` / `..` aliasing).
 */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidStorageKeyError(String(key), 'must not be empty');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidStorageKeyError(key, `longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes('..')) throw new InvalidStorageKeyError(key, 'must not contain ".."');
  if (key.startsWith('/')) throw new InvalidStorageKeyError(key, 'must not start with "/"');
  if (!KEY_CHARS.test(key)) throw new InvalidStorageKeyError(key, 'only a-z, 0-9, "/", "_", "." and "-" are allowed');
  if (key.endsWith('/')) throw new InvalidStorageKeyError(key, 'must not end with "/"');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidStorageKeyError(key, 'must not contain empty path segments ("//")');
    if (segment.startsWith('.')) throw new InvalidStorageKeyError(key, 'path segments must not start with "."');
  }
}

const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;\s*[a-z0-9!#$&^_.+-]+=(?:[a-z0-9!#$&^_.+-]+|"[^"\\\p{Cc}]*"))*$/iu;

/** Throws InvalidContentTypeError unless `contentType` is a plain `type/subtype[; param=value]` (it ends up in HTTP headers). */
export function assertValidContentType(contentType: string): void {
  if (typeof contentType !== 'string' || contentType.length > 200 || !CONTENT_TYPE.test(contentType)) {
    throw new InvalidContentTypeError(String(contentType));
  }
}

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000; // Taiwan has no daylight saving time.

/**
 * A fresh, unguessable object key such as `resumes/2026/11/<uuid>` (year/month in Taipei time).
 * Keys are never derived from user-supplied file names; keep the original name in the database.
 */
export function newObjectKey(prefix: string, now: Date = new Date()): string {
  const clean = prefix.replace(/\/+$/, '');
  assertValidKey(clean);
  const taipei = new Date(now.getTime() + TAIPEI_OFFSET_MS);
  const year = String(taipei.getUTCFullYear());
  const month = String(taipei.getUTCMonth() + 1).padStart(2, '0');
  const key = `${clean}/${year}/${month}/${randomUUID()}`;
  assertValidKey(key);
  return key;
}

export function isReadableStream(body: Buffer | Uint8Array | NodeJS.ReadableStream): body is NodeJS.ReadableStream {
  return !(body instanceof Uint8Array);
}

/** Collects a body into one Buffer (used where the adapter needs the length up front). */
export async function bodyToBuffer(body: Buffer | Uint8Array | NodeJS.ReadableStream): Promise<Buffer> {
  if (!isReadableStream(body)) return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
