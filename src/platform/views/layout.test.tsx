import { describe, expect, it } from 'vitest';
import type { PageContext } from '../http/context.ts';
import { translator, type Locale } from '../i18n/i18n.ts';
import { Layout } from './layout.tsx';

function ctx(demoEnvironment: boolean, locale: Locale = 'zh-TW'): PageContext {
  return { locale, t: translator(locale), path: '/', url: '/', principal: null, csrf: () => 'x', flash: [], showDevLinks: false, idleMinutes: 30, demoEnvironment };
}

describe('layout', () => {
  it('SYS-4 item 7: outside production every page shows the 「示範環境」 banner, a labelled landmark before the header', async () => {
    const html = await (<Layout ctx={ctx(true)} title="首頁">x</Layout>);
    expect(html).toContain('<aside class="demo-banner" aria-label="示範環境">');
    expect(html).toContain('請勿輸入真實個人資料');
    expect(html.indexOf('demo-banner')).toBeLessThan(html.indexOf('site-header'));
    expect(html.indexOf('skip-link')).toBeLessThan(html.indexOf('demo-banner'));
    const en = await (<Layout ctx={ctx(true, 'en')} title="Home">x</Layout>);
    expect(en).toContain('aria-label="Demonstration environment"');
  });

  it('SYS-4 item 7: production pages have no banner', async () => {
    const html = await (<Layout ctx={ctx(false)} title="首頁">x</Layout>);
    expect(html).not.toContain('demo-banner');
    expect(html).not.toContain('示範環境');
  });
});
