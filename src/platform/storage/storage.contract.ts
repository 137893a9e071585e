// Contract tests every Storage adapter must pass. Not a test file itself: call it from one.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidContentTypeError, InvalidStorageKeyError, newObjectKey, type Storage } from './storage.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Registers the contract suite; `getStorage` is called once, in beforeAll. */
export function storageContract(name: string, getStorage: () => Storage | Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    beforeAll(async () => {
      storage = await getStorage();
    });

    it('SYS-3 round-trips Chinese text through put/get/getBuffer and keeps the content type', async () => {
      const key = newObjectKey('contract/text');
      const text = '王小明的履歷：國立臺灣大學資訊工程學系，身分證字號以遮罩保存。\n第二行 ✓';
      const body = Buffer.from(text, 'utf8');
      const stored = await storage.put(key, body, { contentType: 'text/plain; charset=utf-8' });
      expect(stored).toEqual({ key, size: body.byteLength, contentType: 'text/plain; charset=utf-8', sha256: sha(body) });

      const got = await storage.get(key);
      expect(got).not.toBeNull();
      expect(got!.size).toBe(body.byteLength);
      expect(got!.contentType).toBe('text/plain; charset=utf-8');
      expect((await readAll(got!.stream)).toString('utf8')).toBe(text);
      expect((await storage.getBuffer(key))?.toString('utf8')).toBe(text);
    });

    it('SYS-3 round-trips binary bytes exactly, with a correct sha256', async () => {
      const key = newObjectKey('contract/bin');
      const body = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);
      const stored = await storage.put(key, body, { contentType: 'application/pdf' });
      expect(stored.size).toBe(body.byteLength);
      expect(stored.sha256).toBe(sha(body));
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
      const back = await storage.getBuffer(key);
      expect(back?.equals(body)).toBe(true);
      const got = await storage.get(key);
      expect(got?.contentType).toBe('application/pdf');
      expect((await readAll(got!.stream)).equals(body)).toBe(true);
    });

    it('SYS-3 accepts a Node stream and a Uint8Array view as the body', async () => {
      const parts = [Buffer.from('姓名,電話\n'), randomBytes(70_000), Buffer.from('結束')];
      const whole = Buffer.concat(parts);
      const streamKey = newObjectKey('contract/stream');
      const stored = await storage.put(streamKey, Readable.from(parts), { contentType: 'text/csv' });
      expect(stored.size).toBe(whole.byteLength);
      expect(stored.sha256).toBe(sha(whole));
      expect((await storage.getBuffer(streamKey))?.equals(whole)).toBe(true);

      const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
      const view = backing.subarray(2, 5);
      const viewKey = newObjectKey('contract/view');
      const viewStored = await storage.put(viewKey, view, { contentType: 'application/octet-stream' });
      expect(viewStored.size).toBe(3);
      expect([...((await storage.getBuffer(viewKey)) ?? [])]).toEqual([1, 2, 3]);
    });

    it('SYS-3 stores an empty object', async () => {
      const key = newObjectKey('contract/empty');
      const stored = await storage.put(key, Buffer.alloc(0), { contentType: 'text/plain' });
      expect(stored.size).toBe(0);
      expect(stored.sha256).toBe(sha(Buffer.alloc(0)));
      expect((await storage.getBuffer(key))?.byteLength).toBe(0);
      expect(await storage.exists(key)).toBe(true);
    });

    it('returns null / false for a missing key', async () => {
      const key = newObjectKey('contract/missing');
      expect(await storage.get(key)).toBeNull();
      expect(await storage.getBuffer(key)).toBeNull();
      expect(await storage.exists(key)).toBe(false);
    });

    it('SYS-3 delete removes the object and is idempotent', async () => {
      const key = newObjectKey('contract/delete');
      await storage.put(key, Buffer.from('刪除我'), { contentType: 'text/plain' });
      expect(await storage.exists(key)).toBe(true);
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.get(key)).toBeNull();
      expect(await storage.getBuffer(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
      await expect(storage.delete(newObjectKey('contract/never'))).resolves.toBeUndefined();
    });

    it('overwriting a key replaces bytes and content type', async () => {
      const key = newObjectKey('contract/overwrite');
      await storage.put(key, Buffer.from('first version, longer'), { contentType: 'text/plain' });
      await storage.put(key, Buffer.from('second'), { contentType: 'application/json' });
      const got = await storage.get(key);
      expect(got?.contentType).toBe('application/json');
      expect(got?.size).toBe(6);
      expect((await readAll(got!.stream)).toString()).toBe('second');
    });

    it('SYS-3 rejects unsafe keys before touching storage', async () => {
      const bad = ['../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/', '', 'Resumes/X', '履歷.pdf', 'a b', 'a\\b', 'a/.hidden', '.', 'a/..'];
      for (const key of bad) {
        await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain' }), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.getBuffer(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.exists(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      }
      await expect(storage.put('../x', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(/Invalid storage key "\.\.\/x"/);
    });

    it('rejects a content type that could inject HTTP headers', async () => {
      const key = newObjectKey('contract/ct');
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/html\r\nSet-Cookie: a=b' })).rejects.toBeInstanceOf(
        InvalidContentTypeError,
      );
      expect(await storage.exists(key)).toBe(false);
    });
  });
}
