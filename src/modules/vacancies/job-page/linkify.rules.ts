// http(s) URLs and e-mail addresses inside job texts become links (issue 16 item 8). Pure: the text is split
// into segments; `linkifyHtml` escapes every segment and builds only http:, https: and mailto: links, so no
// text can open a javascript: (or any other) link, and nothing the agency typed becomes markup.
import Html from '@kitajs/html';

export type LinkSegment = { kind: 'text'; text: string } | { kind: 'url' | 'email'; text: string; href: string };

// URL characters: ASCII only (a Chinese sentence often follows a URL without a space), no quotes or angle
// brackets. E-mail: the usual local part, a dotted domain ending in letters.
const PATTERN = /(https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/giu;
const TRAILING = /[.,;:!?]+$/u;

/** Drops sentence punctuation after a URL, and a closing parenthesis that has no opening one inside it. */
function trimUrl(url: string): string {
  let u = url.replace(TRAILING, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1).replace(TRAILING, '');
  return u;
}

/** The segments of `text` in order; joining their `text` gives back `text` exactly. */
export function linkSegments(text: string): LinkSegment[] {
  const out: LinkSegment[] = [];
  let at = 0;
  const push = (s: string) => {
    if (s === '') return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index;
    push(text.slice(at, start));
    if (m[1] !== undefined) {
      const url = trimUrl(m[1]);
      const host = /^https?:\/\/([^/?#]+)/iu.exec(url)?.[1] ?? '';
      if (host.replace(/^[^@]*@/u, '').length > 0 && !url.includes('@')) out.push({ kind: 'url', text: url, href: url });
      else push(url);
      at = start + url.length;
    } else {
      out.push({ kind: 'email', text: m[2]!, href: `mailto:${m[2]!}` });
      at = start + m[0].length;
    }
  }
  push(text.slice(at));
  return out;
}

/** Escaped HTML of `text` with its URLs and e-mail addresses as links (rel="noopener noreferrer external"). */
export function linkifyHtml(text: string): string {
  return linkSegments(text)
    .map((s) => {
      const label = Html.escapeHtml(s.text);
      if (s.kind === 'text') return label;
      const rel = s.kind === 'url' ? ' rel="noopener noreferrer external"' : '';
      return `<a href="${Html.escapeHtml(s.href)}"${rel}>${label}</a>`;
    })
    .join('');
}
