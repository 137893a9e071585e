// Benchmark plumbing: runs bench/load-client.ts (or bench/apply-client.ts) in a child process (so that it does not share the server's event loop) and returns its
// report; the child is killed if it has not answered 60 s after its run should have ended.
import { fork, type Serializable } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../src/config.ts';
import type { ApplyLoadOptions, ApplyLoadReport } from './apply-client.ts';
import type { LoadOptions, LoadReport } from './load-client.ts';

export function runLoadInChild(opts: LoadOptions): Promise<LoadReport> {
  return runChild<LoadReport>('./load-client.ts', opts, opts.seconds + 60);
}

/** bench/apply-client.ts in a child process; killed if it has not answered after `limitSeconds`. */
export function runApplicantsInChild(opts: ApplyLoadOptions, limitSeconds: number): Promise<ApplyLoadReport> {
  return runChild<ApplyLoadReport>('./apply-client.ts', opts, limitSeconds);
}

function runChild<R>(script: string, opts: Serializable, limitSeconds: number): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(script, import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000);
    child.once('message', (m: { ok: boolean; report?: R; error?: string }) => {
      clearTimeout(timer);
      if (m.ok && m.report) resolve(m.report);
      else reject(new Error(m.error ?? 'load client failed'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load client exited with ${code}`));
    });
    child.send(opts);
  });
}


/**
 * The environment of a benchmark's app: production mode on loopback, no logging, rate limit out of the way, fresh
 * secrets. A process started with it (a worker role apart) shares the secrets of the app it was made for.
 */
export function benchEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    BASE_URL: 'http://127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    // Production requires both (issue 9); the benchmark sends no mail and keeps no personal data.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    DATA_KEY: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '1000000000',
    ...env,
  };
}

/** The app's configuration for a benchmark (benchEnv). */
export function benchConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig(benchEnv(dataDir, env));
}
