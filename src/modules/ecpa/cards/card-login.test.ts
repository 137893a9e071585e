// ECPA-2 / ECPA-3 憑證登入 through the whole app (fastify.inject) on PGlite and, with TEST_DATABASE_URL,
// PostgreSQL: challenge → the component stand-in's signature → session; first 自然人憑證 sign-in with binding, then
// PIN only; 機關憑證; every refusal with its message, audited, never a 500.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../../tests/helpers/db.ts';
import { HttpClient } from '../../../../tests/helpers/http-client.ts';
import { auditEvents } from '../../../platform/db/schema/platform.ts';
import { seedHrdbDemo } from '../../hrdb/index.ts';
import { certificateBindings, staffUsers } from '../staff.schema.ts';
import { cardMessages } from './cards.messages.ts';
import { HipkiStandin } from './hipki-standin.ts';
import { generateTestPki, makeCrl, TEST_CARD_IDS as C, testPkiEnv, writeTestPki, pem } from './test-pki.ts';
import { signCms } from './cms-sign.ts';
import { insertStaff } from '../ecpa.test-support.ts';
import { writeFileSync } from 'node:fs';
import { nhiStandinKey, VIRTUAL_NHI_CARDS } from './nhi.ts';
import { NhiStandin } from './nhi-standin.ts';

const m = cardMessages('zh-TW');
const pki = await generateTestPki();
const dir = mkdtempSync(join(tmpdir(), 'sqr-pki-'));
writeTestPki(pki, dir);
const ORIGIN = 'http://localhost:3000';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(dbDrivers())('憑證登入 (ECPA-2, ECPA-3) on %s', (driver) => {
  const t = useTestApp(driver, { env: testPkiEnv(dir) });
  const standin = new HipkiStandin({ cards: pki.cards, trustedOrigins: [ORIGIN] });

  beforeAll(async () => {
    await seedHrdbDemo(t.current.services.db, t.current.config);
  });

  /** Opens /ecpa/login, gets a challenge, lets the stand-in sign it with `card` and `pin`, posts the answer. */
  async function cardSignIn(card: string, pin = '123456', client = new HttpClient(t.current.app), alter?: (challenge: string) => string, next?: string) {
    await client.get(next ? `/ecpa/login?next=${encodeURIComponent(next)}` : '/ecpa/login');
    const chRes = await t.current.app.inject({ method: 'POST', url: '/ecpa/login/card/challenge', headers: { cookie: client.cookie, 'csrf-token': client.csrf }, remoteAddress: client.ip });
    expect(chRes.statusCode).toBe(200);
    const ch = (chRes.json() as { challenge: string }).challenge;
    expect(ch).toMatch(/^[0-9a-f]{64}$/);
    standin.insert(card);
    const answer = await standin.sign(JSON.stringify({ func: 'MakeSignature', signatureType: 'PKCS7', tbs: alter ? alter(ch) : ch, tbsEncoding: 'NONE', hashAlgorithm: 'SHA256', pin }), ORIGIN);
    const res = await client.post('/ecpa/login/card', { ret_code: String(answer.ret_code), last_error: String(answer.last_error), signature: String(answer.signature ?? ''), ...(next ? { next } : {}) });
    return { client, res, answer };
  }

  async function audits(action: string) {
    return t.current.services.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  }

  it('ECPA-2 the login page has the 憑證登入 box with COOP same-origin-allow-popups, a noscript note and no PIN name', async () => {
    const res = await t.current.app.inject({ method: 'GET', url: '/ecpa/login' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(res.body).toContain('自然人憑證\\機關憑證\\健保卡');
    expect(res.body).toContain('<noscript>');
    expect(res.body).toContain('/assets/js/card-login.js');
    expect(res.body).not.toMatch(/id="card-pin"[^>]*name=/);
    const other = await t.current.app.inject({ method: 'GET', url: '/jobs' });
    expect(other.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('ECPA-2 ECPA-3 first 自然人憑證 sign-in asks the account, binds the certificate, later sign-ins need only the PIN', async () => {
    const first = await cardSignIn(C.civilServant);
    expect(first.res.statusCode).toBe(303);
    expect(first.res.headers.location).toBe('/ecpa/login/card/bind');
    const bindPage = await first.client.get('/ecpa/login/card/bind');
    expect(bindPage.body).toContain(m['bind.title.person']);
    const before = first.client.cookie;
    const bound = await first.client.post('/ecpa/login/card/bind', { account: 'civil.servant' });
    expect(bound.statusCode).toBe(303);
    expect(bound.headers.location).toBe('/ecpa/apps');
    expect(first.client.cookie).not.toBe(before); // session rotated
    const apps = await first.client.get('/ecpa/apps');
    expect(apps.body).toContain('自然人憑證登入');
    const [staff] = await t.current.services.db.select().from(staffUsers).where(eq(staffUsers.account, 'civil.servant'));
    expect(staff!.lastSignInMethod).toBe('自然人憑證');
    const bindings = await t.current.services.db.select().from(certificateBindings).where(eq(certificateBindings.staffUserId, staff!.id));
    expect(bindings.map((b) => [b.kind, b.serial])).toEqual([['自然人憑證', '4d4f0001']]);
    expect((await audits('ecpa.card.bind')).length).toBeGreaterThan(0);

    const later = await cardSignIn(C.civilServant);
    expect(later.res.statusCode).toBe(303);
    expect(later.res.headers.location).toBe('/ecpa/apps');
    // From a page that asked for sign-in: back to it (a same-site path only).
    const back = await cardSignIn(C.civilServant, '123456', new HttpClient(t.current.app), undefined, '/ecpa/mydata');
    expect(back.res.headers.location).toBe('/ecpa/mydata');
    const offsite = await cardSignIn(C.civilServant, '123456', new HttpClient(t.current.app), undefined, 'https://evil.example/');
    expect(offsite.res.headers.location).toBe('/ecpa/apps');
  });

  it('ECPA-3 a replayed signature finds no challenge; a signature over another challenge is refused', async () => {
    const { client, answer } = await cardSignIn(C.civilServant);
    await client.get('/ecpa/login');
    const replay = await client.post('/ecpa/login/card', { ret_code: '0', last_error: '0', signature: String(answer.signature) });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain(esc(m['card.replayed']));
    const other = await cardSignIn(C.civilServant, '123456', new HttpClient(t.current.app), () => 'ab'.repeat(32));
    expect(other.res.statusCode).toBe(400);
    expect(other.res.body).toContain(esc(m['card.badSignature']));
    const rows = await audits('ecpa.card.failure');
    expect(rows.some((r) => (r.details as { reason?: string }).reason === 'challenge-mismatch')).toBe(true);
  });

  it('ECPA-3 revoked, expired, not-yet-valid, untrusted and encryption certificates each get the 憑證無效 message with the reason', async () => {
    const cases: [string, string][] = [
      [C.revoked, m['card.invalid.revoked']],
      [C.expired, m['card.invalid.expired']],
      [C.notYetValid, m['card.invalid.notYetValid']],
      [C.untrusted, '憑證非由本網站信任之憑證管理中心簽發'],
      [C.encryptionOnly, m['card.invalid.keyUsage']],
    ];
    for (const [card, text] of cases) {
      const { res } = await cardSignIn(card);
      expect(res.statusCode, card).toBe(400);
      expect(res.body, card).toContain(esc(m['card.invalid']));
      expect(res.body, card).toContain(esc(text));
    }
  });

  it('ECPA-3 wrong PINs: two tries left, one left, then locked with the MOICA and GCA unlock links', async () => {
    const card = C.yilanHr;
    const a = await cardSignIn(card, '000000');
    expect(a.res.body).toContain(esc(m['card.wrongPin.2']));
    const b = await cardSignIn(card, '000000');
    expect(b.res.body).toContain(esc(m['card.wrongPin.1']));
    const c = await cardSignIn(card, '000000');
    expect(c.res.body).toContain(esc(m['card.locked']));
    expect(c.res.body).toContain(esc(t.current.config.cards.unlockUrls.moica));
    expect(c.res.body).toContain(esc(t.current.config.cards.unlockUrls.gca));
    const d = await cardSignIn(card, '123456');
    expect(d.res.body).toContain(esc(m['card.locked']));
    standin.unlock(card);
  });

  it('ECPA-3 no reader, no card, cancel, domain not trusted, popup blocked, component missing: each its message', async () => {
    for (const [state, text] of [
      ['no-reader', m['card.noReader']],
      ['no-card', m['card.noCard']],
      ['cancel', m['card.cancelled']],
    ] as const) {
      const client = new HttpClient(t.current.app);
      await client.get('/ecpa/login');
      standin.insert(C.civilServant);
      standin.setState(state);
      const answer = await standin.sign(JSON.stringify({ tbs: 'x', pin: '123456' }), ORIGIN);
      const res = await client.post('/ecpa/login/card', { ret_code: String(answer.ret_code), last_error: String(answer.last_error) });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(esc(text));
    }
    standin.setState('ok');
    const foreign = await standin.sign(JSON.stringify({ tbs: 'x', pin: '123456' }), 'http://evil.example');
    const client = new HttpClient(t.current.app);
    await client.get('/ecpa/login');
    const res = await client.post('/ecpa/login/card', { ret_code: String(foreign.ret_code), last_error: '0' });
    expect(res.body).toContain(esc(m['card.domainNotTrusted']));
    for (const [problem, text] of [
      ['popup-blocked', m['card.popupBlocked']],
      ['component-missing', m['card.componentMissing']],
    ] as const) {
      await client.get('/ecpa/login');
      const r = await client.post('/ecpa/login/card', { problem });
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain(esc(text));
    }
  });

  it('ECPA-3 first-binding refusals: not in the HR database, 卸職, not the certificate owner', async () => {
    const a = await cardSignIn(C.wrongOwner);
    expect(a.res.headers.location).toBe('/ecpa/login/card/bind');
    const notOwner = await a.client.post('/ecpa/login/card/bind', { account: 'civil.servant' });
    expect(notOwner.statusCode).toBe(400);
    expect(notOwner.body).toContain(esc(m['bind.notOwner']));
    const unknown = await a.client.post('/ecpa/login/card/bind', { account: 'no.such.person' });
    expect(unknown.body).toContain(esc(m['bind.notInHrdb']));
    const left = await cardSignIn(C.leftService);
    const refused = await left.client.post('/ecpa/login/card/bind', { account: 'left.service' });
    expect(refused.body).toContain(esc(m['bind.leftService']));
    const byId = await cardSignIn(C.wrongOwner);
    const r = await byId.client.post('/ecpa/login/card/bind', { account: 'A128730468' });
    expect(r.body).toContain(esc(m['bind.notOwner']));
    // SYS-4: five refused tries and the card must be checked again.
    for (let i = 0; i < 3; i++) await byId.client.post('/ecpa/login/card/bind', { account: 'civil.servant' });
    const fifth = await byId.client.post('/ecpa/login/card/bind', { account: 'civil.servant' });
    expect(fifth.body).toContain(esc(m['bind.expired']));
    expect((await byId.client.get('/ecpa/login/card/bind')).body).toContain(esc(m['bind.expired']));
  });

  it('ECPA-3 機關憑證: a test certificate is refused with its DN; an unknown agency code is refused; an agency HR account is bound', async () => {
    const test = await cardSignIn(C.gcaTest, '12345678');
    expect(test.res.statusCode).toBe(400);
    expect(test.res.body).toContain('請勿使用測試之機關憑證登入，因其無法代表正式之機關。');
    expect(test.res.body).toContain(esc('OU=測試機關'));
    const unknown = await cardSignIn(C.gcaUnknown, '12345678');
    expect(unknown.res.body).toContain('AAC000000A');
    expect(unknown.res.body).toContain('不存在於本總處機關代碼檔中');
    await insertStaff(t.current.services.db, t.current.config, { account: 'yilan.hr', name: '宜蘭人事', agencyCode: '376420000A', roles: ['agency_hr'], nationalId: 'G203457162' });
    const agency = await cardSignIn(C.gcaYilan, '12345678');
    expect(agency.res.headers.location).toBe('/ecpa/login/card/bind');
    const wrong = await agency.client.post('/ecpa/login/card/bind', { account: 'keelung.hr' });
    expect(wrong.statusCode).toBe(400);
    const ok = await agency.client.post('/ecpa/login/card/bind', { account: 'yilan.hr' });
    expect(ok.headers.location).toBe('/ecpa/apps');
    expect((await agency.client.get('/ecpa/apps')).body).toContain('機關憑證登入');
    const again = await cardSignIn(C.gcaYilan, '12345678');
    expect(again.res.headers.location).toBe('/ecpa/apps');
  });

  it('ECPA-3 huge, non-CMS and empty bodies are refused with a message, audited, never a 500', async () => {
    const client = new HttpClient(t.current.app);
    for (const signature of ['A'.repeat(40_000), 'not base64 at all!', Buffer.from('hello').toString('base64'), '']) {
      await client.get('/ecpa/login');
      await t.current.app.inject({ method: 'POST', url: '/ecpa/login/card/challenge', headers: { cookie: client.cookie, 'csrf-token': client.csrf }, remoteAddress: client.ip });
      const res = await client.post('/ecpa/login/card', { ret_code: '0', last_error: '0', signature });
      expect(res.statusCode).toBe(400);
    }
    const huge = await t.current.app.inject({ method: 'POST', url: '/ecpa/login/card', payload: 'signature=' + 'A'.repeat(2_000_000), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(huge.statusCode).toBeLessThan(500);
    const rows = await t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'ecpa.card.failure')));
    expect(rows.some((r) => (r.details as { reason?: string }).reason === 'too-large')).toBe(true);
    expect(rows.some((r) => (r.details as { reason?: string }).reason === 'not-cms')).toBe(true);
  });

  it('ECPA-2 a CRL signed by the wrong key is ignored and an expired CRL refuses with a clear message (loaded on refresh, not per request)', async () => {
    const now = new Date();
    const badCrl = await makeCrl({ issuer: pki.certs.moica, signer: pki.keys.impostor, claimedKey: pki.keys.moica.publicKey, revoked: [], thisUpdate: new Date(now.getTime() + 1000), nextUpdate: new Date(now.getTime() + 86_400_000) });
    writeFileSync(join(dir, 'moica.crl'), pem('X509 CRL', badCrl.rawData));
    const problems = await t.current.services.deps.ecpa.cardTrust.refresh();
    expect(problems.some((p) => p.includes('bad-signature'))).toBe(true);
    // The revoked card is still refused: the good CRL held before stays.
    expect((await cardSignIn(C.revoked)).res.body).toContain(esc(m['card.invalid.revoked']));
    const stale = await makeCrl({ issuer: pki.certs.moica, signer: pki.keys.moica, revoked: [], thisUpdate: new Date(now.getTime() - 10 * 86_400_000), nextUpdate: new Date(now.getTime() - 86_400_000) });
    // A fresh trust store that only ever saw the expired CRL.
    writeFileSync(join(dir, 'moica.crl'), pem('X509 CRL', stale.rawData));
    const { CardTrust } = await import('./card-trust.ts');
    const trust = new CardTrust(t.current.config.cards);
    await trust.refresh();
    const { verifyCardSignature } = await import('./card-verify.ts');
    const card = pki.cards.find((c) => c.id === C.civilServant)!;
    const sig = await signCms(Buffer.from('ab'.repeat(32)), { certDer: Buffer.from(card.certB64, 'base64'), keyPkcs8: Buffer.from(card.keyB64, 'base64') });
    const r = await verifyCardSignature({ signature: sig, challenge: 'ab'.repeat(32), trust: trust.snapshot(), now });
    expect(r).toMatchObject({ ok: false, refusal: 'crl-stale' });
    writeFileSync(join(dir, 'moica.crl'), pki.crlPem.moica);
  });

  /** The 健保卡 exchange as card-login.js does it, against the NHI component stand-in's protocol. */
  async function nhiSignIn(password: string, card = VIRTUAL_NHI_CARDS[0]!, tamper?: (sign: string) => string) {
    const nhi = new NhiStandin(nhiStandinKey(t.current.config));
    nhi.insert(card);
    const client = new HttpClient(t.current.app);
    await client.get('/ecpa/login');
    await t.current.app.inject({ method: 'POST', url: '/ecpa/login/card/challenge', headers: { cookie: client.cookie, 'csrf-token': client.csrf }, remoteAddress: client.ip });
    const value = (r: string) => r.slice(r.indexOf(':') + 1);
    const basic = value(nhi.answer('GetBasic'));
    const random = value(nhi.answer('GetVersion')) + value(nhi.answer('GetRandom'));
    const sign = value(nhi.answer(`H_Sign?Random=${random}`));
    const pwd = value(nhi.answer(`EnCrypt?Pwd=${encodeURIComponent(password)}`));
    const res = await client.post('/ecpa/login/nhi', { basic, random, sign: tamper ? tamper(sign) : sign, pwd });
    return { client, res };
  }

  it('ECPA-2 健保卡: the NhiVerifier stand-in accepts its own answer, refuses a forged one and a wrong password; 卸職 refused', async () => {
    const ok = await nhiSignIn('nhi12345');
    expect(ok.res.statusCode).toBe(303);
    expect(ok.res.headers.location).toBe('/ecpa/apps');
    expect((await ok.client.get('/ecpa/apps')).body).toContain('健保卡登入');
    const forged = await nhiSignIn('nhi12345', VIRTUAL_NHI_CARDS[0]!, (s) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1));
    expect(forged.res.statusCode).toBe(400);
    expect(forged.res.body).toContain(esc(m['card.badSignature']));
    const wrong = await nhiSignIn('nope1234');
    expect(wrong.res.body).toContain(esc(m['nhi.wrongPassword']));
    const left = await nhiSignIn('nhi12345', VIRTUAL_NHI_CARDS[1]!);
    expect(left.res.body).toContain(esc(m['bind.leftService']));
    const client = new HttpClient(t.current.app);
    await client.get('/ecpa/login');
    const noReader = await client.post('/ecpa/login/nhi', { error: '8013' });
    expect(noReader.body).toContain(esc(m['card.noReader']));
  });

  it('ECPA-2 the login page lets its script reach the NHI component (connect-src) and nothing else is loosened', async () => {
    const res = await t.current.app.inject({ method: 'GET', url: '/ecpa/login' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' wss://iccert.nhi.gov.tw:7777");
    expect(csp).toContain("script-src 'self'");
  });
});
