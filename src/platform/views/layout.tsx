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

interface MenuItem {
  href: string;
  label: string;
  current?: boolean;
}

const NAV = {
  'zh-TW': {
    menu: '選單', keyword: '搜尋職缺', go: '搜尋', jobs: '查詢職缺資料', agencyPost: '機關徵才登錄', agencyImport: '機關徵才匯入',
    subscribe: '電子報訂閱', unsubscribe: '電子報取消', opendata: '職缺Open Data', sop: '求職SOP', blankForm: '公務人員履歷空白表格下載', apply: '我要應徵',
  },
  en: {
    menu: 'Menu', keyword: 'Find jobs', go: 'Go', jobs: 'Search jobs', agencyPost: 'Post a vacancy (agencies)', agencyImport: 'Import vacancies (agencies)',
    subscribe: 'Job alerts', unsubscribe: 'Cancel job alerts', opendata: 'Open data', sop: 'How to apply', blankForm: 'Blank resume form', apply: 'Apply',
  },
} as const;

function MenuLinks({ ctx, items }: { ctx: PageContext; items: MenuItem[] }): JSX.Element {
  const t = ctx.t;
  return (
    <ul>
      {items.map((d) => (
        <li>
          <a href={d.href} aria-current={d.current ? 'page' : undefined} safe>
            {d.label}
          </a>
        </li>
      ))}
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
  );
}

/** The keyword box of every page's header: GET /jobs?keyword=… (works without JavaScript). */
function HeaderSearch({ id, label, go }: { id: string; label: string; go: string }): JSX.Element {
  return (
    <form method="get" action="/jobs" class="header-search" role="search" aria-label={label}>
      <label for={id} class="visually-hidden" safe>
        {label}
      </label>
      <input id={id} name="keyword" type="search" maxlength="50" placeholder={label} />
      <button type="submit" safe>
        {go}
      </button>
    </form>
  );
}

export function Layout({ ctx, title, door = 'public', scripts = [], head, children }: LayoutProps): JSX.Element {
  const t = ctx.t;
  const n = NAV[ctx.locale === 'en' ? 'en' : 'zh-TW'];
  // The three front doors, named in the footer (the header names the functions).
  const doors = [
    { href: '/', label: t('site.name') },
    { href: '/platform', label: t('site.platform') },
    { href: '/ecpa', label: t('site.ecpa') },
  ];
  // The real system's functions in its users' words (issue 16 item 7). 機關徵才登錄/匯入 are not built yet: they go
  // to the 人事服務網 sign-in, the door agency staff use (README "Not built yet").
  const items: MenuItem[] = [
    { href: '/jobs', label: n.jobs, current: door === 'public' && (ctx.path === '/' || ctx.path === '/jobs') },
    { href: '/ecpa', label: n.agencyPost, current: door === 'ecpa' },
    { href: '/ecpa', label: n.agencyImport },
    { href: '/newsletter', label: n.subscribe, current: ctx.path === '/newsletter' },
    { href: '/newsletter/cancel', label: n.unsubscribe, current: ctx.path === '/newsletter/cancel' },
    { href: '/opendata', label: n.opendata, current: ctx.path === '/opendata' },
    { href: '/guide/sop', label: n.sop, current: ctx.path === '/guide/sop' },
    { href: '/guide/sop#blank-forms', label: n.blankForm },
    { href: '/platform', label: n.apply, current: door === 'platform' },
  ];
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
              <details class="menu-narrow">
                <summary>{n.menu}</summary>
                <HeaderSearch id="site-q-narrow" label={n.keyword} go={n.go} />
                <MenuLinks ctx={ctx} items={items} />
              </details>
              <div class="menu-wide">
                <MenuLinks ctx={ctx} items={items} />
                <HeaderSearch id="site-q" label={n.keyword} go={n.go} />
              </div>
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
              <p class="footer-doors">
                {doors.map((d) => (
                  <a href={d.href} safe>
                    {d.label}
                  </a>
                ))}
              </p>
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
