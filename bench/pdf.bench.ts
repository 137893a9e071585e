// Resume PDF throughput (ARCHITECTURE.md: pdfkit + Noto Sans TC subset). Renders the full sample resume
// (every section, 3,200-character 自傳, photo) 5 times to warm up, then 50 times, and prints ms per PDF
// (mean, p50, p95) and the size. Goal: ≤ 60 ms a PDF warm. Run: npx tsx bench/pdf.bench.ts
import { availableParallelism, loadavg } from 'node:os';
import { renderBlankResumePdf, renderResumePdf } from '../src/platform/pdf/index.ts';
import { sampleResume } from '../src/platform/pdf/testing/sample-resume.ts';

const WARMUP = 5;
const RUNS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const resume = sampleResume();
  const coldStart = performance.now();
  const first = await renderResumePdf(resume);
  const cold = performance.now() - coldStart;
  for (let i = 0; i < WARMUP; i++) await renderResumePdf(resume);
  const times: number[] = [];
  const cpu: number[] = [];
  let size = first.length;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const pdf = await renderResumePdf(resume);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    size = pdf.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const cpuMean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  const blank = await renderBlankResumePdf();
  const f = (n: number) => n.toFixed(1);
  console.log(`resume PDF (full sample, ${RUNS} runs after ${WARMUP} warm-up, node ${process.version})`);
  console.log(`  first (cold, loads fonts): ${f(cold)} ms`);
  console.log(`  mean ${f(mean)} ms · p50 ${f(percentile(times, 50))} ms · p95 ${f(percentile(times, 95))} ms · min ${f(times[0]!)} ms · max ${f(times[times.length - 1]!)} ms`);
  console.log(`  CPU time (all threads, less sensitive to a busy machine): mean ${f(cpuMean)} ms · p50 ${f(percentile(cpu, 50))} ms · p95 ${f(percentile(cpu, 95))} ms`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`  size ${size} bytes (${f(size / 1024)} KiB); blank form ${blank.length} bytes (${f(blank.length / 1024)} KiB)`);
  const p50 = percentile(times, 50);
  const verdict = (ms: number) => (ms <= 60 ? 'met' : 'NOT met');
  console.log(`  goal ≤ 60 ms warm: wall mean ${verdict(mean)}, wall p50 ${verdict(p50)}, CPU mean ${verdict(cpuMean)}`);
  if (loadavg()[0]! > availableParallelism()) console.log('  note: the machine is busy (load above its core count): wall times are inflated; CPU time is the fairer figure');
}

await main();
