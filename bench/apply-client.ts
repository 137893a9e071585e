// The applicants of bench/apply.bench.ts, in their own process (forked, as bench/load-client.ts is for the other
// benches) so that 50 HTTP clients do not share the server's event loop. Each applicant has one keep-alive
// connection and sends its 確定應徵 requests one after the other (POST /platform/apply, one job each), waiting
// `thinkMs` (±50 %, random) before each when asked. Reports every request's latency and status by IPC.
import http from 'node:http';

export interface ApplyStep {
  cookie: string;
  csrf: string;
  workId: string;
}

export interface ApplyLoadOptions {
  base: string;
  /** One list of requests per applicant, sent in order. */
  applicants: ApplyStep[][];
  thinkMs: number;
  timeoutMs?: number;
}

export interface ApplyLoadReport {
  latencies: number[];
  /** For each latency, the request's place in its applicant's list (0: the first). */
  steps: number[];
  /** For each latency, when the request was sent, in ms after the first. */
  startedAt: number[];
  statuses: Record<string, number>;
  seconds: number;
  /** CPU seconds (user + system) this process spent while the applicants ran. */
  cpuSeconds: number;
}

export async function runApplicants(opts: ApplyLoadOptions): Promise<ApplyLoadReport> {
  const base = new URL(opts.base);
  if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost') throw new Error(`loopback only, not ${base.hostname}`);
  const latencies: number[] = [];
  const stepsOf: number[] = [];
  const startedAt: number[] = [];
  const statuses: Record<string, number> = {};
  const post = (agent: http.Agent, step: ApplyStep) =>
    new Promise<number>((resolve) => {
      const body = new URLSearchParams({ _csrf: step.csrf, workId: step.workId, consent: '1', consentVersion: 'v1' }).toString();
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path: '/platform/apply',
          method: 'POST',
          agent,
          timeout: opts.timeoutMs ?? 30_000,
          headers: { cookie: step.cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(-1));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(-1));
      req.end(body);
    });
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    opts.applicants.map(async (steps) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const [i, step] of steps.entries()) {
        if (opts.thinkMs) await new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + Math.random())));
        const t0 = performance.now();
        const status = await post(agent, step);
        latencies.push(performance.now() - t0);
        stepsOf.push(i);
        startedAt.push(t0 - started);
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      }
      agent.destroy();
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { latencies, steps: stepsOf, startedAt, statuses, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

// Forked: read the options from the first IPC message, answer with the report, exit.
if (process.send) {
  process.once('message', (message) => {
    runApplicants(message as ApplyLoadOptions).then(
      (report) => process.send!({ ok: true, report }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
    );
  });
}
