// A crash (kill -9) between a disk write and its rename leaves a `.tmp-*` file in the storage tree (issue 9
// item 5). They are removed at start and by the hourly maintenance once older than `olderThanMs` (a write in
// progress is never that old).
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const TEMP_FILE_MAX_AGE_MS = 60 * 60 * 1000;

/** Removes `.tmp-*` files older than `olderThanMs` under `rootDir`; returns how many. A missing root is empty. */
export async function purgeStaleTempFiles(rootDir: string, now: Date, olderThanMs = TEMP_FILE_MAX_AGE_MS): Promise<number> {
  let removed = 0;
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && e.name.startsWith('.tmp-')) {
        const s = await stat(path).catch(() => null);
        if (s && now.getTime() - s.mtimeMs > olderThanMs) {
          await rm(path, { force: true });
          removed++;
        }
      }
    }
  }
  await walk(rootDir);
  return removed;
}
