// The captcha read aloud (ACC-1, ACC-4, SYS-5): the committed Mandarin digit clips (assets/captcha/, made by
// scripts/make-captcha-audio.ts) joined with random pauses of 250–600 ms, each digit at a slightly random
// loudness, over light white noise. The randomness is seeded by the challenge, so every request for one
// challenge gets the same bytes (byte-range requests stay consistent) and averaging repeated downloads
// removes no noise.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { clamp16, encodeWav, parseWav, type Pcm } from './wav.ts';

export const CLIP_DIR = fileURLToPath(new URL('../../../assets/captcha/', import.meta.url));

const GAP_MS = [250, 600] as const;
const LEAD_MS = [250, 450] as const;
const TAIL_MS = 350;
const NOISE_AMPLITUDE = 0.012; // of full scale: about −38 dBFS, well under the speech peaks at −1 dBFS
const DIGIT_GAIN = [0.8, 1] as const;

let cached: Promise<readonly Pcm[]> | undefined;

/** The ten digit clips, read once per process. */
export function loadDigitClips(dir = CLIP_DIR): Promise<readonly Pcm[]> {
  if (dir !== CLIP_DIR) return readClips(dir);
  cached ??= readClips(dir).catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function readClips(dir: string): Promise<readonly Pcm[]> {
  const clips = await Promise.all(Array.from({ length: 10 }, async (_, d) => parseWav(await readFile(`${dir}digit-${d}.wav`))));
  const rate = clips[0]!.sampleRate;
  if (clips.some((c) => c.sampleRate !== rate)) throw new Error('captcha digit clips differ in sample rate');
  return clips;
}

/** A deterministic generator of numbers in [0, 1) from a seed string (mulberry32 over sha256(seed)). */
export function seededRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Joins the clips of `code`'s digits into one track: pause, digit, pause, digit, …, with noise throughout. */
export function joinDigits(clips: readonly Pcm[], code: string, random: () => number): Pcm {
  const rate = clips[0]?.sampleRate;
  if (!rate) throw new Error('no digit clips');
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const ms = (n: number) => Math.round((n * rate) / 1000);
  const parts: { at: number; clip: Pcm; gain: number }[] = [];
  let at = ms(between(...LEAD_MS));
  [...code].forEach((ch, i) => {
    const clip = clips[Number(ch)];
    if (!/^\d$/.test(ch) || !clip) throw new Error('a captcha code is digits only');
    if (i > 0) at += ms(between(...GAP_MS));
    parts.push({ at, clip, gain: between(...DIGIT_GAIN) });
    at += clip.samples.length;
  });
  const total = new Float64Array(at + ms(TAIL_MS));
  for (const p of parts) p.clip.samples.forEach((s, j) => (total[p.at + j] = (total[p.at + j] ?? 0) + s * p.gain));
  const noise = NOISE_AMPLITUDE * 32767;
  const samples = new Int16Array(total.length);
  for (let i = 0; i < total.length; i++) samples[i] = clamp16((total[i] ?? 0) + noise * (random() + random() - 1));
  return { sampleRate: rate, samples };
}

/** The WAV file for one challenge: `seed` is the challenge id. */
export async function captchaWav(code: string, seed: string): Promise<Buffer> {
  return encodeWav(joinDigits(await loadDigitClips(), code, seededRandom(`${seed}\n${code}`)));
}
