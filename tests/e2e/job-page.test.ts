// Journey (PUB-2): a visitor finds a job through the search, reads it, downloads its attachment and opens the
// print version, with JavaScript off; then axe-core (WCAG 2.1 A/AA) on the job, print and 410 pages.
import { describe, expect, it } from 'vitest';
import { insertAttachment, insertVacancy, samplePdf } from '../../src/modules/vacancies/job-page/job-page.test-support.ts';
import { addDays, formatRoc } from '../../src/platform/tw/roc-date.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const OPEN = '1150500101';
const NONE = '1150500102';
const DELETED = '1150500103';
const KEYWORD = '無障礙網頁測試專員';
const PDF = samplePdf('旅程測試');

describe('job page journey (Chromium)', () => {
  let today = '';
  const j = useJourney({
    seed: async (t) => {
      today = t.services.clock.today();
      const window = { validFrom: addDays(today, -1), validTo: addDays(today, 10), postedAt: new Date(`${addDays(today, -1)}T09:00:00+08:00`) };
      const open = await insertVacancy(t.services.db, { workId: OPEN, title: KEYWORD, ...window, isOriginal: true });
      await insertAttachment(t.services, open.id, { name: '職缺簡章.pdf', contentType: 'application/pdf', bytes: PDF, key: 'vacancies/e2e/open-pdf' });
      await insertVacancy(t.services.db, { workId: NONE, title: '郵寄應徵測試職缺', accessMode: 'none', ...window });
      await insertVacancy(t.services.db, { workId: DELETED, title: '已刪除測試職缺', deletedAt: new Date(), ...window });
    },
  });

  it('PUB-2 opens a job from the search results, reads its fields and downloads its attachment, without JavaScript', async () => {
    const page = await j.current.noScriptPage();
    await page.goto('/jobs?keyword=' + encodeURIComponent(KEYWORD));
    await page.locator('table.data-table').getByRole('link', { name: KEYWORD }).click();
    await page.waitForURL(`**/jobs/${OPEN}`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(KEYWORD);
    const fields = (await page.locator('dl.job-fields').innerText()).replace(/\s+/g, ' ');
    for (const text of ['職缺編號', OPEN, '機關名稱', '行政院人事行政總處', '人員區分', '約僱人員', '工作地點', '臺北市、新竹市', '特殊條件', '歡迎原住民族']) {
      expect(fields, text).toContain(text);
    }
    expect(fields).toContain(`上網有效期間 ${formatRoc(addDays(today, -1))}～${formatRoc(addDays(today, 10))}`);
    expect(fields).not.toContain('歡迎身心障礙者');
    // Line breaks of free text are kept on screen.
    expect(await page.locator('#job-item + .job-text').innerText()).toBe('一、公文處理。\n二、會議紀錄。');

    // 【我要應徵】 is a link to the canonical apply URL, which sends an open job to the applicant platform.
    // In the job page itself (the header's navigation also has a 我要應徵 link, to the platform).
    const apply = page.locator('main').getByRole('link', { name: '我要應徵' });
    expect(await apply.getAttribute('href')).toBe(`/jobs/${OPEN}/apply`);
    const redirect = await page.request.get(`/jobs/${OPEN}/apply`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(303);
    expect(redirect.headers().location).toBe(`/platform/apply/${OPEN}`);
    const qr = page.getByRole('img', { name: '以手機掃描 QR Code 應徵本職缺' });
    expect(await qr.getAttribute('src')).toBe(`/jobs/${OPEN}/qr.svg`);
    expect((await page.request.get(`/jobs/${OPEN}/qr.svg`)).headers()['content-type']).toContain('image/svg+xml');

    // The attachment downloads with its name and bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '職缺簡章.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('職缺簡章.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);

    // 友善列印: no site navigation, the 「列印」 hint instead of a script-driven button.
    await page.getByRole('link', { name: '友善列印' }).click();
    await page.waitForURL(`**/jobs/${OPEN}/print`);
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.getByText('請使用瀏覽器的「列印」功能').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '列印' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(KEYWORD);
  });

  it('PUB-2 a job without online application shows how to apply where the button would be', async () => {
    const page = await j.current.noScriptPage();
    await page.goto(`/jobs/${NONE}/apply`);
    expect(new URL(page.url()).pathname).toBe(`/jobs/${NONE}`);
    expect(await page.locator('main').getByRole('link', { name: '我要應徵' }).count()).toBe(0);
    const section = page.locator('#how-to-apply');
    expect(await section.getByRole('heading', { name: '應徵方式' }).isVisible()).toBe(true);
    expect(await section.innerText()).toContain('聯絡人：王小姐');
  });

  it('SYS-4 PUB-2 under the real CSP the JSON-LD is readable data and the print button script runs, with no violation', async () => {
    const page = await j.current.pageWith({ javaScriptEnabled: true });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`/jobs/${OPEN}`);
    const ld = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('script[type="application/ld+json"]');
      return JSON.parse(el?.textContent ?? 'null') as { '@type': string; identifier: { value: string } };
    });
    expect(ld['@type']).toBe('JobPosting');
    expect(ld.identifier.value).toBe(OPEN);
    await page.goto(`/jobs/${OPEN}/print`);
    await page.getByRole('button', { name: '列印' }).waitFor({ state: 'visible' });
    expect(problems).toEqual([]);
  });

  it('SYS-5 the job page, the print page and the 410 page have no axe-core violations (WCAG 2.1 A/AA)', async () => {
    const page = await j.current.scriptPage();
    for (const path of [`/jobs/${OPEN}`, `/jobs/${OPEN}/print`, `/jobs/${NONE}`, `/jobs/${DELETED}`, `/jobs/${OPEN}?lang=en`]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });
});
