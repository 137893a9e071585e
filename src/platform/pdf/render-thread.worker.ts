// The render thread of render-thread.ts: one resume PDF a message, answered with its bytes (moved, not copied).
import { parentPort } from 'node:worker_threads';
import type { ResumeDocument } from './resume-document.ts';
import { renderResumePdf, type RenderResumeOptions } from './resume-pdf.ts';

parentPort?.on('message', async (m: { id: number; doc: ResumeDocument; opts: RenderResumeOptions }) => {
  try {
    const buf = await renderResumePdf(m.doc, m.opts);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice();
    parentPort!.postMessage({ id: m.id, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
