// A small HTTP load generator for the benchmarks (no autocannon here): `connections` loops, each with
// one keep-alive connection, request after request for `seconds` (and at most `maxRequests`), round-robin
// over the given paths (each optionally with a cookie). With `rate`, requests are sent on a schedule
// (request k at k / rate s) and each latency is counted from its scheduled time, so a slow server cannot hide
// its queue. A request with no answer after `timeoutMs` is a timeout. Loopback only. Runs in its own
// process (forked by the benches) so that it does not share the server's event loop; reports by IPC.
import http from 'node:http';

export interface LoadOptions {
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Hard cap on requests, whatever the duration. */
  maxRequests?: number;
  /** Requests per second to send on a schedule (open loop); unset: each connection sends as fast as it can. */
  rate?: number;
  /** Cookie header per path (same index as `paths`); '' or absent: none. */
  cookies?: string[];
  /** Other request headers per path (same index as `paths`). */
  headers?: (Record<string, string> | undefined)[];
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** Seconds of the same traffic first, on the same connections, not counted (with `rate`). */
  warmupSeconds?: number;
}

export interface LoadReport {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  timeouts: number;
  max: number;
  bytes: number;
  /** p95 latency (ms) of the requests sent in each second of the run, in order: where a queue built up. */
  p95BySecond: number[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const base = new URL(opts.base);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost' && base.hostname !== '[::1]') throw new Error(`loopback only, not ${base.hostname}`);
  if (opts.paths.length === 0) throw new Error('no paths');
  const maxRequests = opts.maxRequests ?? 2_000_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const latencies = new Float64Array(maxRequests);
  const sentAt = new Float64Array(maxRequests);
  const statuses: Record<string, number> = {};
  let count = 0;
  let started = 0;
  let errors = 0;
  let bytes = 0;
  let next = 0;
  let timeouts = 0;
  const timeoutMs = opts.timeoutMs ?? 10_000;

  const once = (path: string, cookie: string, extra: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      let timedOut = false;
      const headers = cookie ? { ...extra, cookie } : extra;
      const req = http.get({ host: base.hostname, port: base.port, path, agent, headers, timeout: timeoutMs }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(timedOut ? -2 : -1));
      });
      req.on('timeout', () => {
        timedOut = true;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => resolve(timedOut ? -2 : -1));
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const warmupMs = opts.rate ? (opts.warmupSeconds ?? 0) * 1000 : 0;
  const warmupRequests = opts.rate ? Math.floor((warmupMs / 1000) * opts.rate) : 0;
  const w0 = performance.now();
  const t0 = w0 + warmupMs;
  const end = t0 + opts.seconds * 1000;
  const loop = async () => {
    while (performance.now() < end && started < maxRequests + warmupRequests) {
      const k = started++;
      const at = next++ % opts.paths.length;
      let t = performance.now();
      if (opts.rate) {
        const scheduled = w0 + (k * 1000) / opts.rate;
        if (scheduled >= end) break;
        if (scheduled > t) await sleep(scheduled - t);
        t = scheduled;
      }
      const status = await once(opts.paths[at]!, opts.cookies?.[at] ?? '', opts.headers?.[at]);
      if (k < warmupRequests) continue;
      const ms = performance.now() - t;
      if (status === -2) timeouts++;
      sentAt[count] = t - t0;
      latencies[count++] = ms;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (status !== 200 && status !== 304) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = latencies.slice(0, count).sort();
  const bySecond: number[][] = [];
  for (let i = 0; i < count; i++) (bySecond[Math.floor(sentAt[i]! / 1000)] ??= []).push(latencies[i]!);
  const p95BySecond = Array.from(bySecond, (l) => (l ? percentile(Float64Array.from(l).sort(), 95) : 0));
  return {
    requests: count,
    errors,
    statuses,
    seconds,
    rps: count / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    timeouts,
    bytes,
    p95BySecond,
  };
}

// Forked: read the options from the first IPC message, answer with the report, exit.
if (process.send) {
  process.once('message', (message) => {
    runLoad(message as LoadOptions).then(
      (report) => process.send!({ ok: true, report }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
    );
  });
}
