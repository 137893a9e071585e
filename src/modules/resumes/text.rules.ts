// Text as people type it (RES-8, RES-11): controls and direction overrides removed, line breaks kept only in
// the two free-text boxes, length counted in characters as a person sees them (𠀋 is one, not two UTF-16
// units). Markup is text: it is stored as typed and escaped wherever it is shown.

// C0/C1 controls (not TAB/LF/CR, handled below) and the bidi embedding, override and isolate characters that
// can make a name read differently from what it is.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** One line: trimmed, line breaks and tabs become spaces, invisible controls removed. */
export function cleanLine(input: string): string {
  return input.replace(/[\r\n\t\u2028\u2029]+/gu, ' ').replace(INVISIBLE, '').trim();
}

/** Free text (專長, 自傳): line breaks kept as \n, tabs become spaces, invisible controls removed, trimmed. */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?|[\u2028\u2029]/gu, '\n')
    .replace(/\t/gu, ' ')
    .replace(INVISIBLE, '')
    .trim();
}

/** Characters as counted on the form and by public/js/resume-form.js: code points, a line break is one. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
