// Journey (ECPA-1, ECPA-4): an agency HR staff member signs in to 人事服務網 with 帳號, 密碼 and 驗證碼, reaches the
// 應用系統 menu and signs out — JavaScript off. Then axe-core (WCAG 2.1 A/AA, SYS-5) on every eCPA page of this
// issue: 帳號登入 (empty and with errors), 應用系統, 忘記密碼, 重設密碼 and 人事服務網身分驗證 (RES-4).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStaff } from '../../src/modules/ecpa/ecpa.test-support.ts';
import { issueToken } from '../../src/platform/auth/tokens.ts';
import { seedHrdbDemo } from '../../src/modules/hrdb/hrdb.seed.ts';
import { createTestApp, TEST_CAPTCHA, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';
import { applicantAccounts } from '../../src/modules/accounts/index.ts';
import { STAFF_PASSWORD } from '../factories/index.ts';

describe('eCPA sign-in journey (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let resetToken: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const staff = await insertStaff(t.services.db, t.config, { account: 'e2e.hr', name: '林旅程', roles: ['agency_hr'], agencyCode: '376420000A' });
    await seedHrdbDemo(t.services.db, t.config);
    resetToken = await issueToken(t.services.db, { purpose: 'staff.reset', subject: { kind: 'staff_user', id: staff.id }, expiresAt: new Date(Date.now() + 86_400_000), now: new Date() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(context: BrowserContext) {
    const page = await context.newPage();
    await page.goto('/ecpa/login');
    await page.getByRole('textbox', { name: /^帳號/ }).fill('e2e.hr');
    await page.locator('#f-password').fill(STAFF_PASSWORD);
    await page.getByRole('textbox', { name: '驗證碼', exact: true }).fill(TEST_CAPTCHA);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/ecpa/apps');
    return page;
  }

  it('ECPA-1 / ECPA-4 signs in with 帳號, 密碼 and 驗證碼, shows 應用系統 (DD, DK, 帳號登入) and signs out, without JavaScript', async () => {
    const context = await noScriptContext(browser, base);
    const home = await context.newPage();
    await home.goto('/ecpa');
    await home.getByRole('link', { name: '以人事服務網帳號登入' }).click();
    await home.waitForURL('**/ecpa/login');
    await home.close();

    const page = await signIn(context);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('應用系統');
    expect(await page.getByRole('link', { name: 'DD:事求人機關徵才系統' }).getAttribute('href')).toBe('/agency');
    expect(await page.getByRole('link', { name: 'DK:職缺應徵' }).getAttribute('href')).toBe('/ecpa/dk');
    const user = (await page.locator('dl.ecpa-user').innerText()).replace(/\s+/g, ' ');
    expect(user).toContain('林旅程（e2e.hr）');
    expect(user).toContain('使用者目前登入的方式 帳號登入');
    expect(await page.getByRole('link', { name: '切換至後臺' }).count()).toBe(0);

    await page.getByRole('button', { name: '登出' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.getByText('您已登出。').isVisible()).toBe(true);
    await page.goto('/ecpa/apps');
    await page.waitForURL('**/ecpa/login?next=%2Fecpa%2Fapps');
    await context.close();
  });

  it('ECPA-1 Enter submits; a wrong password shows the error and keeps the account, without JavaScript', async () => {
    const context = await noScriptContext(browser, base);
    const page = await context.newPage();
    await page.goto('/ecpa/login');
    await page.getByRole('textbox', { name: /^帳號/ }).fill('e2e.hr');
    await page.locator('#f-password').fill('Wrong1234!');
    await page.getByRole('textbox', { name: '驗證碼', exact: true }).fill(TEST_CAPTCHA);
    // Enter in a field submits the form (the hidden default button), not 「更換驗證碼」.
    await Promise.all([page.waitForURL('**/ecpa/login', { waitUntil: 'load' }), page.getByRole('textbox', { name: '驗證碼', exact: true }).press('Enter')]);
    expect(await page.getByRole('alert').innerText()).toContain('帳號或密碼錯誤');
    expect(await page.getByRole('textbox', { name: /^帳號/ }).inputValue()).toBe('e2e.hr');
    expect(await page.locator('#f-password').inputValue()).toBe('');
    await context.close();
  });

  describe('SYS-5 axe-core finds no WCAG 2.1 A/AA violations', () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await scriptContext(browser, base);
    });
    afterAll(async () => {
      await context?.close();
    });

    async function check(path: string, ctx = context) {
      const page = await ctx.newPage();
      await page.goto(path);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.close();
    }

    it('SYS-5 /ecpa/login, empty', async () => {
      await check('/ecpa/login');
    });

    it('SYS-5 /ecpa/login with errors', async () => {
      const page = await context.newPage();
      await page.goto('/ecpa/login');
      await page.getByRole('button', { name: '登入', exact: true }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('alert').innerText()).toContain('請輸入帳號');
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.close();
    });

    it('SYS-5 /ecpa/apps', async () => {
      const signed = await scriptContext(browser, base);
      const page = await signIn(signed);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await signed.close();
    });

    it('SYS-5 /ecpa/forgot', async () => {
      await check('/ecpa/forgot');
    });

    it('SYS-5 /ecpa/reset', async () => {
      await check(`/ecpa/reset?token=${resetToken}`);
    });

    it('SYS-5 /ecpa/verify (RES-4)', async () => {
      const applicant = await scriptContext(browser, base);
      // A real, active account: the principal is loaded from it on every request (SYS-4).
      const [account] = await t.services.db.insert(applicantAccounts).values({ email: `${randomUUID()}@example.com`, passwordHash: 'x', status: 'active' }).returning();
      const { token } = await t.services.sessions.create({ principal: { kind: 'applicant', id: account!.id, method: '帳號' } });
      await applicant.addCookies([{ name: 'sid', value: token, url: base }]);
      await check(`/ecpa/verify?next=${encodeURIComponent('/platform/resume')}`, applicant);
      await applicant.close();
    });
  });
});
