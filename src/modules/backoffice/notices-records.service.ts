// ADM-3 查詢回覆紀錄 across agencies: the search (the notices module's all-agencies query through its index) and the
// CSV export of a search, itself audited in the transaction of the read (who exported which search, how many rows).
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { allAgencyNotices, noticesCsv, type NoticeView } from '../notices/index.ts';
import { NOTICES_EXPORT_MAX, NOTICES_PAGE_SIZE, noticesQueryString, type NoticesSearch } from './notices-search.query.ts';

export async function findNoticesPage(db: Db, f: NoticesSearch): Promise<{ total: number; rows: NoticeView[] }> {
  return allAgencyNotices(db, f, NOTICES_PAGE_SIZE, (f.page - 1) * NOTICES_PAGE_SIZE);
}

export async function exportNotices(db: Db, input: { actor: Actor; search: NoticesSearch }): Promise<{ csv: string; count: number; total: number }> {
  return db.transaction(async (tx) => {
    const { total, rows } = await allAgencyNotices(tx, input.search, NOTICES_EXPORT_MAX, 0);
    await recordAudit(tx, input.actor, 'notice.export_all', null, { query: noticesQueryString({ ...input.search, page: 1 }), count: rows.length, total });
    return { csv: noticesCsv(rows, { withAgency: true }), count: rows.length, total };
  });
}
