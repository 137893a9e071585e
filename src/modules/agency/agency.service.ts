// The use cases of 機關徵才登錄 (AGY-2..AGY-5 and the automatic part of ADM-1): 送出 (create), 修改 (update),
// 刪除 (soft delete). Each runs in one transaction with its audit row.
import type { Actor } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { applicationCounts } from '../applications/index.ts';
import { commitAttachments, deleteFiles, type AttachmentState } from './agency-attachments.ts';
import { checkVacancyText } from './agency-check.rules.ts';
import { dateErrors, type VacancyForm } from './agency.form.ts';
import { insertVacancy, listAgencyVacancies, nextWorkId, softDeleteVacancy, updateVacancy, type ListQuery, type VacancyRow } from './agency.repo.ts';
import { accessModeLocked, changedColumns, rowFromForm, workIdMonth } from './agency.rules.ts';

export type SaveResult = { ok: true; row: VacancyRow } | { ok: false; errors: FieldErrors };

/** 職缺相關附件 of the form (staged new files, ticked removals), saved with the vacancy. */
export interface FilesChange {
  state: AttachmentState;
  storage: Storage;
}

export interface AgencyRef {
  code: string;
  name: string;
  /** The back office acting for this agency: the code its pages carry (`?agency=`); null for the agency's own staff. */
  via?: string | null;
}

/**
 * The AGY-1 list page: one page of the agency's vacancies, with the number of active (not cancelled) applications
 * of each (調閱簡歷 / 調閱履歷 show it until the applicant-access pages exist) — one count query for the page.
 */
export async function agencyVacancyList(db: Db, query: ListQuery, today: string): Promise<{ total: number; rows: VacancyRow[]; applicants: Map<string, number> }> {
  const { total, rows } = await listAgencyVacancies(db, query, today);
  const applicants = await applicationCounts(db, rows.map((r) => r.id));
  return { total, rows, applicants };
}

/** 送出 a new vacancy: a fresh 職缺編號, the automatic check decides 審核通過 or 待審核. */
export async function createAgencyVacancy(db: Db, actor: Actor, agency: AgencyRef, form: VacancyForm, now: Date, today: string, files?: FilesChange): Promise<SaveResult> {
  const errors = dateErrors(form, today);
  if (Object.keys(errors).length) return { ok: false, errors };
  const verdict = checkVacancyText(form);
  let removedKeys: string[] = [];
  const row = await db.transaction(async (tx) => {
    const workId = await nextWorkId(tx, workIdMonth(today));
    const created = await insertVacancy(tx, {
      ...rowFromForm(form),
      workId,
      orgId: agency.code,
      orgName: agency.name,
      source: 'form',
      reviewStatus: verdict.status,
      reviewReason: verdict.reasons.length ? verdict.reasons.join('；') : null,
      postedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, 'vacancy.create', { kind: 'vacancy', id: created.id }, { workId, agency: agency.code, review: verdict.status, reasons: verdict.reasons });
    if (files) removedKeys = await commitAttachments(tx, actor, created, files.state);
    return created;
  });
  if (files) await deleteFiles(files.storage, removedKeys);
  return { ok: true, row };
}

/** 修改: keeps the 職缺編號; refuses (and audits) an access-mode change inside the validity period; re-checks the text. */
export async function updateAgencyVacancy(db: Db, actor: Actor, existing: VacancyRow, form: VacancyForm, now: Date, today: string, files?: FilesChange): Promise<SaveResult> {
  if (form.accessMode !== existing.accessMode && accessModeLocked(existing, today)) {
    await recordAudit(db, actor, 'vacancy.access_mode_refused', { kind: 'vacancy', id: existing.id }, { workId: existing.workId, from: existing.accessMode, to: form.accessMode });
    return { ok: false, errors: { accessMode: '職缺於上網有效期間內，不可變更應徵者履歷調閱方式' } };
  }
  if (form.validTo !== existing.validTo) {
    const errors = dateErrors(form, today);
    if (Object.keys(errors).length) return { ok: false, errors };
  }
  const verdict = checkVacancyText(form);
  const changes = {
    ...rowFromForm(form),
    // A vacancy the back office rejected stays rejected; otherwise the check decides again.
    ...(existing.reviewStatus === 'rejected' ? {} : { reviewStatus: verdict.status, reviewReason: verdict.reasons.length ? verdict.reasons.join('；') : null }),
  };
  const changed = changedColumns(existing, changes);
  let removedKeys: string[] = [];
  await db.transaction(async (tx) => {
    await updateVacancy(tx, existing.id, changes, now);
    await recordAudit(tx, actor, 'vacancy.update', { kind: 'vacancy', id: existing.id }, { workId: existing.workId, agency: existing.orgId, changed, review: changes.reviewStatus ?? existing.reviewStatus });
    if (files) removedKeys = await commitAttachments(tx, actor, existing, files.state);
  });
  if (files) await deleteFiles(files.storage, removedKeys);
  return { ok: true, row: { ...existing, ...changes, updatedAt: now } as VacancyRow };
}

/** 刪除: a soft delete; the public page answers 410 at once. */
export async function deleteAgencyVacancy(db: Db, actor: Actor, existing: VacancyRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await softDeleteVacancy(tx, existing.id, now);
    await recordAudit(tx, actor, 'vacancy.delete', { kind: 'vacancy', id: existing.id }, { workId: existing.workId, agency: existing.orgId });
  });
}
