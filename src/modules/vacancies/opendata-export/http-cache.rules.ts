// Conditional GET for the open-data files (RFC 9110 §13): strong ETags from the body, Last-Modified, 304.
import { createHash } from 'node:crypto';

/** A strong entity tag: the SHA-256 of the body, base64url. Equal bodies have equal tags on every server. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** HTTP dates have whole seconds. */
export function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/**
 * Last-Modified of a new body: kept when the body did not change; otherwise now, but always at least one second
 * after the previous value, so that a client holding the previous body never gets a false 304 from
 * If-Modified-Since even when two changes fall within one second (or the clock is fixed, as in tests).
 */
export function nextLastModified(prev: { etag: string; lastModified: Date } | undefined, etag: string, now: Date): Date {
  if (prev === undefined) return wholeSecond(now);
  if (prev.etag === etag) return prev.lastModified;
  const later = prev.lastModified.getTime() + 1000;
  return wholeSecond(new Date(Math.max(now.getTime(), later)));
}

/** If-None-Match: `*` or any listed tag (weak comparison: W/ ignored, as §13.1.2 requires). */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * True when the client's copy is current. If-None-Match decides when present; If-Modified-Since is used only
 * without it (§13.1.3), and an unparsable date is ignored.
 */
export function notModified(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, rep: { etag: string; lastModified: Date }): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, rep.etag);
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && rep.lastModified.getTime() <= since;
}
