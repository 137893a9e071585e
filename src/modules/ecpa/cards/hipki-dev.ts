// HIPKI_DEV (on by default for `npm start` in development, src/config.ts; refused in production): a test PKI in DATA_DIR/hipki-dev (made
// once, again after a week so that its CRLs stay current) and the signing-component stand-in on HIPKI_DEV_PORT, so
// that a newcomer can try 憑證登入 with the virtual cards listed in README.md.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../config.ts';
import { HipkiStandin } from './hipki-standin.ts';
import { nhiStandinKey, VIRTUAL_NHI_CARDS } from './nhi.ts';
import { NhiStandin } from './nhi-standin.ts';
import { generateTestPki, TEST_PKI_FILES, writeTestPki, type VirtualCardSpec } from './test-pki.ts';

const WEEK_MS = 7 * 86_400_000;

export async function prepareHipkiDev(config: Config, now: Date = new Date()): Promise<(() => Promise<void>) | null> {
  const dev = config.cards.dev;
  if (!dev || config.isProduction) return null;
  const cardsFile = join(dev.dir, TEST_PKI_FILES.cards);
  if (!existsSync(cardsFile) || now.getTime() - statSync(cardsFile).mtimeMs > WEEK_MS) writeTestPki(await generateTestPki(now), dev.dir);
  const cards = JSON.parse(readFileSync(cardsFile, 'utf8')) as VirtualCardSpec[];
  const origin = new URL(config.baseUrl).origin;
  const standin = new HipkiStandin({ cards, port: dev.port, trustedOrigins: [origin, origin.replace('localhost', '127.0.0.1'), origin.replace('127.0.0.1', 'localhost')] });
  standin.insert(cards[0]!.id);
  const nhi = new NhiStandin(nhiStandinKey(config), { port: dev.nhiPort });
  nhi.insert(VIRTUAL_NHI_CARDS[0]!);
  // A port already taken (a real 跨平台網頁元件 installed here, or a second `npm start`) is not fatal: the site runs,
  // card sign-in simply talks to whatever answers there.
  const started: { close(): Promise<void> }[] = [];
  for (const [name, s] of [['signing-component', standin], ['NHI component', nhi]] as const) {
    try {
      await s.listen();
      started.push(s);
    } catch (err) {
      console.warn(`hipki-dev: the ${name} stand-in was not started (${err instanceof Error ? err.message : String(err)}); set HIPKI_DEV=0 to skip it`);
    }
  }
  if (started.includes(standin)) {
    console.log(`hipki-dev: signing-component stand-in on ${standin.url} (virtual cards: ${standin.url}/)${started.includes(nhi) ? `, NHI component stand-in on ${nhi.url}` : ''}, test PKI in ${dev.dir}`);
  }
  return async () => {
    for (const s of started) await s.close();
  };
}
