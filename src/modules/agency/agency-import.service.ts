// The use cases of 機關徵才匯入 (AGY-7): 檢查 (check an upload; stage it when every row passes) and 確認匯入
// (create every staged vacancy in ONE transaction: each with source bulk_import, its own 職缺編號, the automatic
// check of ADM-1 and its audit row — or none at all).
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { checkVacancyText } from './agency-check.rules.ts';
import { checkUpload } from './agency-import.file.ts';
import { findBatch, insertVacancies, nextWorkIds, stageBatch, takeBatch, type ImportBatch } from './agency-import.repo.ts';
import { type ImportError, type ImportRow, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, validateImport } from './agency-import.rules.ts';
import { readSheet } from './agency-import.sheet.ts';
import { dateErrors } from './agency.form.ts';
import type { VacancyRow } from './agency.repo.ts';
import { rowFromForm, workIdMonth } from './agency.rules.ts';
import type { AgencyRef } from './agency.service.ts';

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
  truncated: boolean;
}

export type CheckResult = { kind: 'file-error'; message: string } | { kind: 'row-errors'; errors: ImportError[]; rowCount: number } | { kind: 'staged'; batchId: string; rowCount: number };

/** 檢查: the file, then every row with the form's rules; all rows pass → staged for 確認匯入. Nothing is created. */
export async function checkImport(db: Db, actor: Actor & { id: string }, agency: AgencyRef, file: UploadedFile, now: Date, today: string): Promise<CheckResult> {
  const upload = await checkUpload(file.bytes, MAX_IMPORT_BYTES, file.truncated);
  if (!upload.ok) return { kind: 'file-error', message: upload.message };
  const sheet = readSheet(file.bytes, upload.kind, MAX_IMPORT_ROWS);
  if (!sheet.ok) return { kind: 'file-error', message: sheet.message };
  const v = validateImport(sheet.header, sheet.rows, today);
  if (!v.ok && v.fileError) return { kind: 'file-error', message: v.fileError };
  if (!v.ok) return { kind: 'row-errors', errors: v.errors, rowCount: sheet.rows.length };
  const fileName = file.filename.slice(0, 200);
  const batchId = await db.transaction(async (tx) => {
    const id = await stageBatch(tx, { staffId: actor.id, agencyCode: agency.code, fileName, rows: v.rows, now });
    await recordAudit(tx, actor, 'vacancy.import_checked', { kind: 'vacancy_import', id }, { agency: agency.code, file: fileName, rows: v.rows.length });
    return id;
  });
  return { kind: 'staged', batchId, rowCount: v.rows.length };
}

export function batchRows(b: ImportBatch): ImportRow[] {
  return b.rows as ImportRow[];
}

export type ConfirmResult = { ok: true; created: VacancyRow[] } | { ok: false; errors: ImportError[] } | { ok: false; gone: true };

/** 確認匯入: takes the staged batch and creates all its vacancies in one transaction. */
export async function confirmImport(db: Db, actor: Actor & { id: string }, agency: AgencyRef, batchId: string, now: Date, today: string): Promise<ConfirmResult> {
  const staged = await findBatch(db, batchId, actor.id, agency.code);
  if (!staged) return { ok: false, gone: true };
  // A batch checked yesterday may hold a 迄日 that has passed since.
  const late: ImportError[] = batchRows(staged).flatMap((r) => Object.values(dateErrors(r.form, today)).map((message) => ({ rowNo: r.rowNo, column: '', label: '上網有效期間（迄）', message, named: true })));
  if (late.length) return { ok: false, errors: late };
  const created = await db.transaction(async (tx) => {
    const batch = await takeBatch(tx, batchId, actor.id, agency.code);
    if (!batch) return null;
    const rows = batchRows(batch);
    if (rows.length === 0) return [];
    const workIds = await nextWorkIds(tx, workIdMonth(today), rows.length);
    const verdicts = rows.map((r) => checkVacancyText(r.form));
    const made = await insertVacancies(
      tx,
      rows.map((r, i) => ({
        ...rowFromForm(r.form),
        workId: workIds[i]!,
        orgId: agency.code,
        orgName: agency.name,
        source: 'bulk_import' as const,
        reviewStatus: verdicts[i]!.status,
        reviewReason: verdicts[i]!.reasons.length ? verdicts[i]!.reasons.join('；') : null,
        postedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const byWorkId = new Map(made.map((m) => [m.workId, m]));
    await recordAudits(
      tx,
      actor,
      rows.map((r, i) => {
        const v = byWorkId.get(workIds[i]!)!;
        return { action: 'vacancy.create', subject: { kind: 'vacancy', id: v.id }, details: { workId: v.workId, agency: agency.code, source: 'bulk_import', batch: batch.id, row: r.rowNo, review: verdicts[i]!.status, reasons: verdicts[i]!.reasons } };
      }),
    );
    await recordAudit(tx, actor, 'vacancy.import', { kind: 'vacancy_import', id: batch.id }, { agency: agency.code, file: batch.fileName, created: made.length });
    return workIds.map((w) => byWorkId.get(w)!);
  });
  return created ? { ok: true, created } : { ok: false, gone: true };
}
