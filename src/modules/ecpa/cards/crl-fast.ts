// A CRL read in one pass over its DER (no object per node): a real MOICA CRL lists ~412k serials (~20 MB), which
// the general ASN.1 parsers turn into millions of objects (measured: 20,000 serials took 2.8 s with
// @peculiar/x509, so MOICA's would block a web process for about a minute at each refresh). Only what the
// revocation check needs is read: the signed tbsCertList bytes, the signature algorithm and value, thisUpdate,
// nextUpdate, the Authority Key Identifier and the revoked serials. The signature is verified with node:crypto.
// Anything unexpected answers null and the caller falls back to @peculiar/x509 (card-trust.ts).
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { normalSerial } from './pki.ts';

interface Tlv {
  tag: number;
  start: number; // first byte of the TLV
  body: number; // first byte of the value
  end: number; // one past the value
}

function tlv(buf: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) throw new Error('short');
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('long tag');
  let len = buf[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit) throw new Error('length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[body + i]!;
    body += n;
  }
  const end = body + len;
  if (end > limit) throw new Error('overrun');
  return { tag, start: at, body, end };
}

function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.end; ) {
    const t = tlv(buf, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oid(buf: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.body; i < t.end; i++) {
    v = v * 128 + (buf[i]! & 0x7f);
    if (!(buf[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function time(buf: Uint8Array, t: Tlv): Date {
  const s = Buffer.from(buf.subarray(t.body, t.end)).toString('latin1');
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new Error('time');
  const year = t.tag === 0x17 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

const HASH_OF: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export interface FastCrl {
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Authority Key Identifier, lower-case hex. */
  keyId: string | undefined;
  revoked: Set<string>;
  /** Verifies the CRL's signature with a public key (SPKI DER). */
  verify(spki: Uint8Array): boolean;
}

export function readCrlFast(der: Uint8Array): FastCrl | null {
  try {
    const top = tlv(der, 0, der.length);
    const [tbs, alg, sig] = children(der, top);
    if (top.tag !== 0x30 || !tbs || tbs.tag !== 0x30 || !alg || !sig || sig.tag !== 0x03) return null;
    const sigAlg = oid(der, children(der, alg)[0]!);
    const hash = HASH_OF[sigAlg];
    if (!hash) return null;
    const fields = children(der, tbs);
    let i = 0;
    if (fields[i]?.tag === 0x02) i++; // version
    i++; // signature AlgorithmIdentifier
    i++; // issuer Name
    const thisUpdate = time(der, fields[i++]!);
    let nextUpdate: Date | null = null;
    if (fields[i] && (fields[i]!.tag === 0x17 || fields[i]!.tag === 0x18)) nextUpdate = time(der, fields[i++]!);
    const revoked = new Set<string>();
    if (fields[i]?.tag === 0x30) {
      const list = fields[i++]!;
      for (let at = list.body; at < list.end; ) {
        const entry = tlv(der, at, list.end);
        const serial = tlv(der, entry.body, entry.end);
        if (serial.tag !== 0x02) return null;
        revoked.add(normalSerial(Buffer.from(der.subarray(serial.body, serial.end)).toString('hex')));
        at = entry.end;
      }
    }
    let keyId: string | undefined;
    if (fields[i]?.tag === 0xa0) {
      const exts = tlv(der, fields[i]!.body, fields[i]!.end);
      for (const ext of children(der, exts)) {
        const parts = children(der, ext);
        if (oid(der, parts[0]!) !== '2.5.29.35') continue;
        const value = parts[parts.length - 1]!;
        const aki = tlv(der, value.body, value.end);
        const first = children(der, aki)[0];
        if (first && first.tag === 0x80) keyId = Buffer.from(der.subarray(first.body, first.end)).toString('hex');
      }
    }
    const tbsBytes = der.subarray(tbs.start, tbs.end);
    const signature = der.subarray(sig.body + 1, sig.end); // skip the unused-bits byte
    return {
      thisUpdate,
      nextUpdate,
      keyId,
      revoked,
      verify: (spki) => {
        try {
          return verifySignature(hash, tbsBytes, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), signature);
        } catch {
          return false;
        }
      },
    };
  } catch {
    return null;
  }
}
