// Journey (ADM-2, ADM-3): the demo back-office user dgpa.admin opens 人員帳號管理 from the back-office home, creates
// a staff member (first with errors), grants another agency, and opens 查詢回覆紀錄. axe-core
// (WCAG 2.1 A/AA) zero violations on the list, the form, the form with errors, the account page and the notices
// search.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { StaffLoginPage } from './support/pages.ts';

describe('back office staff accounts journey (Chromium)', { timeout: 180_000 }, () => {
  const j = useJourney({
    seed: async (t) => {
      await seedDemo(t.services.db, t.services.clock.today());
    },
  });

  it('ADM-2 ADM-3 dgpa.admin creates a staff member, grants an agency and searches notices; axe-core clean on each page', async () => {
    const page = await j.current.scriptPage();
    await (await new StaffLoginPage(page).goto()).signIn('dgpa.admin', DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
    await page.goto('/backoffice');
    await page.locator('main ul.backoffice-home').getByRole('link', { name: '人員帳號管理' }).click();
    await page.waitForURL('**/backoffice/staff');
    expect(await page.locator('table.data-table').innerText()).toContain('dgpa.admin');
    await expectNoAxeViolations(page, 'staff list');

    await page.getByRole('link', { name: '新增人員帳號' }).click();
    await page.waitForURL('**/backoffice/staff/new');
    await expectNoAxeViolations(page, 'new staff form');
    await page.getByLabel('帳號').fill('journey.hr');
    await page.getByLabel('機關代碼').fill('NOPE');
    await page.getByRole('button', { name: '新增' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').innerText()).toContain('請輸入姓名');
    expect(await page.getByLabel('帳號').inputValue()).toBe('journey.hr');
    await expectNoAxeViolations(page, 'new staff form with errors');

    await page.getByLabel('姓名').fill('林旅程');
    await page.getByLabel('Email').fill('journey.hr@example.gov.tw');
    await page.getByLabel('機關代碼').fill('376420000A');
    await page.getByRole('button', { name: '新增' }).click();
    await page.waitForURL(/\/backoffice\/staff\/[0-9a-f-]{36}$/);
    expect(await page.getByText('已新增帳號 journey.hr').isVisible()).toBe(true);
    await page.getByLabel('授權機關代碼').fill('376570000A');
    await page.getByRole('button', { name: '授權', exact: true }).click();
    await page.waitForURL(/\/backoffice\/staff\/[0-9a-f-]{36}$/);
    expect(await page.getByText('已授權 376570000A。').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).toContain('376570000A 基隆市政府');
    await expectNoAxeViolations(page, 'staff account page');

    await page.goto('/backoffice');
    await page.locator('main ul.backoffice-home').getByRole('link', { name: '查詢回覆紀錄' }).click();
    await page.waitForURL('**/backoffice/notices');
    await expectNoAxeViolations(page, 'notices search');
    await page.goto('/backoffice/notices?from=115%2F99%2F99');
    await expectNoAxeViolations(page, 'notices search with an error');

    // dgpa.admin is agency HR too: 代理機關 lists the own agency (grants would follow it).
    await page.goto('/ecpa/acting');
    expect(await page.getByRole('radio', { name: /A58000000A/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, '代理機關');
  });
});
