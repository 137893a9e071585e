// Journey (ADM-2): the demo back-office user dgpa.admin opens 代碼維護 from the back-office home, adds an agency code
// by keyboard only (first with a mistake: the error summary and the message beside the field; what was typed kept),
// finds it in the list by search, and the audit log reads the change — JavaScript off. axe-core (WCAG 2.1 A/AA) on
// the list, the form and the form with errors.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { StaffLoginPage } from './support/pages.ts';

describe('back office code tables journey (Chromium)', { timeout: 90_000 }, () => {
  const j = useJourney({ seed: async (t) => void (await seedDemo(t.services.db, t.services.clock.today())) });

  it('ADM-2 adds an agency code by keyboard, finds it in the list, and the audit log reads it, without JavaScript', async () => {
    const page = await j.current.noScriptPage();
    await (await new StaffLoginPage(page).goto()).signIn('dgpa.admin', DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
    await page.goto('/backoffice');
    await page.getByRole('link', { name: '代碼維護', exact: true }).first().click();
    await page.waitForURL('**/backoffice/codes');
    await page.getByRole('link', { name: '機關代碼', exact: true }).click();
    await page.waitForURL('**/backoffice/codes/agencies');
    await page.getByRole('link', { name: '新增機關代碼' }).click();
    await page.waitForURL('**/backoffice/codes/agencies/new');

    // Keyboard only: focus the first field, type, Tab to the next; a wrong parent agency first.
    await page.getByLabel(/^機關代碼/).focus();
    await page.keyboard.type('A99000001B');
    await page.keyboard.press('Tab');
    await page.keyboard.type('旅程測試機關');
    await page.keyboard.press('Tab');
    await page.keyboard.type('臺北市中正區濟南路一段2之2號');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Z99999999Z');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/backoffice/codes/agencies');
    expect(await page.getByRole('alert').innerText()).toContain('上級機關：查無此上級機關代碼，請先新增上級機關');
    expect(await page.getByLabel(/^機關名稱/).inputValue()).toBe('旅程測試機關');

    const parent = page.getByLabel(/^上級機關/);
    await parent.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('A58000000A');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/backoffice/codes/agencies?q=A99000001B');
    expect(await page.getByText('已新增機關代碼 A99000001B。').isVisible()).toBe(true);

    await page.goto('/backoffice/codes/agencies');
    await page.getByLabel('代碼或名稱').fill('旅程測試');
    await page.getByRole('button', { name: '查詢' }).last().click();
    const row = page.locator('table.data-table tbody tr', { hasText: 'A99000001B' });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/A99000001B 旅程測試機關 臺北市中正區濟南路一段2之2號；上級機關 A58000000A 啟用/);

    await page.goto('/backoffice/audit?action=code.agency.');
    expect(await page.locator('table.data-table tbody').innerText()).toContain('新增機關代碼（A99000001B 旅程測試機關）');
  });

  it('SYS-5 the code-table pages have no axe-core violations: the lists, the forms, a form with errors', async () => {
    const page = await j.current.scriptPage();
    await (await new StaffLoginPage(page).goto()).signIn('dgpa.admin', DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
    const pages = [
      '/backoffice',
      '/backoffice/codes',
      '/backoffice/codes/agencies',
      '/backoffice/codes/agencies?q=%E7%B8%A3%E6%94%BF%E5%BA%9C&page=1',
      '/backoffice/codes/work-places',
      '/backoffice/codes/sysnam',
      '/backoffice/codes/rank-types',
      '/backoffice/codes/person-kinds',
      '/backoffice/codes/agencies/new',
      '/backoffice/codes/agencies/edit?code=A58000000A',
      '/backoffice/codes/work-places/new',
      '/backoffice/codes/sysnam/edit?code=A101',
      '/backoffice/codes/person-kinds/new',
    ];
    for (const url of pages) {
      await page.goto(url);
      await expectNoAxeViolations(page, url);
    }
    // The form sent back with its errors (422): every field wrong.
    await page.goto('/backoffice/codes/agencies/new');
    await page.getByLabel(/^機關代碼/).fill('bad');
    await page.getByLabel(/^地址/).fill('<b>');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').innerText()).toContain('請填寫機關名稱');
    await expectNoAxeViolations(page, 'agency form with errors');
    await page.goto('/backoffice/codes/work-places/new');
    await page.getByLabel(/^舊制工作地/).check();
    await page.getByRole('button', { name: '儲存' }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page, 'work-place form with errors');
  });
});
