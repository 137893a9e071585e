// SYS-1: mail leaves right after the commit that queued it; under load the kicks collapse (mail-jobs.ts).
import { describe, expect, it, vi } from 'vitest';
import { createMailKicker } from './mail-jobs.ts';

describe('SYS-1 mail kicker', () => {
  it('SYS-1 kicks asked for while one is being sent collapse into exactly one more, sent after it', async () => {
    const sends: (() => void)[] = [];
    let started = 0;
    const kick = createMailKicker(() => {
      started++;
      return new Promise<void>((resolve) => sends.push(resolve));
    });
    kick();
    for (let i = 0; i < 49; i++) kick();
    expect(started).toBe(1);
    sends.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    // The follow-up sees every mail committed before those 49 kicks.
    expect(started).toBe(2);
    sends.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    // Idle again: the next kick sends at once.
    kick();
    expect(started).toBe(3);
  });

  it('SYS-1 a failed send does not stop later kicks', async () => {
    let started = 0;
    const kick = createMailKicker(async () => {
      started++;
      throw new Error('pg-boss unavailable');
    });
    kick();
    await new Promise((r) => setTimeout(r, 0));
    kick();
    expect(started).toBe(2);
  });

  it('SYS-1 with spacing, a burst of kicks becomes one kick at once and one more after the interval', async () => {
    vi.useFakeTimers();
    try {
      let started = 0;
      const kick = createMailKicker(
        async () => {
          started++;
        },
        { spacingMs: 40 },
      );
      kick();
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 20; i++) kick();
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(39);
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toBe(2);
      await vi.advanceTimersByTimeAsync(60);
      // Quiet for longer than the interval: the next kick goes at once.
      kick();
      expect(started).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
