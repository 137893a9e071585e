// 忘記密碼 / 重設密碼 (ACC-5) over HTTP, with a clock the tests move.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { fixedClock } from '../../platform/clock.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
import { accountById, auditActions, latestMailTo, linkIn, mailsTo, pathOf, stable, summaryOf } from './accounts.test-support.ts';
import { createAccount, PASSWORD, PASSWORD_2, PASSWORD_3, PASSWORD_4 } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

const DAY = 24 * 3_600_000;

describe.each(dbDrivers())('忘記密碼 / 重設密碼 (ACC-5) on %s', (driver) => {
  const clock = fixedClock(new Date());
  const t = useTestApp(driver, { overrides: { clock } });
  const app = () => t.current.app;
  const db = () => t.current.services.db;
  const services = () => t.current.services;

  async function askReset(email: string): Promise<string> {
    const res = await new Client(app()).submit('/platform/forgot', { email });
    expect(res.statusCode).toBe(303);
    return pathOf(linkIn((await latestMailTo(db(), email)).text, '/platform/reset'));
  }

  async function reset(link: string, password: string, confirm = password) {
    const c = new Client(app());
    const page = await c.get(link);
    if (page.statusCode !== 200) return page;
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    return c.post('/platform/reset', { token, password, confirm });
  }

  it('ACC-5 忘記密碼 mails 密碼重設確認信 with a link valid 7 days; the link opens 新密碼 and 確認新密碼', async () => {
    await createAccount(services(), { email: 'forgot@example.tw' });
    const c = new Client(app());
    const page = await c.get('/platform/forgot');
    expect(page.body).toContain('<h1>忘記密碼</h1>');
    const res = await c.post('/platform/forgot', { email: 'FORGOT@example.tw' });
    expect(res.headers.location).toBe('/platform/forgot/sent');
    expect((await c.get('/platform/forgot/sent')).body).toContain('請至信箱收取密碼重設確認信');
    const mail = await latestMailTo(db(), 'forgot@example.tw');
    expect(mail.subject).toBe('【不須具公務人員任用資格職缺應徵平台】密碼重設確認信');
    expect(mail.text).toContain('7 天時效');
    const link = linkIn(mail.text, '/platform/reset');
    expect(link.startsWith('http://localhost:3000/platform/reset?token=')).toBe(true);
    const form = await new Client(app()).get(pathOf(link));
    expect(form.statusCode).toBe(200);
    for (const s of ['<h1>重設密碼</h1>', '>新密碼<', '>確認新密碼<', '不能與前三次密碼相同', '<button type="submit">重設密碼</button>']) expect(form.body).toContain(s);
    // Still valid just before 7 days, expired at 7 days.
    clock.advance(7 * DAY - 1000);
    expect((await new Client(app()).get(pathOf(link))).statusCode).toBe(200);
    clock.advance(1000);
    const expired = await new Client(app()).get(pathOf(link));
    clock.advance(-7 * DAY);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('<h1>連結已過期</h1>');
    expect(expired.body).toContain('href="/platform/forgot"');
  });

  it('ACC-5 SYS-4 the answer is the same, in text and time, whether the account exists or not', async () => {
    await createAccount(services(), { email: 'exists@example.tw' });
    const answers: { status: number; location: unknown; page: string; ms: number }[] = [];
    for (const email of ['exists@example.tw', 'ghost@example.tw']) {
      const c = new Client(app());
      await c.get('/platform/forgot');
      const started = performance.now();
      const res = await c.post('/platform/forgot', { email });
      const ms = performance.now() - started;
      answers.push({ status: res.statusCode, location: res.headers.location, page: stable((await c.get('/platform/forgot/sent')).body).replace(email, 'EMAIL'), ms });
    }
    const [a, b] = answers as [(typeof answers)[0], (typeof answers)[0]];
    expect([a.status, a.location, a.page]).toEqual([b.status, b.location, b.page]);
    expect(Math.min(a.ms, b.ms)).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    expect(Math.abs(a.ms - b.ms)).toBeLessThan(250);
    expect(await mailsTo(db(), 'ghost@example.tw')).toEqual([]);
  });

  it('ACC-5 a reset sets the new password, is single use, ends every session and mails a notice', async () => {
    const account = await createAccount(services(), { email: 'single@example.tw' });
    const signedIn = new Client(app());
    await signedIn.login('single@example.tw');
    const link = await askReset('single@example.tw');
    const res = await reset(link, PASSWORD_2);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/login');
    const after = await accountById(db(), account.id);
    expect(await verifyPassword(after.passwordHash, PASSWORD_2)).toBe(true);
    expect(after.passwordHistory).toEqual([account.passwordHash]);
    expect((await signedIn.get('/platform/account/password')).statusCode).toBe(303);
    expect((await latestMailTo(db(), 'single@example.tw')).subject).toContain('密碼變更通知');
    expect((await auditActions(db(), account.id)).map((a) => a.action)).toContain('account.password_reset');
    // The link is used up: the page says so, a replayed POST changes nothing.
    const again = await new Client(app()).get(link);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('<h1>此連結已使用過</h1>');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const c = new Client(app());
    await c.get('/platform/forgot');
    const replay = await c.post('/platform/reset', { token, password: PASSWORD_3, confirm: PASSWORD_3 });
    expect(replay.statusCode).toBe(410);
    expect(await verifyPassword((await accountById(db(), account.id)).passwordHash, PASSWORD_2)).toBe(true);
    // The old password no longer signs in; the new one does.
    expect((await new Client(app()).login('single@example.tw', PASSWORD)).statusCode).toBe(400);
    expect((await new Client(app()).login('single@example.tw', PASSWORD_2)).statusCode).toBe(303);
  });

  it('ACC-5 a newer link voids the older ones', async () => {
    await createAccount(services(), { email: 'newer@example.tw' });
    const first = await askReset('newer@example.tw');
    const second = await askReset('newer@example.tw');
    const old = await new Client(app()).get(first);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('<h1>此連結已失效</h1>');
    expect((await reset(second, PASSWORD_2)).statusCode).toBe(303);
  });

  it('ACC-5 the new password may not be any of the last 3 passwords; the 4th one back is allowed again', async () => {
    // Current PASSWORD_3; before it PASSWORD_2 and PASSWORD (history is newest first).
    const history = [await hashPassword(PASSWORD_2), await hashPassword(PASSWORD)];
    const account = await createAccount(services(), { email: 'history@example.tw', password: PASSWORD_3, passwordHistory: history });
    const link = await askReset('history@example.tw');
    for (const old of [PASSWORD_3, PASSWORD_2, PASSWORD]) {
      const res = await reset(link, old);
      expect(res.statusCode, old).toBe(400);
      expect(summaryOf(res.body), old).toEqual(['f-password 新密碼：新密碼不能與前三次密碼相同']);
      expect(res.body).not.toContain(old);
    }
    expect((await accountById(db(), account.id)).passwordHash).toBe(account.passwordHash);
    // The refusals did not use the link up.
    expect((await reset(link, PASSWORD_4)).statusCode).toBe(303);
    const after = await accountById(db(), account.id);
    expect(after.passwordHistory).toHaveLength(2);
    // Now the last three are PASSWORD_4, PASSWORD_3, PASSWORD_2: PASSWORD (4th back) is allowed again.
    const next = await askReset('history@example.tw');
    expect((await reset(next, PASSWORD_2)).statusCode).toBe(400);
    expect((await reset(next, PASSWORD)).statusCode).toBe(303);
  });

  it('ACC-5 the new password follows the ACC-1 rule and must be confirmed', async () => {
    await createAccount(services(), { email: 'rule-reset@example.tw' });
    const link = await askReset('rule-reset@example.tw');
    const weak = await reset(link, 'abcdefgh', 'abcdefgh');
    expect(weak.statusCode).toBe(400);
    expect(summaryOf(weak.body)[0]).toMatch(/^f-password 新密碼：密碼不符合規定：須包含大寫英文字母、須包含數字、須包含特殊符號/);
    const mismatch = await reset(link, PASSWORD_2, PASSWORD_3);
    expect(summaryOf(mismatch.body)).toEqual(['f-confirm 確認新密碼：兩次輸入的密碼不一致']);
    const empty = await reset(link, '', '');
    expect(summaryOf(empty.body)).toEqual(['f-password 新密碼：請輸入新密碼', 'f-confirm 確認新密碼：請再輸入一次密碼']);
  });

  it('ACC-5 a reset unlocks a locked account and activates a pending one (the link proves the mailbox)', async () => {
    const locked = await createAccount(services(), { email: 'locked-reset@example.tw', status: 'locked', failedLoginCount: 3 });
    expect((await reset(await askReset('locked-reset@example.tw'), PASSWORD_2)).statusCode).toBe(303);
    expect(await accountById(db(), locked.id)).toMatchObject({ status: 'active', failedLoginCount: 0 });
    expect((await new Client(app()).login('locked-reset@example.tw', PASSWORD_2)).statusCode).toBe(303);

    const pending = await createAccount(services(), { email: 'pending-reset@example.tw', status: 'pending_activation' });
    expect((await reset(await askReset('pending-reset@example.tw'), PASSWORD_2)).statusCode).toBe(303);
    const after = await accountById(db(), pending.id);
    expect(after.status).toBe('active');
    expect(after.activatedAt).toBeInstanceOf(Date);
    const audit = (await auditActions(db(), pending.id)).find((a) => a.action === 'account.password_reset');
    expect(audit?.details).toMatchObject({ activated: true, unlocked: false });
  });

  it('ACC-5 SYS-4 a tampered token or an activation token gets a clear page and changes nothing', async () => {
    const account = await createAccount(services(), { email: 'tamper-reset@example.tw' });
    const link = await askReset('tamper-reset@example.tw');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const bad = await new Client(app()).get(`/platform/reset?token=${token.slice(0, -2)}xx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<h1>連結無效</h1>');
    const c = new Client(app());
    await c.get('/platform/forgot');
    const post = await c.post('/platform/reset', { token: token.slice(0, -2) + 'xx', password: PASSWORD_2, confirm: PASSWORD_2 });
    expect(post.statusCode).toBe(400);
    // An activation link is not a reset link.
    await new Client(app()).register('activation-as-reset@example.tw');
    const activation = linkIn((await latestMailTo(db(), 'activation-as-reset@example.tw')).text, '/platform/activate');
    const activationToken = new URL(activation).searchParams.get('token')!;
    expect((await new Client(app()).get(`/platform/reset?token=${activationToken}`)).statusCode).toBe(400);
    expect((await accountById(db(), account.id)).passwordHash).toBe(account.passwordHash);
  });
});
