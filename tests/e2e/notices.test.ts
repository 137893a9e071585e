// Journey (ACS-5, ACS-6, ACS-7, NTF-1, SYS-5, SYS-8) in Chromium: a staff member sees the errors of 通知面試, then
// sends 批次通知面試 with a date and time from the applicant list; the applicant, on a phone, opens 通知我的職缺 →
// 【回覆】, downloads the .ics and accepts; the staff list and 查看通知 show 接受. axe-core zero violations on every page.
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ResumeSnapshot } from '../../src/modules/applications/index.ts';
import { notices } from '../../src/modules/notices/index.ts';
import { createAccount, createAgency, createApplication, createStaff, createVacancy } from '../factories/index.ts';
import { ApplicantLoginPage, StaffLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-TW', bypassCSP: true };
const PASSWORD = 'Notice1234!';

const overflowX = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });

describe('notices journey (Chromium)', { timeout: 240_000 }, () => {
  const ids = { vacancy: '', app: '' };
  const j = useJourney({
    seed: async (t) => {
      const db = t.services.db;
      const agency = await createAgency(db, {});
      await createStaff(db, { account: 'e2e.notices', name: '林人事', agencyCode: agency.code, password: PASSWORD });
      const v = await createVacancy(db, { orgId: agency.code, orgName: agency.name, source: 'form', title: '旅程約僱行政助理', fillerName: '林人事', fillerPhone: '03-9251000', vitaeEmail: 'hr@example.tw' });
      const applicant = await createAccount(db, { email: 'notice.applicant@example.com', password: PASSWORD });
      const snapshot = { v: 1, resumeId: applicant.id, savedAt: new Date().toISOString(), data: { basic: { chineseName: '王小明', email: 'notice.applicant@example.com' } }, attachmentName: null } as unknown as ResumeSnapshot;
      const a = await createApplication(db, { vacancyId: v.id, applicantId: applicant.id, resumeSnapshot: snapshot });
      ids.vacancy = v.id;
      ids.app = a.id;
    },
  });

  it('ACS-5 ACS-6 NTF-1 ACS-7 SYS-5 SYS-8 staff send a batch interview notice with a time; the applicant on a phone downloads the .ics and accepts; the list and 查看通知 show 接受; no axe violations', async () => {
    const staff = await j.current.scriptPage();
    const formPath = `/agency/vacancies/${ids.vacancy}/applicants/${ids.app}/notice`;
    await (await new StaffLoginPage(staff).goto(formPath)).signIn('e2e.notices', PASSWORD);
    await staff.waitForURL(`**${formPath}`);
    expect(await staff.getByRole('heading', { level: 1 }).textContent()).toBe('通知職缺面試-內容');
    await expectNoAxeViolations(staff, 'notice form');
    await staff.getByRole('button', { name: '送出邀約' }).click();
    await staff.waitForLoadState();
    expect(await staff.locator('.field-error').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(staff, 'notice form with errors');
    // ACS-5: the batch notice from the applicant list (勾選批次通知面試 → 批次通知面試), with a date and time.
    const listPath = `/agency/vacancies/${ids.vacancy}/applicants`;
    await staff.goto(listPath);
    await staff.getByRole('checkbox', { name: '勾選批次通知面試：王小明' }).check();
    await staff.getByRole('button', { name: '批次通知面試' }).click();
    await staff.waitForLoadState();
    expect(await staff.getByRole('heading', { level: 1 }).textContent()).toBe('請輸入通知職缺內容');
    await expectNoAxeViolations(staff, 'batch notice form');
    await staff.getByLabel(/^內容/).fill('請攜帶身分證正本。');
    await staff.getByLabel('面試日期').fill('115/12/10');
    await staff.getByLabel('面試時間').fill('14:30');
    await staff.getByLabel('面試地點').fill('宜蘭縣政府 3 樓會議室');
    await staff.getByRole('button', { name: '確定' }).click();
    await staff.waitForURL(`**${listPath}`);
    expect(await staff.locator('main').textContent()).toContain('已通知');
    const [n] = await j.current.t.services.db.select().from(notices).where(eq(notices.applicationId, ids.app));
    expect(n).toMatchObject({ interviewDate: '2026-12-10', interviewTime: '14:30', reply: null });

    const phone = await j.current.pageWith(PHONE);
    await (await new ApplicantLoginPage(phone).goto('/platform/notices')).signIn('notice.applicant@example.com', PASSWORD);
    await phone.waitForURL('**/platform/notices');
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(phone, 'my notices');
    await phone.getByRole('link', { name: /回覆/ }).first().click();
    await phone.waitForURL(`**/platform/notices/${n!.id}`);
    await expect.poll(() => phone.getByText('請攜帶身分證正本。').isVisible()).toBe(true);
    const icsHref = await phone.getByRole('link', { name: '下載行事曆檔（.ics）' }).getAttribute('href');
    expect(icsHref).toBe(`/platform/notices/${n!.id}/ics`);
    const ics = await phone.request.get(icsHref!);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toMatch(/DTSTART;TZID=Asia\/Taipei:20261210T143000/);
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(phone, 'my notice');
    await phone.getByRole('button', { name: '【接受邀約】' }).click();
    await phone.waitForLoadState();
    await expect.poll(() => phone.getByText('已回覆：接受').first().isVisible()).toBe(true);
    await expectNoAxeViolations(phone, 'my notice replied');

    // ACS-7: the staff list shows the reply at once.
    await staff.goto(listPath);
    expect(await staff.locator('#applicants-table tbody tr').first().textContent()).toContain('接受');
    await staff.goto(`/agency/notices/${n!.id}`);
    expect(await staff.locator('main').textContent()).toContain('接受');
    await expectNoAxeViolations(staff, '查看通知');
    await staff.goto('/agency/notices');
    expect(await staff.locator('main').textContent()).toContain('共1筆');
    await expectNoAxeViolations(staff, '查詢回覆紀錄');
  });
});
