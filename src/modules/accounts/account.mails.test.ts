// The account mails (ACC-1, ACC-3, ACC-5, ACC-7): zh-TW, text + HTML, absolute links, delivered through the outbox
// to a real (in-process) SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { createSmtpTransport, type MailTransport } from '../../platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../platform/outbox/outbox.ts';
import {
  activationMail,
  alreadyRegisteredMail,
  emailChangeActivationMail,
  emailChangeNoticeMail,
  emailChangeTakenMail,
  passwordChangedMail,
  resetMail,
  rocDateTime,
} from './account.mails.ts';
import { linkIn, pathOf } from './accounts.test-support.ts';
import { createAccount, PASSWORD, PASSWORD_2 } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

const C = { baseUrl: 'https://jobs.example.gov.tw' };
const AT = new Date('2025-03-03T09:05:00+08:00');
const TOKEN = 'A'.repeat(43);

describe('account mail templates', () => {
  it('SYS-7 ACC-2 the expiry is written in ROC form, Taipei time', () => {
    expect(rocDateTime(AT)).toBe('民國 114 年 03 月 03 日 09:05');
  });

  it('ACC-1 ACC-3 ACC-5 ACC-7 every template has a zh-TW subject, a text and an HTML body, and absolute links', () => {
    const all = [
      activationMail(C, { to: 'a@example.tw', token: TOKEN, expiresAt: AT, hours: 24 }),
      emailChangeActivationMail(C, { to: 'new@example.tw', oldEmail: 'old@example.tw', token: TOKEN, expiresAt: AT, hours: 24 }),
      alreadyRegisteredMail(C, { to: 'a@example.tw' }),
      resetMail(C, { to: 'a@example.tw', token: TOKEN, expiresAt: AT }),
      emailChangeNoticeMail(C, { to: 'old@example.tw', newEmail: 'new@example.tw', at: AT }),
      emailChangeTakenMail(C, { to: 'new@example.tw' }),
      passwordChangedMail(C, { to: 'a@example.tw', at: AT, how: 'reset' }),
    ];
    for (const m of all) {
      expect(m.subject.startsWith('【不須具公務人員任用資格職缺應徵平台】')).toBe(true);
      expect(m.text).toContain('本信件由系統自動寄發，請勿直接回覆。');
      expect(m.html).toContain('<html lang="zh-Hant-TW">');
      for (const url of m.text.match(/https?:\/\/\S+/g) ?? []) {
        expect(url.startsWith('https://jobs.example.gov.tw/platform')).toBe(true);
        expect(m.html).toContain(`<a href="${url}">`);
      }
    }
    expect(all.map((m) => m.subject.replace(/^【.*】/, ''))).toEqual(['帳號啟用確認信', '帳號啟用確認信（變更帳號）', '帳號註冊通知', '密碼重設確認信', '帳號變更通知', '帳號變更通知', '密碼變更通知']);
    expect(all[0]!.text).toContain(`https://jobs.example.gov.tw/platform/activate?token=${TOKEN}`);
    expect(all[0]!.text).toContain('本連結有效時間為 24 小時（至 民國 114 年 03 月 03 日 09:05 止）');
    expect(all[1]!.text).toContain('本連結有效時間為 24 小時（至 民國 114 年 03 月 03 日 09:05 止）');
    expect(all[3]!.text).toContain(`https://jobs.example.gov.tw/platform/reset?token=${TOKEN}`);
    expect(all[2]!.text).toContain('此 Email 已註冊');
  });

  it('ACC-2 the activation mails name the lifetime they are given (ACTIVATION_HOURS)', () => {
    expect(activationMail(C, { to: 'a@example.tw', token: TOKEN, expiresAt: AT, hours: 2 }).text).toContain('本連結有效時間為 2 小時');
    expect(emailChangeActivationMail(C, { to: 'new@example.tw', oldEmail: 'old@example.tw', token: TOKEN, expiresAt: AT, hours: 48 }).html).toContain('本連結有效時間為 48 小時');
  });

  it('SYS-5 the HTML body escapes what came from the user', () => {
    const m = emailChangeNoticeMail(C, { to: 'old@example.tw', newEmail: 'x<b>y</b>&z@example.tw', at: AT });
    expect(m.html).toContain('x&lt;b>y&lt;/b>&amp;z@example.tw');
    expect(m.html).not.toContain('<b>y</b>');
  });
});

describe.each(dbDrivers())('account mails through the outbox and SMTP on %s', (driver) => {
  const t = useTestApp(driver);
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
  });

  const deliver = () => deliverDueMail({ db: t.current.services.db, transport, clock: t.current.services.clock, mailFrom: t.current.config.mailFrom });
  const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));

  it('SYS-1 ACC-1 ACC-2 register → the activation mail arrives by SMTP → its link activates the account → sign in', async () => {
    const c = new Client(t.current.app);
    await c.register('smtp-journey@example.tw');
    expect((await deliver()).sent).toBeGreaterThanOrEqual(1);
    const [mail] = receivedBy('smtp-journey@example.tw');
    expect(mail?.subject).toBe('【不須具公務人員任用資格職缺應徵平台】帳號啟用確認信');
    expect(mail?.html).toContain('http://localhost:3000/platform/activate?token=');
    const link = linkIn(mail!.text!, '/platform/activate');
    expect((await c.get(pathOf(link))).statusCode).toBe(200);
    expect((await c.login('smtp-journey@example.tw', PASSWORD)).headers.location).toBe('/platform/resume');
  });

  it('SYS-1 ACC-5 the reset mail arrives by SMTP and its link sets the new password', async () => {
    await createAccount(t.current.services, { email: 'smtp-reset@example.tw' });
    const c = new Client(t.current.app);
    await c.submit('/platform/forgot', { email: 'smtp-reset@example.tw' });
    await deliver();
    const [mail] = receivedBy('smtp-reset@example.tw');
    expect(mail?.subject).toContain('密碼重設確認信');
    const link = pathOf(linkIn(mail!.text!, '/platform/reset'));
    await c.get(link);
    const res = await c.post('/platform/reset', { token: new URL(link, 'http://x').searchParams.get('token')!, password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(res.statusCode).toBe(303);
    await deliver();
    expect(receivedBy('smtp-reset@example.tw').map((m) => m.subject)).toContain('【不須具公務人員任用資格職缺應徵平台】密碼變更通知');
  });
});
