// SYS-8: the QR path on a phone — a phone-sized browser opens the apply URL a QR code carries, reaches the
// platform's sign-in with the job kept in `next`, and no page needs sideways scrolling.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../../src/modules/vacancies/opendata/import.service.ts';
import { applicantAccounts } from '../../src/modules/accounts/account.schema.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { createTestApp, TEST_CAPTCHA, type TestApp } from '../helpers/app.ts';
import { launchBrowser } from '../helpers/browser.ts';

const FEED = new URL('../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-TW' };

async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
}

describe('phone (SYS-8)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let openJob: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await importFeed(t.services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: t.services.clock.today() });
    const r = await t.services.db.execute<{ work_id: string }>(
      // A 不須具 (open) job: its QR leads to the applicant platform.
      (await import('drizzle-orm')).sql`select work_id from vacancies where access_mode = 'open' order by work_id limit 1`,
    );
    openJob = r.rows[0]!.work_id;
    await t.services.db.insert(applicantAccounts).values({ email: 'phone@example.com', passwordHash: await hashPassword('Phone1234!'), status: 'active', activatedAt: new Date() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('SYS-8 PUB-3 the QR apply URL on a phone reaches the platform sign-in with the job kept, no sideways scrolling', async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    const page = await context.newPage();
    for (const path of ['/', '/jobs?keyword=' + encodeURIComponent('人事'), `/jobs/${openJob}`]) {
      await page.goto(path);
      expect(await overflowX(page), path).toBeLessThanOrEqual(0);
    }
    await page.goto(`/jobs/${openJob}/apply`);
    expect(new URL(page.url()).pathname).toBe('/platform/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/platform/apply/${openJob}`);
    await expect.poll(() => page.getByLabel('帳號').isVisible()).toBe(true);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    // Signed in with no saved resume: 履歷填寫 first, with the way back to this job kept (PUB-3).
    await page.getByLabel('帳號').fill('phone@example.com');
    await page.getByLabel(/^密碼/).fill('Phone1234!');
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByLabel('驗證碼', { exact: true }).press('Enter');
    await page.waitForURL(/\/platform\/resume/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/platform/apply/${openJob}`);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
