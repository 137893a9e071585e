// The mail to an account voided by RES-3 (註銷), zh-TW, plain text + HTML. Queued with enqueueMail in the
// transaction of the change (SYS-1). The ID number is masked (SYS-3).
import Html from '@kitajs/html';
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { formatRocLong } from '../../platform/tw/roc-date.ts';

const PLATFORM = '不須具公務人員任用資格職缺應徵平台';

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** 民國 115 年 03 月 04 日 09:00 (Taipei). */
export function rocDateTime(d: Date): string {
  return `${formatRocLong(d)} ${taipeiTime.format(d)}`;
}

export function accountVoidedMail(m: { to: string; maskedId: string; at: Date; baseUrl: string }): OutgoingMail {
  const when = rocDateTime(m.at);
  const paragraphs = [
    '您好：',
    `您在${PLATFORM}的帳號（${m.to}）已於 ${when} 註銷。`,
    `原因：另一個帳號以相同的身分證統一編號（${m.maskedId}）填寫履歷，並正確輸入了本帳號（Email）及出生日期，確認本帳號由其本人使用，因此註銷本帳號。註銷後本帳號無法再登入；以本帳號應徵過的職缺資料不受影響。`,
    '若這不是您本人或您授權的操作，請儘速與人事總處聯繫。',
  ];
  const footer = ['本信件由系統自動寄發，請勿直接回覆。', `${PLATFORM}　${m.baseUrl}/platform`];
  const subject = `【${PLATFORM}】帳號註銷通知`;
  const text = [...paragraphs, '', ...footer].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
  const html = [
    '<!doctype html>',
    `<html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>${Html.escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #1b1b1b;">',
    ...paragraphs.map((p) => `<p>${Html.escapeHtml(p)}</p>`),
    '<hr>',
    `<p style="color: #4a4a4a; font-size: 90%;">${footer.map((f) => Html.escapeHtml(f)).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: m.to, subject, text, html, headers: { 'X-Shiqiuren-Kind': 'account-voided' } };
}
