// A multipart form read whole (forms with file inputs): the fields as typed (repeated names become lists, like
// formValues) and the files of the named inputs, each cut off at `fileLimit` bytes and flagged `truncated` — an
// oversized file is a message beside its field, never a failed request. A urlencoded body (no file chosen by a
// script-less test client, or the form fuzz) comes back as its values and no files.
import type { FastifyRequest } from 'fastify';
import { formValues, type FormValues } from './forms.ts';

/** A file as it came in: its bytes (at most limit + 1 of them) and whether more were cut off. */
export interface IncomingFile {
  filename: string;
  bytes: Buffer;
  truncated: boolean;
}

export interface MultipartForm {
  values: FormValues;
  /** Files by input name; an input left empty (no file chosen) is not listed. */
  files: Record<string, IncomingFile[]>;
  /** More files than `maxFiles` were sent: the rest were not read. */
  tooManyFiles: boolean;
}

export async function readMultipartForm(req: FastifyRequest, opts: { fileFields: readonly string[]; fileLimit: number; maxFiles: number }): Promise<MultipartForm> {
  if (!req.isMultipart()) return { values: formValues(req.body), files: {}, tooManyFiles: false };
  const values: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const files: Record<string, IncomingFile[]> = Object.create(null) as Record<string, IncomingFile[]>;
  let count = 0;
  let tooManyFiles = false;
  const options = { throwFileSizeLimit: false, limits: { fileSize: opts.fileLimit, files: opts.maxFiles + 1 } } as Parameters<FastifyRequest['parts']>[0];
  for await (const part of req.parts(options)) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      // A file input left empty still sends a part with no name and no bytes.
      if (!opts.fileFields.includes(part.fieldname) || (bytes.byteLength === 0 && !part.filename)) continue;
      if (++count > opts.maxFiles) {
        tooManyFiles = true;
        continue;
      }
      (files[part.fieldname] ??= []).push({ filename: part.filename ?? '', bytes, truncated: part.file.truncated });
      continue;
    }
    if (part.fieldname === '_csrf' || typeof part.value !== 'string') continue;
    const prev = values[part.fieldname];
    values[part.fieldname] = prev === undefined ? part.value : Array.isArray(prev) ? [...prev, part.value] : [prev, part.value];
  }
  return { values: formValues(values), files, tooManyFiles };
}
