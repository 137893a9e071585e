// SYS-5 / RES-11 in Chromium with SESSION_IDLE_MINUTES=1 (the smallest the config allows): someone who types
// into 自傳 for longer than the idle period keeps the session (typing counts as activity and the keep-alive
// really moves the expiry), the idle notice never takes focus from the field, and 儲存履歷 then saves.
import { describe, expect, it } from 'vitest';
import { findResume } from '../../src/modules/resumes/resume.repo.ts';
import { signInApplicant } from '../factories/index.ts';
import { useJourney } from './support/journey.ts';

/** The id of the focused element (run in the page). */
const activeId = (): string | undefined => (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document.activeElement?.id;

describe('typing keeps the session (Chromium, SESSION_IDLE_MINUTES=1)', { timeout: 240_000 }, () => {
  const j = useJourney({ env: { SESSION_IDLE_MINUTES: '1' } });

  it('SYS-5 RES-11 typing into 自傳 for 75 s (idle period 60 s) keeps focus in the field and then saves', async () => {
    const { t, base } = j.current;
    const me = await signInApplicant(t, { email: 'slow-writer@example.com' });
    const page = await j.current.scriptPage();
    await page.context().addCookies([{ name: 'sid', value: me.token, url: base }]);
    await page.goto('/platform/resume');
    const fill = async (label: RegExp, value: string) => page.getByLabel(label).fill(value);
    await fill(/^中文姓名/, '陳美玲');
    await fill(/^身分證統一編號/, 'A223456781');
    await fill(/^出生日期/, '080/01/14');
    await fill(/^聯絡電話/, '0912-345-678');
    await page.getByLabel(/^郵遞區號（縣市、鄉鎮市區）/).selectOption('106臺北市大安區');
    await fill(/^地址/, '羅斯福路四段 1 號');
    await fill(/^學校名稱/, '國立臺灣大學');
    await page.getByLabel(/^學位/).selectOption('碩士');
    await page.getByLabel(/^就學狀態/).selectOption('畢業');
    await fill(/^開始日期/, '102/09/01');
    await fill(/^結束日期/, '104/06/30');

    const bio = page.locator('#f-autobiography');
    await bio.focus();
    const text = '我出生於臺南市，畢業後在公部門服務多年，熟悉公文與採購作業。';
    const started = Date.now();
    let typed = '';
    let noticeSeen = false;
    for (let i = 0; Date.now() - started < 75_000; i++) {
      const ch = text[i % text.length]!;
      await page.keyboard.type(ch);
      typed += ch;
      // The caret never leaves the field, whether the notice shows or not.
      expect(await page.evaluate(activeId)).toBe(await bio.getAttribute('id'));
      if (await page.locator('#session-notice').isVisible()) noticeSeen = true;
      await page.waitForTimeout(3_000);
    }
    expect(page.url()).toBe(`${base}/platform/resume`);
    expect(await bio.inputValue()).toBe(typed);
    expect(noticeSeen).toBe(false); // typing is activity: the warning never came

    // The session's expiry really moved (it would have ended 60 s after sign-in).
    const session = await t.services.sessions.load(me.token);
    expect(session).not.toBeNull();

    await page.getByRole('button', { name: '儲存履歷', exact: true }).click();
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.getByRole('status').first().textContent()).toContain('履歷已儲存。');
    expect((await findResume(t.services.db, me.id))?.autobiography).toBe(typed);
  });

  it('SYS-5 the idle notice appears without taking focus, and 「繼續使用」 by mouse keeps the caret in the field', async () => {
    const { t, base } = j.current;
    const me = await signInApplicant(t, { email: 'pause@example.com' });
    const page = await j.current.scriptPage();
    await page.context().addCookies([{ name: 'sid', value: me.token, url: base }]);
    await page.goto('/platform/resume');
    const bio = page.locator('#f-autobiography');
    await bio.focus();
    await page.keyboard.type('開頭');
    // Idle 60 s, warning halfway (30 s): wait without typing.
    await page.locator('#session-notice').waitFor({ state: 'visible', timeout: 45_000 });
    expect(await page.evaluate(activeId)).toBe(await bio.getAttribute('id'));
    await page.getByRole('link', { name: '繼續使用' }).click();
    await page.locator('#session-notice').waitFor({ state: 'hidden' });
    expect(await page.evaluate(activeId)).toBe(await bio.getAttribute('id'));
    await page.keyboard.type('結尾');
    expect(await bio.inputValue()).toBe('開頭結尾');
    expect(await page.getByRole('status').filter({ hasText: '已延長登入時間。' }).count()).toBe(1);
  });
});
