// 註冊 (ACC-1) over HTTP on a whole app: the form, what it creates, what it mails, and every way it can go wrong.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { csrfFrom, TEST_CAPTCHA, useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
import { ACCOUNT_POSTS_PER_MINUTE } from './account.rules.ts';
import { accountByEmail, auditActions, latestMailTo, linkIn, mailsTo, stable, summaryOf } from './accounts.test-support.ts';
import { CONSENT_VERSION } from './consent.ts';
import { createAccount, PASSWORD } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

describe.each(dbDrivers())('註冊 (ACC-1) on %s', (driver) => {
  const t = useTestApp(driver);
  const app = () => t.current.app;
  const db = () => t.current.services.db;

  it('ACC-1 the register page has 帳號, 密碼, 確認密碼, 驗證碼, the consent text with its version, 同意 and 確定', async () => {
    const c = new Client(app());
    const res = await c.get('/platform/register');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    for (const label of ['>帳號<', '>密碼<', '>確認密碼<', '>驗證碼<', '>確定<']) expect(html).toContain(label);
    expect(html).toContain('個人資料蒐集、處理及利用告知同意書');
    expect(html).toContain(`版本：${CONSENT_VERSION}`);
    expect(html).toContain(`name="consentVersion" value="${CONSENT_VERSION}"`);
    for (const item of ['一、蒐集機關', '二、蒐集之目的', '三、個人資料之類別', '四、個人資料利用之期間、地區、對象及方式', '五、您依個資法第 3 條得行使之權利及方式', '六、不提供個人資料之影響']) {
      expect(html).toContain(item);
    }
    expect(html).toMatch(/<div class="consent-text" role="region" aria-labelledby="consent-title" tabindex="0"/);
    expect(html).toMatch(/<input type="checkbox" id="f-consent" name="consent" value="yes" required/);
    expect(html).toContain('data-password-check="f-password-rules"');
    expect(html).toContain('/assets/js/password-check.js');
    expect(html).toContain('<img class="captcha-image"');
    // The form's first submit button is a hidden 確定, so that Enter submits instead of changing the captcha.
    expect(html.indexOf('<button type="submit" hidden>')).toBeLessThan(html.indexOf('更換驗證碼'));
  });

  it('ACC-1 確定 creates an inactive account and mails 帳號啟用確認信 with an absolute activation link', async () => {
    const c = new Client(app());
    const res = await c.register('New.User@Example.TW');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/register/sent');
    const account = await accountByEmail(db(), 'new.user@example.tw');
    expect(account).toMatchObject({ status: 'pending_activation', failedLoginCount: 0, activatedAt: null, passwordHistory: [] });
    expect(account!.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(account!.passwordHash, PASSWORD)).toBe(true);
    const mail = await latestMailTo(db(), 'new.user@example.tw');
    expect(mail.subject).toBe('【不須具公務人員任用資格職缺應徵平台】帳號啟用確認信');
    expect(linkIn(mail.text, '/platform/activate').startsWith(`${t.current.config.baseUrl}/platform/activate?token=`)).toBe(true);
    expect(mail.html).toContain('<a href="http://localhost:3000/platform/activate?token=');
    expect(mail.text).toContain('24 小時');
    const sent = await c.get('/platform/register/sent');
    expect(sent.body).toContain('請至信箱收取帳號啟用確認信');
    expect(sent.body).toContain('已受理 new.user@example.tw 的申請。');
  });

  it('ACC-1 SYS-3 the consent version and time are stored with the registration (audit row)', async () => {
    await new Client(app()).register('consent@example.tw');
    const account = await accountByEmail(db(), 'consent@example.tw');
    const rows = await auditActions(db(), account!.id);
    const reg = rows.find((r) => r.action === 'account.register')!;
    expect(reg.details).toMatchObject({ consentVersion: CONSENT_VERSION });
    expect(typeof reg.details.consentAt).toBe('string');
    expect(reg.ip).toMatch(/^10\./);
  });

  it('ACC-1 SYS-4 the answer is identical for an address already registered, which is mailed a notice instead', async () => {
    const existing = await createAccount(t.current.services, { email: 'taken@example.tw', password: 'Original#1pass' });
    const a = new Client(app());
    const b = new Client(app());
    const startA = performance.now();
    const fresh = await a.register('fresh-one@example.tw');
    const timeA = performance.now() - startA;
    const startB = performance.now();
    const dup = await b.register('Taken@Example.tw');
    const timeB = performance.now() - startB;
    expect(dup.statusCode).toBe(fresh.statusCode);
    expect(dup.headers.location).toBe(fresh.headers.location);
    expect(dup.body).toBe(fresh.body);
    expect(stable((await b.get('/platform/register/sent')).body).replace('taken@example.tw', 'X')).toBe(stable((await a.get('/platform/register/sent')).body).replace('fresh-one@example.tw', 'X'));
    expect(timeA).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    expect(timeB).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    expect(Math.abs(timeA - timeB)).toBeLessThan(250);
    // Nothing changed on the existing account; its owner gets a notice, not an activation link.
    const after = await accountByEmail(db(), 'taken@example.tw');
    expect(after).toMatchObject({ id: existing.id, status: 'active', passwordHash: existing.passwordHash });
    const notice = await latestMailTo(db(), 'taken@example.tw');
    expect(notice.subject).toContain('帳號註冊通知');
    expect(notice.text).toContain('此 Email 已註冊');
    expect(notice.text).toContain('忘記密碼');
    expect(notice.text).toContain('http://localhost:3000/platform/forgot');
    expect(notice.text).not.toContain('token=');
  });

  it('ACC-1 every field is checked on the server, with messages beside the fields and in the error summary; the email is kept, passwords never', async () => {
    const c = new Client(app());
    await c.get('/platform/register');
    const res = await c.post('/platform/register', { email: 'not-an-email', password: 'abc', confirm: 'abd', captcha: '', consentVersion: CONSENT_VERSION });
    expect(res.statusCode).toBe(400);
    const summary = summaryOf(res.body);
    expect(summary).toEqual([
      'f-email 帳號：帳號須為有效的 Email，例如 name@example.com',
      'f-password 密碼：密碼不符合規定：長度至少 8 個字元、須包含大寫英文字母、須包含數字、須包含特殊符號（空白不算）',
      'f-confirm 確認密碼：兩次輸入的密碼不一致',
      'f-captcha 驗證碼：請輸入驗證碼',
      'f-consent 同意：請閱讀個人資料蒐集、處理及利用告知同意書，並勾選「同意」',
    ]);
    expect(res.body).toContain('<p class="field-error" id="f-email-error">');
    expect(res.body).toContain('aria-invalid="true" aria-describedby="f-email-hint f-email-error"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).not.toContain('value="abc"');
    expect(res.body).not.toContain('value="abd"');
    expect(res.body).toMatch(/id="f-password" name="password" type="password" value=""/);
    expect(await accountByEmail(db(), 'not-an-email')).toBeNull();
  });

  it('ACC-1 an empty form asks for every field; a ticked box stays ticked', async () => {
    const c = new Client(app());
    await c.get('/platform/register');
    const res = await c.post('/platform/register', { consent: 'yes', consentVersion: CONSENT_VERSION, email: ' ' });
    expect(summaryOf(res.body).map((s) => s.split(' ')[0])).toEqual(['f-email', 'f-password', 'f-confirm', 'f-captcha']);
    expect(res.body).toContain('請輸入帳號（Email）');
    expect(res.body).toContain('請輸入密碼');
    expect(res.body).toContain('請再輸入一次密碼');
    expect(res.body).toMatch(/name="consent" value="yes" required checked/);
  });

  it('ACC-1 the password rule is enforced on the server, part by part', async () => {
    const cases: [string, string][] = [
      ['Abcdef1', '長度至少 8 個字元'],
      ['abcdefg1!', '須包含大寫英文字母'],
      ['ABCDEFG1!', '須包含小寫英文字母'],
      ['Abcdefgh!', '須包含數字'],
      ['Abcdefg 1', '須包含特殊符號'],
    ];
    for (const [pw, message] of cases) {
      const res = await new Client(app()).register('rule@example.tw', pw);
      expect(res.statusCode, pw).toBe(400);
      expect(summaryOf(res.body)[0], pw).toContain(message);
    }
    expect(await accountByEmail(db(), 'rule@example.tw')).toBeNull();
  });

  it('ACC-1 a wrong captcha, or one already used, refuses the registration and creates nothing', async () => {
    const c = new Client(app());
    const wrong = await c.register('captcha@example.tw', PASSWORD, { captcha: '0000' });
    expect(wrong.statusCode).toBe(400);
    expect(summaryOf(wrong.body)).toEqual([expect.stringContaining('f-captcha 驗證碼：')]);
    expect(wrong.body).toContain('value="captcha@example.tw"');
    expect(await accountByEmail(db(), 'captcha@example.tw')).toBeNull();
    // A success uses the challenge up: posting again from the same page (a replay) is refused.
    const fields = (email: string) => ({ email, password: PASSWORD, confirm: PASSWORD, consent: 'yes', consentVersion: CONSENT_VERSION, captcha: TEST_CAPTCHA });
    const page = await c.get('/platform/register');
    expect((await c.post('/platform/register', fields('first@example.tw'))).statusCode).toBe(303);
    const replay = await c.post('/platform/register', fields('second@example.tw'), csrfFrom(page.body));
    expect(replay.statusCode).toBe(400);
    expect(summaryOf(replay.body)).toEqual([expect.stringContaining('f-captcha 驗證碼：')]);
    expect(await accountByEmail(db(), 'second@example.tw')).toBeNull();
  });

  it('ACC-1 without 同意, or with an outdated consent version, nothing is created', async () => {
    const none = await new Client(app()).register('noconsent@example.tw', PASSWORD, { consent: '' });
    expect(none.statusCode).toBe(400);
    expect(summaryOf(none.body)).toEqual(['f-consent 同意：請閱讀個人資料蒐集、處理及利用告知同意書，並勾選「同意」']);
    const old = await new Client(app()).register('noconsent@example.tw', PASSWORD, { consentVersion: 'consent-v0' });
    expect(summaryOf(old.body)).toEqual(['f-consent 同意：同意書已更新，請重新閱讀後勾選「同意」']);
    expect(await accountByEmail(db(), 'noconsent@example.tw')).toBeNull();
    expect(await mailsTo(db(), 'noconsent@example.tw')).toEqual([]);
  });

  it('SYS-4 a POST without the CSRF token is refused and creates nothing', async () => {
    const c = new Client(app());
    await c.get('/platform/register');
    const res = await c.post('/platform/register', { email: 'csrf@example.tw', password: PASSWORD, confirm: PASSWORD, captcha: TEST_CAPTCHA, consent: 'yes', consentVersion: CONSENT_VERSION }, 'forged');
    expect(res.statusCode).toBe(403);
    expect(await accountByEmail(db(), 'csrf@example.tw')).toBeNull();
  });

  it('ACC-1 SYS-4 two registrations of one address at the same moment make one account', async () => {
    const [a, b] = [new Client(app()), new Client(app())];
    await Promise.all([a.get('/platform/register'), b.get('/platform/register')]);
    const fields = { email: 'race@example.tw', password: PASSWORD, confirm: PASSWORD, captcha: TEST_CAPTCHA, consent: 'yes', consentVersion: CONSENT_VERSION };
    const [ra, rb] = await Promise.all([a.post('/platform/register', fields), b.post('/platform/register', fields)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([303, 303]);
    const mails = await mailsTo(db(), 'race@example.tw');
    expect(mails.map((m) => m.subject.replace(/^【.*】/, '')).sort()).toEqual(['帳號啟用確認信', '帳號註冊通知']);
  });

  it('ACC-1 SYS-5 markup escapes what the user typed', async () => {
    const c = new Client(app());
    await c.get('/platform/register');
    const res = await c.post('/platform/register', { email: '"><script>alert(1)</script>' });
    // Inside a quoted attribute, with its quote escaped, the text cannot leave the attribute.
    expect(res.body).not.toContain('"><script>');
    expect(res.body).toContain('value="&#34;><script>alert(1)</script>"');
  });

  it(`SYS-4 more than ${ACCOUNT_POSTS_PER_MINUTE} registrations a minute from one address are refused (429)`, async () => {
    const c = new Client(app());
    await c.get('/platform/register');
    const statuses: number[] = [];
    for (let i = 0; i <= ACCOUNT_POSTS_PER_MINUTE; i++) statuses.push((await c.post('/platform/register', { email: 'x' })).statusCode);
    expect(statuses.slice(0, ACCOUNT_POSTS_PER_MINUTE).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await new Client(app()).register('other-ip@example.tw')).statusCode).toBe(303);
  });

  it('SYS-6 the register page is available in English', async () => {
    const c = new Client(app());
    c.cookie = 'lang=en';
    const res = await c.get('/platform/register');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Account (帳號)');
    expect(res.body).toContain('Notice and consent on the collection, processing and use of personal data');
  });
});
