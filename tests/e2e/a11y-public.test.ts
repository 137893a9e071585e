// SYS-5: every public page of the site, axe-core (WCAG 2.1 A/AA) with zero violations, zh-TW and English,
// and each page usable with JavaScript off (it renders its main heading and has no script-only control).
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useJourney } from './support/journey.ts';

describe('public pages: accessibility (Chromium + axe-core)', { timeout: 180_000 }, () => {
  let workId = '';
  const j = useJourney({
    realFeed: true,
    seed: async (t) => {
      const res = await t.app.inject('/jobs?keyword=' + encodeURIComponent('人事'));
      workId = /href="\/jobs\/(\d{10})"/.exec(res.body)![1]!;
    },
  });

  const pages = () => [
    '/',
    '/jobs?keyword=' + encodeURIComponent('行政') + '&place=10&place=23',
    '/jobs?keyword=' + 'x'.repeat(60),
    `/jobs/${workId}`,
    `/jobs/${workId}/print`,
    '/guide/sop',
    '/opendata',
    '/platform',
    '/ecpa',
    '/dev/mail',
    '/no-such-page',
  ];

  it.each(['zh-TW', 'en'])('SYS-5 every public page has no axe-core violations (%s)', async (lang) => {
    const page = await j.current.scriptPage();
    if (lang === 'en') await page.goto('/lang?to=en&next=/');
    for (const path of pages()) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${lang} ${path}`);
    }
  });

  it('SYS-5 every public page renders its heading with JavaScript off', async () => {
    const page = await j.current.noScriptPage();
    for (const path of pages()) {
      await page.goto(path);
      expect(await page.locator('h1').first().textContent(), path).toBeTruthy();
    }
  });
});
