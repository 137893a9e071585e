// Journey (ADM-1, SYS-2, ADM-4): the demo back-office user dgpa.admin signs in to 人事服務網, 切換至後臺, reviews a
// flagged vacancy and approves it (the public search finds it), takes a published one down (public 410; the
// agency's 機關徵才登錄 shows the reason), and finds the audit rows (the take-down, an agency's resume download) — JavaScript off. Then axe-core (WCAG 2.1 A/AA)
// on every back-office page, with and without form errors.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/modules/demo/index.ts';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../src/modules/ecpa/staff.schema.ts';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { outboxMessages } from '../../src/platform/db/schema/platform.ts';
import { createVacancy } from '../factories/index.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';
import { StaffLoginPage } from './support/pages.ts';

const FLAGGED_TITLE = '旅程審核測試職缺';
const DOWN_TITLE = '旅程下架測試職缺';

describe('back office journey (Chromium)', { timeout: 180_000 }, () => {
  const ids = { flagged: '', flaggedWorkId: '', down: '', downWorkId: '', mail: '' };
  const j = useJourney({
    seed: async (t) => {
      await seedDemo(t.services.db, t.services.clock.today());
      const common = { orgId: '376420000A', orgName: '宜蘭縣政府', vitaeEmail: 'hr@ilan.example.gov.tw' };
      const f = await createVacancy(t.services, { ...common, title: FLAGGED_TITLE, workQuality: '限35歲以下，大學畢業。', reviewStatus: 'flagged', reviewReason: '年齡限制：「35歲以下」' });
      const d = await createVacancy(t.services, { ...common, title: DOWN_TITLE });
      Object.assign(ids, { flagged: f.id, flaggedWorkId: f.workId, down: d.id, downWorkId: d.workId });
      const [m] = await t.services.db.insert(outboxMessages).values({ to: 'someone@example.tw', subject: '旅程失敗郵件', text: '內容', state: 'failed', attempts: 8, lastError: '421 try later' }).returning();
      ids.mail = m!.id;
      // An agency's 調閱履歷 of one applicant (ACS-2), as the access module records it.
      const hr = await t.services.db.select().from(staffUsers).where(eq(staffUsers.account, 'yilan.hr'));
      await recordAudit(t.services.db, { kind: 'staff', id: hr[0]!.id, ip: '192.0.2.10' }, 'resume.download', { kind: 'application', id: '00000000-0000-4000-8000-000000000001' }, { vacancyId: d.id, workId: d.workId });
    },
  });

  async function signIn(page: Awaited<ReturnType<typeof j.current.noScriptPage>>, account = 'dgpa.admin') {
    await (await new StaffLoginPage(page).goto()).signIn(account, DEMO_PASSWORD);
    await page.waitForURL('**/ecpa/apps');
  }

  it('ADM-1 SYS-2 reviews and approves a flagged vacancy, takes one down, and finds the audit row, without JavaScript', async () => {
    const page = await j.current.noScriptPage();
    await signIn(page);
    await page.getByRole('link', { name: '切換至後臺' }).click();
    await page.waitForURL('**/backoffice');
    await page.getByRole('link', { name: /^職缺審核：待審核 \d+ 筆$/ }).click();
    await page.waitForURL('**/backoffice/review');
    await page.getByRole('link', { name: ids.flaggedWorkId }).click();
    await page.waitForURL(`**/backoffice/vacancies/${ids.flagged}`);
    expect(await page.locator('mark').first().textContent()).toBe('35歲以下');
    await page.getByRole('button', { name: '審核通過（刊登）' }).click();
    await page.waitForURL(`**/backoffice/vacancies/${ids.flagged}`);
    expect(await page.getByText(`職缺 ${ids.flaggedWorkId} 已審核通過並刊登。`).isVisible()).toBe(true);

    const visitor = await j.current.noScriptPage();
    await visitor.goto('/jobs?keyword=' + encodeURIComponent(FLAGGED_TITLE));
    expect(await visitor.locator('table.data-table').getByRole('link', { name: FLAGGED_TITLE }).count()).toBe(1);

    await page.goto('/backoffice/vacancies');
    await page.getByLabel('職缺編號').fill(ids.downWorkId);
    await page.getByRole('button', { name: '查詢' }).click();
    await page.getByRole('link', { name: ids.downWorkId }).click();
    await page.getByRole('button', { name: '下架', exact: true }).click();
    expect(await page.getByText('請填寫理由，機關會看到這段文字').first().isVisible()).toBe(true);
    await page.getByRole('textbox', { name: /^理由/ }).fill('工作內容與職稱不符');
    await page.getByRole('button', { name: '下架', exact: true }).click();
    await page.waitForURL(`**/backoffice/vacancies/${ids.down}`);
    expect(await page.getByText(`職缺 ${ids.downWorkId} 已下架，已通知機關。`).isVisible()).toBe(true);

    const gone = await visitor.goto(`/jobs/${ids.downWorkId}`);
    expect(gone!.status()).toBe(410);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('此職缺已停止刊登');

    const hr = await j.current.noScriptPage();
    await signIn(hr, 'yilan.hr');
    await hr.goto('/agency');
    const row = hr.locator('tr', { hasText: ids.downWorkId });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('已下架（工作內容與職稱不符）');

    await page.goto('/backoffice/audit');
    await page.getByLabel('對象（職缺編號或代號）').fill(ids.downWorkId);
    await page.getByRole('button', { name: '查詢' }).click();
    const audit = (await page.locator('table.data-table tbody').innerText()).replace(/\s+/g, ' ');
    expect(audit).toMatch(new RegExp(`行政院人事行政總處 王○+ 於 \\d{3}/\\d{2}/\\d{2} \\d{2}:\\d{2} 下架職缺（職缺 ${ids.downWorkId}）`));
    // ADM-3: the resume downloads of an agency, found by their action.
    await page.goto('/backoffice/audit');
    await page.getByLabel('動作').fill('resume.download');
    await page.getByRole('button', { name: '查詢' }).click();
    const downloads = (await page.locator('table.data-table tbody').innerText()).replace(/\s+/g, ' ');
    expect(downloads).toMatch(new RegExp(`宜蘭縣政府 \\S+ 於 \\d{3}/\\d{2}/\\d{2} \\d{2}:\\d{2} 調閱應徵者履歷（應徵者 1 位，職缺 ${ids.downWorkId}）`));
  });

  it('SYS-5 every back-office page has no axe-core violations (also with form errors)', async () => {
    const page = await j.current.scriptPage();
    await signIn(page);
    const pages = [
      '/backoffice',
      '/backoffice/review',
      '/backoffice/vacancies',
      '/backoffice/vacancies?from=115%2F99%2F99&state=flagged',
      `/backoffice/vacancies/${ids.flagged}`,
      `/backoffice/vacancies/${ids.down}`,
      '/backoffice/audit',
      '/backoffice/audit?from=x&ip=%3C',
      '/backoffice/outbox',
      '/backoffice/outbox?state=failed',
      `/backoffice/outbox/${ids.mail}`,
      '/backoffice?lang=en',
      '/backoffice/vacancies?lang=en&from=115%2F99%2F99',
      `/backoffice/vacancies/${ids.flagged}?lang=en`,
      '/backoffice/audit?lang=en',
      '/backoffice/outbox?lang=en',
    ];
    for (const url of pages) {
      await page.goto(url);
      await expectNoAxeViolations(page, url);
    }
    // A verdict form sent back with its error (422).
    const v = await createVacancy(j.current.t.services, { title: '旅程無障礙測試', reviewStatus: 'flagged', reviewReason: '年齡限制：「35歲以下」' });
    await page.goto(`/backoffice/vacancies/${v.id}`);
    await page.getByRole('button', { name: '審核不通過' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('請填寫理由，機關會看到這段文字').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'verdict form with an error');
  });
});
