// RES-4 從公務人力資料庫帶入相關資料 in Chromium: with JavaScript off, a first resume with 黃雅婷's ID offers the
// button beside 身分證統一編號; it keeps what was typed, leads through 人事服務網身分驗證 and comes back filled from the
// HR database; nothing is saved until 儲存履歷. axe-core on the verify page and on the pre-filled form. Issue 16
// item 5: with JavaScript, leaving the ID field shows the offer without a reload; without, 「檢查」 does.
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHrdbDemo } from '../../src/modules/hrdb/hrdb.seed.ts';
import { HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from '../../src/modules/hrdb/well-known-people.ts';
import { findResume } from '../../src/modules/resumes/resume.repo.ts';
import { OFFER_PROBE_ACTION } from '../../src/modules/resumes/probe-limits.ts';
import { auditEvents } from '../../src/platform/db/schema/platform.ts';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_CAPTCHA, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';
import { signInApplicant, type Applicant } from '../factories/index.ts';

const FORMER = WELL_KNOWN_PEOPLE.formerContract;

describe('RES-4 從公務人力資料庫帶入相關資料 (Chromium)', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seedHrdbDemo(t.services.db, t.config);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(who: Applicant, js: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = js ? await scriptContext(browser, base) : await noScriptContext(browser, base);
    await context.addCookies([{ name: 'sid', value: who.token, url: base }]);
    return { context, page: await context.newPage() };
  }

  /** The same ID is typed from several accounts here: the per-ID probe limit (probe-limits.ts) starts afresh. */
  // The audit log is append-only (migration 0013's trigger refuses DELETE): the probe rows are removed as a database
  // superuser would, with triggers off for this one transaction.
  const forgetProbes = () =>
    t.services.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.delete(auditEvents).where(eq(auditEvents.action, OFFER_PROBE_ACTION));
    });

  const starts = (label: string): RegExp => new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\/]/g, (c) => '\\' + c));
  async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
    const field = page.getByLabel(typeof label === 'string' ? starts(label) : label);
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  }
  /** Focus a button and press Enter; wait for the page it leads to. */
  async function press(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name, exact: true }).focus();
    const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('domcontentloaded');
  }

  /** 履歷填寫 → the ID typed → 儲存履歷 (the form comes back with errors and the button) → the verify page. */
  async function toVerifyPage(page: Page, extra: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
    await page.goto('/platform/resume');
    expect(await page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' }).count()).toBe(0);
    await type(page, '身分證統一編號', FORMER.nationalId);
    await extra(page);
    await press(page, '儲存履歷'); // incomplete: the form comes back with its errors, everything typed, and the button
    expect(await page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' }).count()).toBe(1);
    await press(page, '從公務人力資料庫帶入相關資料');
    await page.waitForURL(/\/ecpa\/verify\?next=%2Fplatform%2Fresume%2Fhrdb-import$/);
    expect(page.url()).not.toContain(FORMER.nationalId);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('人事服務網身分驗證');
  }

  async function verify(page: Page): Promise<void> {
    await type(page, /^帳號/, FORMER.ecpaAccount);
    await page.locator('#f-password').fill(HRDB_DEMO_PASSWORD);
    await page.getByRole('textbox', { name: '驗證碼', exact: true }).fill(TEST_CAPTCHA);
    await press(page, '驗證身分並帶入資料');
    await page.waitForURL(/\/platform\/resume\/hrdb-import$/);
  }

  it('RES-4 without JavaScript: the button keeps what was typed, eCPA verification, the form filled from the HR database, saved only with 儲存履歷', async () => {
    const me = await signInApplicant(t, { email: 'hrdb-keyboard@example.com' });
    const { context, page } = await signedIn(me, false);
    await toVerifyPage(page, async (p) => {
      await p.getByRole('textbox', { name: /^自傳/ }).fill('我曾在宜蘭縣政府擔任約僱人員。');
    });
    await verify(page);

    expect(await page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('已從公務人力資料庫帶入基本資料、學歷及經歷，請確認後按「儲存履歷」。')]));
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('黃雅婷');
    expect(await page.getByLabel(starts('身分證統一編號')).inputValue()).toBe(FORMER.nationalId);
    expect(await page.getByLabel(starts('出生日期')).inputValue()).toBe('079/04/12');
    expect(await page.getByLabel(starts('聯絡Email')).inputValue()).toBe('former.contract@example.com');
    const school = (n: number) => page.getByRole('group', { name: `第 ${n} 筆學歷` }).getByLabel(starts('學校名稱'));
    expect([await school(1).inputValue(), await school(2).inputValue(), await school(3).inputValue()]).toEqual(['國立宜蘭大學', '國立中央大學', '國立基隆高級中學']);
    const org = (n: number) => page.getByRole('group', { name: `第 ${n} 筆經歷` }).getByLabel(starts('機關/公司'));
    expect([await org(1).inputValue(), await org(2).inputValue()]).toEqual(['宜蘭縣政府', '臺北市內湖區戶政事務所']);
    expect(await page.getByRole('group', { name: '第 3 筆經歷' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: /^自傳/ }).inputValue()).toBe('我曾在宜蘭縣政府擔任約僱人員。');
    expect(await findResume(t.services.db, me.id)).toBeNull();

    await press(page, '儲存履歷');
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.getByRole('status').first().textContent()).toContain('履歷已儲存。');
    const row = await findResume(t.services.db, me.id);
    expect(row?.importedFromHrdbAt).toBeInstanceOf(Date);
    expect(row?.basic.chineseName).toBe('黃雅婷');
    expect(await page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' }).count()).toBe(0);
    await context.close();
  });

  it('SYS-5 RES-4 no axe-core violations on 人事服務網身分驗證 (empty and with errors) and on the pre-filled form', async () => {
    const me = await signInApplicant(t);
    const { context, page } = await signedIn(me, true);
    const check = async (what: string) => {
      const v = await axeViolations(page);
      expect(v, `${what}\n${describeViolations(v)}`).toEqual([]);
    };
    await toVerifyPage(page);
    await check('verify page');
    await press(page, '驗證身分並帶入資料');
    expect(await page.locator('.error-summary, [role="alert"]').count()).toBeGreaterThan(0);
    await check('verify page with errors');
    await verify(page);
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('黃雅婷');
    await check('pre-filled form');
    await context.close();
  });
  it('RES-4 with JavaScript: leaving 身分證統一編號 with a former 約僱 employee\'s ID offers 從公務人力資料庫帶入相關資料 without a reload (issue 16 item 5)', async () => {
    await forgetProbes();
    const me = await signInApplicant(t, { email: 'hrdb-blur@example.com' });
    const { context, page } = await signedIn(me, true);
    await page.goto('/platform/resume');
    const offer = page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' });
    expect(await offer.count()).toBe(0);
    await page.evaluate(() => ((globalThis as unknown as { samePage: boolean }).samePage = true));
    // A valid ID the HR database does not know as a former 聘用/約僱 employee: asked, nothing offered.
    await type(page, '身分證統一編號', 'A123456789');
    const none = page.waitForResponse((r) => r.url().endsWith('/platform/resume/hrdb-offer'));
    await page.keyboard.press('Tab');
    expect(await (await none).json()).toEqual({ offer: null });
    expect(await offer.count()).toBe(0);
    expect(await page.getByRole('button', { name: /^檢查/ }).count()).toBe(1);
    // 黃雅婷's ID: the offer replaces 「檢查」 and is announced; focus stays where the user moved it.
    await type(page, '身分證統一編號', FORMER.nationalId);
    await page.keyboard.press('Tab');
    await offer.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: /^檢查/ }).count()).toBe(0);
    expect(await page.locator('[data-hrdb-status]').textContent()).toBe('從公務人力資料庫帶入相關資料');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('name'))).not.toBe('action');
    expect(await page.evaluate(() => (globalThis as unknown as { samePage?: boolean }).samePage)).toBe(true);
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    // The offered button is the same submit button as without JavaScript: it keeps the form and leads to eCPA.
    await press(page, '從公務人力資料庫帶入相關資料');
    await page.waitForURL(/\/ecpa\/verify\?next=%2Fplatform%2Fresume%2Fhrdb-import$/);
    expect(page.url()).not.toContain(FORMER.nationalId);
    await context.close();
  });

  it('RES-4 without JavaScript: 「檢查」 brings the form back offering 從公務人力資料庫帶入相關資料, with what was typed', async () => {
    await forgetProbes();
    const me = await signInApplicant(t, { email: 'hrdb-check@example.com' });
    const { context, page } = await signedIn(me, false);
    await page.goto('/platform/resume');
    await type(page, '中文姓名', '黃小姐');
    await type(page, '身分證統一編號', FORMER.nationalId);
    await page.keyboard.press('Tab'); // no script: nothing happens on blur
    expect(await page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' }).count()).toBe(0);
    await page.getByRole('button', { name: /^檢查/ }).focus();
    const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('domcontentloaded');
    expect(await page.getByRole('button', { name: '從公務人力資料庫帶入相關資料' }).count()).toBe(1);
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('黃小姐');
    expect(await page.getByLabel(starts('身分證統一編號')).inputValue()).toBe(FORMER.nationalId);
    await context.close();
  });
});
