// S3 (or S3-compatible: MinIO, Ceph, s3rver in tests) adapter.
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import {
  DEFAULT_CONTENT_TYPE,
  assertValidContentType,
  assertValidKey,
  bodyToBuffer,
  sha256Hex,
  type Storage,
  type StoredObject,
} from './storage.ts';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

export function createS3Storage(opts: S3StorageOptions): Storage {
  if (!opts.bucket) throw new Error('createS3Storage: bucket is required');
  const { bucket } = opts;
  const client = new S3Client(clientConfig(opts));

  return {
    async put(key, body, meta): Promise<StoredObject> {
      assertValidKey(key);
      assertValidContentType(meta.contentType);
      // Uploads are size-limited before they reach storage, so buffering is fine; it gives us the
      // Content-Length S3 requires and lets S3 verify our SHA-256 on arrival.
      const bytes = await bodyToBuffer(body);
      const sha256 = sha256Hex(bytes);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: meta.contentType,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          Metadata: { sha256 },
        }),
      );
      return { key, size: bytes.byteLength, contentType: meta.contentType, sha256 };
    },

    async get(key) {
      assertValidKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const stream = out.Body;
        if (!(stream instanceof Readable)) throw new Error('S3 GetObject returned a non-Node stream body');
        return { stream, size: out.ContentLength ?? 0, contentType: out.ContentType ?? DEFAULT_CONTENT_TYPE };
      } catch (err) {
        if (isMissingKey(err)) return null;
        throw err;
      }
    },

    async getBuffer(key) {
      assertValidKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return Buffer.alloc(0);
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (err) {
        if (isMissingKey(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      assertValidKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (err) {
        if (!isMissingKey(err)) throw err;
      }
    },

    async exists(key) {
      assertValidKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (err) {
        if (isMissingKey(err)) return false;
        throw err;
      }
    },
  };
}

function clientConfig(opts: S3StorageOptions): S3ClientConfig {
  if (Boolean(opts.accessKeyId) !== Boolean(opts.secretAccessKey)) {
    throw new Error('createS3Storage: give both accessKeyId and secretAccessKey, or neither (default credential chain)');
  }
  return {
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.accessKeyId && opts.secretAccessKey
      ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } }
      : {}),
    forcePathStyle: opts.forcePathStyle ?? false,
    // Newer SDKs default to CRC32 trailers with aws-chunked uploads, which many S3-compatible
    // servers (s3rver, older MinIO/Ceph) reject. We send our own SHA-256 checksum instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** NoSuchKey (GetObject), NotFound (HeadObject) or any other 404 except a missing bucket (a misconfiguration). */
function isMissingKey(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  if (e.name === 'NoSuchBucket' || e.Code === 'NoSuchBucket') return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
