// Journey (PUB-5): a visitor subscribes to the 電子報 with JavaScript off, confirms through the mail caught by an
// in-process SMTP server, gets a digest of a new job, and unsubscribes through the mail's link. Every page of the
// feature passes axe-core (WCAG 2.1 A/AA).
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../src/platform/mail/test-smtp-server.ts';
import { runNewsletterDigest } from '../../src/modules/newsletters/digest.ts';
import { Mailbox, insertVacancy, linkIn } from '../../src/modules/newsletters/testkit.ts';
import { addDays } from '../../src/platform/tw/roc-date.ts';
import { importFeed } from '../../src/modules/vacancies/opendata/import.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';

const FEED = new URL('../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
const ADDRESS = 'chen.journey@example.tw';

describe('PUB-5 newsletter journey (Chromium)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let smtp: TestSmtpServer;
  let mailbox: Mailbox;
  /** Pages of the feature met on the way, checked with axe-core at the end. */
  const visited = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await importFeed(t.services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: t.services.clock.today() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    smtp = await startTestSmtpServer();
    mailbox = new Mailbox(smtp, t.services.db, t.config.mailFrom);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    mailbox?.close();
    await smtp?.stop();
    await t?.close();
  });

  const here = (page: Page) => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };

  it('PUB-5 subscribes, confirms by mail, receives a digest and unsubscribes through its link — without JavaScript', async () => {
    const context = await noScriptContext(browser, base);
    const page = await context.newPage();

    await page.goto('/newsletter');
    visited.add(here(page));
    expect(await page.title()).toContain('電子報訂閱');
    await expect.poll(() => page.getByText('訂閱有效期間為 6 個月').count()).toBe(1);

    // A mistake first: the message sits beside the field and in the summary, and the ticks are kept.
    await page.getByLabel('臺北市').check();
    await page.getByLabel('Email').fill('chen@');
    await page.getByRole('button', { name: '訂閱' }).click();
    expect(await page.title()).toContain('錯誤：電子報訂閱');
    await expect.poll(() => page.locator('#f-email-error').textContent()).toContain('Email 格式不正確');
    expect(await page.getByRole('alert').getByRole('link').first().textContent()).toContain('Email');
    expect(await page.getByLabel('臺北市').isChecked()).toBe(true);

    await page.getByLabel('Email').fill(ADDRESS);
    await page.getByLabel('新北市').check();
    await page.getByLabel('職系').selectOption({ label: '人事行政' });
    await page.getByLabel('薦任').check();
    await page.getByLabel('關鍵字').fill('人事');
    await page.getByRole('button', { name: '訂閱' }).click();
    await page.waitForURL(/\/newsletter\/sent$/);
    visited.add(here(page));
    expect(await page.locator('main').textContent()).toContain('確認信已寄出，請至信箱點選連結完成訂閱');

    // The confirmation mail, caught by the SMTP server.
    const [confirmation] = await mailbox.deliverTo(ADDRESS);
    expect(confirmation?.subject).toContain('電子報訂閱確認信');
    const confirmLink = linkIn(confirmation!, 'confirm', t.config.baseUrl);
    await page.goto(confirmLink);
    visited.add(here(page));
    expect(await page.locator('main').textContent()).toContain('臺北市、新北市');
    await page.getByRole('button', { name: '確認訂閱' }).click();
    await page.waitForURL(/\/newsletter\/manage\?token=/);
    const manage = here(page);
    visited.add(manage);
    const main = await page.locator('main').textContent();
    expect(main).toMatch(/電子報訂閱完成，有效期限至 \d{3}\/\d{2}\/\d{2}。/);
    expect(main).toContain('訂閱中');
    expect(await page.getByLabel('臺北市').isChecked()).toBe(true);
    expect(await page.getByLabel('關鍵字').inputValue()).toBe('人事');

    // The link cannot be used twice.
    await page.goto(confirmLink);
    visited.add(here(page));
    expect(await page.locator('h1').textContent()).toBe('這個連結已使用過');

    // A new matching job, among the 1,106 real ones; the morning digest lists it alone.
    const today = t.services.clock.today();
    const workId = await insertVacancy(t.services.db, {
      title: '人事室薦任科員',
      workPlaces: ['23'],
      sysnamCode: 'A107',
      sysnamText: '人事行政',
      rankTypes: ['薦任'],
      postedAt: new Date(),
      validFrom: today,
      validTo: addDays(today, 14),
    });
    expect(await runNewsletterDigest(t.services)).toMatchObject({ mailed: 1, jobs: 1 });
    const [digest] = await mailbox.deliverTo(ADDRESS);
    expect(digest?.subject).toContain('新職缺 1 筆');
    expect(digest?.text).toContain(workId);

    // Unsubscribe through the mail's link.
    await page.goto(linkIn(digest!, 'unsubscribe', t.config.baseUrl));
    visited.add(here(page));
    expect(await page.locator('main').textContent()).toContain(`確定要取消 ${ADDRESS} 的電子報訂閱嗎？`);
    await page.getByRole('button', { name: '確認取消訂閱' }).click();
    await page.waitForURL(/\/newsletter\/unsubscribed$/);
    visited.add(here(page));
    expect(await page.locator('main').textContent()).toContain('您已取消電子報訂閱');
    expect(await runNewsletterDigest(t.services)).toMatchObject({ mailed: 0 });

    // 電子報取消 by email: the same answer for anyone.
    await page.goto('/newsletter/cancel');
    visited.add(here(page));
    await page.getByLabel('Email').fill(ADDRESS);
    await page.getByRole('button', { name: '寄送取消連結' }).click();
    await page.waitForURL(/\/newsletter\/cancel\/sent$/);
    visited.add(here(page));
    expect(await page.locator('main').textContent()).toContain('若此 Email 已訂閱電子報');
    visited.add(manage);
    visited.add('/newsletter/manage?token=' + 'A'.repeat(43));
    visited.add('/newsletter?lang=en');
    await context.close();
  });

  it('SYS-5 PUB-5 every page of the newsletter has no axe-core violations (WCAG 2.1 A/AA), errors included', async () => {
    const context = await scriptContext(browser, base);
    const page = await context.newPage();
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
    };
    // A fresh subscription, for the pages whose state the journey has used up: the confirmation page, the
    // manage page of a live subscription (with its flash message) and the unsubscribe question.
    await page.goto('/newsletter');
    await page.getByLabel('Email').fill('axe@example.tw');
    await page.getByRole('button', { name: '訂閱' }).click();
    await page.waitForURL(/\/newsletter\/sent$/);
    const [mail] = await mailbox.deliverTo('axe@example.tw');
    await page.goto(linkIn(mail!, 'confirm', t.config.baseUrl));
    await check('confirm page');
    await page.getByRole('button', { name: '確認訂閱' }).click();
    await page.waitForURL(/\/newsletter\/manage\?token=/);
    await check('manage page (live, flash)');
    await page.goto(here(page).replace('/manage', '/unsubscribe'));
    expect(await page.locator('main').textContent()).toContain('確定要取消');
    await check('unsubscribe question');

    expect(visited.size).toBeGreaterThanOrEqual(9);
    for (const path of visited) {
      await page.goto(path);
      const violations = await axeViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    // The forms with their errors shown.
    for (const [path, button] of [
      ['/newsletter', '訂閱'],
      ['/newsletter/cancel', '寄送取消連結'],
    ] as const) {
      await page.goto(path);
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByRole('button', { name: button }).click();
      await page.waitForLoadState();
      expect(await page.title()).toContain('錯誤');
      const violations = await axeViolations(page);
      expect(violations, `${path} (errors)\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });
});
