// SYS-8: the QR path on a phone — a phone-sized browser opens the apply URL a QR code carries, reaches the
// platform's sign-in with the job kept in `next`, and no page needs sideways scrolling.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vacancies } from '../../src/modules/vacancies/vacancy.schema.ts';
import { createAccount } from '../factories/index.ts';
import { TEST_CAPTCHA } from '../helpers/app.ts';
import { useJourney } from './support/journey.ts';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-TW' };

async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
}

describe('phone (SYS-8)', { timeout: 120_000 }, () => {
  let openJob = '';
  const j = useJourney({
    realFeed: true,
    seed: async (t) => {
      // A 不須具 (open) job: its QR leads to the applicant platform.
      const [job] = await t.services.db.select({ workId: vacancies.workId }).from(vacancies).where(eq(vacancies.accessMode, 'open')).orderBy(vacancies.workId).limit(1);
      openJob = job!.workId;
      await createAccount(t.services.db, { email: 'phone@example.com', password: 'Phone1234!' });
    },
  });

  it('SYS-8 PUB-3 the QR apply URL on a phone reaches the platform sign-in with the job kept, no sideways scrolling', async () => {
    const page = await j.current.pageWith(PHONE);
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
  });

  it('PUB-1 SYS-8 on a 390×844 phone the first job row is on the first screen of the home page and of a filtered search', async () => {
    const page = await j.current.pageWith(PHONE);
    const offsets: Record<string, number> = {};
    for (const path of ['/', '/jobs?keyword=' + encodeURIComponent('行政') + '&place=10&place=23']) {
      await page.goto(path);
      const row = page.locator('.data-table tbody tr').first();
      const box = await row.boundingBox();
      expect(box, path).not.toBeNull();
      offsets[path] = Math.round(box!.y);
    }
    console.log(`PUB-1 phone 390×844: first job row y = ${JSON.stringify(offsets)}`);
    for (const [path, y] of Object.entries(offsets)) expect(y, path).toBeLessThan(844);
  });
});
