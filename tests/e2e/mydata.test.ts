// Journey (ECPA-6): the demo civil servant (civil.servant / Demo1234!, seeded by seedHrdbDemo) signs in at
// /ecpa/login without JavaScript, opens 應用系統 → MyData 履歷表下載 and downloads the PDF of their HR resume.
// axe-core (WCAG 2.1 A/AA) on the MyData page and on 應用系統 with the new item.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedHrdbDemo } from '../../src/modules/hrdb/hrdb.seed.ts';
import { HRDB_DEMO_PASSWORD, WELL_KNOWN_PEOPLE } from '../../src/modules/hrdb/well-known-people.ts';
import { StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const SERVANT = WELL_KNOWN_PEOPLE.civilServant;

describe('MyData 履歷表下載 journey (Chromium)', { timeout: 180_000 }, () => {
  const j = useJourney({ seed: (t) => seedHrdbDemo(t.services.db, t.config).then(() => undefined) });

  async function signIn(page: Page): Promise<void> {
    await (await new StaffLoginPage(page).goto()).signIn(SERVANT.ecpaAccount!, HRDB_DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
  }

  it('ECPA-6 the demo civil servant opens 應用系統 → MyData 履歷表下載 and downloads the PDF, without JavaScript', async () => {
    const page = await j.current.noScriptPage();
    await signIn(page);
    await page.getByRole('link', { name: 'MyData 履歷表下載' }).click();
    await page.waitForURL('**/ecpa/mydata');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('MyData 履歷表下載');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下載履歷表（PDF）' }).click()]);
    expect(download.suggestedFilename()).toBe('mydata-resume.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('SYS-5 the MyData page and 應用系統 with its MyData item have no axe-core violations', async () => {
    const page = await j.current.scriptPage();
    await signIn(page);
    await expectNoAxeViolations(page, '應用系統 (civil servant)');
    await page.goto('/ecpa/mydata');
    await expectNoAxeViolations(page, 'MyData 履歷表下載');
  });
});
