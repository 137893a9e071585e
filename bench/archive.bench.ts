// 調閱履歷 archive (ACS-2): 10 applicants, each a resume PDF (200 KB) and a 5 MB attachment of random bytes (does not
// compress, like a scanned PDF), into one AES-256 zip — the archive step alone (storage in memory, no database).
// The first run is a warm-up. Goal (issue 12): < 1 s.
// Run: npx tsx bench/archive.bench.ts [--runs 5] [--mb 5]
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Storage } from '../src/platform/storage/storage.ts';
import type { ApplicationRow } from '../src/modules/applications/index.ts';
import { buildArchive } from '../src/modules/access/access.archive.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, mb: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const GOAL_MS = 1_000;

const files = new Map<string, Buffer>();
const rows = Array.from({ length: 10 }, (_, i) => {
  files.set(`r${i}`, randomBytes(200 * 1024));
  files.set(`a${i}`, randomBytes(Number(args.mb) * 1024 * 1024));
  return { id: `app${i}`, resumeFileKey: `r${i}`, attachmentKey: `a${i}`, attachmentName: 'x.pdf' } as unknown as ApplicationRow;
});
const storage = { getBuffer: async (key: string) => files.get(key) ?? null } as unknown as Storage;

const times: number[] = [];
let size = 0;
for (let run = 0; run <= RUNS; run++) {
  const t0 = performance.now();
  const zip = await buildArchive(storage, rows, 'Bench-Pass9!', new Date());
  const ms = performance.now() - t0;
  size = zip.byteLength;
  if (run > 0) times.push(ms);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`archive of 10 × (${args.mb} MB + 200 KB): ${(size / 1024 / 1024).toFixed(1)} MiB, median ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${RUNS} runs (goal < ${GOAL_MS} ms) — ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)}`);
if (median > GOAL_MS) process.exitCode = 1;
