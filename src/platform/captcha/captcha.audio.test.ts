import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captchaWav, CLIP_DIR, joinDigits, loadDigitClips, seededRandom } from './captcha.audio.ts';
import { durationMs, parseWav, type Pcm } from './wav.ts';

const RATE = 16000;
/** Ten fake clips: digit d is (d + 1) × 10 ms of a constant level, so each is easy to find. */
const fakeClips: Pcm[] = Array.from({ length: 10 }, (_, d) => ({ sampleRate: RATE, samples: new Int16Array(((d + 1) * RATE) / 100).fill(20_000) }));

function loudRuns(samples: Int16Array, level = 10_000): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) < level) continue;
    const start = i;
    while (i < samples.length && Math.abs(samples[i]!) >= level) i++;
    runs.push({ start, length: i - start });
  }
  return runs;
}

describe('captcha audio', () => {
  it('SYS-5 the committed clips: ten Mandarin digits, 16 kHz mono, short and small', async () => {
    const clips = await loadDigitClips();
    expect(clips).toHaveLength(10);
    for (const [d, clip] of clips.entries()) {
      expect(clip.sampleRate).toBe(RATE);
      expect(durationMs(clip)).toBeGreaterThan(150);
      expect(durationMs(clip)).toBeLessThan(700);
      expect(statSync(`${CLIP_DIR}digit-${d}.wav`).size).toBeLessThan(20_000);
    }
    expect(await loadDigitClips()).toBe(clips); // read once, then cached
  });

  it('SYS-5 the digits are read in order with pauses of 250–600 ms between them', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const out = joinDigits(fakeClips, '90210', seededRandom(seed));
      const runs = loudRuns(out.samples);
      expect(runs.map((r) => Math.round((r.length * 100) / RATE) - 1)).toEqual([9, 0, 2, 1, 0]);
      for (let i = 1; i < runs.length; i++) {
        const gapMs = ((runs[i]!.start - runs[i - 1]!.start - runs[i - 1]!.length) * 1000) / RATE;
        expect(gapMs).toBeGreaterThanOrEqual(249);
        expect(gapMs).toBeLessThanOrEqual(601);
      }
    }
  });

  it('SYS-5 the noise is light: the pauses stay far below the speech', () => {
    const out = joinDigits(fakeClips, '11', seededRandom('x'));
    const runs = loudRuns(out.samples);
    const gap = out.samples.slice(runs[0]!.start + runs[0]!.length + 10, runs[1]!.start - 10);
    const peak = Math.max(...Array.from(gap, Math.abs));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(0.015 * 32767);
  });

  it('SYS-5 one challenge always sounds the same (seeded), another challenge differently', async () => {
    const a1 = await captchaWav('12345', 'challenge-a');
    const a2 = await captchaWav('12345', 'challenge-a');
    const b = await captchaWav('12345', 'challenge-b');
    expect(a1.equals(a2)).toBe(true);
    expect(a1.equals(b)).toBe(false);
    expect(parseWav(a1).sampleRate).toBe(RATE);
  });

  it('SYS-5 the audio grows with the number of digits', async () => {
    const three = parseWav(await captchaWav('111', 's'));
    const eight = parseWav(await captchaWav('11111111', 's'));
    expect(durationMs(eight)).toBeGreaterThan(durationMs(three) + 5 * (250 + 200));
  });

  it('ACC-4 only digits can be spoken', () => {
    expect(() => joinDigits(fakeClips, '12a', seededRandom('x'))).toThrow(/digits/);
  });
});
