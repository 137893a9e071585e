// Issue 9 item 7: the 「示範環境」 banner comes from the configuration (every page outside production, none in it).
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.ts';

describe('demo banner outside production', () => {
  const t = useTestApp('pglite');
  it('SYS-4 item 7: the home page, a sign-in page and a 404 page show 示範環境', async () => {
    for (const url of ['/', '/platform/login', '/ecpa/login', '/no/such/page']) {
      expect((await t.current.app.inject(url)).body, url).toContain('class="demo-banner"');
    }
  });
});

describe('no demo banner in production', () => {
  const t = useTestApp('pglite', { env: { NODE_ENV: 'production', CAPTCHA_TEST_CODE: '' } });
  it('SYS-4 item 7: production pages never show it', async () => {
    for (const url of ['/', '/platform/login', '/no/such/page']) {
      expect((await t.current.app.inject(url)).body, url).not.toContain('demo-banner');
    }
  });
});
