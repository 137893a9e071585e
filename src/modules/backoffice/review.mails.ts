// Mails of the back office's verdicts (ADM-1): 審核不通過 and 下架, to the vacancy's contact address, queued with
// enqueueMail in the transaction of the verdict (SYS-1).
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { composeMail } from '../../platform/mail/compose.ts';

interface VerdictMail {
  to: string;
  workId: string;
  title: string;
  orgName: string;
  reason: string;
}

function compose(baseUrl: string, to: string, subject: string, parts: (string | { link: string })[], kind: string): OutgoingMail {
  return composeMail({ name: '事求人機關徵才系統', separator: '　', home: `${baseUrl}/ecpa` }, { to, subject, parts, kind });
}

/** 審核不通過 (ADM-1): the reason, and where the agency sees it. */
export function rejectedMail(baseUrl: string, m: VerdictMail): OutgoingMail {
  return compose(
    baseUrl,
    m.to,
    `職缺審核不通過（職缺編號 ${m.workId}）`,
    [
      `${m.orgName} 人事人員您好：`,
      `貴機關登錄的職缺「${m.title}」（職缺編號 ${m.workId}）經人事總處審核不通過，未刊登。`,
      `理由：${m.reason}`,
      '請登入人事服務網，於「DD:事求人機關徵才系統」的審核結果欄查看；修改內容後可重新登錄職缺。',
      { link: `${baseUrl}/agency` },
    ],
    'backoffice-review-rejected',
  );
}

/** 下架 (ADM-1): the reason, and that the public page is gone. */
export function takenDownMail(baseUrl: string, m: VerdictMail): OutgoingMail {
  return compose(
    baseUrl,
    m.to,
    `職缺已下架（職缺編號 ${m.workId}）`,
    [
      `${m.orgName} 人事人員您好：`,
      `貴機關刊登的職缺「${m.title}」（職缺編號 ${m.workId}）已由人事總處下架，民眾已無法查詢或應徵。`,
      `理由：${m.reason}`,
      '請登入人事服務網，於「DD:事求人機關徵才系統」的審核結果欄查看。',
      { link: `${baseUrl}/agency` },
    ],
    'backoffice-take-down',
  );
}
