// A local stand-in of the NHI 健保卡元件 (pki-notes §4) for tests and `HIPKI_DEV=1`: a WebSocket server (path /echo)
// speaking the component's text protocol — GetBasic, GetVersion, GetRandom, H_Sign?Random=…, EnCrypt?Pwd=… — with
// a virtual card; errors as bare numeric codes (8011 read failure / no card, 8013 no reader, 9999 unknown command).
// The real component is wss://iccert.nhi.gov.tw:7777/echo (its installer maps that name to 127.0.0.1). Minimal
// RFC 6455: text frames only, no fragmentation. Never used in production.
import { createHash, randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { basicOf, standinEncrypt, standinHSign, type VirtualNhiCard } from './nhi.ts';
import { closeServer, listenOn } from './standin-server.ts';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class NhiStandin {
  private server: Server | null = null;
  private inserted: VirtualNhiCard | null = null;
  private reader = true;
  private random = '';

  constructor(
    private readonly key: string,
    private readonly opts: { port?: number; host?: string } = {},
  ) {}

  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    return `ws://${this.opts.host ?? '127.0.0.1'}:${a?.port ?? this.opts.port ?? 0}/echo`;
  }

  insert(card: VirtualNhiCard | null): void {
    this.inserted = card;
    this.reader = true;
  }

  noReader(): void {
    this.reader = false;
  }

  /** The component's answer to one text request. */
  answer(request: string): string {
    if (!this.reader) return '8013';
    const card = this.inserted;
    if (request === 'GetVersion') return 'GetVersion:0001';
    if (!card) return '8011';
    if (request === 'GetBasic') return `GetBasic:${basicOf(card)}`;
    if (request === 'GetRandom') {
      this.random = Array.from({ length: 16 }, () => randomInt(10)).join('');
      return `GetRandom:${this.random}`;
    }
    const hSign = /^H_Sign\?Random=(0001\d{16})$/.exec(request);
    if (hSign) return `H_Sign:${standinHSign(this.key, basicOf(card), hSign[1]!)}`;
    const enc = /^EnCrypt\?Pwd=(.{0,64})$/.exec(request);
    if (enc) return `EnCrypt:${standinEncrypt(this.key, card.cardNo, `0001${this.random}`, decodeURIComponent(enc[1]!))}`;
    return '9999';
  }

  async listen(): Promise<string> {
    this.server = createServer((_req, res) => res.writeHead(426).end());
    this.server.on('upgrade', (req, socket: Duplex) => {
      const key = req.headers['sec-websocket-key'];
      if (typeof key !== 'string') return socket.destroy();
      const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      let buf = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        for (;;) {
          const frame = readFrame(buf);
          if (!frame) break;
          buf = buf.subarray(frame.size);
          if (frame.opcode === 8) return socket.end(writeFrame('', 8));
          if (frame.opcode === 1) socket.write(writeFrame(this.answer(frame.text)));
        }
      });
      socket.on('error', () => socket.destroy());
    });
    await listenOn(this.server!, this.opts);
    return this.url;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
    this.server = null;
  }
}

function readFrame(buf: Buffer): { opcode: number; text: string; size: number } | null {
  if (buf.length < 2) return null;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let len = buf[1]! & 0x7f;
  let off = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    off = 4;
  } else if (len === 127) {
    return null; // nothing this protocol sends is that long
  }
  const maskOff = off;
  if (masked) off += 4;
  if (buf.length < off + len) return null;
  const payload = Buffer.from(buf.subarray(off, off + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buf[maskOff + (i % 4)]!;
  return { opcode, text: payload.toString('utf8'), size: off + len };
}

function writeFrame(text: string, opcode = 1): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const head = payload.length < 126 ? Buffer.from([0x80 | opcode, payload.length]) : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, payload]);
}
