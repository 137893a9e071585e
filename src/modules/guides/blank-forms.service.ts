// The blank resume forms (PUB-6), made once per process and kept in memory: they never change while
// the process runs (the form has no date or data in it).
import { createHash } from 'node:crypto';
import { renderBlankResumePdf } from '../../platform/pdf/index.ts';
import { buildBlankResumeOdt } from './blank-form.odt.ts';

export interface BlankForm {
  bytes: Buffer;
  etag: string;
}

let pdf: Promise<BlankForm> | undefined;
let odt: Promise<BlankForm> | undefined;

async function withEtag(make: () => Promise<Uint8Array>): Promise<BlankForm> {
  const bytes = Buffer.from(await make());
  return { bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"` };
}

function cached(slot: Promise<BlankForm> | undefined, make: () => Promise<Uint8Array>, store: (p: Promise<BlankForm> | undefined) => void): Promise<BlankForm> {
  if (slot) return slot;
  const p = withEtag(make);
  store(p);
  p.catch(() => store(undefined)); // a failure is not cached: the next request tries again
  return p;
}

export function blankResumePdf(): Promise<BlankForm> {
  return cached(pdf, renderBlankResumePdf, (p) => (pdf = p));
}

export function blankResumeOdt(): Promise<BlankForm> {
  return cached(odt, buildBlankResumeOdt, (p) => (odt = p));
}
