// SYS-4 (no enumeration by timing): the sign-in, forgot-password, register and subscribe forms of every front door
// answer no sooner than ANSWER_FLOOR_MS, whichever branch they took (account known or not).
import { performance } from 'node:perf_hooks';

/** The one floor of every door (accounts, eCPA, newsletters). */
export const ANSWER_FLOOR_MS = 400;

/** Runs `work` and answers no sooner than `floorMs` after it started, whether it succeeded or threw. */
export async function withAnswerFloor<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const settle = async () => {
    const left = floorMs - (performance.now() - started);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  };
  try {
    const result = await work();
    await settle();
    return result;
  } catch (err) {
    await settle();
    throw err;
  }
}
