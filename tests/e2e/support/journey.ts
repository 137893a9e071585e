// One journey harness for the browser tests: the app listening on a free port on a fresh database (optionally
// with the real 2016 DGPA feed imported), Debian Chromium (tests/helpers/browser.ts), pages with and without
// JavaScript, and an axe-core check that fails with a readable message.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { importFeed } from '../../../src/modules/vacancies/opendata/import.service.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../../helpers/browser.ts';

/** The real feed of 2016-05-15, shared with the demo seed (tests/fixtures/README.md). */
export const REAL_FEED = new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);

export interface JourneyOptions extends TestAppOptions {
  /** Import the real feed with its dates shifted to today, as the demo does. */
  realFeed?: boolean;
  /** Anything else the journey needs in the database before the browser starts. */
  seed?: (t: TestApp) => Promise<void>;
}

export interface Journey {
  readonly t: TestApp;
  readonly browser: Browser;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** A page in a fresh context without JavaScript (every journey must work this way). */
  noScriptPage(): Promise<Page>;
  /** A page in a fresh context with JavaScript (and CSP bypassed so that axe-core can be injected). */
  scriptPage(): Promise<Page>;
  /** A page in a fresh context with other options (e.g. a phone viewport). */
  pageWith(options: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startJourney(opts: JourneyOptions = {}): Promise<Journey> {
  const { realFeed, seed, ...appOptions } = opts;
  const t = await createTestApp('pglite', appOptions);
  if (realFeed) await importFeed(t.services.db, readFileSync(REAL_FEED, 'utf8'), { source: 'demo', shiftDatesTo: t.services.clock.today() });
  await seed?.(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const contexts: { close(): Promise<void> }[] = [];
  const open = async (make: () => ReturnType<typeof noScriptContext>): Promise<Page> => {
    const context = await make();
    contexts.push(context);
    return context.newPage();
  };
  return {
    t,
    browser,
    base,
    noScriptPage: () => open(() => noScriptContext(browser, base)),
    scriptPage: () => open(() => scriptContext(browser, base)),
    pageWith: (options) => open(() => browser.newContext({ locale: 'zh-TW', ...options, baseURL: base })),
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Starts the journey before the describe block's tests and stops it after. */
export function useJourney(opts: JourneyOptions = {}): { readonly current: Journey } {
  const holder = { current: undefined as unknown as Journey };
  beforeAll(async () => {
    holder.current = await startJourney(opts);
  }, 180_000);
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** Fails with the rule, impact, help and offending HTML of every WCAG 2.1 A/AA violation on the page. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}
