// APP-1, APP-2, APP-4, APP-5, GEN-1 on a phone: the QR (scan-path) URL of a 不須具 job → sign in → the saved resume
// → 應徵職缺 (preview, consent) → 確定應徵 → the mail arrives by SMTP → 我的應徵 shows it → 取消應徵 → the mail;
// axe-core on every new page, no sideways scrolling.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/modules/applications/application.schema.ts';
import { createMailTransport, type MailTransport } from '../../src/platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../src/platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../src/platform/outbox/outbox.ts';
import { createAccount, createResume, createVacancy } from '../factories/index.ts';
import { ApplicantLoginPage } from './support/pages.ts';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-TW', bypassCSP: true };
const EMAIL = 'apply-phone@example.com';
const PASSWORD = 'Apply1234!';

async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return d.scrollWidth - d.clientWidth;
  });
}

describe('應徵 on a phone (APP-1 … APP-5)', { timeout: 180_000 }, () => {
  let workId = '';
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  const j = useJourney({
    seed: async (t) => {
      const job = await createVacancy(t.services, { accessMode: 'open', title: '約僱人員（行政助理）', vitaeEmail: 'hr-phone@agency.example.tw' });
      workId = job.workId;
      const account = await createAccount(t.services.db, { email: EMAIL, password: PASSWORD });
      await createResume(t.services, { applicantId: account.id, basic: { chineseName: '張手機', birthDate: '1990-02-03', gender: 'F', phone: '0912-345-678', email: EMAIL } });
    },
  });
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createMailTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
  });
  const deliver = async () => {
    const t = j.current.t;
    await deliverDueMail({ db: t.services.db, transport, clock: t.services.clock, mailFrom: t.config.mailFrom });
  };

  it('APP-1 APP-2 APP-4 APP-5 scan-path URL → sign in → preview → 確定應徵 → mail → 我的應徵 → 取消應徵 → mail; axe clean', async () => {
    const page = await j.current.pageWith(PHONE);
    await page.goto(`/jobs/${workId}/apply`);
    expect(new URL(page.url()).pathname).toBe('/platform/login');
    await new ApplicantLoginPage(page).signIn(EMAIL, PASSWORD);
    await page.waitForURL(/\/platform\/apply$/);
    await expect.poll(() => page.title()).toContain('應徵職缺');
    expect(await page.locator('main').textContent()).toContain('約僱人員（行政助理）');
    expect(await page.locator('.resume-preview').textContent()).toContain('張手機');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, '應徵職缺');

    // 確定應徵 without the tick: the message beside the field.
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').textContent()).toContain('請勾選同意');
    await expectNoAxeViolations(page, '應徵職缺 with an error');
    await page.getByLabel(/本人已閱讀並同意上述授權事項/).check();
    await page.getByRole('button', { name: '確定應徵' }).click();
    await page.waitForURL(/\/platform\/applications$/);
    expect(await page.locator('.flash-list').textContent()).toContain('已應徵 1 個職缺');
    expect(await page.locator('main').textContent()).toContain(workId);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, '我的應徵');

    await deliver();
    const sent = smtp.received.filter((m) => m.to.includes(EMAIL));
    expect(sent.map((m) => m.subject)).toEqual(['【不須具公務人員任用資格職缺應徵平台】應徵職缺通知']);
    expect(sent[0]!.text).toContain(workId);

    await page.getByRole('link', { name: /取消應徵/ }).click();
    await page.waitForURL(/\/cancel$/);
    expect(await page.locator('main').textContent()).toContain('確定要取消應徵');
    await expectNoAxeViolations(page, '取消應徵');
    await page.getByRole('button', { name: '確定' }).click();
    await page.waitForURL(/\/platform\/applications$/);
    expect(await page.locator('main').textContent()).toContain('已取消應徵');
    const [row] = await j.current.t.services.db.select().from(applications).where(eq(applications.status, 'cancelled'));
    expect(row).toBeDefined();
    await deliver();
    expect(smtp.received.filter((m) => m.to.includes(EMAIL)).map((m) => m.subject)).toContain('【不須具公務人員任用資格職缺應徵平台】取消應徵通知');
    expect(smtp.received.filter((m) => m.to.includes('hr-phone@agency.example.tw'))).toHaveLength(1);
  });
});
