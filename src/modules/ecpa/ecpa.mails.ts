// eCPA mails (ECPA-1 忘記密碼): zh-TW, plain text + HTML, links absolute to config.baseUrl. Queued with enqueueMail
// in the transaction of the change (SYS-1).
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { composeMail, rocDateTime, type MailPart } from '../../platform/mail/compose.ts';
import { ecpaPaths } from './ecpa.paths.ts';
import { RESET_DAYS } from './ecpa.rules.ts';

export { rocDateTime };

/** One mail of this door (platform/mail/compose.ts): 人事服務網 and its home page in the footer. */
function compose(baseUrl: string, to: string, subject: string, parts: MailPart[], kind: string): OutgoingMail {
  return composeMail({ name: '人事服務網', separator: '　', home: baseUrl + ecpaPaths.home }, { to, subject, parts, kind });
}

/** 密碼重設確認信 (ECPA-1). */
export function staffResetMail(baseUrl: string, m: { to: string; name: string; account: string; token: string; expiresAt: Date }): OutgoingMail {
  return compose(
    baseUrl,
    m.to,
    '密碼重設確認信',
    [
      `${m.name} 您好：`,
      `我們收到重設人事服務網帳號（${m.account}）密碼的申請。請點選下列連結設定新密碼；無法點選時，請將網址複製到瀏覽器的網址列。`,
      { link: baseUrl + ecpaPaths.resetLink(m.token) },
      `※注意：本連結有效時間為 ${RESET_DAYS} 天（至 ${rocDateTime(m.expiresAt)} 止），且只能使用一次；再次申請後，先前寄出的連結即失效。`,
      '若您沒有申請重設密碼，請忽略本信，您的密碼不會改變。',
    ],
    'ecpa-password-reset',
  );
}

/** 密碼已變更 notice after a reset (ECPA-1). */
export function staffPasswordChangedMail(baseUrl: string, m: { to: string; name: string; account: string; at: Date }): OutgoingMail {
  return compose(
    baseUrl,
    m.to,
    '密碼已變更通知',
    [
      `${m.name} 您好：`,
      `您的人事服務網帳號（${m.account}）已於 ${rocDateTime(m.at)} 重設密碼，所有已登入的連線均已登出。`,
      '若這不是您本人所為，請立即再以「忘記密碼」重設密碼，並通知貴機關人事單位。',
      { link: baseUrl + ecpaPaths.forgot },
    ],
    'ecpa-password-changed',
  );
}
