// HTTP helpers of the resume routes: the request body (multipart with the two files, or urlencoded) and the
// signed-in applicant.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../container.ts';
import { signOut } from '../../platform/auth/http.ts';
import { formValues, type FormValues } from '../../platform/http/forms.ts';
import { accountPaths } from '../accounts/index.ts';
import type { IncomingFile } from './uploads.rules.ts';

export interface ResumeBody {
  values: FormValues;
  photo?: IncomingFile;
  attachment?: IncomingFile;
}

const FILE_FIELDS = new Set(['photo', 'attachment']);

/**
 * Reads the form. Multipart (the page's own form): fields as typed, and each file read whole — a file over
 * `fileLimit` comes back `truncated` (the rest is discarded), so the page can say so and keep what was typed.
 */
export async function readResumeBody(req: FastifyRequest, fileLimit: number): Promise<ResumeBody> {
  if (!req.isMultipart()) return { values: formValues(req.body) };
  const values: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const out: ResumeBody = { values };
  // throwFileSizeLimit: false — an oversized file is cut off and flagged, not a failed request.
  const options = { throwFileSizeLimit: false, limits: { fileSize: fileLimit } } as Parameters<FastifyRequest['parts']>[0];
  for await (const part of req.parts(options)) {
    if (part.type === 'file') {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (FILE_FIELDS.has(part.fieldname)) {
        out[part.fieldname as 'photo' | 'attachment'] = { filename: part.filename ?? '', bytes: Buffer.concat(chunks), truncated: part.file.truncated };
      }
      continue;
    }
    if (part.fieldname === '_csrf' || typeof part.value !== 'string') continue;
    const prev = values[part.fieldname];
    values[part.fieldname] = prev === undefined ? part.value : Array.isArray(prev) ? [...prev, part.value] : [prev, part.value];
  }
  return out;
}

/**
 * The signed-in applicant's id. The principal is loaded per request and only an active account has one (a voided
 * or locked account's session ends at its next request: platform/auth/http.ts); returns null after answering
 * with a redirect to 登入 when there is none (e.g. a render helper called outside an applicant route).
 */
export async function activeApplicant(req: FastifyRequest, reply: FastifyReply, services: Services): Promise<string | null> {
  if (req.principal?.kind === 'applicant') return req.principal.id;
  await signOut(req, reply, services);
  await reply.redirect(accountPaths.loginWithNext(req.url.split('?')[0] ?? '/platform/resume'), 303);
  return null;
}
