// Where resume PDFs are rendered (GEN-1). One render takes ~45 ms of CPU (fontkit subsetting and shaping, pdfkit,
// zlib), all of it synchronous: on the web process's event loop every request that arrives meanwhile waits behind
// it (issue 11: the apply request's tail under load). The thread renderer runs renders on a worker thread of its
// own, one at a time, in order; the event loop only hands over the document and receives the bytes.
// PDF_THREADS=0 renders inline (tests use that; one test proves the thread).
import { Worker } from 'node:worker_threads';
import type { ResumeDocument } from './resume-document.ts';
import { renderResumePdf, type RenderResumeOptions } from './resume-pdf.ts';

export interface PdfRenderer {
  resume(doc: ResumeDocument, opts: RenderResumeOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** On the calling thread's event loop. */
export const inlinePdfRenderer: PdfRenderer = {
  resume: (doc, opts) => renderResumePdf(doc, opts),
  close: async () => undefined,
};

/** The nice value of the render thread (Linux): below the web event loops and PostgreSQL when cores are short. */
export const RENDER_NICE = 10;

type Reply = { id: number; bytes?: Uint8Array; error?: string };

/**
 * A worker thread, started at the first render and again after it died (a render that was running then fails and
 * is retried by the job's own backoff). It never keeps the process alive. A thread that cannot start at all (its
 * first render never answered) turns this renderer inline for good, with the renders that were waiting.
 */
export function createThreadPdfRenderer(opts: { workerUrl?: URL } = {}): PdfRenderer {
  let worker: Worker | null = null;
  let answered = false;
  let inline = false;
  let nextId = 0;
  type Waiting = { doc: ResumeDocument; opts: RenderResumeOptions; resolve: (b: Uint8Array) => void; reject: (e: Error) => void };
  const pending = new Map<number, Waiting>();
  const settleAll = (err: Error) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) {
      if (inline) inlinePdfRenderer.resume(p.doc, p.opts).then(p.resolve, p.reject);
      else p.reject(err);
    }
  };
  const start = (): Worker => {
    // The worker loads TypeScript as the process does (tsx; `npm start` runs through it).
    const w = new Worker(opts.workerUrl ?? new URL('./render-thread.worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
    w.unref();
    w.on('message', (m: Reply) => {
      answered = true;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.bytes) p.resolve(m.bytes);
      else p.reject(new Error(m.error ?? 'PDF render failed'));
    });
    const died = (err: Error) => {
      if (worker !== w) return;
      worker = null;
      if (!answered) inline = true;
      settleAll(err);
    };
    w.on('error', (err) => died(err instanceof Error ? err : new Error(String(err))));
    w.on('exit', () => died(new Error('PDF render thread exited')));
    return w;
  };
  return {
    resume(doc, renderOpts) {
      if (inline) return inlinePdfRenderer.resume(doc, renderOpts);
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { doc, opts: renderOpts, resolve, reject });
        w.ref();
        w.postMessage({ id, doc, opts: renderOpts });
      });
    },
    /** Whether renders now run inline because the thread could not start (tests). */
    get inline() {
      return inline;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
      settleAll(new Error('PDF renderer closed'));
    },
  } as PdfRenderer;
}
