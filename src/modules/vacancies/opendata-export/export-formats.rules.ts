// PUB-4 open-data formats, pure: rows (already cleaned by exportRow) → the XML, JSON and CSV bodies.
//
// XML is written the way DGPA's .NET writer wrote the real feed (shared/data/dgpa-opendata-1050515.xml), byte
// for byte: `<?xml version="1.0" encoding="utf-8"?>`, no BOM, CRLF line ends, two-space indentation, an empty
// element as `<RANK />`, `&` `<` `>` escaped (and nothing else), a line break inside a value written as CRLF
// (XML parsers read it back as LF), no line end after `</ROOT>`.
import type { ExportRow } from './export-fields.rules.ts';
import { EXPORT_FIELDS } from './export-fields.rules.ts';
import { guardFormula } from '../../../platform/export/formula-guard.ts';

const CRLF = '\r\n';

/** Text content escaping as in the DGPA file: & < > only; LF → CRLF. */
export function escapeXmlText(s: string): string {
  return s.replace(/[&<>\n]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : CRLF));
}

function element(name: string, value: string, indent: string): string {
  return value === '' ? `${indent}<${name} />` : `${indent}<${name}>${escapeXmlText(value)}</${name}>`;
}

/** The DGPA feed: ROOT, ANNOUNCE_DATE (ROC yyyMMdd), one ROW per job, elements in EXPORT_FIELDS order. */
export function toXml(announceDate: string, rows: readonly ExportRow[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', '<ROOT>', element('ANNOUNCE_DATE', announceDate, '  ')];
  for (const row of rows) {
    out.push('  <ROW>');
    for (const f of EXPORT_FIELDS) out.push(element(f, row[f], '    '));
    out.push('  </ROW>');
  }
  out.push('</ROOT>');
  return out.join(CRLF);
}

/** An array of objects with the feed's field names, one object per line (small diffs between days). */
export function toJson(rows: readonly ExportRow[]): string {
  if (rows.length === 0) return '[]\n';
  return `[\n${rows.map((r) => JSON.stringify(r, EXPORT_FIELDS as string[])).join(',\n')}\n]\n`;
}

/** UTF-8 byte order mark: without it Excel reads a CSV as the local ANSI code page (Big5 in Taiwan). */
export const BOM = '\uFEFF';

/**
 * CSV formula-injection guard: the platform's one guard (src/platform/export/formula-guard.ts), applied to every
 * field. JSON and XML carry values verbatim; none of the 1,106 rows of the 2016 feed is changed by it.
 */
export { guardFormula };

/** RFC 4180: quoted when the cell holds a comma, a quote, CR or LF; quotes doubled. */
export function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** BOM, a header row of the field names, one record per job, CRLF after every record. LF inside values stays LF. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const r of rows) lines.push(EXPORT_FIELDS.map((f) => csvCell(guardFormula(r[f]))).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}
