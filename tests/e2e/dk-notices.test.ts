// Journey (ECPA-5, ACS-6, NTF-1, ACS-7, SYS-5) in Chromium: the agency sends 通知面試 to a civil servant's DK
// application; the civil servant, without JavaScript, opens DK 職缺應徵 → 通知我的職缺 → 【回覆】 → 【接受邀約】; the
// agency's applicant list then shows 接受. axe-core zero violations on the DK 通知我的職缺 pages.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ResumeSnapshot } from '../../src/modules/applications/index.ts';
import { notices } from '../../src/modules/notices/index.ts';
import { createAgency, createApplication, createStaff, createVacancy } from '../factories/index.ts';
import { StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const PASSWORD = 'Notice1234!';

describe('DK 通知我的職缺 journey (Chromium)', { timeout: 240_000 }, () => {
  const ids = { vacancy: '', app: '' };
  const j = useJourney({
    seed: async (t) => {
      const db = t.services.db;
      const agency = await createAgency(db, {});
      await createStaff(db, { account: 'e2e.dk.hr', name: '林人事', agencyCode: agency.code, password: PASSWORD });
      const servant = await createStaff(db, { account: 'e2e.dk.servant', name: '張家豪', agencyCode: 'A58000000A', roles: ['civil_servant'], password: PASSWORD });
      const v = await createVacancy(db, { orgId: agency.code, orgName: agency.name, source: 'form', title: '旅程須具科員', accessMode: 'civil_service', civilServiceSections: { all: true }, fillerName: '林人事', fillerPhone: '03-9251000', vitaeEmail: 'hr@example.tw' });
      const snapshot = { v: 1, resumeId: 'hrdb:x', savedAt: new Date().toISOString(), data: { basic: { chineseName: '張家豪', email: 'zhang@example.gov.tw' } }, attachmentName: null } as unknown as ResumeSnapshot;
      const a = await createApplication(db, { vacancyId: v.id, applicantId: null, staffUserId: servant.id, resumeSnapshot: snapshot });
      ids.vacancy = v.id;
      ids.app = a.id;
    },
  });

  it('ECPA-5 ACS-6 NTF-1 ACS-7 SYS-5 the agency sends 通知面試 to a civil servant; in DK 通知我的職缺 they press 【接受邀約】 without JavaScript; the agency list shows 接受; no axe violations', async () => {
    const staff = await j.current.noScriptPage();
    const formPath = `/agency/vacancies/${ids.vacancy}/applicants/${ids.app}/notice`;
    await (await new StaffLoginPage(staff).goto(formPath)).signIn('e2e.dk.hr', PASSWORD);
    await staff.waitForURL(`**${formPath}`);
    await staff.getByLabel(/^內容/).fill('請攜帶身分證正本。');
    await staff.getByLabel('面試日期').fill('115/12/10');
    await staff.getByLabel('面試時間').fill('14:30');
    await staff.getByRole('button', { name: '送出邀約' }).click();
    const listPath = `/agency/vacancies/${ids.vacancy}/applicants`;
    await staff.waitForURL(`**${listPath}`);
    expect(await staff.locator('main').textContent()).toContain('已通知');
    const [n] = await j.current.t.services.db.select().from(notices).where(eq(notices.applicationId, ids.app));

    // axe-core on the two new pages while the notice is unanswered (JavaScript on, for axe).
    const checker = await j.current.scriptPage();
    await (await new StaffLoginPage(checker).goto('/ecpa/dk/notices')).signIn('e2e.dk.servant', PASSWORD);
    await checker.waitForURL('**/ecpa/dk/notices');
    await expectNoAxeViolations(checker, 'DK 通知我的職缺');
    await checker.goto(`/ecpa/dk/notices/${n!.id}`);
    await expectNoAxeViolations(checker, 'DK 回覆通知');

    // The civil servant without JavaScript: DK → 通知我的職缺 → 【回覆】 → 【接受邀約】.
    const page = await j.current.noScriptPage();
    await (await new StaffLoginPage(page).goto('/ecpa/dk/applications')).signIn('e2e.dk.servant', PASSWORD);
    await page.waitForURL('**/ecpa/dk/applications');
    await page.getByRole('link', { name: '通知我的職缺' }).first().click();
    await page.waitForURL('**/ecpa/dk/notices');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('通知我的職缺');
    expect(await page.getByRole('heading', { name: '通知面試職缺' }).count()).toBe(1);
    await page.getByRole('link', { name: /回覆 旅程須具科員/ }).click();
    await page.waitForURL(`**/ecpa/dk/notices/${n!.id}`);
    expect(await page.getByText('請攜帶身分證正本。').count()).toBe(1);
    expect(await page.getByRole('link', { name: '下載行事曆檔（.ics）' }).getAttribute('href')).toBe(`/ecpa/dk/notices/${n!.id}/ics`);
    await page.getByRole('button', { name: '【接受邀約】' }).click();
    await page.waitForURL(`**/ecpa/dk/notices/${n!.id}`);
    expect(await page.locator('main').textContent()).toContain('已回覆：接受');
    expect(await page.getByRole('button', { name: '【婉拒邀約】' }).count()).toBe(0);
    await checker.reload();
    await expectNoAxeViolations(checker, 'DK 回覆通知 answered');

    // ACS-7 the agency's applicant list: 面試回覆狀態 接受.
    await staff.reload();
    expect(await staff.locator('td', { hasText: /^\s*接受\s*$/ }).count()).toBe(1);
    const [after] = await j.current.t.services.db.select().from(notices).where(eq(notices.id, n!.id));
    expect(after!.reply).toBe('accepted');
  });
});
