// The trusted CAs and their CRLs (ECPA-2), loaded from the configuration: CA certificates once, each pinned to a
// configured root (its Authority Key Identifier names the root's key and the root's key verifies it); CRLs at
// start and then every CARD_CRL_REFRESH_MINUTES — never per request. A CRL counts only when its signature verifies
// with its CA's key; a CRL that does not (signed by the wrong key), cannot be read, or is older than the one held is
// ignored and logged. A CA whose CRL's nextUpdate has passed refuses its certificates ('crl-stale') until a fresh one
// loads.
import { readFile } from 'node:fs/promises';
import type { CardConfig } from '../../../config.ts';
import type { CaKind, LoadedCrl, TrustedCa, TrustSnapshot } from './card-verify.ts';
import { arrayBuffer, derOf, normalSerial, x509 } from './pki.ts';
import { readCrlFast } from './crl-fast.ts';

export type ReadSource = (location: string) => Promise<Uint8Array>;

/** The largest CRL read (MOICA G2's is ~20 MB DER: pki-notes §3). */
export const MAX_CRL_BYTES = 64 * 1024 * 1024;

/**
 * asn1js's default limits for untrusted input (10,000 nodes, 16 MB) refuse a real CRL: MOICA G2 lists ~412k serials
 * (≈ 5 nodes each, ~20 MB). CRLs come only from configured locations and their signature is checked right after
 * parsing, so they get limits sized for them; everything a visitor posts keeps the defaults.
 */
export const CRL_PARSE_OPTIONS = { berOptions: { maxNodes: 40_000_000, maxContentLength: MAX_CRL_BYTES, maxDepth: 100 } } as const;

export const readSource: ReadSource = async (location) => {
  if (/^https?:\/\//.test(location)) {
    const res = await fetch(location, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength > MAX_CRL_BYTES) throw new Error('too large');
    return body;
  }
  return new Uint8Array(await readFile(location));
};

function keyIdOf(cert: x509.X509Certificate): string | undefined {
  return cert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId.toLowerCase();
}

function akiOf(obj: { getExtension: x509.X509Certificate['getExtension'] }): string | undefined {
  return obj.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId?.toLowerCase();
}

/** Reads the roots and the CAs; a CA that no configured root signed is left out (with a problem line). */
export async function loadCas(cfg: Pick<CardConfig, 'rootFiles' | 'moicaCaFiles' | 'gcaCaFiles' | 'testCaFiles'>, read: ReadSource = readSource): Promise<{ cas: TrustedCa[]; problems: string[] }> {
  const problems: string[] = [];
  const roots: x509.X509Certificate[] = [];
  for (const f of cfg.rootFiles) {
    try {
      roots.push(new x509.X509Certificate(arrayBuffer(derOf(await read(f)))));
    } catch (e) {
      problems.push(`root ${f}: ${(e as Error).message}`);
    }
  }
  const cas: TrustedCa[] = [];
  const kinds: [CaKind, readonly string[]][] = [
    ['moica', cfg.moicaCaFiles],
    ['gca', cfg.gcaCaFiles],
    ['test', cfg.testCaFiles],
  ];
  for (const [kind, files] of kinds) {
    for (const f of files) {
      try {
        const cert = new x509.X509Certificate(arrayBuffer(derOf(await read(f))));
        const keyId = keyIdOf(cert);
        const aki = akiOf(cert);
        const root = roots.find((r) => keyIdOf(r) === aki);
        if (!keyId || !root || !(await cert.verify({ publicKey: root.publicKey, signatureOnly: true }))) {
          problems.push(`CA ${f}: not signed by a configured root; ignored`);
          continue;
        }
        cas.push({ cert, keyId, kind, crl: null });
      } catch (e) {
        problems.push(`CA ${f}: ${(e as Error).message}`);
      }
    }
  }
  return { cas, problems };
}

export type CrlCheck = { ok: true; keyId: string; crl: LoadedCrl } | { ok: false; reason: 'unreadable' | 'unknown-issuer' | 'bad-signature' };

/** A CRL's DER checked against the CAs: issued (AKI) by one of them and signed with that CA's key. */
export async function checkCrl(der: Uint8Array, cas: readonly TrustedCa[]): Promise<CrlCheck> {
  // One pass over the DER first (crl-fast.ts: a real MOICA CRL in about a second); the general parser otherwise.
  const fast = readCrlFast(der);
  if (fast?.keyId) {
    const ca = cas.find((c) => c.keyId === fast.keyId);
    if (!ca) return { ok: false, reason: 'unknown-issuer' };
    if (!fast.verify(new Uint8Array(ca.cert.publicKey.rawData))) return { ok: false, reason: 'bad-signature' };
    return { ok: true, keyId: ca.keyId, crl: { thisUpdate: fast.thisUpdate, nextUpdate: fast.nextUpdate, revoked: fast.revoked } };
  }
  let crl: x509.X509Crl;
  try {
    crl = new x509.X509Crl(arrayBuffer(der), CRL_PARSE_OPTIONS);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const aki = akiOf(crl);
  const ca = cas.find((c) => (aki ? c.keyId === aki : c.cert.subject === crl.issuer));
  if (!ca) return { ok: false, reason: 'unknown-issuer' };
  let good: boolean;
  try {
    good = await crl.verify({ publicKey: ca.cert.publicKey });
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad-signature' };
  return {
    ok: true,
    keyId: ca.keyId,
    crl: { thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate ?? null, revoked: new Set(crl.entries.map((e) => normalSerial(e.serialNumber))) },
  };
}

export interface CardTrustLog {
  warn(msg: string): void;
  info?(msg: string): void;
}

/** The live trust: CAs read once (load), CRLs refreshed (refresh) on the schedule started by start(). */
export class CardTrust {
  private cas: TrustedCa[] = [];
  private current: TrustSnapshot = { cas: new Map() };
  private timer: NodeJS.Timeout | null = null;
  private loaded = false;

  constructor(
    private readonly cfg: CardConfig,
    private readonly read: ReadSource = readSource,
    private readonly log: CardTrustLog = { warn: () => undefined },
  ) {}

  snapshot(): TrustSnapshot {
    return this.current;
  }

  /** Reads the CAs (first call only) and every CRL location; returns the problems met (also logged). */
  async refresh(): Promise<string[]> {
    const problems: string[] = [];
    if (!this.loaded) {
      const loaded = await loadCas(this.cfg, this.read);
      this.cas = loaded.cas;
      problems.push(...loaded.problems);
      this.loaded = true;
    }
    const next = new Map(this.cas.map((c) => [c.keyId, { ...c }]));
    for (const location of this.cfg.crlLocations) {
      let der: Uint8Array;
      try {
        der = derOf(await this.read(location));
      } catch (e) {
        problems.push(`CRL ${location}: ${(e as Error).message}`);
        continue;
      }
      const checked = await checkCrl(der, this.cas);
      if (!checked.ok) {
        problems.push(`CRL ${location}: ${checked.reason}; ignored`);
        continue;
      }
      const ca = next.get(checked.keyId)!;
      if (!ca.crl || ca.crl.thisUpdate.getTime() <= checked.crl.thisUpdate.getTime()) ca.crl = checked.crl;
    }
    // A CA whose location failed this time keeps the CRL it had (still refused once its nextUpdate passes).
    for (const [keyId, ca] of next) {
      const before = this.current.cas.get(keyId)?.crl;
      if (before && (!ca.crl || ca.crl.thisUpdate.getTime() < before.thisUpdate.getTime())) ca.crl = before;
    }
    this.current = { cas: next };
    for (const p of problems) this.log.warn(`certificate trust: ${p}`);
    return problems;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch((e: unknown) => this.log.warn(`certificate trust: ${(e as Error).message}`)), this.cfg.crlRefreshMinutes * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
