// Queries of the job page (PUB-2): one vacancy by 職缺編號 and its attachments. No rules here.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { vacancies, vacancyAttachments } from '../vacancy.schema.ts';
import type { VacancyRow } from './job-page.rules.ts';

/** The vacancy with this work_id whatever its state (the caller decides what the public may see). */
export async function findVacancyByWorkId(q: Queryable, workId: string): Promise<VacancyRow | null> {
  const [row] = await q.select().from(vacancies).where(eq(vacancies.workId, workId)).limit(1);
  return row ?? null;
}

export interface AttachmentRow {
  id: string;
  fileKey: string;
  originalName: string;
  contentType: string;
  size: number;
}

const attachmentColumns = {
  id: vacancyAttachments.id,
  fileKey: vacancyAttachments.fileKey,
  originalName: vacancyAttachments.originalName,
  contentType: vacancyAttachments.contentType,
  size: vacancyAttachments.size,
};

/** A vacancy's attachments in upload order. */
export async function listAttachments(q: Queryable, vacancyId: string): Promise<AttachmentRow[]> {
  return q
    .select(attachmentColumns)
    .from(vacancyAttachments)
    .where(eq(vacancyAttachments.vacancyId, vacancyId))
    .orderBy(asc(vacancyAttachments.createdAt), asc(vacancyAttachments.originalName));
}

/** The attachment `id` only if it belongs to this vacancy. */
export async function findAttachment(q: Queryable, vacancyId: string, id: string): Promise<AttachmentRow | null> {
  const [row] = await q
    .select(attachmentColumns)
    .from(vacancyAttachments)
    .where(and(eq(vacancyAttachments.id, id), eq(vacancyAttachments.vacancyId, vacancyId)))
    .limit(1);
  return row ?? null;
}
