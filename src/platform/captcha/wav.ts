// Mono 16-bit PCM WAV: read, write, resample, trim, normalise. Pure functions on sample arrays, shared by
// scripts/make-captcha-audio.ts (which makes the committed digit clips) and captcha.audio.ts (which joins them).

export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/**
 * Reads a PCM WAV (16-bit; stereo is mixed down to mono). Tolerates the bogus RIFF and data sizes that
 * `espeak-ng --stdout` writes when streaming (0x7ffff000): the data chunk is then taken to the end of the buffer.
 */
export function parseWav(buf: Buffer): Pcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; audioFormat: number } | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { audioFormat: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before fmt chunk');
      if (format.audioFormat !== 1 || format.bits !== 16) throw new Error('only 16-bit PCM WAV is supported');
      const end = Math.min(buf.length, body + size);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < format.channels; c++) sum += buf.readInt16LE(body + (i * format.channels + c) * 2);
        samples[i] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV without data chunk');
}

/** A canonical 44-byte-header mono 16-bit PCM WAV. */
export function encodeWav({ sampleRate, samples }: Pcm): Buffer {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(samples[i]!, 44 + i * 2);
  return buf;
}

export function durationMs({ sampleRate, samples }: Pcm): number {
  return (samples.length / sampleRate) * 1000;
}

export function clamp16(x: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(x)));
}

/** Band-limited (windowed-sinc) resampling; the cut-off sits below the lower Nyquist frequency. */
export function resample(pcm: Pcm, targetRate: number): Pcm {
  if (pcm.sampleRate === targetRate) return pcm;
  const ratio = pcm.sampleRate / targetRate;
  const cutoff = Math.min(1, targetRate / pcm.sampleRate) * 0.9; // of the source Nyquist
  const halfTaps = 16;
  const src = pcm.samples;
  const out = new Int16Array(Math.floor(src.length / ratio));
  for (let n = 0; n < out.length; n++) {
    const p = n * ratio;
    const centre = Math.floor(p);
    let acc = 0;
    let norm = 0;
    for (let k = centre - halfTaps + 1; k <= centre + halfTaps; k++) {
      const x = p - k;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / halfTaps); // Hann
      const h = sinc * w;
      norm += h;
      if (k >= 0 && k < src.length) acc += src[k]! * h;
    }
    out[n] = clamp16(acc / norm);
  }
  return { sampleRate: targetRate, samples: out };
}

/**
 * Cuts leading and trailing silence: everything quieter than `threshold` of the peak, keeping `padMs` either
 * side, with short fades so that the cut makes no click.
 */
export function trimSilence(pcm: Pcm, opts: { threshold?: number; padMs?: number; fadeMs?: number } = {}): Pcm {
  const { samples, sampleRate } = pcm;
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  if (peak === 0) return { sampleRate, samples: new Int16Array(0) };
  const limit = Math.max(64, peak * (opts.threshold ?? 0.03));
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < limit) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < limit) last--;
  const pad = Math.round(((opts.padMs ?? 15) * sampleRate) / 1000);
  const start = Math.max(0, first - pad);
  const end = Math.min(samples.length, last + 1 + pad);
  const out = samples.slice(start, end);
  const fade = Math.min(Math.round(((opts.fadeMs ?? 5) * sampleRate) / 1000), Math.floor(out.length / 2));
  for (let i = 0; i < fade; i++) {
    const g = i / fade;
    out[i] = Math.round(out[i]! * g);
    out[out.length - 1 - i] = Math.round(out[out.length - 1 - i]! * g);
  }
  return { sampleRate, samples: out };
}

/** Scales so that the loudest sample reaches `peak` (0–1 of full scale). */
export function normalisePeak(pcm: Pcm, peak = 0.89): Pcm {
  let max = 0;
  for (const s of pcm.samples) max = Math.max(max, Math.abs(s));
  if (max === 0) return pcm;
  const gain = (peak * 32767) / max;
  return { sampleRate: pcm.sampleRate, samples: pcm.samples.map((s) => clamp16(s * gain)) };
}
