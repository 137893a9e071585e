// Test support (not loaded by the app): a small strict RFC 4180 reader, to read the exported CSV back.
/**
 * Records of fields. Fields are separated by commas, records by CRLF; a quoted field may hold commas, CR, LF and
 * doubled quotes. Strict: a bare LF or CR outside quotes, a quote inside an unquoted field, or text after a
 * closing quote throws. A final CRLF ends the last record (no empty record after it).
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return records;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += c;
          i++;
        }
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i]!;
        i++;
      }
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    const c = text[i]!;
    if (c === ',') {
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      records.push(record);
      record = [];
      i += 2;
      if (i >= n) return records;
      continue;
    }
    throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
  }
}
