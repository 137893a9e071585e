// ADM-2: a code-table change made by one process shows in another web process on the same PostgreSQL database
// without a restart — within its version check's interval (reference/index.ts CODE_TABLES_CHECK_MS, 5 s). The web
// process is the real entry point (`tsx src/main.ts`); this test process changes a 職系's name through the use case.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../src/platform/clock.ts';
import { updateCodeEntry } from '../src/modules/reference/index.ts';
import { createTestDatabase } from './helpers/db.ts';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

describe('code tables across processes', { timeout: 120_000 }, () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('ADM-2 a 職系 renamed by another process shows in a running web process after its version check, without a restart', async () => {
    const database = await createTestDatabase('postgres');
    const dir = mkdtempSync(join(tmpdir(), 'sqr-codes-'));
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: database.url!, SEED_DEMO: 'false', ROLES: 'web', LOG_LEVEL: 'warn' };
    const child = spawn(TSX, ['src/main.ts'], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => out, { timeout: 90_000, interval: 300 }).toContain('web: listening');
      const jobs = async () => (await fetch(`http://127.0.0.1:${port}/jobs`)).text();
      expect(await jobs()).toContain('>綜合行政<');
      const r = await updateCodeEntry({ db: database.db, clock: systemClock }, { kind: 'system' }, 'sysnam', 'A101', { code: 'A101', name: '綜合行政（跨程序）', sysnamClass: '行政類', active: true });
      expect(r.ok).toBe(true);
      const changedAt = Date.now();
      await expect.poll(jobs, { timeout: 15_000, interval: 250 }).toContain('>綜合行政（跨程序）<');
      // Within the check interval (5 s) and a request or two.
      expect(Date.now() - changedAt).toBeLessThan(8_000);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
