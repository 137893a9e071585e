// What the account use cases need, taken from the composition root's Services.
import type { Ports } from '../../container.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { ANSWER_FLOOR_MS } from '../../platform/auth/answer-floor.ts';
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

/** The subject of an applicant's mailed links (platform verification_tokens). */
export function applicantSubject(id: string): { kind: 'applicant_account'; id: string } {
  return { kind: 'applicant_account', id };
}
