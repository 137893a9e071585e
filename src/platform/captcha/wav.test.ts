import { describe, expect, it } from 'vitest';
import { durationMs, encodeWav, normalisePeak, parseWav, resample, trimSilence } from './wav.ts';

function sine(rate: number, hz: number, ms: number, amp = 10_000): Int16Array {
  const n = Math.round((rate * ms) / 1000);
  return Int16Array.from({ length: n }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate)));
}

describe('captcha audio clips (WAV)', () => {
  it('SYS-5 a WAV written is read back sample for sample', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const wav = encodeWav({ sampleRate: 16000, samples });
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.length).toBe(44 + samples.length * 2);
    expect(parseWav(wav)).toEqual({ sampleRate: 16000, samples });
  });

  it("SYS-5 espeak-ng's streamed WAV (sizes of 0x7ffff000) is read to the end of the data", () => {
    const wav = encodeWav({ sampleRate: 22050, samples: Int16Array.from([5, 6, 7]) });
    wav.writeUInt32LE(0x7ffff024, 4);
    wav.writeUInt32LE(0x7ffff000, 40);
    expect(Array.from(parseWav(wav).samples)).toEqual([5, 6, 7]);
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(/WAV/);
  });

  it('SYS-5 resampling keeps the length in time and the loudness of speech-band sound', () => {
    const src = { sampleRate: 22050, samples: sine(22050, 440, 500) };
    const out = resample(src, 16000);
    expect(out.sampleRate).toBe(16000);
    expect(Math.abs(durationMs(out) - 500)).toBeLessThan(1);
    const peak = Math.max(...Array.from(out.samples.slice(200, -200), Math.abs));
    expect(peak).toBeGreaterThan(9_500);
    expect(peak).toBeLessThan(10_500);
  });

  it('SYS-5 silence around a clip is trimmed, with a short pad and fades', () => {
    const rate = 16000;
    const tone = sine(rate, 300, 100);
    const samples = new Int16Array(rate); // 1 s of silence with 100 ms of tone in the middle
    samples.set(tone, 8000);
    const out = trimSilence({ sampleRate: rate, samples }, { padMs: 10, fadeMs: 5 });
    expect(durationMs(out)).toBeGreaterThan(100);
    expect(durationMs(out)).toBeLessThan(125);
    expect(out.samples[0]).toBe(0);
    expect(trimSilence({ sampleRate: rate, samples: new Int16Array(100) }).samples.length).toBe(0);
  });

  it('SYS-5 every clip is brought to the same peak loudness', () => {
    const out = normalisePeak({ sampleRate: 16000, samples: Int16Array.from([100, -200, 50]) }, 0.5);
    expect(Math.abs(Math.max(...Array.from(out.samples, Math.abs)) - 0.5 * 32767)).toBeLessThanOrEqual(1);
  });
});
