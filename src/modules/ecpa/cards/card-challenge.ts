// ECPA-2: the one-time challenge a card signs. One per session (a new page voids the older), hex only (pki-notes
// §5), kept server-side in the session row's data, valid CHALLENGE_TTL_MS, and taken out atomically by the first
// post that presents a signature — so a replayed signature finds no challenge.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';

export const CHALLENGE_KEY = 'cardChallenge';
export const CHALLENGE_TTL_MS = 5 * 60_000;

export interface StoredChallenge {
  value: string;
  issuedAt: string;
}

export function newChallenge(): string {
  return randomBytes(32).toString('hex');
}

/** Stores a fresh challenge in the session row (replacing any older one) and returns it. */
export async function storeChallenge(q: Queryable, sessionId: string, now: Date, value: string = newChallenge()): Promise<StoredChallenge> {
  const stored = { value, issuedAt: now.toISOString() };
  await q.execute(sql`UPDATE sessions SET data = jsonb_set(data, ${`{${CHALLENGE_KEY}}`}::text[], ${JSON.stringify(stored)}::jsonb) WHERE id = ${sessionId}`);
  return stored;
}

export type TakenChallenge = { kind: 'ok'; value: string } | { kind: 'none' } | { kind: 'expired' };

/** Removes the session's challenge and returns it: single use, whatever the outcome of the check that follows. */
export async function takeChallenge(q: Queryable, sessionId: string | undefined, now: Date): Promise<TakenChallenge> {
  if (!sessionId) return { kind: 'none' };
  const result = await q.execute(sql`
    WITH old AS (SELECT data -> ${CHALLENGE_KEY} AS c FROM sessions WHERE id = ${sessionId} FOR UPDATE)
    UPDATE sessions SET data = sessions.data - ${CHALLENGE_KEY}::text FROM old
    WHERE sessions.id = ${sessionId} AND old.c IS NOT NULL
    RETURNING old.c AS c`);
  const rows = (result as unknown as { rows: { c: unknown }[] }).rows;
  return challengeState(rows[0]?.c, now);
}

/** Pure: what a stored value means now. */
export function challengeState(raw: unknown, now: Date): TakenChallenge {
  if (!raw || typeof raw !== 'object') return { kind: 'none' };
  const { value, issuedAt } = raw as Partial<StoredChallenge>;
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value) || typeof issuedAt !== 'string') return { kind: 'none' };
  const at = Date.parse(issuedAt);
  if (!Number.isFinite(at) || now.getTime() - at > CHALLENGE_TTL_MS || at - now.getTime() > 60_000) return { kind: 'expired' };
  return { kind: 'ok', value };
}
