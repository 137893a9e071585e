// A local stand-in of the HiPKI 跨平台網頁元件 (LocalSignServer; pki-notes §3) for tests and for `npm start` with
// HIPKI_DEV=1 outside production: node:http on a configurable port (default 61161) with /popupForm (the popup
// exchange: getTbs → tbsPackage → /sign → the answer posted back to the opener), /sign, /pkcs11info and a small
// control page at / to insert a virtual card. Virtual cards hold their keys themselves (a software token never
// locks: pki-notes §5): 3 wrong PINs in a row lock the card (last_error 0xA4), as a real card does. Never used in
// production.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signCms } from './cms-sign.ts';
import type { VirtualCardSpec } from './test-pki.ts';
import { closeServer, listenOn } from './standin-server.ts';

export type ReaderState = 'ok' | 'no-reader' | 'no-card' | 'cancel';

export const RET = {
  ok: 0,
  jsonError: 0x7600000b,
  forbiddenDomain: 0x7600000f,
  noPin: 0x76000998,
  cancelled: 0x76000999,
  noCard: 0x76000006,
  noReader: 0x76100003,
  loginFailed: 0x76100006,
  pinFormat: 0x83000105,
} as const;

/** last_error of a failed card login, as the component sends them (signed 32-bit). */
export const LAST = { wrongPin: 0xa0, locked: 0xa4, twoLeft: 0x80000002 | 0, oneLeft: 0x80000001 | 0 } as const;

interface CardState {
  spec: VirtualCardSpec;
  triesLeft: number;
  locked: boolean;
}

export interface StandinOptions {
  cards: VirtualCardSpec[];
  port?: number;
  host?: string;
  /** Origins (scheme://host:port) allowed to use the component; others get 0x7600000F 禁止存取的網域. */
  trustedOrigins?: string[];
}

export class HipkiStandin {
  private readonly cards = new Map<string, CardState>();
  private inserted: string | null = null;
  private state: ReaderState = 'ok';
  private server: Server | null = null;
  private readonly trusted: Set<string> | null;
  /** Every tbsPackage received with its PIN blanked (tests check what reached the component). */
  readonly requests: { func: string; tbs: string; origin: string }[] = [];

  constructor(private readonly opts: StandinOptions) {
    for (const spec of opts.cards) this.cards.set(spec.id, { spec, triesLeft: 3, locked: false });
    this.trusted = opts.trustedOrigins ? new Set(opts.trustedOrigins) : null;
  }

  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    return `http://${this.opts.host ?? '127.0.0.1'}:${a?.port ?? this.opts.port ?? 61161}`;
  }

  insert(cardId: string | null): void {
    if (cardId !== null && !this.cards.has(cardId)) throw new Error(`no virtual card ${cardId}`);
    this.inserted = cardId;
    this.state = 'ok';
  }

  setState(state: ReaderState): void {
    this.state = state;
  }

  trust(origin: string): void {
    this.trusted?.add(origin);
  }

  cardState(cardId: string): { triesLeft: number; locked: boolean } {
    const c = this.cards.get(cardId)!;
    return { triesLeft: c.triesLeft, locked: c.locked };
  }

  /** 解卡: a locked card works again with 3 tries. */
  unlock(cardId: string): void {
    const c = this.cards.get(cardId)!;
    c.locked = false;
    c.triesLeft = 3;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => send(res, 500, 'text/plain', 'error')));
    await listenOn(this.server!, this.opts);
    return this.url;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
    this.server = null;
  }

  /** The component's /sign answer for a tbsPackage (JSON text) from a page of `origin`. */
  async sign(tbsPackage: string, origin: string): Promise<Record<string, unknown>> {
    let tbs: Record<string, unknown>;
    try {
      tbs = JSON.parse(tbsPackage) as Record<string, unknown>;
    } catch {
      return fail(RET.jsonError);
    }
    this.requests.push({ func: String(tbs.func ?? ''), tbs: String(tbs.tbs ?? ''), origin });
    if (this.trusted && !this.trusted.has(origin)) return fail(RET.forbiddenDomain);
    if (this.state === 'no-reader') return fail(RET.noReader);
    if (this.state === 'no-card' || !this.inserted) return fail(RET.noCard);
    if (this.state === 'cancel') return fail(RET.cancelled);
    const card = this.cards.get(this.inserted)!;
    const pin = typeof tbs.pin === 'string' ? tbs.pin : '';
    if (!pin) return fail(RET.noPin);
    if (!/^\d{6,8}$/.test(pin)) return fail(RET.pinFormat);
    if (card.locked) return fail(RET.loginFailed, LAST.locked);
    if (pin !== card.spec.pin) {
      card.triesLeft -= 1;
      if (card.triesLeft <= 0) {
        card.locked = true;
        return fail(RET.loginFailed, LAST.locked);
      }
      return fail(RET.loginFailed, card.triesLeft === 2 ? LAST.twoLeft : LAST.oneLeft);
    }
    card.triesLeft = 3;
    const text = typeof tbs.tbs === 'string' ? tbs.tbs : '';
    const content = tbs.tbsEncoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
    const signature = await signCms(content, {
      certDer: Buffer.from(card.spec.certB64, 'base64'),
      chainDer: card.spec.chainB64.map((b) => Buffer.from(b, 'base64')),
      keyPkcs8: Buffer.from(card.spec.keyB64, 'base64'),
    });
    return { func: 'sign', ret_code: 0, last_error: 0, signature, cardSN: `VC${card.spec.id.length}00000000000000`.slice(0, 16), certb64: card.spec.certB64, version: 'standin-1.0' };
  }

  private pkcs11info(): Record<string, unknown> {
    if (this.state === 'no-reader') return fail(RET.noReader, 0, 'pkcs11info');
    const card = this.inserted && this.state !== 'no-card' ? this.cards.get(this.inserted)! : null;
    return {
      func: 'pkcs11info',
      ret_code: 0,
      last_error: 0,
      slots: [{ slotDescription: 'Virtual Reader 0', token: card ? { serialNumber: card.spec.id, label: card.spec.label, certs: [{ label: 'cert1', usage: 'digitalSignature', certb64: card.spec.certB64 }] } : null }],
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    if (req.method === 'GET' && (url.pathname === '/popupForm' || url.pathname === '/ChtPopupForm')) return send(res, 200, 'text/html; charset=utf-8', POPUP_HTML);
    if (req.method === 'GET' && url.pathname === '/pkcs11info') return send(res, 200, 'application/json', JSON.stringify(this.pkcs11info()));
    if (req.method === 'POST' && url.pathname === '/sign') {
      const form = new URLSearchParams(await readBody(req));
      const answer = await this.sign(form.get('tbsPackage') ?? '', form.get('origin') ?? String(req.headers.origin ?? ''));
      return send(res, 200, 'application/json', JSON.stringify(answer));
    }
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', this.controlPage());
    if (req.method === 'POST' && url.pathname === '/_standin/insert') {
      const form = new URLSearchParams(await readBody(req));
      const id = form.get('card') ?? '';
      const state = form.get('state') ?? 'ok';
      if (id === '' || this.cards.has(id)) this.insert(id || null);
      if (['ok', 'no-reader', 'no-card', 'cancel'].includes(state)) this.setState(state as ReaderState);
      if (form.get('unlock') && this.cards.has(form.get('unlock')!)) this.unlock(form.get('unlock')!);
      res.writeHead(303, { location: '/' }).end();
      return;
    }
    send(res, 404, 'text/plain', 'not found');
  }

  private controlPage(): string {
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const rows = [...this.cards.values()]
      .map(
        (c) =>
          `<tr><td>${esc(c.spec.label)}</td><td>${esc(c.spec.holder)}</td><td>${esc(c.spec.pin)}</td><td>${c.locked ? '已鎖卡' : `${c.triesLeft}`}</td><td><form method="post" action="/_standin/insert"><input type="hidden" name="card" value="${esc(c.spec.id)}"><button>${this.inserted === c.spec.id ? '已插入' : '插入'}</button></form>${c.locked ? `<form method="post" action="/_standin/insert"><input type="hidden" name="card" value="${esc(c.spec.id)}"><input type="hidden" name="unlock" value="${esc(c.spec.id)}"><button>解卡</button></form>` : ''}</td></tr>`,
      )
      .join('');
    const states = (['ok', 'no-reader', 'no-card', 'cancel'] as const).map((s) => `<form method="post" action="/_standin/insert" style="display:inline"><input type="hidden" name="card" value="${esc(this.inserted ?? '')}"><input type="hidden" name="state" value="${s}"><button>${s}${this.state === s ? ' ✓' : ''}</button></form>`).join(' ');
    return `<!doctype html><html lang="zh-Hant-TW"><meta charset="utf-8"><title>跨平台網頁元件（測試替身）</title><h1>跨平台網頁元件（測試替身，非正式元件）</h1><p>讀卡機狀態：${states}</p><table border="1"><tr><th>虛擬卡</th><th>持卡人</th><th>PIN</th><th>剩餘次數</th><th></th></tr>${rows}</table></html>`;
  }
}

function fail(retCode: number, lastError = 0, func = 'sign'): Record<string, unknown> {
  return { func, ret_code: retCode | 0, last_error: lastError | 0, message: 'error' };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The popup: asks its opener for the tbsPackage, signs through /sign, posts the raw answer back and closes. */
const POPUP_HTML = `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>跨平台網頁元件</title></head><body><p>簽章中，請稍候…</p><script>
(function () {
  var done = false;
  window.addEventListener('message', function (ev) {
    if (done || typeof ev.data !== 'string') return;
    done = true;
    var origin = ev.origin;
    fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'tbsPackage=' + encodeURIComponent(ev.data) + '&origin=' + encodeURIComponent(origin) })
      .then(function (r) { return r.text(); })
      .then(function (text) { window.opener.postMessage(text, origin); window.close(); });
  });
  if (window.opener) window.opener.postMessage(JSON.stringify({ func: 'getTbs' }), '*');
})();
</script></body></html>`;
