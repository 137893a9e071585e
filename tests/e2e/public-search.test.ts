// Journey: a visitor opens the home page and searches the real jobs by keyword and 工作地, with no JavaScript.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { SearchPage } from './support/pages.ts';

describe('public search journey (Chromium)', { timeout: 90_000 }, () => {
  const j = useJourney({ realFeed: true });

  it('PUB-1 searches by keyword 人事 and by 工作地 without JavaScript; the query lives in the URL', async () => {
    const search = new SearchPage(await j.current.noScriptPage());
    const page = search.page;
    await search.goto();
    await expect.poll(() => page.title()).toContain('查詢職缺資料');
    const all = await page.getByRole('status').first().textContent();
    expect(all).toMatch(/共 [\d,]+ 筆職缺/);

    await search.searchKeyword('人事');
    expect(decodeURIComponent(page.url())).toContain('keyword=人事');
    const titles = await search.rows.count();
    expect(titles).toBeGreaterThan(0);
    expect(titles).toBeLessThanOrEqual(15);
    const count = await search.total();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(1106);

    // Narrow to 臺北市 (10): every row's 工作地點 names 臺北市.
    await search.checkPlace('臺北市', '10');
    const places = await search.column(7);
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p).toContain('臺北市');

    // The back button returns to the previous query.
    await page.goBack();
    expect(page.url()).not.toContain('place=10');
  });

  it('PUB-1 pages through results with links that keep the query', async () => {
    const search = new SearchPage(await j.current.noScriptPage());
    const page = search.page;
    await search.goto('keyword=' + encodeURIComponent('工'));
    const first = await search.rows.locator('td:nth-child(3) a').first().getAttribute('href');
    await search.nextPage();
    expect(page.url()).toContain('page=2');
    expect(decodeURIComponent(page.url())).toContain('keyword=工');
    const second = await search.rows.locator('td:nth-child(3) a').first().getAttribute('href');
    expect(second).not.toBe(first);
    expect(await search.rows.locator('td:nth-child(1)').first().textContent()).toBe('16');
  });

  it('SYS-5 the pages of the foundation have no axe-core violations (WCAG 2.1 A/AA)', async () => {
    const page = await j.current.scriptPage();
    for (const path of ['/', '/jobs?keyword=' + encodeURIComponent('人事'), '/jobs?page=abc', '/platform', '/ecpa', '/no-such-page', '/dev/mail']) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });
});
