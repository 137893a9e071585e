// Journey (ECPA-5, GEN-2, ACS-1, ACS-2) in Chromium without JavaScript, on the demo data `npm start` seeds: the demo
// civil servant (civil.servant / Demo1234!) signs in with the eCPA account, opens 應用系統 → DK:職缺應徵, looks at
// 我的履歷, applies to 宜蘭縣政府's demo 須具 科員 (the authorization ticked), sees it in 我的應徵; the demo agency HR user
// (yilan.hr) sees 履歷資料產製中.....; the batch runs (the one the 01/07/13/19 schedule starts); yilan.hr then sees
// the file ready and 調閱履歷 downloads it (opened with 7z when installed, read back with pdftotext). axe-core
// (WCAG 2.1 A/AA) on every new page.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { seedAgencyDemo } from '../../src/modules/agency/agency.seed.ts';
import { runResumeBatch } from '../../src/modules/applications/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { vacancies } from '../../src/modules/vacancies/index.ts';
import { seedHrdbDemo } from '../../src/modules/hrdb/hrdb.seed.ts';
import { HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from '../../src/modules/hrdb/well-known-people.ts';
import { pdfText } from '../../src/platform/pdf/testing/poppler.ts';
import { createVacancy } from '../factories/index.ts';
import { StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const SERVANT = WELL_KNOWN_PEOPLE.civilServant;
const ZIP_PASSWORD = 'Zip-Journey9!';

describe('DK 職缺應徵 journey (Chromium)', { timeout: 300_000 }, () => {
  let job = { id: '', workId: '' };
  let other = { id: '', workId: '' };
  const j = useJourney({
    seed: async (t) => {
      // As `npm start` seeds an empty database: demo staff (yilan.hr …), the agencies' demo vacancies, the HR people.
      const today = t.services.clock.today();
      await seedDemo(t.services.db, today);
      await seedAgencyDemo(t.services.db, t.services.clock.now(), today);
      await seedHrdbDemo(t.services.db, t.config);
      const [demo] = await t.services.db
        .select({ id: vacancies.id, workId: vacancies.workId })
        .from(vacancies)
        .where(and(eq(vacancies.orgId, '376420000A'), eq(vacancies.accessMode, 'civil_service'), eq(vacancies.fillerName, '示範填寫人')));
      job = demo!;
      other = await createVacancy(t.services.db, { orgId: '376420000A', orgName: '宜蘭縣政府', title: '旅程須具專員', accessMode: 'civil_service', civilServiceSections: { all: true } });
    },
  });

  async function signIn(page: Page, next?: string): Promise<void> {
    await (await new StaffLoginPage(page).goto(next)).signIn(SERVANT.ecpaAccount!, HRDB_DEMO_PASSWORD);
  }

  it('ECPA-5 GEN-2 ACS-2 a civil servant applies in DK; after the batch the agency sees the file ready and 調閱履歷 opens it', async () => {
    const page = await j.current.noScriptPage();
    await signIn(page);
    await page.waitForURL('**/ecpa/apps');
    await page.getByRole('link', { name: /DK:職缺應徵/ }).first().click();
    await page.waitForURL('**/ecpa/dk');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('DK:職缺應徵');
    expect(await page.getByText(SERVANT.name).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: '我的履歷' }).first().click();
    await page.waitForURL('**/ecpa/dk/resume');
    expect(await page.getByRole('heading', { name: '訓練及進修' }).count()).toBe(1);
    await page.goto('/ecpa/dk');
    await page.locator(`a[href="/ecpa/dk/apply/${job.workId}"]`).click();
    await page.waitForURL(`**/ecpa/dk/apply/${job.workId}`);
    // Without the authorization: the message beside the field and in the summary.
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#f-consent-error').textContent()).toContain('請勾選「授權同意開放履歷給徵才機關調閱」');
    await page.getByLabel(/授權同意開放履歷給徵才機關調閱/).check();
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForURL('**/ecpa/dk/applications');
    expect(await page.getByText(job.workId).count()).toBe(1);

    // The agency HR user: 履歷資料產製中..... until the batch.
    const hr = await j.current.noScriptPage();
    await (await new StaffLoginPage(hr).goto(`/agency/vacancies/${job.id}/applicants`)).signIn('yilan.hr', DEMO_PASSWORD);
    await hr.waitForURL(`**/agency/vacancies/${job.id}/applicants`);
    expect(await hr.getByText('履歷資料產製中.....').count()).toBe(1);

    // The batch of the next 01/07/13/19 o'clock (the job the schedule starts).
    const report = await runResumeBatch(j.current.t.services.deps.applications, { trigger: 'schedule' });
    expect(report.produced).toBe(1);

    await hr.reload();
    expect(await hr.getByText('履歷資料產製中.....').count()).toBe(0);
    await hr.getByLabel(`勾選調閱履歷：${SERVANT.name}`).check();
    await hr.locator('#f-password').fill(ZIP_PASSWORD);
    const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('button', { name: '調閱履歷' }).click()]);
    const zipPath = (await download.path())!;
    expect(readFileSync(zipPath).subarray(0, 2).toString('latin1')).toBe('PK');
    if (spawnSync('which', ['7z']).status === 0) {
      const dir = mkdtempSync(join(tmpdir(), 'dk-journey-'));
      try {
        execFileSync('7z', ['x', `-p${ZIP_PASSWORD}`, `-o${dir}`, zipPath]);
        const files = readdirSync(dir);
        expect(files).toEqual(['01-resume.pdf']);
        const text = (await pdfText(readFileSync(join(dir, files[0]!)))).replace(/\s+/g, '');
        expect(text).toContain(SERVANT.name);
        // The demo 科員 asks for 個人全部資料.
        expect(text).toContain('訓練及進修');
        expect(text).toContain('考績(成)或成績考核');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // The civil servant sees 已調閱.
    await page.reload();
    expect(await page.getByText(/已調閱/).count()).toBeGreaterThan(0);
  });

  it('ECPA-5 SYS-5 axe-core finds no violations on DK, 我的履歷, 確定應徵 (with and without errors), 我的應徵 and 取消應徵', async () => {
    const page = await j.current.scriptPage();
    await signIn(page, '/ecpa/dk');
    await page.waitForURL('**/ecpa/dk');
    await expectNoAxeViolations(page, 'DK');
    await page.goto('/ecpa/dk/resume');
    await expectNoAxeViolations(page, '我的履歷');
    await page.goto(`/ecpa/dk/apply/${other.workId}`);
    await expectNoAxeViolations(page, '確定應徵');
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForLoadState();
    expect(await page.content()).toContain('請勾選「授權同意開放履歷給徵才機關調閱」');
    await expectNoAxeViolations(page, '確定應徵 with errors');
    await page.getByLabel(/授權同意開放履歷給徵才機關調閱/).check();
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForURL('**/ecpa/dk/applications');
    await expectNoAxeViolations(page, '我的應徵');
    await page.getByRole('link', { name: '取消應徵 旅程須具專員' }).click();
    await page.waitForURL('**/cancel');
    await expectNoAxeViolations(page, '取消應徵');
    await page.getByRole('button', { name: '確定', exact: true }).click();
    await page.waitForURL('**/ecpa/dk/applications');
    expect(await page.getByText('已取消應徵').count()).toBeGreaterThan(0);
  });
});
