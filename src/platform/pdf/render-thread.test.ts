// GEN-1: resume PDFs rendered on a worker thread (render-thread.ts): the same file as inline, and the event loop
// stays free while it is made.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createThreadPdfRenderer, inlinePdfRenderer, RENDER_NICE } from './render-thread.ts';
import { pdfText } from './testing/poppler.ts';
import { sampleResume } from './testing/sample-resume.ts';

const GENERATED_AT = new Date('2026-11-22T06:05:00Z');

describe('GEN-1 the PDF render thread', () => {
  const renderer = createThreadPdfRenderer();
  afterAll(() => renderer.close());

  it('GEN-1 a resume rendered on the thread is byte-identical to one rendered inline, photo and Extension-B name included', async () => {
    const doc = sampleResume({ basic: { ...sampleResume().basic, chineseName: '陳𠀋華' } });
    const [threaded, inline] = await Promise.all([renderer.resume(doc, { generatedAt: GENERATED_AT }), inlinePdfRenderer.resume(doc, { generatedAt: GENERATED_AT })]);
    expect(Buffer.from(threaded).equals(Buffer.from(inline))).toBe(true);
    expect(await pdfText(threaded)).toContain('陳𠀋華');
  }, 60_000);

  it('GEN-1 while the thread renders, the event loop keeps answering; several renders come back each to its caller', async () => {
    await renderer.resume(sampleResume(), { generatedAt: GENERATED_AT }); // started and warm
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const names = ['王小明', '林小華', '陳大文', '李美玲'];
    const started = performance.now();
    const files = await Promise.all(names.map((n) => renderer.resume(sampleResume({ basic: { ...sampleResume().basic, chineseName: n } }), { generatedAt: GENERATED_AT })));
    const elapsed = performance.now() - started;
    clearInterval(timer);
    for (const [i, f] of files.entries()) expect(await pdfText(f)).toContain(names[i]);
    // An event loop held by the renders would have run the 5-ms timer a handful of times at most.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 4));
  }, 60_000);

  it.runIf(existsSync('/proc/self/task'))('GEN-1 the render thread runs at a lower priority (nice 10) than the event loop, which keeps its own', async () => {
    await renderer.resume(sampleResume(), { generatedAt: GENERATED_AT });
    // Field 19 of /proc/<pid>/task/<tid>/stat is the nice value (after the command name in parentheses: 17th).
    const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const tasks = readdirSync('/proc/self/task');
    expect(niceOf(String(process.pid))).toBe(0);
    expect(tasks.filter((t) => niceOf(t) === RENDER_NICE)).toHaveLength(1);
  }, 60_000);

  it('GEN-1 a thread that died is started again for the next render', async () => {
    await renderer.close();
    const again = await renderer.resume(sampleResume(), { generatedAt: GENERATED_AT });
    expect(Buffer.from(again).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('GEN-1 a thread that cannot start renders inline instead: the waiting render and the next ones still give a PDF', async () => {
    const broken = createThreadPdfRenderer({ workerUrl: new URL('./no-such-worker.ts', import.meta.url) });
    try {
      const first = await broken.resume(sampleResume(), { generatedAt: GENERATED_AT });
      expect(Buffer.from(first).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((broken as unknown as { inline: boolean }).inline).toBe(true);
      expect(await pdfText(await broken.resume(sampleResume(), { generatedAt: GENERATED_AT }))).toContain('王小明');
    } finally {
      await broken.close();
    }
  }, 60_000);
});
