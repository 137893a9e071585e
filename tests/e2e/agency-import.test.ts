// Journey (AGY-7): an agency HR staff member signs in to 人事服務網, opens 機關徵才匯入 from the 機關徵才登錄 list,
// downloads the xlsx template, uploads it filled with one bad row (errors by row and column shown, nothing
// imported), then the fixed file (preview, 確認匯入: all imported). axe-core (WCAG 2.1 A/AA) with zero violations on
// the import pages: the upload form, its errors, a file error, the preview.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fillTemplate, validRow } from '../../src/modules/agency/agency-import.test-support.ts';
import { insertStaff } from '../../src/modules/ecpa/ecpa.test-support.ts';
import { vacancies } from '../../src/modules/vacancies/index.ts';
import { addDays, formatRoc } from '../../src/platform/tw/roc-date.ts';
import { createAgency, STAFF_PASSWORD } from '../factories/index.ts';
import { StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('機關徵才匯入 journey (Chromium)', { timeout: 180_000 }, () => {
  let agencyCode = '';
  const j = useJourney({
    seed: async (t) => {
      const agency = await createAgency(t.services.db, { address: '宜蘭縣宜蘭市縣政北路1號' });
      agencyCode = agency.code;
      await insertStaff(t.services.db, t.config, { account: 'e2e.import', name: '林匯入', roles: ['agency_hr'], agencyCode: agency.code });
    },
  });
  const imported = async () => (await j.current.t.services.db.select({ n: count() }).from(vacancies).where(eq(vacancies.orgId, agencyCode)))[0]!.n;

  it('AGY-7 a template with one bad row shows the errors and imports nothing; the fixed file imports every row; axe-core finds nothing', async () => {
    const page = await j.current.scriptPage();
    await new StaffLoginPage(page).goto('/agency');
    await new StaffLoginPage(page).signIn('e2e.import', STAFF_PASSWORD);
    await page.waitForURL('**/agency');
    await page.getByRole('link', { name: '機關徵才匯入' }).last().click();
    await page.waitForURL('**/agency/import');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('機關徵才匯入');
    await expectNoAxeViolations(page, 'import form');

    const today = j.current.t.services.clock.today();
    const template = await (await page.request.get('/agency/import/template.xlsx')).body();
    const rows = [validRow(today, 1), validRow(today, 2, { validFrom: formatRoc(addDays(today, 10)), validTo: formatRoc(addDays(today, 5)) }), validRow(today, 3)];

    // No file chosen: the file field's error.
    await page.getByRole('button', { name: '檢查並預覽' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#f-file-error').textContent()).toContain('請選擇要上傳的檔案');
    await expectNoAxeViolations(page, 'import form with a file error');

    await page.getByLabel(/^檔案/).setInputFiles({ name: '職缺.xlsx', mimeType: XLSX_MIME, buffer: fillTemplate(template, 'xlsx', rows) });
    await page.getByRole('button', { name: '檢查並預覽' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').first().textContent()).toContain('沒有匯入任何職缺');
    expect(await page.getByRole('table', { name: /錯誤清單/ }).textContent()).toContain('第 3 列「上網有效期間」迄日早於起日');
    expect(await imported()).toBe(0);
    await expectNoAxeViolations(page, 'import errors');

    rows[1] = validRow(today, 2);
    await page.getByLabel(/^檔案/).setInputFiles({ name: '職缺.xlsx', mimeType: XLSX_MIME, buffer: fillTemplate(template, 'xlsx', rows) });
    await page.getByRole('button', { name: '檢查並預覽' }).click();
    await page.waitForURL(/\/agency\/import\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('table', { name: /將新增的職缺/ }).locator('tbody tr').count()).toBe(3);
    expect(await imported()).toBe(0);
    await expectNoAxeViolations(page, 'import preview');

    await page.getByRole('button', { name: '確認匯入 3 個職缺' }).click();
    await page.waitForURL('**/agency');
    expect(await page.getByText(/已匯入 3 個職缺/).isVisible()).toBe(true);
    expect(await imported()).toBe(3);
    expect(await page.getByRole('cell', { name: '約僱人員（行政助理2）' }).count()).toBe(1);
  });
});
