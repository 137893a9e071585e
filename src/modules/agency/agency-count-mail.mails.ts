// AGY-6 the daily applicant-count mail to a vacancy's 聯絡E-mail, zh-TW, plain text + HTML through
// platform/mail/compose.ts; queued with enqueueMail in the transaction that records the day (SYS-1).
import { composeMail, rocDateTime } from '../../platform/mail/compose.ts';
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { applicantListHref } from './agency.paths.ts';

const SITE = '事求人機關徵才系統';

export interface ApplicantCountMailInput {
  to: string;
  baseUrl: string;
  at: Date;
  count: number;
  vacancy: { workId: string; title: string; orgName: string; validFrom: string; validTo: string };
}

export function applicantCountMail(m: ApplicantCountMailInput): OutgoingMail {
  const v = m.vacancy;
  return composeMail(
    { name: SITE, separator: '　', home: `${m.baseUrl}/` },
    {
      to: m.to,
      subject: `職缺應徵人數通知：${v.title}（職缺編號 ${v.workId}）累計 ${m.count} 人`,
      parts: [
        `${v.orgName} 徵才承辦人員您好：`,
        `貴機關刊登的下列職缺，截至 ${rocDateTime(m.at)} 累計應徵人數為 ${m.count} 人（不含已取消應徵者）。`,
        `職缺編號：${v.workId}\n職稱：${v.title}\n上網有效期間：${formatRoc(v.validFrom)}～${formatRoc(v.validTo)}`,
        '應徵者名單：請以人事服務網帳號登入「機關徵才登錄」，依職缺編號查詢：',
        { link: m.baseUrl + applicantListHref(v.workId) },
        '職缺刊登期間，有應徵者時系統每日寄送本通知一次。',
      ],
      kind: 'agency-applicant-count',
    },
  );
}
