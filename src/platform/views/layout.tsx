// The page shell: skip link, header with the three front doors, language switch, flash messages, footer.
// Works with no JavaScript; scripts are progressive enhancement only (CSP allows no inline script).
import Html from '@kitajs/html';
import type { PageContext } from '../http/context.ts';
import { htmlLang } from '../i18n/i18n.ts';
import { FlashMessages } from './components.tsx';
import { SessionTimeoutNotice } from './session-notice.tsx';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  /** Which front door this page belongs to. */
  door?: 'public' | 'platform' | 'ecpa';
  scripts?: string[];
  head?: JSX.Element;
  children?: Html.Children;
}

function langSwitchHref(ctx: PageContext): string {
  const target = ctx.locale === 'en' ? 'zh-TW' : 'en';
  return `/lang?to=${target}&next=${encodeURIComponent(ctx.url)}`;
}

export function Layout({ ctx, title, door = 'public', scripts = [], head, children }: LayoutProps): JSX.Element {
  const t = ctx.t;
  const doors = [
    { key: 'public', href: '/', label: t('site.name') },
    { key: 'platform', href: '/platform', label: t('site.platform') },
    { key: 'ecpa', href: '/ecpa', label: t('site.ecpa') },
  ] as const;
  return (
    <>
      {'<!doctype html>'}
      <html lang={htmlLang(ctx.locale)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title}｜${t('site.name')}`}</title>
          <link rel="stylesheet" href="/assets/css/site.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <link rel="alternate" type="application/atom+xml" href="/opendata/jobs.atom" title="新職缺" />
          {head as 'safe'}
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t('site.skip')}
          </a>
          {ctx.demoEnvironment ? (
            <aside class="demo-banner" aria-label={t('site.demo')}>
              <p class="wrap">
                <strong safe>{`${t('site.demo')}：`}</strong>
                <span safe>{t('site.demo.text')}</span>
              </p>
            </aside>
          ) : (
            ''
          )}
          <header class="site-header">
            <div class="wrap header-row">
              <a class="brand" href="/" safe>
                {t('site.name')}
              </a>
              <a class="lang-switch" href={langSwitchHref(ctx)} hreflang={ctx.locale === 'en' ? 'zh-Hant-TW' : 'en'} lang={ctx.locale === 'en' ? 'zh-Hant-TW' : 'en'} safe>
                {t('site.lang.switch')}
              </a>
            </div>
            <nav class="wrap doors" aria-label={t('site.menu')}>
              <ul>
                {doors.map((d) => (
                  <li>
                    <a href={d.href} aria-current={d.key === door ? 'page' : undefined} safe>
                      {d.label}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/guide/sop" aria-current={ctx.path === '/guide/sop' ? 'page' : undefined} safe>
                    {t('nav.sop')}
                  </a>
                </li>
                <li>
                  <a href="/newsletter" aria-current={ctx.path === '/newsletter' ? 'page' : undefined} safe>
                    {t('nav.newsletter')}
                  </a>
                </li>
                <li>
                  <a href="/opendata" safe>
                    {t('nav.opendata')}
                  </a>
                </li>
                {ctx.principal ? (
                  <li>
                    <form method="post" action="/logout" class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrf()} />
                      <button type="submit" class="link-button" safe>
                        {t('nav.signout')}
                      </button>
                    </form>
                  </li>
                ) : (
                  ''
                )}
                {ctx.showDevLinks ? (
                  <li>
                    <a href="/dev/mail" safe>
                      {t('dev.mail.title')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </nav>
          </header>
          <main id="main" class="wrap" tabindex="-1">
            <FlashMessages flash={ctx.flash} />
            {children}
            <SessionTimeoutNotice ctx={ctx} />
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p safe>{t('site.footer')}</p>
              <p safe>{t('site.footer.a11y')}</p>
            </div>
          </footer>
          {[...scripts, ...(ctx.principal?.kind === 'applicant' ? ['/assets/js/accounts-session.js'] : [])].map((src) => (
            <script src={src} defer></script>
          ))}
        </body>
      </html>
    </>
  );
}

export { Html };
