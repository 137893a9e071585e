// Makes the captcha's spoken digits (ACC-1, ACC-4, SYS-5): one clip per digit 0–9, the Chinese numeral
// (零 一 二 … 九) spoken by espeak-ng's Mandarin voice, mono 16 kHz 16-bit PCM WAV, silence trimmed and
// peak-normalised, written to assets/captcha/digit-N.wav. The clips are committed; run this again only to
// change them:  npm run make:captcha-audio [-- --rate 8000]
//
// Needs only espeak-ng (Debian: apt-get install espeak-ng). Resampling and trimming are done here in
// TypeScript, so sox is not needed.
//
// The voice is `cmn-latn-pinyin`, Mandarin with Latin read as pinyin. Plain `-v cmn` (espeak-ng 1.51) turns a
// lone character into pinyin with a tone digit and then reads that as English: 一 → "yi one", 七 → "ki one"
// (espeak-ng/espeak-ng#1236). Both voices are the same Mandarin (cmn); the check below refuses any clip whose
// phonemes switch to English, whichever voice is used.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { durationMs, encodeWav, normalisePeak, parseWav, resample, trimSilence } from '../src/platform/captcha/wav.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const VOICE = 'cmn-latn-pinyin';
const SPEED_WPM = '150'; // a little slower than espeak's 175: digits are heard one by one
const OUT_DIR = fileURLToPath(new URL('../assets/captcha/', import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function espeak(args: string[]): Buffer {
  const r = spawnSync('espeak-ng', ['-v', VOICE, '-s', SPEED_WPM, ...args], { maxBuffer: 16 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run espeak-ng (${r.error.message}); install it: apt-get install espeak-ng`);
  if (r.status !== 0) throw new Error(`espeak-ng failed: ${r.stderr.toString()}`);
  return r.stdout;
}

function main(): void {
  const rate = Number(arg('rate') ?? 16000);
  if (rate !== 16000 && rate !== 8000) throw new Error('--rate must be 16000 or 8000');
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [digit, numeral] of NUMERALS.entries()) {
    const phonemes = espeak(['-q', '-x', numeral]).toString().trim();
    if (phonemes.includes('(en)')) throw new Error(`espeak-ng reads ${numeral} as English (${phonemes}); use a Mandarin voice that speaks it`);
    const raw = parseWav(espeak(['--stdout', numeral]));
    const clip = normalisePeak(trimSilence(resample(raw, rate), { threshold: 0.03, padMs: 15, fadeMs: 5 }));
    const wav = encodeWav(clip);
    const file = `${OUT_DIR}digit-${digit}.wav`;
    writeFileSync(file, wav);
    console.log(`digit-${digit}.wav  ${numeral}  [${phonemes}]  ${Math.round(durationMs(clip))} ms  ${wav.length} bytes`);
  }
}

main();
