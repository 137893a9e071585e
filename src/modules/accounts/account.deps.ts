// What the account use cases need, taken from the composition root's Services.
import { performance } from 'node:perf_hooks';
import type { Ports } from '../../container.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { ANSWER_FLOOR_MS } from './account.rules.ts';
import type { MailContext } from './account.mails.ts';

export interface AccountDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly sessions: SessionStore;
  readonly mail: MailContext;
  /** ACC-2: how many hours an activation or 變更帳號 link is valid (config.activationHours, env ACTIVATION_HOURS). */
  readonly activationHours: number;
  /** Minimum answer time of the use cases that must not reveal whether an account exists. */
  readonly answerFloorMs: number;
}

/** Built once by the composition root (src/container.ts: services.deps.accounts). */
export function accountDeps(services: Ports): AccountDeps {
  return {
    db: services.db,
    clock: services.clock,
    sessions: services.sessions,
    mail: { baseUrl: services.config.baseUrl },
    activationHours: services.config.activationHours,
    answerFloorMs: ANSWER_FLOOR_MS,
  };
}

/** Who did it, for the audit row (SYS-2): an applicant, or a visitor not signed in; and from where. */
export type AccountActor = { kind: 'applicant'; id: string; ip?: string | null } | { kind: 'visitor'; ip?: string | null };

/**
 * Runs `work` and answers no sooner than `floorMs` after it started, whether it succeeded or threw, so that
 * the branches of a use case (account known or not) take the same time as seen from outside.
 */
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
