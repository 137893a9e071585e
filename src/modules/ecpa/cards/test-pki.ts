// A test PKI made at test time (and for `npm start` with HIPKI_DEV=1 outside production, into DATA_DIR): a GRCA-like
// root; MOICA-, GCA- and 政府測試憑證管理中心-like CAs with the real OU names; an impostor CA with MOICA's very name
// under another root (trusted by nobody: a name proves nothing); certificates for the virtual cards of the
// component stand-in (hipki-standin.ts); CRLs. Nothing here is used in production.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { encodeDirectoryAttributes } from './cert-fields.ts';
import { OID } from './cert-fields.ts';
import { RSA_SHA256, x509 } from './pki.ts';

const DAY = 86_400_000;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const TEST_PKI_NAMES = {
  root: 'C=TW, O=行政院, OU=政府憑證總管理中心',
  moica: 'C=TW, O=行政院, OU=內政部憑證管理中心',
  gca: 'C=TW, O=行政院, OU=政府憑證管理中心',
  gtest: 'C=TW, O=行政院, OU=政府測試憑證管理中心',
  impostorRoot: 'C=TW, O=Example, OU=Not A Root',
} as const;

/** Agency OIDs of the test 機關憑證 (a made-up arc, not real government OIDs) and the 機關代碼 they map to. */
export const TEST_AGENCY_OIDS = {
  yilan: { oid: '2.16.886.101.99999.376420000', agencyCode: '376420000A' },
  keelung: { oid: '2.16.886.101.99999.376570000', agencyCode: '376570000A' },
  /** Mapped to a code that is not in the agency code table (「…不存在於本總處機關代碼檔中」). */
  unknown: { oid: '2.16.886.101.99999.999999999', agencyCode: 'AAC000000A' },
} as const;

export type VirtualCardState = 'ok' | 'no-reader' | 'no-card' | 'cancel';

export interface VirtualCardSpec {
  id: string;
  label: string;
  pin: string;
  kind: '自然人憑證' | '機關憑證';
  /** Who it is for in the demo (README). */
  holder: string;
  /** DER of the signing certificate, base64. */
  certB64: string;
  /** PKCS#8 of its private key, base64 (the stand-in holds keys itself: pki-notes §5). */
  keyB64: string;
  /** Extra certificates the card's signature carries (its CA), base64 DER. */
  chainB64: string[];
}

export interface TestPki {
  dir?: string;
  rootPem: string;
  caPem: { moica: string; gca: string; gtest: string };
  crlPem: { moica: string; gca: string; gtest: string };
  /** Agency OID → 機關代碼. */
  agencyOids: Record<string, string>;
  cards: VirtualCardSpec[];
  /** For tests that make their own certificates or CRLs (a CRL signed by the wrong key, an expired CRL). */
  keys: { moica: CryptoKeyPair; gca: CryptoKeyPair; impostor: CryptoKeyPair };
  certs: { moica: x509.X509Certificate; gca: x509.X509Certificate; gtest: x509.X509Certificate };
}

const RSA_GEN = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as const;

async function keys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA_GEN, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function caCert(opts: { serial: string; subject: string; issuer: string; keys: CryptoKeyPair; signer: CryptoKeyPair; now: Date }) {
  return x509.X509CertificateGenerator.create({
    serialNumber: opts.serial,
    subject: opts.subject,
    issuer: opts.issuer,
    notBefore: new Date(opts.now.getTime() - 365 * DAY),
    notAfter: new Date(opts.now.getTime() + 10 * 365 * DAY),
    publicKey: opts.keys.publicKey,
    signingKey: opts.signer.privateKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(opts.keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(opts.signer.publicKey),
    ],
  });
}

interface CardOpts {
  id: string;
  label: string;
  holder: string;
  kind: '自然人憑證' | '機關憑證';
  serial: string;
  subject: string;
  ca: { cert: x509.X509Certificate; keys: CryptoKeyPair };
  notBefore: Date;
  notAfter: Date;
  idLast4?: string;
  agencyOid?: string;
  usage?: number;
  pin?: string;
}

export async function makeCardCertificate(o: CardOpts & { keys: CryptoKeyPair }): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: o.serial,
    subject: o.subject,
    issuer: o.ca.cert.subject,
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    publicKey: o.keys.publicKey,
    signingKey: o.ca.keys.privateKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.KeyUsagesExtension(o.usage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(o.keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(o.ca.keys.publicKey),
      new x509.Extension(OID.subjectDirectoryAttributes, false, encodeDirectoryAttributes({ ...(o.idLast4 ? { idLast4: o.idLast4 } : {}), ...(o.agencyOid ? { agencyOid: o.agencyOid } : {}) })),
    ],
  });
}

async function card(o: CardOpts): Promise<VirtualCardSpec> {
  const k = await keys();
  const cert = await makeCardCertificate({ ...o, keys: k });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', k.privateKey);
  return {
    id: o.id,
    label: o.label,
    pin: o.pin ?? '123456',
    kind: o.kind,
    holder: o.holder,
    certB64: Buffer.from(cert.rawData).toString('base64'),
    keyB64: Buffer.from(pkcs8).toString('base64'),
    chainB64: [Buffer.from(o.ca.cert.rawData).toString('base64')],
  };
}

export async function makeCrl(opts: { issuer: x509.X509Certificate; signer: CryptoKeyPair; revoked: string[]; thisUpdate: Date; nextUpdate: Date; claimedKey?: webcrypto.CryptoKey }): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: opts.issuer.subject,
    thisUpdate: opts.thisUpdate,
    nextUpdate: opts.nextUpdate,
    entries: opts.revoked.map((serialNumber) => ({ serialNumber, revocationDate: opts.thisUpdate, reason: x509.X509CrlReason.keyCompromise })),
    signingAlgorithm: RSA_SHA256,
    signingKey: opts.signer.privateKey,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(opts.claimedKey ?? opts.signer.publicKey)],
  });
}

/** PEM as OpenSSL writes it (`X509 CRL`, trailing newline; pki-notes §5). */
export function pem(label: 'CERTIFICATE' | 'X509 CRL', der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** The demo and test cards (README.md lists them). Last four of the ID numbers of the well-known HR people. */
export const TEST_CARD_IDS = {
  civilServant: 'moica-civil-servant',
  yilanHr: 'moica-yilan-hr',
  revoked: 'moica-revoked',
  expired: 'moica-expired',
  notYetValid: 'moica-not-yet-valid',
  wrongOwner: 'moica-wrong-owner',
  leftService: 'moica-left-service',
  untrusted: 'moica-untrusted',
  encryptionOnly: 'moica-encryption-only',
  gcaYilan: 'gca-yilan',
  gcaUnknown: 'gca-unknown-agency',
  gcaTest: 'gca-test',
} as const;

export async function generateTestPki(now: Date = new Date()): Promise<TestPki> {
  const [rootK, moicaK, gcaK, gtestK, impRootK, impK] = await Promise.all([keys(), keys(), keys(), keys(), keys(), keys()]);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: TEST_PKI_NAMES.root,
    notBefore: new Date(now.getTime() - 2 * 365 * DAY),
    notAfter: new Date(now.getTime() + 20 * 365 * DAY),
    keys: rootK,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootK.publicKey),
    ],
  });
  const moica = await caCert({ serial: '10', subject: TEST_PKI_NAMES.moica, issuer: TEST_PKI_NAMES.root, keys: moicaK, signer: rootK, now });
  const gca = await caCert({ serial: '11', subject: TEST_PKI_NAMES.gca, issuer: TEST_PKI_NAMES.root, keys: gcaK, signer: rootK, now });
  const gtest = await caCert({ serial: '12', subject: TEST_PKI_NAMES.gtest, issuer: TEST_PKI_NAMES.root, keys: gtestK, signer: rootK, now });
  const impostor = await caCert({ serial: '13', subject: TEST_PKI_NAMES.moica, issuer: TEST_PKI_NAMES.impostorRoot, keys: impK, signer: impRootK, now });

  const valid = { notBefore: new Date(now.getTime() - 30 * DAY), notAfter: new Date(now.getTime() + 5 * 365 * DAY) };
  const M = { cert: moica, keys: moicaK };
  const G = { cert: gca, keys: gcaK };
  const T = TEST_CARD_IDS;
  const person = (cn: string, sn: string) => `C=TW, CN=${cn}, 2.5.4.5=${sn}`;
  const agency = (ou: string) => `C=TW, O=行政院, OU=${ou}`;
  const cards = await Promise.all([
    card({ id: T.civilServant, label: '自然人憑證（張家豪）', holder: 'civil.servant 張家豪 (A128730468)', kind: '自然人憑證', serial: '4d4f0001', subject: person('張家豪', '0000000000000468'), ca: M, ...valid, idLast4: '0468' }),
    card({ id: T.yilanHr, label: '自然人憑證（宜蘭縣政府人事）', holder: 'yilan.hr (G203457162)', kind: '自然人憑證', serial: '4d4f0002', subject: person('宜蘭人事', '0000000000007162'), ca: M, ...valid, idLast4: '7162' }),
    card({ id: T.revoked, label: '自然人憑證（已廢止）', holder: 'keelung.hr (C109823548), revoked', kind: '自然人憑證', serial: '4d4f0003', subject: person('基隆人事', '0000000000003548'), ca: M, ...valid, idLast4: '3548' }),
    card({ id: T.expired, label: '自然人憑證（已過期）', holder: 'civil.servant, expired', kind: '自然人憑證', serial: '4d4f0004', subject: person('張家豪', '0000000000000468'), ca: M, notBefore: new Date(now.getTime() - 6 * 365 * DAY), notAfter: new Date(now.getTime() - DAY), idLast4: '0468' }),
    card({ id: T.notYetValid, label: '自然人憑證（尚未生效）', holder: 'civil.servant, not yet valid', kind: '自然人憑證', serial: '4d4f0005', subject: person('張家豪', '0000000000000468'), ca: M, notBefore: new Date(now.getTime() + 10 * DAY), notAfter: new Date(now.getTime() + 5 * 365 * DAY), idLast4: '0468' }),
    card({ id: T.wrongOwner, label: '自然人憑證（他人）', holder: 'someone else (ID ending 9999)', kind: '自然人憑證', serial: '4d4f0006', subject: person('王小明', '0000000000009999'), ca: M, ...valid, idLast4: '9999' }),
    card({ id: T.leftService, label: '自然人憑證（李淑芬，已卸職）', holder: 'left.service 李淑芬 (G205193723)', kind: '自然人憑證', serial: '4d4f0007', subject: person('李淑芬', '0000000000003723'), ca: M, ...valid, idLast4: '3723' }),
    card({ id: T.untrusted, label: '自然人憑證（不受信任）', holder: 'civil.servant, issued by an impostor CA named 內政部憑證管理中心', kind: '自然人憑證', serial: '4d4f0001', subject: person('張家豪', '0000000000000468'), ca: { cert: impostor, keys: impK }, ...valid, idLast4: '0468' }),
    card({ id: T.encryptionOnly, label: '自然人憑證（加密用憑證）', holder: 'civil.servant, the encryption certificate', kind: '自然人憑證', serial: '4d4f0008', subject: person('張家豪', '0000000000000468'), ca: M, ...valid, idLast4: '0468', usage: x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment }),
    card({ id: T.gcaYilan, label: '機關憑證（宜蘭縣政府）', holder: '宜蘭縣政府 376420000A (signs in yilan.hr once bound)', kind: '機關憑證', serial: '47430001', subject: agency('宜蘭縣政府'), ca: G, ...valid, agencyOid: TEST_AGENCY_OIDS.yilan.oid, pin: '12345678' }),
    card({ id: T.gcaUnknown, label: '機關憑證（代碼不存在）', holder: 'an agency whose code is not in the code table', kind: '機關憑證', serial: '47430002', subject: agency('測試未登錄機關'), ca: G, ...valid, agencyOid: TEST_AGENCY_OIDS.unknown.oid, pin: '12345678' }),
    card({ id: T.gcaTest, label: '機關憑證（測試憑證）', holder: 'a 政府測試憑證管理中心 test certificate', kind: '機關憑證', serial: '54450001', subject: agency('測試機關'), ca: { cert: gtest, keys: gtestK }, ...valid, agencyOid: TEST_AGENCY_OIDS.yilan.oid, pin: '12345678' }),
  ]);
  const thisUpdate = new Date(now.getTime() - DAY);
  const nextUpdate = new Date(now.getTime() + 30 * DAY);
  const [moicaCrl, gcaCrl, gtestCrl] = await Promise.all([
    makeCrl({ issuer: moica, signer: moicaK, revoked: ['4d4f0003'], thisUpdate, nextUpdate }),
    makeCrl({ issuer: gca, signer: gcaK, revoked: [], thisUpdate, nextUpdate }),
    makeCrl({ issuer: gtest, signer: gtestK, revoked: [], thisUpdate, nextUpdate }),
  ]);
  const agencyOids = Object.fromEntries(Object.values(TEST_AGENCY_OIDS).map((a) => [a.oid, a.agencyCode]));
  return {
    rootPem: pem('CERTIFICATE', root.rawData),
    caPem: { moica: pem('CERTIFICATE', moica.rawData), gca: pem('CERTIFICATE', gca.rawData), gtest: pem('CERTIFICATE', gtest.rawData) },
    crlPem: { moica: pem('X509 CRL', moicaCrl.rawData), gca: pem('X509 CRL', gcaCrl.rawData), gtest: pem('X509 CRL', gtestCrl.rawData) },
    agencyOids,
    cards,
    keys: { moica: moicaK, gca: gcaK, impostor: impK },
    certs: { moica, gca, gtest },
  };
}

/** The files a configuration points to (testPkiEnv). */
export const TEST_PKI_FILES = {
  root: 'grca-root.pem',
  moica: 'moica-ca.pem',
  gca: 'gca-ca.pem',
  gtest: 'gtest-ca.pem',
  moicaCrl: 'moica.crl',
  gcaCrl: 'gca.crl',
  gtestCrl: 'gtest.crl',
  agencyOids: 'agency-oids.json',
  cards: 'virtual-cards.json',
} as const;

/** Writes the PKI into `dir` (certificates, CRLs, the agency-OID mapping, the virtual cards for the stand-in). */
export function writeTestPki(pki: TestPki, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const F = TEST_PKI_FILES;
  writeFileSync(join(dir, F.root), pki.rootPem);
  writeFileSync(join(dir, F.moica), pki.caPem.moica);
  writeFileSync(join(dir, F.gca), pki.caPem.gca);
  writeFileSync(join(dir, F.gtest), pki.caPem.gtest);
  writeFileSync(join(dir, F.moicaCrl), pki.crlPem.moica);
  writeFileSync(join(dir, F.gcaCrl), pki.crlPem.gca);
  writeFileSync(join(dir, F.gtestCrl), pki.crlPem.gtest);
  writeFileSync(join(dir, F.agencyOids), JSON.stringify(pki.agencyOids, null, 2));
  writeFileSync(join(dir, F.cards), JSON.stringify(pki.cards, null, 2), { mode: 0o600 });
}

/** The environment variables (src/config.ts) of a PKI written into `dir`. */
export function testPkiEnv(dir: string, componentUrl?: string): Record<string, string> {
  const F = TEST_PKI_FILES;
  const p = (f: string) => join(dir, f);
  return {
    CARD_ROOT_FILES: p(F.root),
    CARD_MOICA_CA_FILES: p(F.moica),
    CARD_GCA_CA_FILES: p(F.gca),
    CARD_TEST_CA_FILES: p(F.gtest),
    CARD_CRL_LOCATIONS: [p(F.moicaCrl), p(F.gcaCrl), p(F.gtestCrl)].join(','),
    CARD_AGENCY_OID_MAP_FILE: p(F.agencyOids),
    ...(componentUrl ? { HIPKI_URL: componentUrl } : {}),
  };
}
