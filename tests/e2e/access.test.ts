// Journey (ACS-1, ACS-2, ACS-4, issue 12) in Chromium without JavaScript: a staff member of an agency opens 調閱履歷
// from the /agency list, ticks two applicants, sets the archive password and downloads the AES zip (opened with
// `7z x -p` when 7z is installed), exports the contacts as Excel; then axe-core (WCAG 2.1 A/AA) on the list, the
// list with errors, the cancelled list and 調閱簡歷.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ResumeSnapshot } from '../../src/modules/applications/index.ts';
import { createAgency, createApplication, createStaff, createVacancy } from '../factories/index.ts';
import { StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const PASSWORD = 'Journey-Pass1!';
const ZIP_PASSWORD = 'Zip-Journey9!';
const basic = (n: number) => ({ chineseName: `旅程應徵者${n}`, englishName: '', idNumber: `B2${String(n).padStart(8, '0')}`, gender: 'F' as const, birthDate: '1992-03-04', phone: '0912-000-00' + n, zip: '', county: '', district: '', street: '', email: `j${n}@example.com`, identity: [] });
const snapshot = (n: number): ResumeSnapshot => ({ v: 1, resumeId: `r${n}`, savedAt: new Date().toISOString(), attachmentName: null, data: { basic: basic(n), education: [], experience: [], languages: [], skills: '', autobiography: '' } });

describe('agency access journey (Chromium)', { timeout: 240_000 }, () => {
  let vacancyId = '';
  const j = useJourney({
    seed: async (t) => {
      const db = t.services.db;
      const agency = await createAgency(db);
      await createStaff(db, { account: 'e2e.access', name: '調閱旅程', agencyCode: agency.code, password: PASSWORD });
      const v = await createVacancy(db, { orgId: agency.code, orgName: agency.name, title: '旅程職缺', accessMode: 'open' });
      vacancyId = v.id;
      for (const n of [1, 2]) {
        const key = `journey/resume-${n}.pdf`;
        await t.services.storage.put(key, Buffer.from(`%PDF-1.4 ${n}`), { contentType: 'application/pdf' });
        await createApplication(db, { vacancyId: v.id, resumeSnapshot: snapshot(n), resumeFileState: 'ready', resumeFileKey: key, resumeFileReadyAt: new Date() });
      }
      await createApplication(db, { vacancyId: v.id, resumeSnapshot: snapshot(3), status: 'cancelled', cancelledAt: new Date() });
    },
  });

  it('ACS-1 ACS-2 ACS-4 staff opens the list, downloads an archive, exports contacts', async () => {
    const page = await j.current.noScriptPage();
    await (await new StaffLoginPage(page).goto('/agency')).signIn('e2e.access', PASSWORD);
    await page.waitForURL('**/agency');
    await page.locator(`a[href="/agency/vacancies/${vacancyId}/applicants"]`).click();
    await page.waitForURL(`**/agency/vacancies/${vacancyId}/applicants`);
    expect(await page.getByText('共2人').count()).toBe(1);
    await page.getByLabel('勾選調閱履歷：旅程應徵者1').check();
    await page.getByLabel('勾選調閱履歷：旅程應徵者2').check();
    await page.locator('#f-password').fill(ZIP_PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '調閱履歷' }).click()]);
    const zipPath = await download.path();
    expect(download.suggestedFilename()).toMatch(/^resumes-.*\.zip$/);
    if (spawnSync('which', ['7z']).status === 0) {
      const dir = mkdtempSync(join(tmpdir(), 'acs-journey-'));
      try {
        execFileSync('7z', ['x', `-p${ZIP_PASSWORD}`, `-o${dir}`, zipPath]);
        expect(readdirSync(dir).sort()).toEqual(['01-resume.pdf', '02-resume.pdf']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '產生Excel檔' }).click()]);
    const wb = XLSX.read(await readFile(await sheet.path()), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
    expect(rows.map((r) => r[0])).toEqual(['姓名', '旅程應徵者1', '旅程應徵者2']);
  });

  it('ACS-1 ACS-3 SYS-5 axe-core finds no violations on the new pages', async () => {
    const page = await j.current.scriptPage();
    await (await new StaffLoginPage(page).goto('/agency')).signIn('e2e.access', PASSWORD);
    await page.waitForURL('**/agency');
    const base = `/agency/vacancies/${vacancyId}`;
    await page.goto(`${base}/applicants`);
    await expectNoAxeViolations(page, 'applicants');
    await page.getByRole('button', { name: '調閱履歷' }).click();
    await page.waitForLoadState();
    expect(await page.content()).toContain('請勾選要調閱履歷的人員');
    await expectNoAxeViolations(page, 'applicants with errors');
    await page.goto(`${base}/applicants?view=cancelled`);
    await expectNoAxeViolations(page, 'cancelled');
    await page.goto(`${base}/summaries`);
    await expectNoAxeViolations(page, 'summaries');
    await page.goto(`${base}/applicants?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vacancy registration – applicants’ resumes');
    await expectNoAxeViolations(page, 'applicants in English');
    await page.goto(`${base}/summaries?lang=en`);
    await expectNoAxeViolations(page, 'summaries in English');
  });
});
