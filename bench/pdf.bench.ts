// Resume PDF throughput (ARCHITECTURE.md: pdfkit + Noto Sans TC subset). Renders the full sample resume
// (every section, 3,200-character 自傳, photo) 5 times to warm up, then 50 times, and prints ms per PDF
// (mean, p50, p95) and the size. Goal: ≤ 60 ms a PDF warm. Run: npx tsx bench/pdf.bench.ts
// Then the Extension-B fallback (ADR "Extension-B fallback font"): the same resume with 陳𠀋華 and an address
// with 𠀋 and 㐀, the fallback subset as in production, and once with the whole fallback file embedded.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import PDFDocument from 'pdfkit';
import { pdfFonts } from '../src/platform/pdf/fonts.ts';
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

/** Mean wall ms and the size of `runs` renders of `resume` after `warm` renders. */
async function timeRenders(resume: ReturnType<typeof sampleResume>, warm: number, runs: number): Promise<{ mean: number; size: number }> {
  for (let i = 0; i < warm; i++) await renderResumePdf(resume);
  let total = 0;
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    size = (await renderResumePdf(resume)).length;
    total += performance.now() - t;
  }
  return { mean: total / runs, size };
}

/**
 * Makes pdfkit embed the whole Extension-B file instead of a subset (bench only): the font's subset keeps every
 * glyph id and encodes to the original file; the glyph-id-indexed width and ToUnicode arrays are filled.
 */
function embedWholeFallback(index: number): void {
  const fonts = pdfFonts();
  const font = fonts.fallbackFont(index) as unknown as Record<string, unknown>;
  const bytes = readFileSync(fonts.fallbacks[index]!.path);
  font.createSubset = () => ({ includeGlyph: (gid: number) => gid, encode: () => bytes });
  const probe = new PDFDocument();
  probe.registerFont('probe', font as never);
  probe.font('probe');
  const proto = Object.getPrototypeOf((probe as unknown as { _font: object })._font) as { embed: (this: EmbeddedFont) => unknown };
  const embed = proto.embed;
  proto.embed = function (this: EmbeddedFont) {
    if (this.font === font) {
      for (let g = 0; g < this.widths.length; g++) {
        this.widths[g] ??= 0;
        this.unicode[g] ??= [0];
      }
    }
    return embed.call(this);
  };
}
interface EmbeddedFont {
  font: unknown;
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
}

async function extensionB(): Promise<void> {
  const f = (n: number) => n.toFixed(1);
  const fonts = pdfFonts();
  const index = fonts.fallbacks.findIndex((x) => x.part === 'ext-b');
  if (index < 0) {
    console.log('Extension B: no fallback font found (install fonts-cns11643-sung)');
    return;
  }
  const plain = sampleResume();
  const rare = sampleResume();
  rare.basic.chineseName = '陳𠀋華';
  rare.basic.address = '臺北市𠀋𠀋路一段㐀號';
  const t0 = performance.now();
  await renderResumePdf(rare);
  const cold = performance.now() - t0;
  const base = await timeRenders(plain, 3, RUNS);
  const subset = await timeRenders(rare, 3, RUNS);
  console.log(`Extension B (${fonts.fallbacks.map((x) => x.path.replace(/.*\//, '')).join(', ')})`);
  console.log(`  first PDF with 𠀋 and 㐀 (reads the fallback files): ${f(cold)} ms`);
  console.log(`  Noto only: mean ${f(base.mean)} ms, ${base.size} bytes`);
  console.log(`  with the fallback subset: mean ${f(subset.mean)} ms, ${subset.size} bytes (+${subset.size - base.size})`);
  embedWholeFallback(index);
  const whole = await timeRenders(rare, 0, 3);
  console.log(`  with the whole Extension-B file embedded: mean ${f(whole.mean)} ms, ${whole.size} bytes (${f(whole.size / 1024 / 1024)} MiB)`);
}

await main();
await extensionB();
