// ECPA-2: the server's check of a card's signature over a one-time challenge. Each step is a function of its
// inputs (no I/O; the trusted CAs and their CRLs come in as a snapshot loaded on a schedule, card-trust.ts) and
// answers one refusal code, so that each eCPA message (ECPA-3) has exactly one cause. Order (pki-notes §5):
// size → CMS SignedData with one signer and attached content → content equals the challenge → signature →
// keyUsage digitalSignature → issuer found by Authority Key Identifier among the configured CAs and the
// certificate verifies with that CA's key (never by name, never by the position in the bag of certificates) →
// test CA refused → notBefore/notAfter → that CA's CRL is current and does not list the serial → holder fields.
import * as asn1js from 'asn1js';
import { OID, parseDirectoryAttributes, type DirectoryAttributes } from './cert-fields.ts';
import { arrayBuffer, normalSerial, pkijs, toHex, x509 } from './pki.ts';

/** The largest signature accepted (base64 characters): a CMS with a 4096-bit certificate chain is ~6 KB. */
export const MAX_SIGNATURE_CHARS = 32 * 1024;

export type CaKind = 'moica' | 'gca' | 'test';
export type CardKind = '自然人憑證' | '機關憑證';

export interface LoadedCrl {
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revoked serial numbers (normalSerial). */
  revoked: ReadonlySet<string>;
}

export interface TrustedCa {
  cert: x509.X509Certificate;
  /** Subject Key Identifier, lower-case hex: how certificates name their issuer. */
  keyId: string;
  kind: CaKind;
  crl: LoadedCrl | null;
}

export interface TrustSnapshot {
  readonly cas: ReadonlyMap<string, TrustedCa>;
}

export type CardRefusal =
  | 'too-large'
  | 'not-cms'
  | 'challenge-mismatch'
  | 'bad-signature'
  | 'key-usage'
  | 'untrusted'
  | 'test-certificate'
  | 'not-yet-valid'
  | 'expired'
  | 'crl-stale'
  | 'revoked'
  | 'holder-unknown';

export type Step<T> = { ok: true; value: T } | { ok: false; refusal: CardRefusal; detail?: string };

const ok = <T>(value: T): Step<T> => ({ ok: true, value });
const no = (refusal: CardRefusal, detail?: string): Step<never> => ({ ok: false, refusal, ...(detail !== undefined ? { detail } : {}) });

export interface ParsedCms {
  signedData: pkijs.SignedData;
  content: Uint8Array;
}

/** Step 1–2: base64 of a CMS ContentInfo holding SignedData with exactly one signer and attached content. */
export function parseSignedData(signatureB64: string): Step<ParsedCms> {
  if (signatureB64.length > MAX_SIGNATURE_CHARS) return no('too-large');
  const clean = signatureB64.replace(/\s+/g, '');
  if (clean.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return no('not-cms');
  try {
    const der = new Uint8Array(Buffer.from(clean, 'base64'));
    const asn = asn1js.fromBER(arrayBuffer(der));
    if (asn.offset === -1) return no('not-cms');
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return no('not-cms');
    const signedData = new pkijs.SignedData({ schema: info.content });
    if (signedData.signerInfos.length !== 1 || !signedData.encapContentInfo.eContent) return no('not-cms');
    const content = new Uint8Array(signedData.encapContentInfo.eContent.getValue());
    return ok({ signedData, content });
  } catch {
    return no('not-cms');
  }
}

/** The signed attribute randomNonce (RFC 6211-style, 1.2.840.113549.1.9.25.3), when the component adds one. */
export const RANDOM_NONCE_OID = '1.2.840.113549.1.9.25.3';

/** Step 3: the signed content is the challenge this session was given (ASCII hex), and so is randomNonce when present. */
export function checkContent(cms: ParsedCms, challenge: string): Step<true> {
  const expected = Buffer.from(challenge, 'ascii');
  if (!Buffer.from(cms.content).equals(expected)) return no('challenge-mismatch');
  const nonce = cms.signedData.signerInfos[0]?.signedAttrs?.attributes.find((a) => a.type === RANDOM_NONCE_OID);
  if (nonce) {
    const value = nonce.values[0];
    if (!(value instanceof asn1js.OctetString) || !Buffer.from(value.getValue()).equals(expected)) return no('challenge-mismatch');
  }
  return ok(true);
}

/** Step 4: the signature verifies with the signer's certificate (chain not looked at here: checkChain false). */
export async function checkSignature(cms: ParsedCms): Promise<Step<x509.X509Certificate>> {
  try {
    const result = await cms.signedData.verify({ signer: 0, checkChain: false, extendedMode: true });
    if (!result.signatureVerified || !result.signerCertificate) return no('bad-signature');
    return ok(new x509.X509Certificate(arrayBuffer(new Uint8Array(result.signerCertificate.toSchema().toBER()))));
  } catch {
    return no('bad-signature');
  }
}

/** Step 5: a signing certificate (keyUsage digitalSignature), not the card's encryption certificate. */
export function checkKeyUsage(cert: x509.X509Certificate): Step<true> {
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  return ku && (ku.usages & x509.KeyUsageFlags.digitalSignature) !== 0 ? ok(true) : no('key-usage');
}

/** Step 6: the issuer among the configured CAs, found by Authority Key Identifier; the certificate verifies with its key. */
export async function findIssuer(cert: x509.X509Certificate, trust: TrustSnapshot): Promise<Step<TrustedCa>> {
  const aki = cert.getExtension(x509.AuthorityKeyIdentifierExtension);
  const keyId = aki?.keyId?.toLowerCase();
  const ca = keyId ? trust.cas.get(keyId) : undefined;
  if (!ca) return no('untrusted', cert.issuer);
  try {
    const good = await cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true });
    return good ? ok(ca) : no('untrusted', cert.issuer);
  } catch {
    return no('untrusted', cert.issuer);
  }
}

/** Step 7: a chain through a CA configured as a test CA (政府測試憑證管理中心) is refused; the message shows the DN. */
export function checkNotTest(cert: x509.X509Certificate, ca: TrustedCa): Step<true> {
  return ca.kind === 'test' ? no('test-certificate', cert.subject) : ok(true);
}

/** Step 8: notBefore ≤ now ≤ notAfter. */
export function checkValidity(cert: x509.X509Certificate, now: Date): Step<true> {
  if (now.getTime() < cert.notBefore.getTime()) return no('not-yet-valid');
  if (now.getTime() > cert.notAfter.getTime()) return no('expired');
  return ok(true);
}

/** Step 9: the CA's CRL (loaded on a schedule, signature checked then) is current and does not list the serial. */
export function checkRevocation(cert: x509.X509Certificate, ca: TrustedCa, now: Date): Step<true> {
  const crl = ca.crl;
  if (!crl || !crl.nextUpdate || crl.nextUpdate.getTime() < now.getTime()) return no('crl-stale', ca.cert.subject);
  return crl.revoked.has(normalSerial(cert.serialNumber)) ? no('revoked') : ok(true);
}

export interface CardHolder {
  kind: CardKind;
  /** Issuer DN and serial (hex): the certificate_bindings key. */
  issuer: string;
  serial: string;
  subject: string;
  caKind: CaKind;
  caKeyId: string;
  idLast4?: string;
  agencyOid?: string;
}

/** Step 10: who holds the card: a 自然人憑證 carries the last four of the ID, a 機關憑證 the agency OID. */
export function readHolder(cert: x509.X509Certificate, ca: TrustedCa): Step<CardHolder> {
  const ext = cert.getExtension(OID.subjectDirectoryAttributes);
  const attrs: DirectoryAttributes = ext ? parseDirectoryAttributes(new Uint8Array(ext.value)) : {};
  const base = { issuer: cert.issuer, serial: normalSerial(cert.serialNumber), subject: cert.subject, caKind: ca.kind, caKeyId: ca.keyId };
  if (ca.kind === 'moica') {
    return attrs.idLast4 && /^\d{4}$/.test(attrs.idLast4) ? ok({ ...base, kind: '自然人憑證', idLast4: attrs.idLast4 }) : no('holder-unknown');
  }
  return attrs.agencyOid ? ok({ ...base, kind: '機關憑證', agencyOid: attrs.agencyOid }) : no('holder-unknown');
}

/** Every step in order; the first refusal wins. */
export async function verifyCardSignature(input: { signature: string; challenge: string; trust: TrustSnapshot; now: Date }): Promise<Step<CardHolder>> {
  const cms = parseSignedData(input.signature);
  if (!cms.ok) return cms;
  const content = checkContent(cms.value, input.challenge);
  if (!content.ok) return content;
  const signer = await checkSignature(cms.value);
  if (!signer.ok) return signer;
  const cert = signer.value;
  const usage = checkKeyUsage(cert);
  if (!usage.ok) return usage;
  const ca = await findIssuer(cert, input.trust);
  if (!ca.ok) return ca;
  const notTest = checkNotTest(cert, ca.value);
  if (!notTest.ok) return notTest;
  const dates = checkValidity(cert, input.now);
  if (!dates.ok) return dates;
  const revocation = checkRevocation(cert, ca.value, input.now);
  if (!revocation.ok) return revocation;
  return readHolder(cert, ca.value);
}

export const keyIdHex = (buf: ArrayBuffer): string => toHex(buf);
