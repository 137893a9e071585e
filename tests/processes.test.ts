// The real entry points as a newcomer runs them: `npm start` (src/main.ts) and the import CLI.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const FEED = join(process.cwd(), 'assets/demo/dgpa-opendata-1050515.xml');
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sqr-proc-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

describe('processes', { timeout: 180_000 }, () => {
  it('SYS-4 a bad setting stops the process with one line naming the variable', async () => {
    const err = await run(TSX, ['src/main.ts'], { env: cleanEnv({ PORT: 'abc', DATA_DIR: tempDir() }) }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    const lines = (err as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
  });

  it('SYS-4 production refuses CAPTCHA_TEST_CODE', async () => {
    const err = await run(TSX, ['src/main.ts'], {
      env: cleanEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), CAPTCHA_TEST_CODE: '1234', DATA_DIR: tempDir() }),
    }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toContain('CAPTCHA_TEST_CODE');
  });

  it('PUB-1 npm start on an empty data dir seeds the 1,106 real jobs and serves them (search index warmed, PDF fallback font found); SIGTERM stops it gracefully', async () => {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(TSX, ['src/main.ts'], { env: cleanEnv({ PORT: String(port), DATA_DIR: tempDir(), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }) });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect.poll(() => out, { timeout: 120_000, interval: 500 }).toContain('web: listening');
      expect(out).toContain('demo seed: 1106 real jobs imported (0 rejected)');
      const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      // The 1,106 real jobs and the 4 published demo vacancies of the two demo agencies (src/modules/agency/agency.seed.ts).
      expect(home).toContain('共 1110 筆職缺');
      // The web role warms the search index after listen (/readyz: 503 until then), and found the PDF fallback font.
      await expect.poll(() => out, { timeout: 30_000, interval: 200 }).toMatch(/web: search index: \d+ vacancies/);
      expect(out).toMatch(/pdf: fallback fonts \S*TW-(Sung|Kai)/);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'pglite' });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(out).toContain('SIGTERM: shutting down gracefully');
  });

  it('PUB-4 the import CLI loads the real feed, and a second run changes nothing', async () => {
    const env = cleanEnv({ DATA_DIR: tempDir() });
    const first = await run(TSX, ['scripts/import-opendata.ts', FEED], { env });
    expect(first.stdout).toMatch(/read\s+1106/);
    expect(first.stdout).toMatch(/inserted\s+1106/);
    const second = await run(TSX, ['scripts/import-opendata.ts', FEED], { env });
    expect(second.stdout).toMatch(/inserted\s+0/);
    expect(second.stdout).toMatch(/updated\s+0/);
    expect(second.stdout).toMatch(/unchanged\s+1106/);
  });

  it('PUB-4 the import CLI reports a malformed file and exits 2', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.xml');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, '<ROOT><ROW><TITLE>x</ROW>'));
    const err = await run(TSX, ['scripts/import-opendata.ts', bad], { env: cleanEnv({ DATA_DIR: dir }) }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
