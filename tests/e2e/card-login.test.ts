// Journey (ECPA-2, ECPA-3) in real Chromium through the real popup: the page asks the server for a challenge, opens
// the signing component's /popupForm (here the stand-in, src/modules/ecpa/cards/hipki-standin.ts, with virtual
// cards from a test PKI made now), answers its getTbs with the tbsPackage (PIN inside), and posts the signature.
// First 自然人憑證 sign-in with binding, a later PIN-only sign-in (with the site's real CSP and COOP), a revoked card,
// three wrong PINs locking the virtual card, a test 機關憑證 refused; axe-core on every new page state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHrdbDemo } from '../../src/modules/hrdb/hrdb.seed.ts';
import { cardMessages } from '../../src/modules/ecpa/cards/cards.messages.ts';
import { HipkiStandin } from '../../src/modules/ecpa/cards/hipki-standin.ts';
import { NhiStandin } from '../../src/modules/ecpa/cards/nhi-standin.ts';
import { nhiStandinKey, VIRTUAL_NHI_CARDS } from '../../src/modules/ecpa/cards/nhi.ts';
import { generateTestPki, TEST_CARD_IDS as C, testPkiEnv, writeTestPki } from '../../src/modules/ecpa/cards/test-pki.ts';
import { expectNoAxeViolations, startJourney, type Journey } from './support/journey.ts';

const m = cardMessages('zh-TW');

describe('憑證登入 journey (Chromium, real popup)', () => {
  let j: Journey;
  let standin: HipkiStandin;
  let nhi: NhiStandin;
  let dir: string;

  beforeAll(async () => {
    const pki = await generateTestPki();
    dir = mkdtempSync(join(tmpdir(), 'sqr-pki-e2e-'));
    writeTestPki(pki, dir);
    standin = new HipkiStandin({ cards: pki.cards, trustedOrigins: [] });
    const url = await standin.listen();
    // The NHI stand-in shares the stand-in verifier's key (derived from DATA_KEY).
    const dataKey = 'journey-data-key-journey-data-key-0123456789';
    nhi = new NhiStandin(nhiStandinKey({ dataKey }));
    const nhiUrl = await nhi.listen();
    j = await startJourney({ env: { ...testPkiEnv(dir, url), DATA_KEY: dataKey, NHI_COMPONENT_URL: nhiUrl }, seed: async (t) => void (await seedHrdbDemo(t.services.db, t.config)) });
    standin.trust(j.base);
  }, 180_000);

  afterAll(async () => {
    await j?.close();
    await standin?.close();
    await nhi?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function pressLogin(page: Page, pin: string) {
    await page.goto('/ecpa/login');
    await page.getByLabel('密碼', { exact: true }).last().fill(pin);
    await page.locator('#card-login').getByRole('button', { name: '憑證登入', exact: true }).click();
  }

  it('ECPA-2 ECPA-3 first 自然人憑證 sign-in binds the card; a later sign-in needs only the PIN (real CSP and COOP)', async () => {
    standin.insert(C.civilServant);
    const page = await j.scriptPage();
    await page.goto('/ecpa/login');
    await expectNoAxeViolations(page, '/ecpa/login with the 憑證登入 box');
    await pressLogin(page, '123456');
    await page.waitForURL('**/ecpa/login/card/bind');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(m['bind.title.person']);
    await expectNoAxeViolations(page, 'binding step');
    await page.getByRole('button', { name: m['bind.next'] }).click();
    await page.locator('#error-summary').waitFor();
    await expectNoAxeViolations(page, 'binding step with an error');
    await page.getByRole('textbox', { name: /自訂帳號或身分證號/ }).fill('civil.servant');
    await page.getByRole('button', { name: m['bind.next'] }).click();
    await page.waitForURL('**/ecpa/apps');
    expect((await page.locator('dl.ecpa-user').innerText()).replace(/\s+/g, ' ')).toContain('自然人憑證登入');
    expect(standin.requests.at(-1)?.tbs).toMatch(/^[0-9a-f]{64}$/);

    // Later: PIN only, in a context with the site's own CSP (no bypass) and COOP.
    const strict = await j.pageWith({ locale: 'zh-TW' });
    await pressLogin(strict, '123456');
    await strict.waitForURL('**/ecpa/apps');
    expect((await strict.locator('dl.ecpa-user').innerText()).replace(/\s+/g, ' ')).toContain('自然人憑證登入');
  }, 120_000);

  it('ECPA-3 a revoked card is refused with the 憑證無效 message', async () => {
    standin.insert(C.revoked);
    const page = await j.scriptPage();
    await pressLogin(page, '123456');
    await page.locator('#card-error').waitFor();
    expect(await page.locator('#card-error').innerText()).toContain(m['card.invalid.revoked']);
    await expectNoAxeViolations(page, 'revoked card');
  }, 60_000);

  it('ECPA-3 three wrong PINs lock the virtual card; the message links the MOICA and GCA unlock pages', async () => {
    standin.insert(C.yilanHr);
    const page = await j.scriptPage();
    await pressLogin(page, '000000');
    await page.locator('#card-error').waitFor();
    expect(await page.locator('#card-error').innerText()).toContain(m['card.wrongPin.2']);
    await pressLogin(page, '000000');
    await page.locator('#card-error').waitFor();
    expect(await page.locator('#card-error').innerText()).toContain(m['card.wrongPin.1']);
    await pressLogin(page, '000000');
    await page.locator('#card-error').waitFor();
    expect(await page.locator('#card-error').innerText()).toContain(m['card.locked']);
    expect(await page.getByRole('link', { name: m['card.unlock.moica'] }).getAttribute('href')).toBe(j.t.config.cards.unlockUrls.moica);
    expect(standin.cardState(C.yilanHr).locked).toBe(true);
    await expectNoAxeViolations(page, 'locked card');
    standin.unlock(C.yilanHr);
  }, 90_000);

  it('ECPA-3 a test 機關憑證 is refused with its DN', async () => {
    standin.insert(C.gcaTest);
    const page = await j.scriptPage();
    await pressLogin(page, '12345678');
    await page.locator('#card-error').waitFor();
    const text = await page.locator('#card-error').innerText();
    expect(text).toContain('請勿使用測試之機關憑證登入，因其無法代表正式之機關。');
    expect(text).toContain('OU=測試機關');
    await expectNoAxeViolations(page, 'test agency certificate');
  }, 60_000);

  it('ECPA-2 健保卡 signs in through the NHI component’s WebSocket (real CSP): 健保卡登入', async () => {
    nhi.insert(VIRTUAL_NHI_CARDS[0]!);
    const page = await j.pageWith({ locale: 'zh-TW' });
    await page.goto('/ecpa/login');
    await page.getByRole('radio', { name: '健保卡' }).check();
    await page.getByLabel('密碼', { exact: true }).last().fill('nhi12345');
    await page.locator('#card-login').getByRole('button', { name: '憑證登入', exact: true }).click();
    await page.waitForURL('**/ecpa/apps');
    expect((await page.locator('dl.ecpa-user').innerText()).replace(/\s+/g, ' ')).toContain('健保卡登入');
  }, 60_000);

  it('ECPA-3 no component answering: after the wait, the install guidance (runs last: it stops the stand-in)', async () => {
    await standin.close();
    const page = await j.scriptPage();
    await pressLogin(page, '123456');
    await page.locator('#card-error').waitFor({ timeout: 40_000 });
    expect(await page.locator('#card-error').innerText()).toContain(m['card.componentMissing']);
    expect(await page.getByRole('link', { name: m['card.install'] }).count()).toBe(1);
    await expectNoAxeViolations(page, 'component missing');
  }, 90_000);

  it('ECPA-3 without JavaScript the card box is a note pointing to the account sign-in', async () => {
    const page = await j.noScriptPage();
    await page.goto('/ecpa/login');
    expect(await page.locator('#card-login').isVisible()).toBe(false);
    expect(await page.locator('section.ecpa-card-login').innerText()).toContain(m['card.noscript']);
  }, 60_000);
});
