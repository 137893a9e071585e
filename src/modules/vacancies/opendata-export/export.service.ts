// PUB-4: the open-data files, generated once per change of the published set and served from memory.
//
// Every request reads one primary-key row (changeVersion); the key is today's date + that version. When the key
// moved, the rows are read in one snapshot and the four bodies (XML, JSON, CSV, Atom) are built together;
// concurrent requests for the same key share that one build. The cache lives in the web process (derived state:
// any process rebuilds it from the database; the ETag is a hash of the body, so all processes agree on it).
import type { Services } from '../../../container.ts';
import { formatRocCompact } from '../../../platform/tw/roc-date.ts';
import { toAtom } from './atom.rules.ts';
import { exportRow, jobUrlOf, viewUrlOf } from './export-fields.rules.ts';
import { toCsv, toJson, toXml } from './export-formats.rules.ts';
import { changeVersion, publishedCount, readPublished } from './export.repo.ts';
import { nextLastModified, strongEtag } from './http-cache.rules.ts';

export const FORMATS = ['xml', 'json', 'csv', 'atom'] as const;
export type OpenDataFormat = (typeof FORMATS)[number];

export interface Representation {
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface OpenDataFiles {
  /** today|change-log version */
  readonly key: string;
  readonly today: string;
  readonly count: number;
  readonly files: Readonly<Record<OpenDataFormat, Representation>>;
  /** Milliseconds spent reading the rows and building the bodies. */
  readonly buildMs: { read: number; format: number };
}

export interface OpenDataExport {
  /** The current files, rebuilt first if the published set changed since the last build. */
  files(): Promise<OpenDataFiles>;
  /** How many jobs are published today (for the /opendata page; no build). */
  status(): Promise<{ today: string; count: number }>;
  /** How many builds ran (tests and operations). */
  readonly builds: number;
}

const keyOf = (today: string, version: string): string => `${today}|${version}`;

export function createOpenDataExport(services: Pick<Services, 'db' | 'clock' | 'config'>): OpenDataExport {
  const jobUrl = jobUrlOf(services.config.baseUrl);
  const viewUrl = viewUrlOf(services.config.baseUrl);
  let current: (OpenDataFiles & { seq: number }) | null = null;
  let pending: { key: string; promise: Promise<OpenDataFiles> } | null = null;
  let started = 0;

  async function build(today: string, seq: number): Promise<OpenDataFiles> {
    const t0 = performance.now();
    const snap = await readPublished(services.db, today);
    const t1 = performance.now();
    const rows = snap.rows.map((r) => exportRow(r, viewUrl));
    const bodies: Record<OpenDataFormat, string> = {
      xml: toXml(formatRocCompact(today), rows),
      json: toJson(rows),
      csv: toCsv(rows),
      atom: toAtom({ baseUrl: services.config.baseUrl, now: services.clock.now(), jobs: snap.newest, jobUrl }),
    };
    const t2 = performance.now();
    const now = services.clock.now();
    const files = {} as Record<OpenDataFormat, Representation>;
    for (const f of FORMATS) {
      const body = Buffer.from(bodies[f], 'utf8');
      const etag = strongEtag(body);
      files[f] = { body, etag, lastModified: nextLastModified(current?.files[f], etag, now) };
    }
    const built = { key: keyOf(today, snap.version), today, count: snap.rows.length, files, buildMs: { read: t1 - t0, format: t2 - t1 }, seq };
    // A slower, older build never replaces a newer one.
    if (current === null || seq > current.seq) current = built;
    return built;
  }

  return {
    async files() {
      const today = services.clock.today();
      const key = keyOf(today, await changeVersion(services.db));
      if (current?.key === key) return current;
      if (pending?.key === key) return pending.promise;
      const promise = build(today, ++started).finally(() => {
        if (pending?.promise === promise) pending = null;
      });
      pending = { key, promise };
      return promise;
    },
    async status() {
      const today = services.clock.today();
      const key = keyOf(today, await changeVersion(services.db));
      return { today, count: current?.key === key ? current.count : await publishedCount(services.db, today) };
    },
    get builds() {
      return started;
    },
  };
}
