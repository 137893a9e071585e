// SYS-5 / RES-11 (issue 16 item 2) in Chromium with SESSION_IDLE_MINUTES=1: someone types 自傳, leaves the page
// longer than the idle period (the session expires; the page stays, since the form has unsaved input), then
// presses 儲存履歷. They land on 登入 with a message, sign in again, and the form is back with what they typed
// and a notice; 儲存履歷 then saves it. axe-core: no violations on either page.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findResume } from '../../src/modules/resumes/resume.repo.ts';
import { parkedForms } from '../../src/platform/db/schema/platform.ts';
import { createAccount, PASSWORD } from '../factories/index.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { ApplicantLoginPage } from './support/pages.ts';

const RESTORED = '您的登入已逾時，已保留您剛才送出的內容（不含當時選擇的照片或附件檔案），尚未儲存。請確認後再按「儲存履歷」。';

describe('a form sent after the session expired is kept until sign-in (Chromium, SESSION_IDLE_MINUTES=1)', { timeout: 240_000 }, () => {
  const j = useJourney({ env: { SESSION_IDLE_MINUTES: '1' } });

  it('SYS-5 RES-11 type 自傳, wait past the expiry, 儲存履歷 → 登入 → sign in → the text is back with a notice → saved', async () => {
    const { t } = j.current;
    const account = await createAccount(t.services, { email: 'away-writer@example.com' });
    const page = await j.current.scriptPage();
    await new ApplicantLoginPage(page).goto('/platform/resume');
    await new ApplicantLoginPage(page).signIn('away-writer@example.com', PASSWORD);
    await page.waitForURL(/\/platform\/resume$/);

    const fill = async (label: RegExp, value: string) => page.getByLabel(label).fill(value);
    await fill(/^中文姓名/, '林雅婷');
    await fill(/^身分證統一編號/, 'A223456781');
    await fill(/^出生日期/, '081/03/02');
    await fill(/^聯絡電話/, '0922-333-444');
    await page.getByLabel(/^郵遞區號（縣市、鄉鎮市區）/).selectOption('106臺北市大安區');
    await fill(/^地址/, '新生南路三段 5 號');
    await fill(/^學校名稱/, '國立政治大學');
    await page.getByLabel(/^學位/).selectOption('學士');
    await page.getByLabel(/^就學狀態/).selectOption('畢業');
    await fill(/^開始日期/, '100/09/01');
    await fill(/^結束日期/, '104/06/30');
    const text = '離開座位前寫下的自傳：我在地方政府服務六年，熟悉人事與採購業務。';
    await page.locator('#f-autobiography').fill(text);

    // Away longer than the idle period (60 s): the session ends on the server; the page stays (unsaved input).
    await page.waitForTimeout(65_000);
    expect(page.url()).toMatch(/\/platform\/resume$/);

    await page.getByRole('button', { name: '儲存履歷', exact: true }).click();
    await page.waitForURL(/\/platform\/login\?next=%2Fplatform%2Fresume$/);
    expect(await page.locator('main').textContent()).toContain('您剛才送出的內容已暫時保留');
    expect(await t.services.db.select().from(parkedForms).where(eq(parkedForms.principalId, account.id))).toHaveLength(1);
    await expectNoAxeViolations(page);

    await new ApplicantLoginPage(page).signIn('away-writer@example.com', PASSWORD);
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.locator('#f-autobiography').inputValue()).toBe(text);
    expect(await page.getByLabel(/^中文姓名/).inputValue()).toBe('林雅婷');
    expect(await page.locator('main').textContent()).toContain(RESTORED);
    expect(await findResume(t.services.db, account.id)).toBeNull();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '儲存履歷', exact: true }).click();
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.getByRole('status').first().textContent()).toContain('履歷已儲存。');
    expect((await findResume(t.services.db, account.id))?.autobiography).toBe(text);
  });
});
