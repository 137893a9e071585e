// The render thread of render-thread.ts: one resume PDF a message, answered with its bytes (moved, not copied).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ResumeDocument } from './resume-document.ts';
import { RENDER_NICE } from './render-thread.ts';
import { renderResumePdf, type RenderResumeOptions } from './resume-pdf.ts';

// This thread, not the process, at RENDER_NICE: a render (tens of ms of CPU) yields to the event loops of the machine's
// web processes and to PostgreSQL when cores are short, and takes what is idle otherwise (issue 11: with a worker
// beside the web process on two cores, the apply p95 while PDFs are made). Linux only: there a thread's id is a pid
// for setpriority(2), and /proc/thread-self names it; elsewhere the thread keeps the process's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), RENDER_NICE);
} catch {
  // not Linux, or not allowed
}

parentPort?.on('message', async (m: { id: number; doc: ResumeDocument; opts: RenderResumeOptions }) => {
  try {
    const buf = await renderResumePdf(m.doc, m.opts);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).slice();
    parentPort!.postMessage({ id: m.id, bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
