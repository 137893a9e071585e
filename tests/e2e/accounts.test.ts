// Journeys of the applicant accounts (ACC-1 … ACC-8) in Chromium: register → activation mail (delivered to an
// in-process SMTP server) → activate → log in → log out → 3 wrong passwords lock → reset by mail → log in, and the
// change of account, all with JavaScript off; then a keyboard-only run of the register page and axe-core on every
// page and error state of the issue, with JavaScript on.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, pathOf } from '../../src/modules/accounts/accounts.test-support.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createSmtpTransport, type MailTransport } from '../../src/platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../src/platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../src/platform/outbox/outbox.ts';
import { createTestApp, TEST_CAPTCHA, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';
import { createAccount, PASSWORD, PASSWORD_2 } from '../factories/index.ts';

const HOUR = 3_600_000;

interface Harness {
  t: TestApp;
  base: string;
  smtp: TestSmtpServer;
  transport: MailTransport;
}

async function startHarness(clock?: ReturnType<typeof fixedClock>): Promise<Harness> {
  const t = await createTestApp('pglite', clock ? { overrides: { clock } } : {});
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const smtp = await startTestSmtpServer();
  return { t, base, smtp, transport: createSmtpTransport(smtp.url) };
}

async function stopHarness(h: Harness | undefined): Promise<void> {
  h?.transport.close?.();
  await h?.smtp.stop();
  await h?.t.close();
}

/** Delivers the outbox to the SMTP server and returns the path of the newest `path` link mailed to `to`. */
async function mailedLink(h: Harness, to: string, path: string): Promise<string> {
  // Outbox rows are due from the database's now(); deliver with the real time (the app's clock may be fixed).
  const now = fixedClock(new Date(Date.now() + 5_000));
  await deliverDueMail({ db: h.t.services.db, transport: h.transport, clock: now, mailFrom: h.t.config.mailFrom });
  const mails = h.smtp.received.filter((m) => m.to.includes(to));
  const mail = mails.at(-1);
  if (!mail?.text) throw new Error(`no mail to ${to}`);
  const link = linkIn(mail.text, path);
  expect(link.startsWith(h.t.config.baseUrl)).toBe(true); // absolute, to the configured site
  return pathOf(link);
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('帳號').fill(email);
  await page.getByLabel(/^密碼/).fill(password);
  await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
  await page.getByRole('button', { name: '登入' }).click();
}

describe('applicant account journeys (Chromium, no JavaScript)', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopHarness(h);
  });

  it('ACC-1 ACC-2 ACC-4 ACC-5 ACC-8 register → activate by mail → log in → log out → 3 wrong passwords lock → reset by mail → log in', async () => {
    const context = await noScriptContext(browser, h.base);
    const page = await context.newPage();
    const email = 'journey@example.tw';

    // 註冊
    await page.goto('/platform/register');
    await page.getByLabel('帳號').fill(email);
    await page.getByLabel(/^密碼/).fill(PASSWORD);
    await page.getByLabel('確認密碼').fill(PASSWORD);
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    expect(await page.getByRole('region', { name: '個人資料蒐集、處理及利用告知同意書' }).textContent()).toContain('不提供個人資料之影響');
    await page.getByRole('checkbox', { name: /同意/ }).check();
    await page.getByRole('button', { name: '確定' }).click();
    await page.waitForURL('**/platform/register/sent');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('請至信箱收取帳號啟用確認信');

    // Not active yet: the login page says so, with the resend link.
    await page.goto('/platform/login');
    await logIn(page, email, PASSWORD);
    expect(await page.locator('main').textContent()).toContain('帳號尚未啟用');
    expect(await page.getByRole('link', { name: '重寄確認信', exact: true }).first().getAttribute('href')).toBe('/platform/resend');

    // 帳號啟用確認信 → 啟用
    await page.goto(await mailedLink(h, email, '/platform/activate'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('帳號已啟用');
    await page.getByRole('link', { name: '登入' }).last().click();
    await page.waitForURL('**/platform/login');

    // 登入 → 履歷填寫
    await logIn(page, email, PASSWORD);
    await page.waitForURL('**/platform/resume');

    // 登出
    await page.getByRole('button', { name: '登出' }).click();
    await page.waitForURL(h.base + '/');
    await page.goto('/platform/resume');
    expect(page.url()).toContain('/platform/login?next=%2Fplatform%2Fresume');

    // 3 wrong passwords lock the account, and the page says so.
    for (let i = 1; i <= 3; i++) {
      await logIn(page, email, `Wrong#pass${i}`);
      await page.waitForLoadState();
    }
    expect(await page.locator('main').textContent()).toContain('帳號已鎖定，請使用忘記密碼重設密碼');
    await logIn(page, email, PASSWORD);
    expect(await page.locator('main').textContent()).toContain('帳號已鎖定，請使用忘記密碼重設密碼');

    // 忘記密碼 → 密碼重設確認信 → 重設密碼 → 登入
    await page.getByRole('link', { name: '忘記密碼', exact: true }).first().click();
    await page.waitForURL('**/platform/forgot');
    await page.getByLabel('帳號').fill(email);
    await page.getByRole('button', { name: '確認' }).click();
    await page.waitForURL('**/platform/forgot/sent');
    await page.goto(await mailedLink(h, email, '/platform/reset'));
    await page.getByLabel(/^新密碼/).fill(PASSWORD_2);
    await page.getByLabel('確認新密碼').fill(PASSWORD_2);
    await page.getByRole('button', { name: '重設密碼' }).click();
    await page.waitForURL('**/platform/login');
    expect(await page.getByRole('status').first().textContent()).toContain('密碼已重設，請以新密碼登入。');
    await logIn(page, email, PASSWORD_2);
    await page.waitForURL('**/platform/resume');
    await page.goto('/platform/account/password');
    expect(await page.locator('.account-who').textContent()).toBe(`目前登入帳號：${email}`);
    await context.close();
  }, 120_000);

  it('ACC-7 change of account end to end: request → sign-out → activate the new address → sign in with the new email and password', async () => {
    await createAccount(h.t.services, { email: 'before@example.tw' });
    const context = await noScriptContext(browser, h.base);
    const page = await context.newPage();
    await page.goto('/platform/login');
    await logIn(page, 'before@example.tw', PASSWORD);
    await page.waitForURL('**/platform/resume');
    await page.goto('/platform/account/password');
    await page.getByRole('link', { name: '變更帳號' }).click();
    await page.waitForURL('**/platform/account/email');
    expect(await page.getByLabel('帳號', { exact: true }).inputValue()).toBe('before@example.tw');
    expect(await page.getByLabel('帳號', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByLabel(/^目前密碼/).fill(PASSWORD);
    await page.getByLabel(/^新帳號/).fill('after@example.tw');
    await page.getByLabel(/^新密碼/).fill(PASSWORD_2);
    await page.getByLabel('確認新密碼').fill(PASSWORD_2);
    await page.getByRole('button', { name: '確定' }).click();
    await page.waitForURL('**/platform/login');
    expect(await page.getByRole('status').first().textContent()).toContain('若 after@example.tw 可以使用，帳號啟用確認信已寄到這個信箱');
    await page.goto('/platform/resume');
    expect(page.url()).toContain('/platform/login?next=');

    const link = await mailedLink(h, 'after@example.tw', '/platform/activate');
    expect(h.smtp.received.some((m) => m.to.includes('before@example.tw') && m.subject?.includes('帳號變更通知'))).toBe(true);
    await page.goto(link);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('帳號已變更');
    await page.goto('/platform/login');
    await logIn(page, 'after@example.tw', PASSWORD_2);
    await page.waitForURL('**/platform/resume');
    await page.goto('/platform/account/email');
    expect(await page.getByLabel('帳號', { exact: true }).inputValue()).toBe('after@example.tw');
    await context.close();
  }, 120_000);
});

describe('applicant account pages: keyboard and accessibility (Chromium, JavaScript on)', () => {
  const clock = fixedClock(new Date());
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness(clock);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopHarness(h);
  });

  it('SYS-5 ACC-1 keyboard only: Tab reaches every field, the consent text, the 同意 box and 確定; Space ticks; Enter submits', async () => {
    const context = await scriptContext(browser, h.base);
    const page = await context.newPage();
    await page.goto('/platform/register');
    const focused = () =>
      page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { id?: string; tagName: string; textContent: string | null; getAttribute(n: string): string | null } } }).document.activeElement;
        return el.id || `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}`;
      });
    const typed: Record<string, string> = { 'f-email': 'keyboard@example.tw', 'f-password': PASSWORD, 'f-confirm': PASSWORD, 'f-captcha': TEST_CAPTCHA };
    const order: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await focused();
      order.push(id);
      if (typed[id]) await page.keyboard.type(typed[id]);
      if (id === 'f-consent') await page.keyboard.press('Space');
      if (id === 'button:確定') break;
    }
    const at = (id: string) => order.indexOf(id);
    for (const id of ['f-email', 'f-password', 'f-confirm', 'f-captcha', 'f-consent', 'button:確定']) expect(at(id), `${id} in ${order.join(' → ')}`).toBeGreaterThanOrEqual(0);
    expect(at('f-email')).toBeLessThan(at('f-password'));
    expect(at('f-password')).toBeLessThan(at('f-confirm'));
    expect(at('f-confirm')).toBeLessThan(at('f-captcha'));
    expect(order.slice(at('f-captcha'), at('f-consent')).some((id) => id.startsWith('div:'))).toBe(true); // the scrollable consent text
    expect(at('f-captcha')).toBeLessThan(at('f-consent'));
    expect(at('f-consent')).toBeLessThan(at('button:確定'));
    expect(await page.getByRole('checkbox', { name: /同意/ }).isChecked()).toBe(true);
    // The live checklist followed the typing (progressive enhancement, never blocking).
    expect(await page.locator('#f-password-rules').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#f-password-rules li.rule-met').count()).toBe(5);
    expect(await page.locator('#f-confirm-match').textContent()).toContain('兩次輸入的密碼相同：已符合');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/platform/register/sent');
    await context.close();
  }, 120_000);

  it('SYS-5 ACC-4 Enter in the 驗證碼 field signs in (it does not press 更換驗證碼)', async () => {
    await createAccount(h.t.services, { email: 'enter@example.tw' });
    const context = await scriptContext(browser, h.base);
    const page = await context.newPage();
    await page.goto('/platform/login');
    await page.getByLabel('帳號').fill('enter@example.tw');
    await page.getByLabel(/^密碼/).fill(PASSWORD);
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByLabel('驗證碼', { exact: true }).press('Enter');
    await page.waitForURL('**/platform/resume');
    await context.close();
  }, 120_000);

  it('SYS-5 every page and error state of the accounts issue has no axe-core violations (WCAG 2.1 A/AA)', async () => {
    const services = h.t.services;
    const context = await scriptContext(browser, h.base);
    const page = await context.newPage();
    const checked: string[] = [];
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${name} (${page.url()})\n${describeViolations(violations)}`).toEqual([]);
      checked.push(name);
    };
    const submit = (name: string) => page.getByRole('button', { name, exact: true }).click().then(() => page.waitForLoadState());

    // Public forms, empty and with every error showing.
    for (const [path, button] of [
      ['/platform/register', '確定'],
      ['/platform/login', '登入'],
      ['/platform/resend', '重寄確認信'],
      ['/platform/forgot', '確認'],
    ] as const) {
      await page.goto(path);
      await check(path);
      await submit(button);
      expect(await page.locator('.error-summary').isVisible(), path).toBe(true);
      await check(`${path} with errors`);
    }

    // Login refusals: wrong password, inactive, locked.
    await createAccount(services, { email: 'axe-pending@example.tw', status: 'pending_activation' });
    await createAccount(services, { email: 'axe-locked@example.tw', status: 'locked', failedLoginCount: 3 });
    for (const [email, password] of [
      ['nobody@example.tw', PASSWORD],
      ['axe-pending@example.tw', PASSWORD],
      ['axe-locked@example.tw', PASSWORD],
    ]) {
      await page.goto('/platform/login');
      await logIn(page, email!, password!);
      await page.waitForLoadState();
      await check(`login refused for ${email}`);
    }

    // Sent pages, activation results.
    for (const path of ['/platform/register/sent', '/platform/resend/sent', '/platform/forgot/sent']) {
      await page.goto(path);
      await check(path);
    }
    await page.goto('/platform/register');
    await page.getByLabel('帳號').fill('axe-activate@example.tw');
    await page.getByLabel(/^密碼/).fill(PASSWORD);
    await page.getByLabel('確認密碼').fill(PASSWORD);
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByRole('checkbox', { name: /同意/ }).check();
    await submit('確定');
    const activation = await mailedLink(h, 'axe-activate@example.tw', '/platform/activate');
    clock.advance(25 * HOUR);
    await page.goto(activation);
    await check('activation link expired');
    clock.advance(-25 * HOUR);
    await page.goto(activation);
    await check('account activated');
    await page.goto(activation);
    await check('activation link used');
    await page.goto('/platform/activate?token=not-a-token');
    await check('activation link invalid');

    // Reset: the form, its errors, a voided link.
    await createAccount(services, { email: 'axe-reset@example.tw' });
    await page.goto('/platform/forgot');
    await page.getByLabel('帳號').fill('axe-reset@example.tw');
    await submit('確認');
    const first = await mailedLink(h, 'axe-reset@example.tw', '/platform/reset');
    await page.goto('/platform/forgot');
    await page.getByLabel('帳號').fill('axe-reset@example.tw');
    await submit('確認');
    const second = await mailedLink(h, 'axe-reset@example.tw', '/platform/reset');
    await page.goto(first);
    await check('reset link voided');
    await page.goto(second);
    await check('reset form');
    await page.getByLabel(/^新密碼/).fill('weak');
    await submit('重設密碼');
    await check('reset form with errors');

    // Signed in: 履歷填寫, 變更密碼, 變更帳號 (and their errors), the idle-session warning shown.
    await createAccount(services, { email: 'axe-signed-in@example.tw' });
    await page.clock.install({ time: new Date() });
    await page.goto('/platform/login');
    await logIn(page, 'axe-signed-in@example.tw', PASSWORD);
    await page.waitForURL('**/platform/resume');
    if (await page.locator('[data-session-notice]').count()) await check('履歷填寫 (placeholder)');
    await page.goto('/platform/account/password');
    await check('change password');
    await submit('確定');
    await check('change password with errors');
    await page.goto('/platform/account/email');
    await check('change email');
    await submit('確定');
    await check('change email with errors');
    await page.goto('/platform/account/password');
    await page.clock.fastForward('28:30');
    await expect.poll(() => page.locator('#session-notice').isVisible()).toBe(true);
    // SYS-5 (issue 16): the notice is announced (role=alert) but never takes focus from where someone types.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).not.toBe('繼續使用');
    await check('idle-session warning');
    await page.getByRole('link', { name: '繼續使用' }).click();
    await expect.poll(() => page.locator('#session-notice').isVisible()).toBe(false);
    expect(page.url()).toContain('/platform/account/password');
    expect(checked.length).toBeGreaterThanOrEqual(25);
    await context.close();
  }, 120_000);
});
