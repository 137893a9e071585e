// ACS-9 CSV export of notices and replies: UTF-8 with BOM (Excel opens it as UTF-8), RFC 4180 quoting, every cell
// through the formula guard (src/platform/export/formula-guard.ts).
import { guardFormula } from '../../platform/export/formula-guard.ts';
import { rocDateTime } from '../../platform/mail/compose.ts';
import { interviewWhen } from './notice.mails.ts';
import type { NoticeView } from './notice.repo.ts';
import { kindText, replyText } from './notice.rules.ts';

export const CSV_HEADER = ['職缺編號', '職稱', '通知對象', '通知類別', '通知時間', '內容', '聯絡窗口', '聯絡電話', '聯絡Email', '面試時間地點', '回覆狀態', '回覆時間'];

const cell = (s: string) => {
  const g = guardFormula(s);
  return /[",\r\n]/.test(g) ? `"${g.replace(/"/g, '""')}"` : g;
};

/** `withAgency`: a first column 機關 (the back office's export across agencies, ADM-3). */
export function noticesCsv(rows: NoticeView[], opts: { withAgency?: boolean } = {}): string {
  const lead = (agency: string) => (opts.withAgency ? [agency] : []);
  const lines = [[...lead('機關'), ...CSV_HEADER], ...rows.map((r) => {
    const n = r.notice;
    return [...lead(`${r.vacancy.orgId ?? ''} ${r.vacancy.orgName}`.trim()), r.vacancy.workId, r.vacancy.title, r.applicantName, kindText(n.kind), rocDateTime(n.sentAt), n.content, n.contactName, n.contactPhone, n.contactEmail, interviewWhen(n), n.reply ? replyText(n.kind, n.reply) : '已通知', n.repliedAt ? rocDateTime(n.repliedAt) : ''];
  })];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
