// Parses a DGPA 事求人 open-data XML feed (ROOT / ANNOUNCE_DATE / ROW*) into rows of verbatim strings.
// Nothing is trimmed or converted here: numbers stay text, long fields keep their newlines and tabs.
// XML itself normalizes line ends (CRLF → LF) and decodes &amp; &lt; &#x4E00; …; that is all.
// Whether a row makes sense is feed.rules.ts's business; this file only checks the XML's shape.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The elements of a ROW (docs: shared/docs/opendata-fields.md); the 2016 feed lacks the last four. */
export const FEED_FIELDS = [
  'ORG_NAME',
  'PERSON_KIND',
  'RANK',
  'TITLE',
  'SYSNAM',
  'NUMBER_OF',
  'GENDER_TYPE',
  'WORK_PLACE_TYPE',
  'DATE_FROM',
  'DATE_TO',
  'IS_HANDICAP',
  'IS_ORIGINAL',
  'IS_LOCAL_ORIGINAL',
  'IS_TRANING',
  'TYPE',
  'VITAE_EMAIL',
  'WORK_QUALITY',
  'WORK_ITEM',
  'WORK_ADDRESS',
  'CONTACT_METHOD',
  'URL_LINK',
  'VIEW_URL',
  'ORG_ID',
  'RESERVE_NUM',
  'IS_TRANSFER',
  'Work_Type',
] as const;

export type FeedField = (typeof FEED_FIELDS)[number];

/** One ROW: each element's text exactly as published; absent elements are absent, empty ones ''. */
export type RawRow = { readonly [K in FeedField]?: string };

export interface ParsedFeed {
  /** ANNOUNCE_DATE text as published (ROC yyyMMdd, e.g. '1050515'), or null when the feed has none. */
  announceDate: string | null;
  /** The ROWs that have the right shape, in file order; see rowIndex for their positions. */
  rows: RawRow[];
  /** rowIndex[i] is the 1-based position in the file of rows[i] (ROW #1 is the first ROW). */
  rowIndex: number[];
  /** ROWs that could not be read; index is the 1-based position of the ROW in the file. */
  errors: { index: number; reason: string }[];
}

/** The file as a whole is not a readable feed. The message is one line, fit to show to the operator. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  constructor(message: string) {
    super(message);
  }
}

const KNOWN = new Set<string>(FEED_FIELDS);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // '0100', '1050515' stay strings
  trimValues: false, // keep leading/trailing spaces and newlines of free text
  processEntities: true,
  htmlEntities: true, // also decodes numeric character references (&#x4E00; &#65;), which XML requires
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => tagName === 'ROW',
});

export function parseFeed(xml: string): ParsedFeed {
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.trim() === '') throw new FeedParseError('the file is empty');
  // A DTD can define entities that expand without bound; DGPA feeds never carry one.
  if (/<!DOCTYPE/i.test(text)) throw new FeedParseError('a DOCTYPE declaration is not accepted in a feed');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new FeedParseError(`malformed XML at line ${line}${col ? `, column ${col}` : ''}: ${msg}`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (err) {
    throw new FeedParseError(`malformed XML: ${(err as Error).message.split('\n')[0]}`);
  }
  const root = isRecord(doc) ? doc.ROOT : undefined;
  if (root === undefined) {
    const found = isRecord(doc) ? Object.keys(doc).filter((k) => !k.startsWith('?') && k !== '#text') : [];
    throw new FeedParseError(`not a DGPA feed: the root element is ${found[0] ?? 'missing'}, not ROOT`);
  }
  const result: ParsedFeed = { announceDate: null, rows: [], rowIndex: [], errors: [] };
  if (!isRecord(root)) return result; // <ROOT/> or <ROOT>text</ROOT>: a feed with no rows
  const announce = root.ANNOUNCE_DATE;
  if (typeof announce === 'string') result.announceDate = announce;
  const rows = Array.isArray(root.ROW) ? (root.ROW as unknown[]) : [];
  rows.forEach((node, i) => {
    const read = readRow(node);
    if (typeof read === 'string') result.errors.push({ index: i + 1, reason: read });
    else {
      result.rows.push(read);
      result.rowIndex.push(i + 1);
    }
  });
  return result;
}

/** A RawRow, or the reason the ROW cannot be read. Unknown elements are ignored (newer feeds add some). */
function readRow(node: unknown): RawRow | string {
  if (!isRecord(node)) return 'the ROW has no elements';
  const row: Partial<Record<FeedField, string>> = {};
  for (const [name, value] of Object.entries(node)) {
    if (!KNOWN.has(name)) continue;
    if (Array.isArray(value)) return `${name} appears ${value.length} times in the ROW`;
    if (typeof value !== 'string') return `${name} contains elements instead of text`;
    if (value.includes('\u0000')) return `${name} contains a NUL character, which XML does not allow`;
    row[name as FeedField] = value;
  }
  if (Object.keys(row).length === 0) return 'the ROW has none of the feed elements';
  return row;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
