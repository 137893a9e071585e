// Use cases of the audit log search (SYS-2, ADM-3): search, and the CSV export of a search — itself audited, in
// the same transaction as the read (who exported which search, how many rows).
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, auditQueryString, type AuditSearch } from './audit-log.query.ts';
import { searchAudit } from './audit-log.repo.ts';
import { auditCsv, type AuditRow } from './audit-log.rules.ts';

export async function findAuditPage(db: Db, f: AuditSearch): Promise<{ total: number; rows: AuditRow[] }> {
  return searchAudit(db, f, AUDIT_PAGE_SIZE, (f.page - 1) * AUDIT_PAGE_SIZE);
}

/** The CSV of the search's first AUDIT_EXPORT_MAX rows; the export is recorded with the search and the count. */
export async function exportAudit(db: Db, input: { actor: Actor; search: AuditSearch }): Promise<{ csv: string; count: number; total: number }> {
  return db.transaction(async (tx) => {
    const { total, rows } = await searchAudit(tx, { ...input.search, page: 1 }, AUDIT_EXPORT_MAX, 0);
    await recordAudit(tx, input.actor, 'audit.export', null, { query: auditQueryString({ ...input.search, page: 1 }), count: rows.length, total });
    return { csv: auditCsv(rows), count: rows.length, total };
  });
}
