// The two PKI libraries, set up once (ADR 0015): @peculiar/x509 for certificates and CRLs (it needs
// reflect-metadata loaded first), pkijs for CMS SignedData only. Bytes cross between them as DER (they pull
// different asn1js majors).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

x509.cryptoProvider.set(webcrypto as never);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));

export { x509, pkijs };

/** RSASSA-PKCS1-v1_5 with SHA-256: what the GPKI cards and CAs sign with. */
export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export function toHex(buf: ArrayBuffer | Uint8Array): string {
  return Buffer.from(buf instanceof Uint8Array ? buf : new Uint8Array(buf)).toString('hex');
}

/** A fresh ArrayBuffer holding exactly `bytes` (pkijs and asn1js want ArrayBuffers, not Buffer views). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

/** Certificate serial numbers compared as lower-case hex without leading zeros. */
export function normalSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, '');
}

/** DER from PEM (any label: CERTIFICATE, X509 CRL, CRL) or DER as is. */
export function derOf(data: Uint8Array): Uint8Array {
  const text = Buffer.from(data.subarray(0, 64)).toString('latin1');
  if (!text.includes('-----BEGIN')) return data;
  const body = Buffer.from(data).toString('latin1').replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}
