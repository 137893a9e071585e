import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from './s3-storage.ts';
import { storageContract } from './storage.contract.ts';
import { newObjectKey } from './storage.ts';

let server: S3rver | undefined;
let dir = '';
let endpoint = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shiqiuren-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'test-bucket' }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const s3 = (bucket = 'test-bucket') =>
  createS3Storage({
    bucket,
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });

storageContract('s3 (s3rver)', () => s3());

describe('s3 storage specifics', () => {
  it('SYS-3 a missing bucket is an error, not a missing object', async () => {
    const storage = s3('no-such-bucket');
    await expect(storage.getBuffer(newObjectKey('x'))).rejects.toThrow();
  });

  it('requires both credentials or neither', () => {
    expect(() => createS3Storage({ bucket: 'b', region: 'us-east-1', accessKeyId: 'only-id' })).toThrow(/both/);
  });
});
