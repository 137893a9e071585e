// Content-Disposition for downloads with non-ASCII names (RFC 6266 / RFC 8187): an ASCII `filename`
// for old clients and `filename*=UTF-8''…` with the real name.

/** `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded name>` */
export function attachmentDisposition(name: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
