// The applications' mails (APP-2, APP-5), zh-TW, plain text + HTML through platform/mail/compose.ts; queued with
// enqueueMail in the transaction of the change (SYS-1).
import { composeMail, rocDateTime, type MailPart } from '../../platform/mail/compose.ts';
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { applicationPaths } from './application.paths.ts';

const PLATFORM = '不須具公務人員任用資格職缺應徵平台';
/** ECPA-5: civil servants apply in 人事服務網's DK 職缺應徵. */
const DK = '人事服務網 DK:職缺應徵';
export type MailDoor = 'platform' | 'dk';
const DK_MINE = '/ecpa/dk/applications';

export interface JobLine {
  workId: string;
  title: string;
  orgName: string;
}

const line = (j: JobLine): string => `・職缺編號 ${j.workId}　${j.orgName}　${j.title}`;

function compose(to: string, subject: string, parts: MailPart[], baseUrl: string, kind: string, door: MailDoor = 'platform'): OutgoingMail {
  const from = door === 'dk' ? { name: DK, separator: '：', home: `${baseUrl}/ecpa/dk` } : { name: PLATFORM, separator: '：', home: `${baseUrl}/platform` };
  return composeMail(from, { to, subject, parts, kind });
}
const mineOf = (door: MailDoor = 'platform'): string => (door === 'dk' ? DK_MINE : applicationPaths.mine);

/** APP-2: the jobs applied for this time, with a link straight to 我的應徵. */
export function appliedMail(m: { to: string; name: string; jobs: JobLine[]; at: Date; baseUrl: string; attached: boolean }): OutgoingMail {
  return compose(
    m.to,
    '應徵職缺通知',
    [
      `${m.name} 您好：`,
      `您已於 ${rocDateTime(m.at)} 應徵下列 ${m.jobs.length} 個職缺，履歷已送交徵才機關：`,
      m.jobs.map(line).join('\n'),
      m.attached ? '本次應徵附上了您履歷中的證照資格/作品附件。' : '本次應徵未附上證照資格/作品附件。',
      '應徵紀錄、機關是否已調閱履歷及取消應徵，請至「我的應徵」：',
      { link: m.baseUrl + applicationPaths.mine },
    ],
    m.baseUrl,
    'application-sent',
  );
}

/** APP-5: to the applicant. */
export function cancelledToApplicantMail(m: { to: string; name: string; job: JobLine; at: Date; baseUrl: string; door?: MailDoor }): OutgoingMail {
  return compose(
    m.to,
    '取消應徵通知',
    [`${m.name} 您好：`, `您已於 ${rocDateTime(m.at)} 取消應徵下列職缺：`, line(m.job), '如需再次應徵，請至職缺頁點選【我要應徵】。', { link: m.baseUrl + mineOf(m.door) }],
    m.baseUrl,
    'application-cancelled',
    m.door,
  );
}

/** APP-5: to the vacancy's 聯絡E-mail. */
export function cancelledToAgencyMail(m: { to: string; applicantName: string; job: JobLine; at: Date; baseUrl: string; door?: MailDoor }): OutgoingMail {
  return compose(
    m.to,
    '應徵者取消應徵通知',
    [`${m.job.orgName} 您好：`, `應徵者 ${m.applicantName} 已於 ${rocDateTime(m.at)} 取消應徵貴機關下列職缺：`, line(m.job), '該筆應徵資料已不再提供調閱。'],
    m.baseUrl,
    'application-cancelled-agency',
    m.door,
  );
}

/** ECPA-5: a civil servant's application in DK; the resume file follows at the next batch (GEN-2). */
export function dkAppliedMail(m: { to: string; name: string; jobs: JobLine[]; at: Date; baseUrl: string; nextBatch: Date; certificates: string | null }): OutgoingMail {
  return compose(
    m.to,
    '應徵職缺通知',
    [
      `${m.name} 您好：`,
      `您已於 ${rocDateTime(m.at)} 以人事服務網 DK:職缺應徵 應徵下列 ${m.jobs.length} 個職缺，並授權同意開放履歷給徵才機關調閱：`,
      m.jobs.map(line).join('\n'),
      `您的履歷將於 ${rocDateTime(m.nextBatch)} 由系統依公務人力資料庫資料產製後提供徵才機關調閱（每日 1 點、7 點、13 點、19 點產製）。`,
      m.certificates ? `本次應徵附上了證件檔案：${m.certificates}` : '本次應徵未附上證件檔案。',
      '應徵紀錄、機關是否已調閱履歷及取消應徵，請至「我的應徵」：',
      { link: m.baseUrl + DK_MINE },
    ],
    m.baseUrl,
    'application-sent',
    'dk',
  );
}
