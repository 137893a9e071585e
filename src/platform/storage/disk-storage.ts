// Disk adapter. Layout under rootDir:
//   objects/<key>        the bytes
//   meta/<key>.json      { contentType, size, sha256, storedAt }
// Writes go to a temp file in the target directory (name starts with "." so it can never collide with
// a valid key), are fsynced, then renamed into place. Metadata is written before the data, so whenever
// the data file exists its metadata does too (keys are normally write-once UUIDs).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import {
  DEFAULT_CONTENT_TYPE,
  assertValidContentType,
  assertValidKey,
  isReadableStream,
  type Storage,
  type StoredObject,
} from './storage.ts';

interface DiskMeta {
  contentType: string;
  size: number;
  sha256: string;
  storedAt: string;
}

export function createDiskStorage(rootDir: string): Storage {
  const root = resolve(rootDir);
  const objectsRoot = join(root, 'objects');
  const metaRoot = join(root, 'meta');

  /** Resolves a key inside `base`; assertValidKey already forbids traversal, this is the belt to its braces. */
  function pathFor(base: string, key: string, suffix = ''): string {
    assertValidKey(key);
    const full = resolve(base, ...key.split('/')) + suffix;
    if (!full.startsWith(base + sep)) throw new Error(`Storage key escapes the storage root: ${key}`);
    return full;
  }
  const dataPath = (key: string): string => pathFor(objectsRoot, key);
  const metaPath = (key: string): string => pathFor(metaRoot, key, '.json');

  async function readMeta(key: string): Promise<Partial<DiskMeta>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(metaPath(key), 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<DiskMeta>) : {};
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
  }

  function contentTypeOf(meta: Partial<DiskMeta>): string {
    return typeof meta.contentType === 'string' ? meta.contentType : DEFAULT_CONTENT_TYPE;
  }

  return {
    async put(key, body, meta): Promise<StoredObject> {
      const target = dataPath(key);
      const metaTarget = metaPath(key);
      assertValidContentType(meta.contentType);

      const dataTmp = await writeTemp(target, async (fh) => {
        const hash = createHash('sha256');
        let size = 0;
        const write = async (chunk: Uint8Array): Promise<void> => {
          hash.update(chunk);
          size += chunk.byteLength;
          await fh.write(chunk);
        };
        if (isReadableStream(body)) {
          for await (const chunk of body) await write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        } else {
          await write(body);
        }
        return { size, sha256: hash.digest('hex') };
      });

      try {
        const stored: DiskMeta = { contentType: meta.contentType, ...dataTmp.result, storedAt: new Date().toISOString() };
        const metaTmp = await writeTemp(metaTarget, async (fh) => {
          await fh.writeFile(JSON.stringify(stored), 'utf8');
        });
        await rename(metaTmp.path, metaTarget);
        await rename(dataTmp.path, target);
        return { key, size: stored.size, contentType: stored.contentType, sha256: stored.sha256 };
      } catch (err) {
        await rm(dataTmp.path, { force: true });
        throw err;
      }
    },

    async get(key) {
      const path = dataPath(key);
      let fh: FileHandle;
      try {
        fh = await open(path, 'r');
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
      try {
        const { size } = await fh.stat();
        const meta = await readMeta(key);
        return { stream: fh.createReadStream({ autoClose: true }), size, contentType: contentTypeOf(meta) };
      } catch (err) {
        await fh.close();
        throw err;
      }
    },

    async getBuffer(key) {
      try {
        return await readFile(dataPath(key));
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      const path = dataPath(key);
      const mpath = metaPath(key);
      await unlinkIfPresent(path);
      await unlinkIfPresent(mpath);
    },

    async exists(key) {
      try {
        return (await stat(dataPath(key))).isFile();
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
  };
}

/** Creates the target's directory, writes a fsynced temp file next to it and returns its path. */
async function writeTemp<T>(target: string, fill: (fh: FileHandle) => Promise<T>): Promise<{ path: string; result: T }> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `.tmp-${randomUUID()}`);
  const fh = await open(path, 'wx', 0o600);
  try {
    const result = await fill(fh);
    await fh.sync();
    await fh.close();
    return { path, result };
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // ENOTDIR: a key below something that is a file (e.g. "a/b" when "a" is an object) cannot exist.
  return code === 'ENOENT' || code === 'ENOTDIR';
}
