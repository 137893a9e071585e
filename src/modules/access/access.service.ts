// Use cases of applicant access (ACS-2..ACS-4): each reads, records who read or exported what (SYS-2), and for a
// 調閱履歷 marks the first access (the applicant's 我的應徵 then shows 已調閱 with the date).
import { noticeStatuses } from '../notices/index.ts';
import type { Services } from '../../container.ts';
import { recordAudits, type Actor } from '../../platform/audit/audit.ts';
import type { ApplicationRow } from '../applications/index.ts';
import { buildArchive } from './access.archive.ts';
import { contactFile, contactRows, type ExportKind } from './access.contacts.ts';
import type { AccessVacancy } from './access.http.ts';
import { activeApplications, applicationsOf, markViewed } from './access.repo.ts';
import { checkArchive, type ArchiveCheck } from './access.rules.ts';

const subject = (r: ApplicationRow) => ({ kind: 'application', id: r.id });

export type ArchiveResult = { ok: true; zip: Uint8Array } | { ok: false; errors: Extract<ArchiveCheck, { ok: false }>['errors'] };

/** ACS-2: the password is only passed to the zip writer — never stored, never in the audit row. */
export async function downloadResumes(services: Services, actor: Actor, v: AccessVacancy, ticked: readonly string[], password: string): Promise<ArchiveResult> {
  const found = await applicationsOf(services.db, v.id, ticked.slice(0, 50));
  const check = checkArchive(ticked, password, new Map(found.map((r) => [r.id, r])));
  if (!check.ok) return check;
  const rows = found.filter((r) => check.ids.includes(r.id));
  const now = services.clock.now();
  const zip = await buildArchive(services.storage, rows, password, now);
  await services.db.transaction(async (tx) => {
    await markViewed(tx, check.ids, now);
    await recordAudits(
      tx,
      actor,
      rows.map((r) => ({ action: 'resume.download', subject: subject(r), details: { vacancyId: v.id, workId: v.workId } })),
    );
  });
  return { ok: true, zip };
}

/** ACS-3: the active applicants (all, or the ticked ones), audited per applicant. */
export async function viewSummaries(services: Services, actor: Actor, v: AccessVacancy, only: readonly string[]): Promise<ApplicationRow[]> {
  const rows = only.length ? (await applicationsOf(services.db, v.id, only.slice(0, 500))).filter((r) => r.status === 'active') : await activeApplications(services.db, v.id);
  await recordAudits(
    services.db,
    actor,
    rows.map((r) => ({ action: 'resume.summary_view', subject: subject(r), details: { vacancyId: v.id, workId: v.workId } })),
  );
  return rows;
}

/** ACS-4: every active applicant's contact details, as the chosen kind of file; one audit row for the export. */
export async function exportContacts(services: Services, actor: Actor, v: AccessVacancy, kind: ExportKind, replies?: ReadonlyMap<string, string>): Promise<Buffer> {
  const rows = await activeApplications(services.db, v.id);
  // 面試回覆狀態 (ACS-7) from the notices module unless the caller gives it.
  const statuses = replies ?? new Map([...(await noticeStatuses(services.db, rows.map((r) => r.id)))].map(([id, n]) => [id, n.status]));
  const file = contactFile(kind, contactRows(rows, statuses));
  await recordAudits(services.db, actor, [{ action: 'contacts.export', subject: { kind: 'vacancy', id: v.id }, details: { workId: v.workId, kind, count: rows.length } }]);
  return file;
}
