// Use cases of the public job page (PUB-2): look up a job as the public sees it; open one of its attachments.
import type { Services } from '../../../container.ts';
import { assertValidContentType, DEFAULT_CONTENT_TYPE, InvalidStorageKeyError } from '../../../platform/storage/storage.ts';
import { safeDownloadName } from '../../../platform/storage/sniff.ts';
import { findAttachment, findVacancyByWorkId, listAttachments, type AttachmentRow } from './job-page.repo.ts';
import { availability, downloadExtension, isUuid, isWellFormedWorkId, type VacancyRow } from './job-page.rules.ts';

type Deps = Pick<Services, 'db' | 'clock' | 'storage'>;

export type JobLookup =
  | { kind: 'published'; vacancy: VacancyRow }
  | { kind: 'not-found' }
  | { kind: 'deleted'; workId: string }
  | { kind: 'withdrawn'; workId: string }
  | { kind: 'expired'; vacancy: VacancyRow };

/** The job as the public may see it today; a malformed 職缺編號 is simply not found. */
export async function lookUpJob(deps: Deps, workId: string): Promise<JobLookup> {
  if (!isWellFormedWorkId(workId)) return { kind: 'not-found' };
  const v = await findVacancyByWorkId(deps.db, workId);
  const state = availability(v, deps.clock.today());
  if (!v || state === 'not-found') return { kind: 'not-found' };
  if (state === 'deleted') return { kind: 'deleted', workId: v.workId };
  if (state === 'withdrawn') return { kind: 'withdrawn', workId: v.workId };
  if (state === 'expired') return { kind: 'expired', vacancy: v };
  return { kind: 'published', vacancy: v };
}

export type JobPageData = Exclude<JobLookup, { kind: 'published' }> | { kind: 'published'; vacancy: VacancyRow; attachments: AttachmentRow[] };

/** Everything the job page and its print version show. */
export async function loadJobPage(deps: Deps, workId: string): Promise<JobPageData> {
  const found = await lookUpJob(deps, workId);
  if (found.kind !== 'published') return found;
  return { ...found, attachments: await listAttachments(deps.db, found.vacancy.id) };
}

export interface AttachmentDownload {
  stream: NodeJS.ReadableStream;
  size: number;
  contentType: string;
  fileName: string;
}

/**
 * An attachment of a published job, ready to stream. null (→ 404) for an unknown or malformed id, an
 * attachment of another job, a job the public cannot see (deleted, expired, unapproved) or a missing file.
 */
export async function openJobAttachment(deps: Deps, workId: string, attachmentId: string): Promise<AttachmentDownload | null> {
  if (!isUuid(attachmentId)) return null;
  const job = await lookUpJob(deps, workId);
  if (job.kind !== 'published') return null;
  const a = await findAttachment(deps.db, job.vacancy.id, attachmentId);
  if (!a) return null;
  const file = await getStored(deps, a.fileKey);
  if (!file) return null;
  return {
    stream: file.stream,
    size: file.size,
    contentType: headerSafeContentType(a.contentType),
    fileName: safeDownloadName(a.originalName, downloadExtension(a.contentType, a.originalName)),
  };
}

async function getStored(deps: Deps, key: string): ReturnType<Deps['storage']['get']> {
  try {
    return await deps.storage.get(key);
  } catch (err) {
    if (err instanceof InvalidStorageKeyError) return null; // a bad key in a row is a missing file, not a 500
    throw err;
  }
}

function headerSafeContentType(contentType: string): string {
  try {
    assertValidContentType(contentType);
    return contentType;
  } catch {
    return DEFAULT_CONTENT_TYPE;
  }
}
