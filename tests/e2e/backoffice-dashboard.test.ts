// Journey (issue 14 item 6, 統計圖表): dgpa.admin opens the back office's dashboards without JavaScript — every chart
// is drawn (inline SVG, no CSP violation), named by its caption for assistive technology, and its numbers are in a
// table under 資料表 — and axe-core (WCAG 2.1 A/AA) finds nothing, tables open or closed, in zh-TW and English.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { outboxMessages } from '../../src/platform/db/schema/platform.ts';
import { createApplication, createVacancy } from '../factories/index.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { StaffLoginPage } from './support/pages.ts';

const CHARTS = 8;

describe('back office dashboards (Chromium)', { timeout: 180_000 }, () => {
  const j = useJourney({
    seed: async (t) => {
      await seedDemo(t.services.db, t.services.clock.today());
      const now = Date.now();
      const v = await createVacancy(t.services, { sysnamCode: 'A101', workPlaces: ['10', '26'], postedAt: new Date(now - 20 * 86_400_000) });
      for (let d = 1; d <= 12; d++) {
        await createApplication(t.services, { vacancyId: v.id, appliedAt: new Date(now - d * 86_400_000), resumeFileState: d === 3 ? 'failed' : 'ready' });
      }
      await t.services.db.insert(outboxMessages).values([
        { to: 'a@example.tw', subject: '已寄', text: '內容', state: 'sent' },
        { to: 'b@example.tw', subject: '失敗', text: '內容', state: 'failed', attempts: 8, lastError: '421' },
      ]);
    },
  });

  async function signIn(page: Awaited<ReturnType<typeof j.current.noScriptPage>>) {
    await (await new StaffLoginPage(page).goto()).signIn('dgpa.admin', DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
  }

  it('SYS-5 the dashboards without JavaScript: every chart drawn inline, named by its caption, its numbers in a table; no CSP violation', async () => {
    const page = await j.current.noScriptPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    await signIn(page);
    await page.goto('/backoffice');
    await page.getByRole('link', { name: '統計圖表' }).first().click();
    await page.waitForURL('**/backoffice/dashboard');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('統計圖表');
    const figures = page.locator('figure.dashboard-chart');
    expect(await figures.count()).toBe(CHARTS);
    for (let i = 0; i < CHARTS; i++) {
      const f = figures.nth(i);
      const caption = (await f.locator('figcaption').textContent())!;
      const img = f.getByRole('img', { name: caption, exact: true });
      expect(await img.isVisible()).toBe(true);
      const box = (await img.boundingBox())!;
      expect(box.width).toBeGreaterThan(200);
      expect(box.height).toBeGreaterThan(100);
    }
    const perDay = page.getByRole('img', { name: /^近 90 日每日應徵件數/ });
    expect(await perDay.getAttribute('aria-labelledby')).toBe('chart-applications-title');
    // The chart's texts take the font of their presentation attributes (a style attribute would be blocked).
    expect(await perDay.locator('text').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize)).toBe('12px');
    const first = figures.first();
    await first.getByText('資料表').click();
    const table = first.getByRole('table');
    expect(await table.isVisible()).toBe(true);
    expect((await table.locator('tbody tr').count())).toBe(90);
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(12);
    await page.screenshot({ path: '/tmp/dash-dashboard.png', fullPage: true });
    expect(cspErrors).toEqual([]);
  });

  it('SYS-5 SYS-6 axe-core finds no violation on the dashboards, tables closed and open, in zh-TW and English', async () => {
    const page = await j.current.scriptPage();
    await signIn(page);
    await page.goto('/backoffice/dashboard');
    await expectNoAxeViolations(page, 'dashboard');
    for (const s of await page.locator('details.chart-data summary').all()) await s.click();
    await expectNoAxeViolations(page, 'dashboard, tables open');
    await page.goto('/lang?to=en&next=%2Fbackoffice%2Fdashboard');
    await page.waitForURL('**/backoffice/dashboard');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboards');
    expect(await page.getByRole('img', { name: /^Applications per day, last 90 days/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'dashboard in English');
  });
});
