// 啟用 (ACC-2) and 重寄確認信 (ACC-3) over HTTP, with a clock the tests move.
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
import { verificationTokens } from '../../platform/db/schema/platform.ts';
import { accountByEmail, accountById, auditActions, latestMailTo, linkIn, mailsTo, pathOf, stable } from './accounts.test-support.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { createAccount } from '../../../tests/factories/index.ts';
import { HttpClient as Client } from '../../../tests/helpers/http-client.ts';

const HOUR = 3_600_000;

describe.each(dbDrivers())('啟用 (ACC-2) and 重寄確認信 (ACC-3) on %s', (driver) => {
  const clock = fixedClock(new Date());
  const t = useTestApp(driver, { overrides: { clock } });
  const app = () => t.current.app;
  const db = () => t.current.services.db;

  async function registered(email: string) {
    await new Client(app()).register(email);
    const mail = await latestMailTo(db(), email);
    return pathOf(linkIn(mail.text, '/platform/activate'));
  }

  it('ACC-2 the link activates the account once; a second click changes nothing and says the link was used', async () => {
    const link = await registered('activate@example.tw');
    const c = new Client(app());
    const first = await c.get(link);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<h1>帳號已啟用</h1>');
    expect(first.body).toContain('href="/platform/login"');
    const account = await accountByEmail(db(), 'activate@example.tw');
    expect(account).toMatchObject({ status: 'active' });
    expect(account!.activatedAt).toBeInstanceOf(Date);
    expect((await auditActions(db(), account!.id)).map((r) => r.action)).toContain('account.activate');

    const second = await c.get(link);
    expect(second.statusCode).toBe(410);
    expect(second.body).toContain('<h1>此連結已使用過</h1>');
    expect((await accountById(db(), account!.id)).updatedAt).toEqual(account!.updatedAt);
  });

  it('ACC-2 only the SHA-256 of the token is stored', async () => {
    const link = await registered('hash@example.tw');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const rows = await db().select().from(verificationTokens).where(eq(verificationTokens.tokenHash, tokenHash(token)));
    expect(rows).toHaveLength(1);
    const all = JSON.stringify(await db().select().from(verificationTokens));
    expect(all).not.toContain(token);
  });

  it('ACC-2 after 24 hours the link says it expired and offers 重寄確認信; the account stays inactive', async () => {
    const link = await registered('late@example.tw');
    clock.advance(24 * HOUR);
    const res = await new Client(app()).get(link);
    clock.advance(-24 * HOUR);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('<h1>連結已過期</h1>');
    expect(res.body).toContain('24 小時');
    expect(res.body).toMatch(/<a href="\/platform\/resend" class="button">重寄確認信<\/a>/);
    expect(await accountByEmail(db(), 'late@example.tw')).toMatchObject({ status: 'pending_activation', activatedAt: null });
    // One second before the 24 hours it still works.
    clock.advance(24 * HOUR - 1000);
    const inTime = await new Client(app()).get(link);
    clock.advance(-(24 * HOUR - 1000));
    expect(inTime.statusCode).toBe(200);
  });

  it('ACC-2 SYS-4 a tampered, truncated, missing or other-purpose token gets a clear page and changes nothing', async () => {
    const link = await registered('tamper@example.tw');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [`/platform/activate?token=${flipped}`, `/platform/activate?token=${token.slice(0, 20)}`, '/platform/activate', `/platform/activate?token=${token}'--`, '/platform/activate?token=a&token=b']) {
      const res = await new Client(app()).get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body, bad).toContain('<h1>連結無效</h1>');
    }
    // A password-reset link is not an activation link.
    await new Client(app()).submit('/platform/forgot', { email: 'tamper@example.tw' });
    const reset = linkIn((await latestMailTo(db(), 'tamper@example.tw')).text, '/platform/reset');
    const resetToken = new URL(reset).searchParams.get('token')!;
    const wrongPurpose = await new Client(app()).get(`/platform/activate?token=${resetToken}`);
    expect(wrongPurpose.statusCode).toBe(400);
    expect(await accountByEmail(db(), 'tamper@example.tw')).toMatchObject({ status: 'pending_activation' });
  });

  it('ACC-3 重寄確認信 mails a new link and voids the older one', async () => {
    const oldLink = await registered('resend@example.tw');
    const c = new Client(app());
    expect((await c.get('/platform/resend')).body).toContain('<h1>重寄確認信</h1>');
    const res = await c.post('/platform/resend', { email: 'Resend@Example.tw' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/resend/sent');
    const mails = await mailsTo(db(), 'resend@example.tw');
    expect(mails).toHaveLength(2);
    const newLink = pathOf(linkIn(mails[0]!.text, '/platform/activate'));
    expect(newLink).not.toBe(oldLink);
    const old = await new Client(app()).get(oldLink);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('<h1>此連結已失效</h1>');
    expect((await new Client(app()).get(newLink)).statusCode).toBe(200);
    expect(await accountByEmail(db(), 'resend@example.tw')).toMatchObject({ status: 'active' });
  });

  it('ACC-3 SYS-4 the answer is the same, in text and time, for an unknown, an active and a pending account', async () => {
    await createAccount(t.current.services, { email: 'active-resend@example.tw' });
    await createAccount(t.current.services, { email: 'pending-resend@example.tw', status: 'pending_activation' });
    const answers: { status: number; location: unknown; page: string; ms: number }[] = [];
    for (const email of ['nobody@example.tw', 'active-resend@example.tw', 'pending-resend@example.tw']) {
      const c = new Client(app());
      await c.get('/platform/resend');
      const started = performance.now();
      const res = await c.post('/platform/resend', { email });
      const ms = performance.now() - started;
      const page = stable((await c.get('/platform/resend/sent')).body).replace(email, 'EMAIL');
      answers.push({ status: res.statusCode, location: res.headers.location, page, ms });
    }
    for (const a of answers) {
      expect(a.status).toBe(303);
      expect(a.location).toBe('/platform/resend/sent');
      expect(a.page).toBe(answers[0]!.page);
      expect(a.ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5);
    }
    const times = answers.map((a) => a.ms);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(250);
    // Only the pending account got a mail.
    expect(await mailsTo(db(), 'nobody@example.tw')).toEqual([]);
    expect(await mailsTo(db(), 'active-resend@example.tw')).toEqual([]);
    expect(await mailsTo(db(), 'pending-resend@example.tw')).toHaveLength(1);
  });

  it('ACC-3 the account field is checked, and kept when wrong', async () => {
    const c = new Client(app());
    await c.get('/platform/resend');
    const res = await c.post('/platform/resend', { email: 'not mail' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('帳號須為有效的 Email');
    expect(res.body).toContain('value="not mail"');
    expect(res.body).toContain('class="error-summary"');
  });
});

describe('啟用 (ACC-2) with ACTIVATION_HOURS=2', () => {
  const clock = fixedClock(new Date('2025-03-03T09:00:00+08:00'));
  const t = useTestApp('pglite', { env: { ACTIVATION_HOURS: '2' }, overrides: { clock } });
  const app = () => t.current.app;
  const db = () => t.current.services.db;

  it('ACC-2 the activation link lifetime follows ACTIVATION_HOURS', async () => {
    expect(t.current.config.activationHours).toBe(2);
    const start = clock.now();
    // Two accounts registered at the same moment: one link is followed just in time, the other just too late.
    const c = new Client(app());
    await c.register('two-hours-a@example.tw');
    const sent = await c.get('/platform/register/sent');
    expect(sent.body).toContain('請於 2 小時內點選信中的連結啟用帳號');
    expect(sent.body).not.toContain('24 小時');
    const english = new Client(app());
    english.cookie = 'lang=en';
    expect((await english.get('/platform/register/sent')).body).toContain('Follow its link within 2 hours.');
    await new Client(app()).register('two-hours-b@example.tw');

    const mail = await latestMailTo(db(), 'two-hours-a@example.tw');
    expect(mail.text).toContain('本連結有效時間為 2 小時（至 民國 114 年 03 月 03 日 11:00 止）');
    expect(mail.html).toContain('本連結有效時間為 2 小時');
    expect(mail.text).not.toContain('24 小時');
    const inTimeLink = pathOf(linkIn(mail.text, '/platform/activate'));
    const lateLink = pathOf(linkIn((await latestMailTo(db(), 'two-hours-b@example.tw')).text, '/platform/activate'));
    const token = new URL(inTimeLink, 'http://x').searchParams.get('token')!;
    const [row] = await db().select().from(verificationTokens).where(eq(verificationTokens.tokenHash, tokenHash(token)));
    expect(row!.expiresAt.getTime() - start.getTime()).toBe(2 * HOUR);

    // 1 h 59 min: the link still works.
    clock.set(new Date(start.getTime() + HOUR + 59 * 60_000));
    const inTime = await new Client(app()).get(inTimeLink);
    expect(inTime.statusCode).toBe(200);
    expect(inTime.body).toContain('<h1>帳號已啟用</h1>');
    expect(await accountByEmail(db(), 'two-hours-a@example.tw')).toMatchObject({ status: 'active' });

    // 2 h 01 min: expired, and the page names the configured 2 hours.
    clock.set(new Date(start.getTime() + 2 * HOUR + 60_000));
    const late = await new Client(app()).get(lateLink);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('<h1>連結已過期</h1>');
    expect(late.body).toContain('帳號啟用確認信的連結有效時間為 2 小時');
    expect(late.body).not.toContain('24 小時');
    expect(await accountByEmail(db(), 'two-hours-b@example.tw')).toMatchObject({ status: 'pending_activation', activatedAt: null });
  });
});
