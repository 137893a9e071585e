// Captcha challenges (ACC-1, ACC-4): bound to one session, single use, valid 5 minutes.
//
// Storage: the captcha_challenges row holds sha256(session id, code), the authority for verification. The
// image and audio need the code itself, and web processes keep no state, so the code also sits in the
// session row's server-side data (`data.captcha = { id, code }`) until the challenge is answered; it is
// only ever used when it matches the latest open challenge row.
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db, Queryable } from '../db/client.ts';
import { captchaChallenges, sessions } from '../db/schema/platform.ts';
import { answerMatches, CHALLENGE_TTL_MS, challengeState, CODE_LENGTH, generateCode, normaliseAnswer, type CaptchaRefusal, type RandomInt } from './captcha.rules.ts';

export interface CaptchaDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Defaults to node:crypto's randomInt. */
  readonly random?: RandomInt;
}

export interface IssuedCaptcha {
  readonly id: string;
  readonly code: string;
}

export type CaptchaResult = { ok: true } | { ok: false; reason: CaptchaRefusal };

const SESSION_KEY = 'captcha';

function codeHash(sessionId: string, code: string): string {
  return createHash('sha256').update(`${sessionId}\n${code}`).digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function latestChallenge(q: Queryable, sessionId: string) {
  const [row] = await q
    .select()
    .from(captchaChallenges)
    .where(eq(captchaChallenges.sessionId, sessionId))
    .orderBy(desc(captchaChallenges.createdAt), desc(captchaChallenges.id))
    .limit(1);
  return row ?? null;
}

/**
 * Issues a new challenge for the session and returns its code. The session's earlier challenges (answered
 * or not) are voided: only the newest image can be answered.
 */
export async function issueCaptcha(deps: CaptchaDeps, sessionId: string, options: { length?: number } = {}): Promise<IssuedCaptcha> {
  const code = generateCode(deps.random ?? randomInt, options.length ?? CODE_LENGTH);
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(captchaChallenges).where(eq(captchaChallenges.sessionId, sessionId));
    await tx.insert(captchaChallenges).values({
      id,
      sessionId,
      codeHash: codeHash(sessionId, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    });
    await tx
      .update(sessions)
      .set({ data: sql`jsonb_set(${sessions.data}, ${`{${SESSION_KEY}}`}::text[], ${JSON.stringify({ id, code })}::jsonb)` })
      .where(eq(sessions.id, sessionId));
  });
  return { id, code };
}

/**
 * Checks an answer against the session's latest challenge. Any attempt, right or wrong, uses the challenge
 * up, so a wrong answer needs a new image. `testCode` (config.captchaTestCode, never set in production) is
 * accepted in place of the code, under the same conditions: an open challenge of this session, used up.
 */
export async function verifyCaptcha(deps: CaptchaDeps & { readonly testCode?: string | undefined }, sessionId: string | null | undefined, input: unknown): Promise<CaptchaResult> {
  if (!sessionId) return { ok: false, reason: 'missing' };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<CaptchaResult> => {
    const row = await latestChallenge(tx, sessionId);
    const state = challengeState(row, now);
    if (state !== 'open' || !row) return { ok: false, reason: state === 'open' ? 'missing' : state };
    const consumed = await tx
      .update(captchaChallenges)
      .set({ usedAt: now })
      .where(and(eq(captchaChallenges.id, row.id), isNull(captchaChallenges.usedAt)))
      .returning({ id: captchaChallenges.id });
    if (consumed.length === 0) return { ok: false, reason: 'used' }; // answered meanwhile by a parallel request
    await tx
      .update(sessions)
      .set({ data: sql`${sessions.data} - ${SESSION_KEY}::text` })
      .where(eq(sessions.id, sessionId));
    const given = normaliseAnswer(input);
    const right = given.length > 0 && sameHash(codeHash(sessionId, given), row.codeHash);
    const test = deps.testCode !== undefined && deps.testCode !== '' && answerMatches(deps.testCode, given);
    return right || test ? { ok: true } : { ok: false, reason: 'wrong' };
  });
}

/** The code of the session's latest challenge while it can still be answered, for its image and audio; else null. */
export async function currentCode(deps: Pick<CaptchaDeps, 'db' | 'clock'>, sessionId: string | null | undefined): Promise<IssuedCaptcha | null> {
  if (!sessionId) return null;
  const row = await latestChallenge(deps.db, sessionId);
  if (challengeState(row, deps.clock.now()) !== 'open' || !row) return null;
  const [s] = await deps.db
    .select({ stored: sql<unknown>`${sessions.data} -> ${SESSION_KEY}::text` })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  const stored = s?.stored as { id?: unknown; code?: unknown } | null | undefined;
  if (!stored || stored.id !== row.id || typeof stored.code !== 'string' || !/^\d{1,12}$/.test(stored.code)) return null;
  if (!sameHash(codeHash(sessionId, stored.code), row.codeHash)) return null;
  return { id: row.id, code: stored.code };
}

/** Deletes challenges that expired or were answered more than `olderThanMs` ago (for a scheduled clean-up). */
export async function purgeCaptchas(deps: Pick<CaptchaDeps, 'db' | 'clock'>, olderThanMs = 60 * 60_000): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - olderThanMs);
  const gone = await deps.db
    .delete(captchaChallenges)
    .where(or(lt(captchaChallenges.expiresAt, before), lt(captchaChallenges.usedAt, before)))
    .returning({ id: captchaChallenges.id });
  return gone.length;
}
