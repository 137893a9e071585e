// Journey (AGY-1, AGY-2, AGY-5, issue 10) in Chromium: the demo staff member of 宜蘭縣政府 (yilan.hr, README) signs in
// to 人事服務網, adds a vacancy with the keyboard only (JavaScript off), finds it in the public search and on its
// page, edits it and deletes it (its page answers 410). Then axe-core (WCAG 2.1 A/AA, SYS-5) on every agency page —
// list, 歷史職缺, 新增 (empty and with errors), 修改, 預覽, 刪除 confirmation — and the back office's agency chooser.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedAgencyDemo } from '../../src/modules/agency/agency.seed.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { createStaff } from '../factories/index.ts';
import { JobPage, SearchPage, StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const TITLE = '旅程測試約僱行政助理';

/** Presses Tab until the focused element matches `selector` (keyboard only; fails after `max` presses). */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function signIn(page: Page, account = 'yilan.hr'): Promise<void> {
  await (await new StaffLoginPage(page).goto('/agency')).signIn(account, DEMO_PASSWORD);
  await page.waitForURL('**/agency');
}

describe('agency vacancies journey (Chromium)', { timeout: 240_000 }, () => {
  const j = useJourney({
    seed: async (t) => {
      const today = t.services.clock.today();
      await seedDemo(t.services.db, today);
      await seedAgencyDemo(t.services.db, t.services.clock.now(), today);
      await createStaff(t.services.db, { account: 'e2e.backoffice', name: '後臺旅程', agencyCode: 'A58000000A', roles: ['backoffice'], password: DEMO_PASSWORD });
    },
  });

  it('AGY-2 AGY-5 PUB-1 PUB-2 a staff member adds a vacancy by keyboard only, finds it in the search and on its page, edits it, deletes it (410)', async () => {
    const page = await j.current.noScriptPage();
    await signIn(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('機關徵才登錄');

    // 新增 — the keyboard only: Tab to each control, type, Space to tick, Enter on 送出
    await tabTo(page, 'a[href="/agency/new"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/agency/new');
    await typeInto(page, '#f-orgAddress', '宜蘭縣宜蘭市縣政北路1號');
    await typeInto(page, '#f-fillerPhone', '03-9251000');
    await tabTo(page, '#f-personKindCode');
    await page.keyboard.type('13');
    expect(await page.locator('#f-personKindCode').inputValue()).toBe('13');
    await typeInto(page, '#f-title', TITLE);
    await typeInto(page, '#f-headcount', '1');
    await tabTo(page, '#f-workPlaces-3'); // 26 宜蘭縣
    await page.keyboard.press('Space');
    const today = j.current.t.services.clock.today();
    const [y, m, d] = today.split('-').map(Number);
    const roc = (yy: number, mm: number, dd: number) => `${yy - 1911}/${String(mm).padStart(2, '0')}/${String(dd).padStart(2, '0')}`;
    await typeInto(page, '#f-validFrom', roc(y!, m!, d!));
    await typeInto(page, '#f-validTo', roc(y! + 1, 1, 31));
    await tabTo(page, '#f-rankTypes-3'); // 其他
    await page.keyboard.press('Space');
    await tabTo(page, '#f-grade');
    await page.keyboard.press('ArrowDown'); // 請選擇 → 無
    expect(await page.locator('#f-grade').inputValue()).toBe('none');
    await tabTo(page, '#f-sysnamCode');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-sysnamCode').inputValue()).toBe('none');
    await typeInto(page, '#f-vitaeEmail', 'yilan.hr@example.gov.tw');
    await typeInto(page, '#f-workQuality', '高中以上學歷，熟悉文書處理。');
    await typeInto(page, '#f-workItem', '辦理人事行政庶務。');
    await typeInto(page, '#f-workAddress', '宜蘭縣宜蘭市縣政北路1號');
    await typeInto(page, '#f-contactMethod', '人事處 林小姐 03-9251000');
    // 五: without JavaScript nothing is pre-chosen on a fresh form (AGY-3's default applies when the page comes back);
    // arrow keys in the radio group choose 不須具公務人員任用資格職缺
    await tabTo(page, '#f-accessMode-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-accessMode-1').isChecked()).toBe(true);
    await tabTo(page, 'button[value="save"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const errors = await page.locator('.field-error').allInnerTexts();
    expect(page.url(), errors.join(' / ')).toMatch(/\/agency\/[0-9a-f-]+\/preview$/);
    const flashText = await page.locator('body').innerText();
    const workId = /職缺 (\d{10}) 已送出，審核通過/.exec(flashText)?.[1];
    expect(workId, flashText.slice(0, 400)).toBeTruthy();

    // found in the public search and on its page
    const search = await new SearchPage(page).goto();
    await search.searchKeyword(TITLE);
    expect((await search.column(3)).join(' ')).toContain(TITLE);
    const job = await new JobPage(page).goto(workId!);
    expect(await job.heading()).toContain(TITLE);

    // 修改
    await page.goto('/agency');
    await page.getByRole('link', { name: `修改（${workId}）` }).click();
    await page.getByLabel(/^職稱/).fill(`${TITLE}（修正）`);
    await page.getByRole('button', { name: '送出' }).click();
    await page.waitForURL(/\/preview$/);
    expect(await (await new JobPage(page).goto(workId!)).heading()).toContain(`${TITLE}（修正）`);

    // 刪除 → 410
    await page.goto('/agency');
    await page.getByRole('link', { name: `刪除（${workId}）` }).click();
    await page.getByRole('button', { name: '確定刪除' }).click();
    await page.waitForURL('**/agency');
    expect(await page.getByText(`職缺 ${workId} 已刪除。`).isVisible()).toBe(true);
    const gone = await page.goto(`/jobs/${workId}`);
    expect(gone?.status()).toBe(410);
  });

  it('AGY-3 with JavaScript, 五、應徵者履歷調閱方式 follows 人員區分 at once until the person picks a mode', async () => {
    const page = await j.current.scriptPage();
    await signIn(page);
    await page.goto('/agency/new');
    await page.locator('#f-personKindCode').selectOption('13'); // 約僱人員 → 不須具
    expect(await page.locator('#f-accessMode-1').isChecked()).toBe(true);
    await page.locator('#f-personKindCode').selectOption('11'); // 一般人員 → 須具
    expect(await page.locator('#f-accessMode-0').isChecked()).toBe(true);
    await page.locator('#f-accessMode-2').check(); // chosen by the person: kept
    await page.locator('#f-personKindCode').selectOption('12');
    expect(await page.locator('#f-accessMode-2').isChecked()).toBe(true);
  });

  it('SYS-5 every agency page has no axe-core violations (list, 歷史職缺, 新增 with errors, 修改, 預覽, 刪除, the back-office chooser; zh-TW and English)', async () => {
    const page = await j.current.scriptPage();
    await signIn(page);
    const href = await page.locator('a[href$="/edit"]').first().getAttribute('href');
    const id = /\/agency\/([^/]+)\/edit/.exec(href!)![1]!;
    for (const lang of ['zh-TW', 'en']) {
      if (lang === 'en') await page.goto('/lang?to=en&next=%2Fagency');
      for (const path of ['/agency', '/agency?view=history', '/agency/new', `/agency/${id}/edit`, `/agency/${id}/preview`, `/agency/${id}/delete`]) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${lang} ${path}`);
      }
      await page.goto('/agency/new');
      await page.locator('button[value="save"]').click();
      await page.waitForLoadState();
      expect(await page.locator('.error-summary, [role="alert"]').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `${lang} /agency/new with errors`);
    }

    const bo = await j.current.scriptPage();
    await signIn(bo, 'e2e.backoffice');
    expect(await bo.getByRole('heading', { level: 1 }).textContent()).toBe('選擇代理的機關');
    await expectNoAxeViolations(bo, 'back-office chooser');
    await bo.getByRole('link', { name: /代理 宜蘭縣政府/ }).click();
    await bo.waitForURL('**/agency?agency=376420000A');
    await expectNoAxeViolations(bo, 'back-office list of 宜蘭縣政府');
  });
});
