// The one check for every redirect target taken from a request (`next`, `to`, a form's hidden `next`):
// only a same-site absolute path may come back as a Location header (SYS-3, SYS-4).

export interface LandingOptions {
  /** Paths (and their sub-paths) never to land on, e.g. the sign-in pages themselves. */
  readonly exclude?: readonly string[];
}

const MAX_LENGTH = 1000;

/**
 * True for `/a/b?c#d`-style same-site paths. The value as received (already decoded once by the query or form
 * parser) must be printable ASCII with a single leading slash and no backslash; decoded once more, it must be
 * well-formed (no `%FF`) and hold no control character, no whitespace (also U+3000 and the other Unicode
 * spaces), no backslash and no `//` start. Percent-encoded letters (`?q=%E6%B8%AC`) stay allowed.
 */
export function isSafeLanding(next: unknown): next is string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return false;
  if (!/^\/(?![/\\])[!-~]*$/.test(next) || next.includes('\\')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return false; // %FF and other malformed escapes
  }
  return /^\/(?![/\\])/.test(decoded) && !decoded.includes('\\') && !/[\p{Cc}\p{Cf}\p{Z}\s]/u.test(decoded);
}

/** `next` if it is a safe same-site path (and not excluded), else `fallback`. */
export function safeLanding(next: unknown, fallback: string, opts: LandingOptions = {}): string {
  if (!isSafeLanding(next)) return fallback;
  const path = next.split(/[?#]/)[0]!;
  return opts.exclude?.some((p) => path === p || path.startsWith(p + '/')) ? fallback : next;
}
