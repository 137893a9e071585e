// 變更帳號 (ACC-7) over HTTP, with a clock the tests move.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { fixedClock } from '../../platform/clock.ts';
import { accountById, auditActions, latestMailTo, linkIn, mailsTo, pathOf, stable, summaryOf } from './accounts.test-support.ts';
import { createAccount, PASSWORD, PASSWORD_2 } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

const HOUR = 3_600_000;

describe.each(dbDrivers())('變更帳號 (ACC-7) on %s', (driver) => {
  const clock = fixedClock(new Date());
  const t = useTestApp(driver, { overrides: { clock } });
  const app = () => t.current.app;
  const db = () => t.current.services.db;
  const services = () => t.current.services;

  async function signedIn(email: string) {
    const account = await createAccount(services(), { email });
    const c = new Client(app());
    expect((await c.login(email)).statusCode).toBe(303);
    return { account, c };
  }

  async function change(c: Client, fields: Record<string, string>) {
    await c.get('/platform/account/email');
    return c.post('/platform/account/email', { current: PASSWORD, password: PASSWORD_2, confirm: PASSWORD_2, ...fields });
  }

  it('ACC-7 needs sign-in; the page shows the account pre-filled and read-only, and asks 新帳號, 新密碼, 確認新密碼', async () => {
    expect((await new Client(app()).get('/platform/account/email')).statusCode).toBe(303);
    const { c } = await signedIn('ce-page@example.tw');
    const page = await c.get('/platform/account/email');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<input id="f-account" type="email" value="ce-page@example.tw" readonly/);
    for (const s of ['<h1>變更帳號</h1>', '>帳號<', '>目前密碼<', '>新帳號<', '>新密碼<', '>確認新密碼<']) expect(page.body).toContain(s);
  });

  it('ACC-7 the new email gets 帳號啟用確認信, the old one a notice; the session ends; nothing changes until the link is followed', async () => {
    const { account, c } = await signedIn('ce-old@example.tw');
    const other = new Client(app());
    await other.login('ce-old@example.tw');
    const res = await change(c, { newEmail: 'CE-New@Example.tw' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/login');
    const login = await c.get('/platform/login');
    expect(login.body).toContain('若 ce-new@example.tw 可以使用，帳號啟用確認信已寄到這個信箱');
    expect((await c.get('/platform/account/password')).statusCode).toBe(303);
    expect((await other.get('/platform/account/password')).statusCode).toBe(303);

    const activation = await latestMailTo(db(), 'ce-new@example.tw');
    expect(activation.subject).toContain('帳號啟用確認信');
    expect(activation.text).toContain('ce-old@example.tw');
    const notice = await latestMailTo(db(), 'ce-old@example.tw');
    expect(notice.subject).toContain('帳號變更通知');
    expect(notice.text).toContain('ce-new@example.tw');
    expect(notice.text).not.toContain('token=');

    // Until the link is followed: the old email and old password still sign in; the new ones do not.
    const unchanged = await accountById(db(), account.id);
    expect(unchanged).toMatchObject({ email: 'ce-old@example.tw', passwordHash: account.passwordHash });
    expect((await new Client(app()).login('ce-new@example.tw', PASSWORD_2)).statusCode).toBe(400);
    expect((await new Client(app()).login('ce-old@example.tw', PASSWORD)).statusCode).toBe(303);

    // Following the link: the new email and new password are in force, every session ends, old ones stop working.
    const stillIn = new Client(app());
    await stillIn.login('ce-old@example.tw');
    const link = pathOf(linkIn(activation.text, '/platform/activate'));
    const done = await new Client(app()).get(link);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('<h1>帳號已變更</h1>');
    expect(done.body).toContain('帳號已變更為 ce-new@example.tw');
    const after = await accountById(db(), account.id);
    expect(after.email).toBe('ce-new@example.tw');
    expect(await verifyPassword(after.passwordHash, PASSWORD_2)).toBe(true);
    expect(after.passwordHistory).toEqual([account.passwordHash]);
    expect((await new Client(app()).get(link)).statusCode).toBe(410); // single use
    expect((await stillIn.get('/platform/account/password')).statusCode).toBe(303);
    expect((await new Client(app()).login('ce-old@example.tw', PASSWORD)).statusCode).toBe(400);
    expect((await new Client(app()).login('ce-new@example.tw', PASSWORD)).statusCode).toBe(400);
    expect((await new Client(app()).login('ce-new@example.tw', PASSWORD_2)).statusCode).toBe(303);
    const actions = (await auditActions(db(), account.id)).map((a) => a.action);
    expect(actions).toContain('account.email_change.request');
    expect(actions).toContain('account.email_change');
  });

  it('ACC-7 SYS-4 a new email that belongs to another account gets the same answer; that address is told by mail; nothing changes', async () => {
    await createAccount(services(), { email: 'ce-taken@example.tw' });
    const { account, c } = await signedIn('ce-wants@example.tw');
    const { c: d } = await signedIn('ce-control@example.tw');
    const taken = await change(c, { newEmail: 'ce-taken@example.tw' });
    const free = await change(d, { newEmail: 'ce-free@example.tw' });
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.headers.location).toBe(free.headers.location);
    const pageA = stable((await c.get('/platform/login')).body).replace('ce-taken@example.tw', 'X');
    const pageB = stable((await d.get('/platform/login')).body).replace('ce-free@example.tw', 'X');
    expect(pageA).toBe(pageB);
    // ACC-7 issue 16 item 9: the page no longer claims a mail was sent; it says a taken address changes nothing.
    expect(pageA).toContain('若這個 Email 無法使用（例如已有其他帳號使用），帳號與密碼都不會變更，也不會收到啟用信。');
    expect(pageA).not.toContain('已寄出帳號啟用確認信至');
    const mail = await latestMailTo(db(), 'ce-taken@example.tw');
    expect(mail.subject).toContain('帳號變更通知');
    expect(mail.text).toContain('此 Email 已註冊');
    expect(mail.text).not.toContain('token=');
    expect((await accountById(db(), account.id)).email).toBe('ce-wants@example.tw');
  });

  it('ACC-7 the link stops working after 24 hours, when the address was taken meanwhile, and after a password reset', async () => {
    const { c } = await signedIn('ce-late@example.tw');
    await change(c, { newEmail: 'ce-late-new@example.tw' });
    const link = pathOf(linkIn((await latestMailTo(db(), 'ce-late-new@example.tw')).text, '/platform/activate'));
    clock.advance(24 * HOUR);
    const expired = await new Client(app()).get(link);
    clock.advance(-24 * HOUR);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('<h1>連結已過期</h1>');
    expect(expired.body).toContain('請以原帳號登入後，再申請一次變更帳號');

    const { c: d, account: b } = await signedIn('ce-race@example.tw');
    await change(d, { newEmail: 'ce-race-new@example.tw' });
    const raceLink = pathOf(linkIn((await latestMailTo(db(), 'ce-race-new@example.tw')).text, '/platform/activate'));
    await createAccount(services(), { email: 'ce-race-new@example.tw' });
    const takenPage = await new Client(app()).get(raceLink);
    expect(takenPage.statusCode).toBe(409);
    expect(takenPage.body).toContain('<h1>無法變更帳號</h1>');
    expect((await accountById(db(), b.id)).email).toBe('ce-race@example.tw');

    const { c: e, account: x } = await signedIn('ce-reset@example.tw');
    await change(e, { newEmail: 'ce-reset-new@example.tw' });
    const resetLink = pathOf(linkIn((await latestMailTo(db(), 'ce-reset-new@example.tw')).text, '/platform/activate'));
    await new Client(app()).submit('/platform/forgot', { email: 'ce-reset@example.tw' });
    const reset = pathOf(linkIn((await latestMailTo(db(), 'ce-reset@example.tw')).text, '/platform/reset'));
    const r = new Client(app());
    await r.get(reset);
    await r.post('/platform/reset', { token: new URL(reset, 'http://x').searchParams.get('token')!, password: 'Reset#2030zz', confirm: 'Reset#2030zz' });
    const voided = await new Client(app()).get(resetLink);
    expect(voided.statusCode).toBe(410);
    expect((await accountById(db(), x.id)).email).toBe('ce-reset@example.tw');
  });

  it('ACC-7 every field is checked: 目前密碼, a valid and different 新帳號, the password rules; input kept, passwords never', async () => {
    const { account, c } = await signedIn('ce-check@example.tw');
    await c.get('/platform/account/email');
    const empty = await c.post('/platform/account/email', {});
    expect(summaryOf(empty.body)).toEqual([
      'f-current 目前密碼：請輸入目前密碼',
      'f-newEmail 新帳號：請輸入新帳號（Email）',
      'f-password 新密碼：請輸入新密碼',
      'f-confirm 確認新密碼：請再輸入一次密碼',
    ]);
    const bad = await c.post('/platform/account/email', { current: PASSWORD, newEmail: 'nope', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(summaryOf(bad.body)).toEqual(['f-newEmail 新帳號：帳號須為有效的 Email，例如 name@example.com']);
    expect(bad.body).toContain('value="nope"');
    expect(bad.body).not.toContain(PASSWORD_2);
    const same = await c.post('/platform/account/email', { current: PASSWORD, newEmail: 'CE-check@example.tw', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(summaryOf(same.body)).toEqual(['f-newEmail 新帳號：新帳號與目前的帳號相同']);
    const reused = await c.post('/platform/account/email', { current: PASSWORD, newEmail: 'ce-check2@example.tw', password: PASSWORD, confirm: PASSWORD });
    expect(summaryOf(reused.body)).toEqual(['f-password 新密碼：新密碼不能與前三次密碼相同']);
    const wrong = await c.post('/platform/account/email', { current: 'Wrong#pass1', newEmail: 'ce-check2@example.tw', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(summaryOf(wrong.body)).toEqual(['f-current 目前密碼：目前密碼不正確。連續 3 次錯誤將鎖定帳號。']);
    expect(await mailsTo(db(), 'ce-check2@example.tw')).toEqual([]);
    expect((await accountById(db(), account.id)).email).toBe('ce-check@example.tw');
  });
});
