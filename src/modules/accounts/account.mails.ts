// The platform's account mails (ACC-1, ACC-2, ACC-3, ACC-5, ACC-7), zh-TW, plain text + HTML, links absolute to
// config.baseUrl. Queued with enqueueMail in the transaction of the change (SYS-1).
import type { OutgoingMail } from '../../platform/outbox/outbox.ts';
import { composeMail, rocDateTime, type MailPart } from '../../platform/mail/compose.ts';
import { RESET_DAYS } from './account.rules.ts';
import { accountPaths } from './account.paths.ts';

const PLATFORM = '不須具公務人員任用資格職缺應徵平台';

export { rocDateTime };

/** One mail of this door (platform/mail/compose.ts): the platform's name and home page in the footer. */
function compose(to: string, subject: string, parts: MailPart[], baseUrl: string, kind: string): OutgoingMail {
  return composeMail({ name: PLATFORM, separator: '：', home: baseUrl + accountPaths.home }, { to, subject, parts, kind });
}

export interface MailContext {
  baseUrl: string;
}

/** 帳號啟用確認信 after 註冊 or 重寄確認信 (ACC-1, ACC-2, ACC-3); `hours` is the link's lifetime (config.activationHours). */
export function activationMail(c: MailContext, m: { to: string; token: string; expiresAt: Date; hours: number }): OutgoingMail {
  const link = c.baseUrl + accountPaths.activate(m.token);
  return compose(
    m.to,
    '帳號啟用確認信',
    [
      '您好：',
      `感謝您註冊${PLATFORM}。請點選下列連結啟用帳號（${m.to}），啟用後即可登入填寫履歷、應徵職缺；無法點選時，請將網址複製到瀏覽器的網址列。`,
      { link },
      `※注意：本連結有效時間為 ${m.hours} 小時（至 ${rocDateTime(m.expiresAt)} 止），且只能使用一次；過期請至平台「重寄確認信」再次申請：`,
      { link: c.baseUrl + accountPaths.resend },
      '若您沒有註冊本平台帳號，請忽略本信，帳號將不會啟用。',
    ],
    c.baseUrl,
    'account-activation',
  );
}

/** 帳號啟用確認信 to the NEW address after 變更帳號 (ACC-7); `hours` is the link's lifetime (config.activationHours). */
export function emailChangeActivationMail(c: MailContext, m: { to: string; oldEmail: string; token: string; expiresAt: Date; hours: number }): OutgoingMail {
  const link = c.baseUrl + accountPaths.activate(m.token);
  return compose(
    m.to,
    '帳號啟用確認信（變更帳號）',
    [
      '您好：',
      `您在${PLATFORM}申請將帳號由 ${m.oldEmail} 變更為本信箱（${m.to}）。請點選下列連結啟用新帳號；啟用後，請以新帳號（本 Email）及您設定的新密碼登入。`,
      { link },
      `※注意：本連結有效時間為 ${m.hours} 小時（至 ${rocDateTime(m.expiresAt)} 止），且只能使用一次。啟用前，原帳號及原密碼仍可登入。`,
      '若您沒有申請變更帳號，請忽略本信，帳號不會變更。',
    ],
    c.baseUrl,
    'account-email-change-activation',
  );
}

/** To an address that is already registered, instead of a second account (ACC-1, no enumeration). */
export function alreadyRegisteredMail(c: MailContext, m: { to: string }): OutgoingMail {
  return compose(
    m.to,
    '帳號註冊通知',
    [
      '您好：',
      `有人以本信箱（${m.to}）申請註冊${PLATFORM}帳號，但此 Email 已註冊，因此沒有建立新帳號。`,
      '如忘記密碼，請使用「忘記密碼」重設密碼（重設密碼也會解除鎖定，並啟用尚未啟用的帳號）：',
      { link: c.baseUrl + accountPaths.forgot },
      '如帳號尚未啟用、找不到帳號啟用確認信，可「重寄確認信」：',
      { link: c.baseUrl + accountPaths.resend },
      '如已可正常使用，請直接登入：',
      { link: c.baseUrl + accountPaths.login },
      '若這不是您本人的操作，請忽略本信；您的帳號與密碼都沒有任何變更。',
    ],
    c.baseUrl,
    'account-already-registered',
  );
}

/** 密碼重設確認信 (ACC-5). */
export function resetMail(c: MailContext, m: { to: string; token: string; expiresAt: Date }): OutgoingMail {
  const link = c.baseUrl + accountPaths.resetLink(m.token);
  return compose(
    m.to,
    '密碼重設確認信',
    [
      '您好：',
      `我們收到重設${PLATFORM}帳號（${m.to}）密碼的申請。請點選下列連結，設定新密碼：`,
      { link },
      `※注意：本連結有 ${RESET_DAYS} 天時效（至 ${rocDateTime(m.expiresAt)} 止），只能使用一次；再次申請時，舊的連結即失效。如過期請重新申請確認信。`,
      '重設密碼後，帳號如被鎖定將一併解除；尚未啟用的帳號也會一併啟用。',
      '若您沒有申請重設密碼，請忽略本信，您的密碼不會變更。',
    ],
    c.baseUrl,
    'account-password-reset',
  );
}

/** 帳號變更通知 to the OLD address when a change of account is requested (ACC-7). */
export function emailChangeNoticeMail(c: MailContext, m: { to: string; newEmail: string; at: Date }): OutgoingMail {
  return compose(
    m.to,
    '帳號變更通知',
    [
      '您好：',
      `您的${PLATFORM}帳號（${m.to}）於 ${rocDateTime(m.at)} 申請變更為 ${m.newEmail}，並設定了新密碼。新帳號須先至新信箱點選「帳號啟用確認信」中的連結啟用，變更才會生效；啟用前，原帳號及原密碼仍可登入。`,
      '若這不是您本人的操作，請立即使用「忘記密碼」重設密碼，原申請即失效：',
      { link: c.baseUrl + accountPaths.forgot },
    ],
    c.baseUrl,
    'account-email-change-notice',
  );
}

/** To the requested NEW address when it already belongs to another account (ACC-7, no enumeration on screen). */
export function emailChangeTakenMail(c: MailContext, m: { to: string }): OutgoingMail {
  return compose(
    m.to,
    '帳號變更通知',
    [
      '您好：',
      `有人在${PLATFORM}申請將另一個帳號變更為本信箱（${m.to}），但此 Email 已註冊，因此無法變更。`,
      '如這是您本人的操作，請以本 Email 直接登入；如忘記密碼，請使用「忘記密碼」：',
      { link: c.baseUrl + accountPaths.forgot },
      '若這不是您本人的操作，請忽略本信。',
    ],
    c.baseUrl,
    'account-email-change-taken',
  );
}

/** 密碼變更通知 after 重設密碼 or 變更密碼 (ACC-5, ACC-6). */
export function passwordChangedMail(c: MailContext, m: { to: string; at: Date; how: 'reset' | 'change' }): OutgoingMail {
  return compose(
    m.to,
    '密碼變更通知',
    [
      '您好：',
      `您的${PLATFORM}帳號（${m.to}）已於 ${rocDateTime(m.at)} ${m.how === 'reset' ? '重設密碼，所有裝置上的登入都已結束' : '變更密碼，其他裝置上的登入都已結束'}。`,
      '若這不是您本人的操作，請立即使用「忘記密碼」重設密碼：',
      { link: c.baseUrl + accountPaths.forgot },
    ],
    c.baseUrl,
    'account-password-changed',
  );
}
