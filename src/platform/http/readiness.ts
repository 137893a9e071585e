// Readiness of a web process (/readyz): the database answers, and nothing the process serves from memory is
// still being loaded. Web processes listen at once (so /healthz answers and a first request is never refused)
// and warm what they serve from memory in the background — each module's `warm` (the search index of PUB-1,
// ADR 0008); /readyz answers 503 `warming` until every warm-up has finished, so a load balancer sends traffic
// to the process only when its first search is as fast as the next. A failed warm-up is logged and counts as
// done: the index then loads on the first search, as it would without a warm-up.
import type { AppModule } from '../module.ts';

export class Readiness {
  private readonly pending = new Set<string>();

  /** What is still warming, by name. */
  get waiting(): string[] {
    return [...this.pending];
  }

  /** Counts `name` as warming until `work` settles. */
  track(name: string, work: Promise<unknown>): Promise<void> {
    this.pending.add(name);
    return work.then(
      () => void this.pending.delete(name),
      () => void this.pending.delete(name),
    );
  }
}

/**
 * Starts every module's `warm` (the web role, after listen) and tracks it in `readiness`. Resolves when all have
 * settled; each result line (or failure) goes to `log`.
 */
export function warmModules<S>(modules: readonly AppModule<S>[], services: S, readiness: Readiness, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  return Promise.all(
    modules.flatMap((m) => {
      if (!m.warm) return [];
      const work = m.warm(services).then(
        (line) => log(`${line ?? `${m.name}: warm`} (${Date.now() - started} ms)`),
        (err: unknown) => log(`${m.name}: warm-up failed, loads on first use: ${err instanceof Error ? err.message : String(err)}`),
      );
      return [readiness.track(m.name, work)];
    }),
  ).then(() => undefined);
}
