// The mails of notices, zh-TW, plain text + HTML through platform/mail/compose.ts; queued with enqueueMail in the
// transaction that stores the notice or the reply (SYS-1). Every value is the user's text: compose escapes it in
// HTML; the subject is one line (line breaks replaced).
import { composeMail, rocDateTime } from '../../platform/mail/compose.ts';
import type { OutgoingAttachment, OutgoingMail } from '../../platform/outbox/outbox.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { dkPaths } from '../applications/index.ts';
import { kindText } from './notice.rules.ts';
import type { NoticeKind } from './notice.schema.ts';

const SITE = { name: '事求人機關徵才系統', separator: '　' };
const line = (s: string) => s.replace(/[\r\n]+/g, ' ');

export interface NoticeMailInput {
  to: string;
  baseUrl: string;
  /** Where the person replies: 應徵平台 (platform applicant) or DK 職缺應徵 on 人事服務網 (civil servant, ECPA-5). */
  door: 'platform' | 'dk';
  kind: NoticeKind;
  applicantName: string;
  vacancy: { workId: string; title: string; orgName: string };
  notice: { content: string; contactName: string; contactPhone: string; contactEmail: string; interviewDate: string | null; interviewTime: string; interviewPlace: string };
  ics: OutgoingAttachment | null;
}

export function interviewWhen(n: { interviewDate: string | null; interviewTime: string | null; interviewPlace: string | null }): string {
  const parts = [n.interviewDate ? formatRoc(n.interviewDate) : '', n.interviewTime ?? '', n.interviewPlace ? `（${n.interviewPlace}）` : ''].filter(Boolean);
  return parts.join(' ');
}

/** ACS-5, ACS-6, ACS-8: the agency's notice to the applicant's 聯絡Email, with the .ics when there is a time. */
export function noticeMail(m: NoticeMailInput): OutgoingMail {
  const v = m.vacancy;
  const n = m.notice;
  const when = interviewWhen(n);
  const mail = composeMail(
    { ...SITE, home: `${m.baseUrl}/` },
    {
      to: m.to,
      subject: line(`${kindText(m.kind)}：${v.orgName} ${v.title}（職缺編號 ${v.workId}）`),
      parts: [
        `${m.applicantName} 您好：`,
        `${v.orgName} 就您應徵的職缺「${v.title}」（職缺編號 ${v.workId}）寄送${kindText(m.kind)}：`,
        n.content,
        ...(when ? [`面試時間地點：${when}`] : []),
        `聯絡窗口：${n.contactName}\n聯絡電話：${n.contactPhone}\n聯絡Email：${n.contactEmail}`,
        ...(m.ics ? ['附件為面試行事曆邀請（.ics），可加入手機或電腦的行事曆。'] : []),
        m.door === 'dk' ? '請以人事服務網帳號登入「DK 職缺應徵」的「通知我的職缺」回覆：' : '請登入事求人「通知我的職缺」回覆：',
        { link: `${m.baseUrl}${m.door === 'dk' ? dkPaths.notices : '/platform/notices'}` },
      ],
      kind: `notice-${m.kind}`,
    },
  );
  return m.ics ? { ...mail, attachments: [m.ics] } : mail;
}

/** NTF-1, NTF-2: the applicant's reply to the notice's 聯絡Email. */
export function replyMail(m: { to: string; baseUrl: string; kind: NoticeKind; reply: string; at: Date; applicantName: string; vacancy: { workId: string; title: string } }): OutgoingMail {
  return composeMail(
    { ...SITE, home: `${m.baseUrl}/` },
    {
      to: m.to,
      subject: line(`${kindText(m.kind)}回覆：${m.applicantName} ${m.reply}（職缺編號 ${m.vacancy.workId}）`),
      parts: [
        '徵才承辦人員您好：',
        `應徵者 ${m.applicantName} 於 ${rocDateTime(m.at)} 回覆職缺「${m.vacancy.title}」（職缺編號 ${m.vacancy.workId}）的${kindText(m.kind)}：${m.reply}。`,
        '回覆紀錄：請以人事服務網帳號登入「機關徵才登錄」的查詢回覆紀錄：',
        { link: `${m.baseUrl}/agency/notices?workId=${encodeURIComponent(m.vacancy.workId)}` },
      ],
      kind: `notice-reply-${m.kind}`,
    },
  );
}
