// Journey: a visitor opens the home page and searches the real jobs by keyword and 工作地, with no JavaScript.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../src/modules/vacancies/opendata/import.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';

const FEED = new URL('../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);

describe('public search journey (Chromium)', { timeout: 90_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await importFeed(t.services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: t.services.clock.today() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('PUB-1 searches by keyword 人事 and by 工作地 without JavaScript; the query lives in the URL', async () => {
    const context = await noScriptContext(browser, base);
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.title()).toContain('查詢職缺資料');
    const all = await page.getByRole('status').first().textContent();
    expect(all).toMatch(/共 [\d,]+ 筆職缺/);

    await page.getByLabel('關鍵字').fill('人事');
    await page.getByRole('button', { name: '查詢' }).click();
    await page.waitForURL(/keyword=/);
    expect(decodeURIComponent(page.url())).toContain('keyword=人事');
    const titles = await page.locator('table.data-table tbody tr').count();
    expect(titles).toBeGreaterThan(0);
    expect(titles).toBeLessThanOrEqual(15);
    const count = Number((await page.getByRole('status').first().textContent())!.replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(1106);

    // Narrow to 臺北市 (10): every row's 工作地點 names 臺北市.
    await page.getByLabel('臺北市').check();
    await page.getByRole('button', { name: '查詢' }).click();
    await page.waitForURL(/place=10/);
    const places = await page.locator('table.data-table tbody tr td:nth-child(7)').allTextContents();
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p).toContain('臺北市');

    // The back button returns to the previous query.
    await page.goBack();
    expect(page.url()).not.toContain('place=10');
    await context.close();
  });

  it('PUB-1 pages through results with links that keep the query', async () => {
    const context = await noScriptContext(browser, base);
    const page = await context.newPage();
    await page.goto('/jobs?keyword=' + encodeURIComponent('工'));
    const first = await page.locator('table.data-table tbody tr td:nth-child(3) a').first().getAttribute('href');
    await page.getByRole('link', { name: '下一頁' }).click();
    await page.waitForURL(/page=2/);
    expect(decodeURIComponent(page.url())).toContain('keyword=工');
    const second = await page.locator('table.data-table tbody tr td:nth-child(3) a').first().getAttribute('href');
    expect(second).not.toBe(first);
    expect(await page.locator('table.data-table tbody tr td:nth-child(1)').first().textContent()).toBe('16');
    await context.close();
  });

  it('SYS-5 the pages of the foundation have no axe-core violations (WCAG 2.1 A/AA)', async () => {
    const context = await scriptContext(browser, base);
    const page = await context.newPage();
    for (const path of ['/', '/jobs?keyword=' + encodeURIComponent('人事'), '/jobs?page=abc', '/platform', '/ecpa', '/no-such-page', '/dev/mail']) {
      await page.goto(path);
      const violations = await axeViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });
});
