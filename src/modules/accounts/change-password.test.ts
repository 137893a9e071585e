// 變更密碼 (ACC-6) over HTTP.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { accountById, auditActions, latestMailTo, summaryOf } from './accounts.test-support.ts';
import { createAccount, PASSWORD, PASSWORD_2 } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

describe.each(dbDrivers())('變更密碼 (ACC-6) on %s', (driver) => {
  const t = useTestApp(driver);
  const app = () => t.current.app;
  const db = () => t.current.services.db;
  const services = () => t.current.services;

  async function signedIn(email: string) {
    const account = await createAccount(services(), { email });
    const c = new Client(app());
    expect((await c.login(email)).statusCode).toBe(303);
    return { account, c };
  }

  it('ACC-6 needs sign-in; the page asks 目前密碼, 新密碼 and 確認新密碼 and shows the rule', async () => {
    const anon = await new Client(app()).get('/platform/account/password');
    expect(anon.statusCode).toBe(303);
    const { c } = await signedIn('cp-page@example.tw');
    const page = await c.get('/platform/account/password');
    expect(page.statusCode).toBe(200);
    for (const s of ['<h1>變更密碼</h1>', '>目前密碼<', '>新密碼<', '>確認新密碼<', '不能與前三次密碼相同', 'data-password-check="f-password-rules"', 'data-session-notice']) expect(page.body).toContain(s);
  });

  it('ACC-6 a change sets the new password, keeps this browser signed in with a new session, ends the others, mails a notice', async () => {
    const { account, c } = await signedIn('cp-ok@example.tw');
    const other = new Client(app());
    await other.login('cp-ok@example.tw');
    const before = c.sid();
    await c.get('/platform/account/password');
    const res = await c.post('/platform/account/password', { current: PASSWORD, password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/account/password');
    expect(c.sid()).not.toBe(before);
    const page = await c.get('/platform/account/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('密碼已變更。');
    expect((await other.get('/platform/account/password')).statusCode).toBe(303);
    const after = await accountById(db(), account.id);
    expect(await verifyPassword(after.passwordHash, PASSWORD_2)).toBe(true);
    expect(after.passwordHistory).toEqual([account.passwordHash]);
    expect((await latestMailTo(db(), 'cp-ok@example.tw')).subject).toContain('密碼變更通知');
    expect((await auditActions(db(), account.id)).map((a) => a.action)).toContain('account.password_change');
  });

  it('ACC-6 the rules of ACC-5: the rule, the confirmation, not a recent password; messages in the summary, passwords never sent back', async () => {
    const { account, c } = await signedIn('cp-rules@example.tw');
    await c.get('/platform/account/password');
    const empty = await c.post('/platform/account/password', {});
    expect(summaryOf(empty.body)).toEqual(['f-current 目前密碼：請輸入目前密碼', 'f-password 新密碼：請輸入新密碼', 'f-confirm 確認新密碼：請再輸入一次密碼']);
    const weak = await c.post('/platform/account/password', { current: PASSWORD, password: 'password', confirm: 'password' });
    expect(summaryOf(weak.body)[0]).toContain('f-password 新密碼：密碼不符合規定');
    const same = await c.post('/platform/account/password', { current: PASSWORD, password: PASSWORD, confirm: PASSWORD });
    expect(summaryOf(same.body)).toEqual(['f-password 新密碼：新密碼不能與前三次密碼相同']);
    expect(same.body).not.toContain(PASSWORD);
    expect((await accountById(db(), account.id)).passwordHash).toBe(account.passwordHash);
  });

  it('ACC-6 a wrong 目前密碼 is refused and counts: the third in a row locks the account and signs it out', async () => {
    const { account, c } = await signedIn('cp-wrong@example.tw');
    await c.get('/platform/account/password');
    const first = await c.post('/platform/account/password', { current: 'Wrong#pass1', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(summaryOf(first.body)).toEqual(['f-current 目前密碼：目前密碼不正確。連續 3 次錯誤將鎖定帳號。']);
    await c.post('/platform/account/password', { current: 'Wrong#pass2', password: PASSWORD_2, confirm: PASSWORD_2 });
    const third = await c.post('/platform/account/password', { current: 'Wrong#pass3', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(third.statusCode).toBe(303);
    expect(third.headers.location).toBe('/platform/login');
    expect((await c.get('/platform/login')).body).toContain('帳號已鎖定，請使用忘記密碼重設密碼。');
    expect(await accountById(db(), account.id)).toMatchObject({ status: 'locked' });
    expect((await c.get('/platform/account/password')).statusCode).toBe(303);
  });
});
