// SYS-5: every public page of the site, axe-core (WCAG 2.1 A/AA) with zero violations, zh-TW and English,
// and each page usable with JavaScript off (it renders its main heading and has no script-only control).
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../src/modules/vacancies/opendata/import.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';

const FEED = new URL('../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);

describe('public pages: accessibility (Chromium + axe-core)', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let workId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await importFeed(t.services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: t.services.clock.today() });
    const res = await t.app.inject('/jobs?keyword=' + encodeURIComponent('人事'));
    workId = /href="\/jobs\/(\d{10})"/.exec(res.body)![1]!;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const pages = () => [
    '/',
    '/jobs?keyword=' + encodeURIComponent('行政') + '&place=10&place=23',
    '/jobs?keyword=' + 'x'.repeat(60),
    `/jobs/${workId}`,
    `/jobs/${workId}/print`,
    '/guide/sop',
    '/opendata',
    '/platform',
    '/ecpa',
    '/dev/mail',
    '/no-such-page',
  ];

  it.each(['zh-TW', 'en'])('SYS-5 every public page has no axe-core violations (%s)', async (lang) => {
    const context = await scriptContext(browser, base);
    const page = await context.newPage();
    if (lang === 'en') await page.goto('/lang?to=en&next=/');
    for (const path of pages()) {
      await page.goto(path);
      const violations = await axeViolations(page);
      expect(violations, `${lang} ${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });

  it('SYS-5 every public page renders its heading with JavaScript off', async () => {
    const context = await noScriptContext(browser, base);
    const page = await context.newPage();
    for (const path of pages()) {
      await page.goto(path);
      expect(await page.locator('h1').first().textContent(), path).toBeTruthy();
    }
    await context.close();
  });
});
