import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from './disk-storage.ts';
import { storageContract } from './storage.contract.ts';
import { newObjectKey } from './storage.ts';

const dirs: string[] = [];
async function tempRoot(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shiqiuren-storage-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

storageContract('disk', async () => createDiskStorage(join(await tempRoot(), 'not-yet-created')));

describe('disk storage specifics', () => {
  it('SYS-3 writes owner-only files, keeps metadata in a sidecar and leaves no temp files', async () => {
    const root = await tempRoot();
    const storage = createDiskStorage(root);
    const key = newObjectKey('resumes');
    await storage.put(key, Buffer.from('個資'), { contentType: 'application/pdf' });

    const dataFile = join(root, 'objects', ...key.split('/'));
    expect(((await stat(dataFile)).mode & 0o777).toString(8)).toBe('600');
    const meta = JSON.parse(await readFile(join(root, 'meta', ...key.split('/')) + '.json', 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ contentType: 'application/pdf', size: 6 });

    const dir = join(root, 'objects', ...key.split('/').slice(0, -1));
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('SYS-3 cleans up the temp file when the body stream fails mid-way', async () => {
    const root = await tempRoot();
    const storage = createDiskStorage(root);
    const key = newObjectKey('resumes');
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    const { Readable } = await import('node:stream');
    await expect(storage.put(key, Readable.from(failing()), { contentType: 'application/pdf' })).rejects.toThrow('client went away');
    expect(await storage.exists(key)).toBe(false);
    const dir = join(root, 'objects', ...key.split('/').slice(0, -1));
    expect(await readdir(dir)).toEqual([]);
  });

  it('SYS-3 never reads outside its root even for a sibling file', async () => {
    const root = await tempRoot();
    const storage = createDiskStorage(join(root, 'store'));
    await expect(storage.getBuffer('../secret')).rejects.toThrow(/Invalid storage key/);
    expect(await storage.getBuffer('objects')).toBeNull();
  });
});
