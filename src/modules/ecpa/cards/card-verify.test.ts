// ECPA-2 / ECPA-3 unit tests: each verification step on its own (one refusal code per eCPA message), the trust
// store's pinning and CRL checks, the component's error codes, the challenge and pending-card rules, the messages.
import { beforeAll, describe, expect, it } from 'vitest';
import { challengeState, CHALLENGE_TTL_MS } from './card-challenge.ts';
import { readPending, type CardReason } from './card-sign-in.ts';
import { cardProblemView } from './card-problems.ts';
import { cardMessages } from './cards.messages.ts';
import { checkCrl, CRL_PARSE_OPTIONS, loadCas } from './card-trust.ts';
import { readCrlFast } from './crl-fast.ts';
import {
  checkContent,
  checkKeyUsage,
  checkNotTest,
  checkRevocation,
  checkSignature,
  checkValidity,
  findIssuer,
  MAX_SIGNATURE_CHARS,
  parseSignedData,
  readHolder,
  verifyCardSignature,
  type TrustedCa,
  type TrustSnapshot,
} from './card-verify.ts';
import { signCms } from './cms-sign.ts';
import { parseAgencyOidMap } from './agency-oids.ts';
import { componentProblem, parseCode } from './hipki.rules.ts';
import { generateTestPki, makeCrl, TEST_CARD_IDS as C, type TestPki, type VirtualCardSpec } from './test-pki.ts';
import { derOf, normalSerial, x509 } from './pki.ts';
import { basicOf, localNhiVerifier, parseBasic, standinEncrypt, standinHSign, VIRTUAL_NHI_CARDS } from './nhi.ts';
import { NhiStandin } from './nhi-standin.ts';
import { loadConfig } from '../../../config.ts';

const CHALLENGE = 'ab'.repeat(32);
let pki: TestPki;
let trust: TrustSnapshot;
let cas: TrustedCa[];
const now = new Date();

const card = (id: string): VirtualCardSpec => pki.cards.find((c) => c.id === id)!;
const cert = (id: string) => new x509.X509Certificate(Buffer.from(card(id).certB64, 'base64'));
const sign = (id: string, content = CHALLENGE, chainFirst = false) =>
  signCms(Buffer.from(content, 'ascii'), { certDer: Buffer.from(card(id).certB64, 'base64'), chainDer: card(id).chainB64.map((b) => Buffer.from(b, 'base64')), keyPkcs8: Buffer.from(card(id).keyB64, 'base64'), chainFirst });

beforeAll(async () => {
  pki = await generateTestPki(now);
  const files: Record<string, string> = { root: pki.rootPem, moica: pki.caPem.moica, gca: pki.caPem.gca, gtest: pki.caPem.gtest };
  const read = async (f: string) => new Uint8Array(Buffer.from(files[f]!));
  cas = (await loadCas({ rootFiles: ['root'], moicaCaFiles: ['moica'], gcaCaFiles: ['gca'], testCaFiles: ['gtest'] }, read)).cas;
  for (const [ca, crlPem] of [
    [cas[0]!, pki.crlPem.moica],
    [cas[1]!, pki.crlPem.gca],
    [cas[2]!, pki.crlPem.gtest],
  ] as const) {
    const checked = await checkCrl(derOf(Buffer.from(crlPem)), cas);
    if (checked.ok) ca.crl = checked.crl;
  }
  trust = { cas: new Map(cas.map((c) => [c.keyId, c])) };
}, 60_000);

describe('ECPA-2 verification steps', () => {
  it('ECPA-2 parseSignedData refuses a huge body, non-base64, and base64 that is not CMS SignedData', () => {
    expect(parseSignedData('A'.repeat(MAX_SIGNATURE_CHARS + 1))).toMatchObject({ ok: false, refusal: 'too-large' });
    expect(parseSignedData('<script>')).toMatchObject({ ok: false, refusal: 'not-cms' });
    expect(parseSignedData(Buffer.from('hello world').toString('base64'))).toMatchObject({ ok: false, refusal: 'not-cms' });
    expect(parseSignedData(card(C.civilServant).certB64)).toMatchObject({ ok: false, refusal: 'not-cms' });
  });

  it('ECPA-2 checkContent: the signed content must be this session’s challenge', async () => {
    const cms = parseSignedData(await sign(C.civilServant, CHALLENGE));
    expect(cms.ok && checkContent(cms.value, CHALLENGE)).toMatchObject({ ok: true });
    expect(cms.ok && checkContent(cms.value, 'cd'.repeat(32))).toMatchObject({ ok: false, refusal: 'challenge-mismatch' });
  });

  it('ECPA-2 checkContent: a randomNonce signed attribute, when present, must be the challenge too', async () => {
    const c = card(C.civilServant);
    const base = { certDer: Buffer.from(c.certB64, 'base64'), keyPkcs8: Buffer.from(c.keyB64, 'base64') };
    const good = parseSignedData(await signCms(Buffer.from(CHALLENGE), { ...base, nonce: Buffer.from(CHALLENGE) }));
    expect(good.ok && checkContent(good.value, CHALLENGE)).toMatchObject({ ok: true });
    const bad = parseSignedData(await signCms(Buffer.from(CHALLENGE), { ...base, nonce: Buffer.from('cd'.repeat(32)) }));
    expect(bad.ok && checkContent(bad.value, CHALLENGE)).toMatchObject({ ok: false, refusal: 'challenge-mismatch' });
  });

  it('ECPA-2 checkSignature refuses a signature altered after signing', async () => {
    const good = await sign(C.civilServant);
    const bytes = Buffer.from(good, 'base64');
    bytes[bytes.length - 5]! ^= 0xff; // inside the signature value
    const cms = parseSignedData(bytes.toString('base64'));
    expect(cms.ok).toBe(true);
    if (cms.ok) expect(await checkSignature(cms.value)).toMatchObject({ ok: false, refusal: 'bad-signature' });
  });

  it('ECPA-2 checkKeyUsage refuses the encryption certificate', () => {
    expect(checkKeyUsage(cert(C.civilServant))).toMatchObject({ ok: true });
    expect(checkKeyUsage(cert(C.encryptionOnly))).toMatchObject({ ok: false, refusal: 'key-usage' });
  });

  it('ECPA-2 findIssuer goes by key identifier: a CA with MOICA’s very name under another root is untrusted', async () => {
    expect(await findIssuer(cert(C.civilServant), trust)).toMatchObject({ ok: true });
    expect(cert(C.untrusted).issuer).toBe(cert(C.civilServant).issuer);
    expect(await findIssuer(cert(C.untrusted), trust)).toMatchObject({ ok: false, refusal: 'untrusted' });
  });

  it('ECPA-2 a chain in the wrong order (CA first) changes nothing: the signer is found by its identifier, the untrusted stays untrusted', async () => {
    const good = await verifyCardSignature({ signature: await sign(C.civilServant, CHALLENGE, true), challenge: CHALLENGE, trust, now });
    expect(good.ok).toBe(true);
    const bad = await verifyCardSignature({ signature: await sign(C.untrusted, CHALLENGE, true), challenge: CHALLENGE, trust, now });
    expect(bad).toMatchObject({ ok: false, refusal: 'untrusted' });
    const revoked = await verifyCardSignature({ signature: await sign(C.revoked, CHALLENGE, true), challenge: CHALLENGE, trust, now });
    expect(revoked).toMatchObject({ ok: false, refusal: 'revoked' });
  });

  it('ECPA-3 checkNotTest refuses a chain through a test CA and gives the DN', async () => {
    const ca = await findIssuer(cert(C.gcaTest), trust);
    expect(ca.ok && checkNotTest(cert(C.gcaTest), ca.value)).toMatchObject({ ok: false, refusal: 'test-certificate', detail: 'C=TW, O=行政院, OU=測試機關' });
  });

  it('ECPA-3 checkValidity: expired and not yet valid', () => {
    expect(checkValidity(cert(C.expired), now)).toMatchObject({ ok: false, refusal: 'expired' });
    expect(checkValidity(cert(C.notYetValid), now)).toMatchObject({ ok: false, refusal: 'not-yet-valid' });
    expect(checkValidity(cert(C.civilServant), now)).toMatchObject({ ok: true });
  });

  it('ECPA-3 checkRevocation: listed serial revoked; no CRL or a stale one refuses', () => {
    const moica = cas[0]!;
    expect(checkRevocation(cert(C.revoked), moica, now)).toMatchObject({ ok: false, refusal: 'revoked' });
    expect(checkRevocation(cert(C.civilServant), moica, now)).toMatchObject({ ok: true });
    expect(checkRevocation(cert(C.civilServant), { ...moica, crl: null }, now)).toMatchObject({ ok: false, refusal: 'crl-stale' });
    expect(checkRevocation(cert(C.civilServant), moica, new Date(now.getTime() + 40 * 86_400_000))).toMatchObject({ ok: false, refusal: 'crl-stale' });
  });

  it('ECPA-3 readHolder: last four of the ID (2.16.886.1.100.2.51) and the agency OID (…2.102)', () => {
    expect(readHolder(cert(C.civilServant), cas[0]!)).toMatchObject({ ok: true, value: { kind: '自然人憑證', idLast4: '0468', serial: '4d4f0001' } });
    expect(readHolder(cert(C.gcaYilan), cas[1]!)).toMatchObject({ ok: true, value: { kind: '機關憑證', agencyOid: '2.16.886.101.99999.376420000' } });
  });
});

describe('ECPA-2 trust store', () => {
  it('ECPA-2 a CA not signed by a configured root is left out', async () => {
    const read = async (f: string) => new Uint8Array(Buffer.from(f === 'root' ? pki.rootPem : pki.caPem.moica));
    expect((await loadCas({ rootFiles: [], moicaCaFiles: ['moica'], gcaCaFiles: [], testCaFiles: [] }, read)).cas).toHaveLength(0);
    expect((await loadCas({ rootFiles: ['root'], moicaCaFiles: ['moica'], gcaCaFiles: [], testCaFiles: [] }, read)).cas).toHaveLength(1);
  });

  it('ECPA-2 a CRL signed by the wrong key is refused; an unreadable one too', async () => {
    const bad = await makeCrl({ issuer: pki.certs.moica, signer: pki.keys.impostor, claimedKey: pki.keys.moica.publicKey, revoked: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000) });
    expect(await checkCrl(new Uint8Array(bad.rawData), cas)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await checkCrl(new Uint8Array([1, 2, 3]), cas)).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('ECPA-2 a large CRL (3,000 serials, beyond asn1js’s default 10,000-node limit) loads and is used', async () => {
    const revoked = Array.from({ length: 3000 }, (_, i) => (0x10000000 + i).toString(16));
    const big = await makeCrl({ issuer: pki.certs.moica, signer: pki.keys.moica, revoked: [...revoked, '4d4f0001'], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000) });
    const checked = await checkCrl(new Uint8Array(big.rawData), cas);
    expect(checked.ok && checked.crl.revoked.size).toBe(3001);
    if (checked.ok) expect(checkRevocation(cert(C.civilServant), { ...cas[0]!, crl: checked.crl }, now)).toMatchObject({ ok: false, refusal: 'revoked' });
    // The one-pass reader and the general parser agree on every field.
    const fast = readCrlFast(new Uint8Array(big.rawData))!;
    const slow = new x509.X509Crl(big.rawData, CRL_PARSE_OPTIONS);
    expect([...fast.revoked].sort()).toEqual(slow.entries.map((e) => normalSerial(e.serialNumber)).sort());
    expect([fast.thisUpdate.getTime(), fast.nextUpdate?.getTime()]).toEqual([slow.thisUpdate.getTime(), slow.nextUpdate?.getTime()]);
    expect(fast.keyId).toBe(cas[0]!.keyId);
    expect(fast.verify(new Uint8Array(pki.certs.moica.publicKey.rawData))).toBe(true);
    expect(fast.verify(new Uint8Array(pki.certs.gca.publicKey.rawData))).toBe(false);
    expect(readCrlFast(new Uint8Array([0x30, 0x85, 1]))).toBeNull();
  }, 60_000);

  it('ECPA-3 the agency-OID mapping keeps only well-formed OIDs and 機關代碼', () => {
    const map = parseAgencyOidMap({ '2.16.886.101.1': '376420000A', 'x.y': '376420000A', '2.16.886.101.2': 'bad' });
    expect([...map]).toEqual([['2.16.886.101.1', '376420000A']]);
  });
});

describe('ECPA-3 the component’s error codes', () => {
  it('ECPA-3 maps ret_code/last_error (signed 32-bit) to wrong PIN with tries left, locked, no reader, no card, cancel, domain', () => {
    expect(componentProblem(0x76100006, 0x80000002 | 0)).toBe('wrong-pin-2');
    expect(componentProblem(0x76100006, -2147483647)).toBe('wrong-pin-1');
    expect(componentProblem(0x76100006, 0xa4)).toBe('locked');
    expect(componentProblem(0x76100006, 0xa0)).toBe('wrong-pin');
    expect(componentProblem(0x76100003, 0)).toBe('no-reader');
    expect(componentProblem(0x76000006, 0)).toBe('no-card');
    expect(componentProblem(0x76000999, 0)).toBe('cancelled');
    expect(componentProblem(0x7600000f, 0)).toBe('domain-not-trusted');
    expect(componentProblem(0x76300008, 0)).toBe('component-error');
    expect(parseCode('-2147483646')).toBe(0x80000002 | 0);
    expect(parseCode('0x76100006')).toBe(0x76100006);
    expect(parseCode('abc')).toBeNull();
  });

  it('ECPA-3 every refusal has a message in both languages; locked shows the CA’s unlock link', () => {
    const reasons: CardReason[] = ['expired', 'revoked', 'not-yet-valid', 'untrusted', 'key-usage', 'holder-unknown', 'crl-stale', 'wrong-pin', 'wrong-pin-2', 'wrong-pin-1', 'pin-format', 'locked', 'no-reader', 'no-card', 'cancelled', 'popup-blocked', 'component-missing', 'domain-not-trusted', 'component-error', 'no-challenge', 'challenge-expired', 'too-large', 'not-cms', 'bad-signature', 'challenge-mismatch', 'test-certificate', 'unknown-agency', 'left-service', 'disabled', 'not-in-hrdb', 'not-owner', 'not-agency-staff', 'already-bound', 'pending-expired'];
    const c = { unlock: { moica: 'https://m.example/unlock', gca: 'https://g.example/unlock' }, componentUrl: 'http://localhost:61161' };
    for (const locale of ['zh-TW', 'en'] as const) for (const r of reasons) expect(cardProblemView(cardMessages(locale), r, c).text.length, r).toBeGreaterThan(5);
    expect(cardProblemView(cardMessages('zh-TW'), 'locked', { ...c, caKind: 'moica' }).links.map((l) => l.href)).toEqual(['https://m.example/unlock']);
    expect(cardProblemView(cardMessages('zh-TW'), 'locked', c).links).toHaveLength(2);
  });
});

describe('ECPA-2 challenge and pending card', () => {
  it('ECPA-2 a challenge is hex, 5 minutes; older or malformed counts as expired or none', () => {
    const value = 'a'.repeat(64);
    expect(challengeState({ value, issuedAt: now.toISOString() }, now)).toEqual({ kind: 'ok', value });
    expect(challengeState({ value, issuedAt: new Date(now.getTime() - CHALLENGE_TTL_MS - 1).toISOString() }, now)).toEqual({ kind: 'expired' });
    expect(challengeState({ value: 'a+b%', issuedAt: now.toISOString() }, now)).toEqual({ kind: 'none' });
    expect(challengeState(undefined, now)).toEqual({ kind: 'none' });
  });

  it('ECPA-3 a pending card lasts 5 minutes', () => {
    const p = { kind: '自然人憑證', issuer: 'x', serial: '1', subject: 's', caKind: 'moica', idLast4: '0468', at: now.toISOString() };
    expect(readPending(p, now)).not.toBeNull();
    expect(readPending(p, new Date(now.getTime() + 6 * 60_000))).toBeNull();
    expect(readPending({ ...p, kind: 'x' }, now)).toBeNull();
  });
});

describe('ECPA-2 健保卡 NhiVerifier stand-in', () => {
  const key = 'k'.repeat(43);
  const card = VIRTUAL_NHI_CARDS[0]!;
  const verifier = localNhiVerifier(key, new Map([[card.cardNo, card.password]]));
  const random = '00011234567890123456';
  const answer = { basic: basicOf(card), random, sign: standinHSign(key, basicOf(card), random), pwd: standinEncrypt(key, card.cardNo, random, card.password) };

  it('ECPA-2 accepts the stand-in component’s own answer and reads the holder from GetBasic', async () => {
    expect(await verifier.verify(answer)).toEqual({ ok: true, holder: { cardNo: card.cardNo, nationalId: card.nationalId, name: card.name } });
    expect(parseBasic('x,y')).toBeNull();
  });

  it('ECPA-2 refuses a forged H_Sign (another key), another random, a wrong password, and malformed fields', async () => {
    expect(await verifier.verify({ ...answer, sign: standinHSign('other'.repeat(9), basicOf(card), random) })).toEqual({ ok: false, reason: 'nhi-bad-signature' });
    expect(await verifier.verify({ ...answer, random: '00019999999999999999' })).toEqual({ ok: false, reason: 'nhi-bad-signature' });
    expect(await verifier.verify({ ...answer, pwd: standinEncrypt(key, card.cardNo, random, 'wrong') })).toEqual({ ok: false, reason: 'nhi-wrong-password' });
    expect(await verifier.verify({ ...answer, sign: 'zz' })).toEqual({ ok: false, reason: 'nhi-bad-format' });
  });

  it('ECPA-3 the NHI component stand-in answers no reader (8013) and no card (8011) as bare codes', () => {
    const nhi = new NhiStandin(key);
    expect(nhi.answer('GetBasic')).toBe('8011');
    nhi.insert(card);
    expect(nhi.answer('GetBasic')).toBe(`GetBasic:${basicOf(card)}`);
    expect(nhi.answer('Nope')).toBe('9999');
    nhi.noReader();
    expect(nhi.answer('GetBasic')).toBe('8013');
  });

  it('ECPA-2 production refuses HIPKI_DEV and the local NHI stand-in; it has no NHI verifier by default', () => {
    const prod = { NODE_ENV: 'production', DATA_DIR: '/tmp/sqr-prod-config', SESSION_SECRET: 's'.repeat(40), DATA_KEY: 'd'.repeat(40), SMTP_URL: 'smtp://127.0.0.1:1' };
    expect(() => loadConfig({ ...prod, HIPKI_DEV: '1' })).toThrow(/HIPKI_DEV/);
    expect(() => loadConfig({ ...prod, NHI_VERIFIER: 'local' })).toThrow(/NHI_VERIFIER/);
    expect(loadConfig(prod).cards.nhi.verifier).toBe('none');
    expect(loadConfig(prod).cards.dev).toBeNull();
  });

  it('ECPA-2 `npm start` in development has the demo cards by default (HIPKI_DEV=0 turns them off); tests only when asked', () => {
    const dir = { DATA_DIR: '/tmp/sqr-dev-config' };
    expect(loadConfig(dir).cards.dev).toMatchObject({ dir: '/tmp/sqr-dev-config/hipki-dev', port: 61161, nhiPort: 61162 });
    expect(loadConfig(dir).cards.rootFiles).toEqual(['/tmp/sqr-dev-config/hipki-dev/grca-root.pem']);
    expect(loadConfig({ ...dir, HIPKI_DEV: '0' }).cards.dev).toBeNull();
    expect(loadConfig({ ...dir, SEED_DEMO: '0' }).cards.dev).toBeNull();
    expect(loadConfig({ ...dir, NODE_ENV: 'test' }).cards.dev).toBeNull();
    expect(loadConfig({ ...dir, NODE_ENV: 'test', HIPKI_DEV: '1' }).cards.dev).not.toBeNull();
  });
});
