// Links sent by mail (ACC-2, ACC-3, ACC-5, ACC-7): a random token in the link, only its SHA-256 in the table.
// Issuing a token voids the subject's older unused tokens of the same purpose ("a newer link voids older ones").
// Reading a token never changes it; using one marks it used inside the caller's transaction.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { verificationTokens, type TokenPurpose } from './account.schema.ts';
import { isWellFormedToken, tokenState, type TokenState } from './account.rules.ts';

export type TokenRecord = typeof verificationTokens.$inferSelect;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url'); // 43 characters
}

export async function issueToken(
  q: Queryable,
  input: { purpose: TokenPurpose; subjectId: string; expiresAt: Date; now: Date; payload?: Record<string, unknown> },
): Promise<string> {
  await voidTokens(q, input.subjectId, [input.purpose], input.now);
  const token = newToken();
  await q.insert(verificationTokens).values({
    purpose: input.purpose,
    subjectId: input.subjectId,
    tokenHash: tokenHash(token),
    payload: input.payload ?? {},
    expiresAt: input.expiresAt,
    createdAt: input.now,
  });
  return token;
}

/** Voids the subject's unused, unvoided tokens of these purposes. */
export async function voidTokens(q: Queryable, subjectId: string, purposes: TokenPurpose[], now: Date): Promise<void> {
  await q
    .update(verificationTokens)
    .set({ voidedAt: now })
    .where(and(eq(verificationTokens.subjectId, subjectId), inArray(verificationTokens.purpose, purposes), isNull(verificationTokens.usedAt), isNull(verificationTokens.voidedAt)));
}

export type TokenLookup = { state: 'ok'; row: TokenRecord } | { state: Exclude<TokenState, 'ok'>; row: TokenRecord | null };

/**
 * The token behind a link and what it is worth now for a page accepting `purposes`. With `forUpdate`, the row
 * stays locked for the rest of the caller's transaction (two clicks on one link: the second sees it used).
 */
export async function findToken(q: Queryable, token: unknown, purposes: readonly TokenPurpose[], now: Date, forUpdate = false): Promise<TokenLookup> {
  if (!isWellFormedToken(token)) return { state: 'missing', row: null };
  const query = q.select().from(verificationTokens).where(eq(verificationTokens.tokenHash, tokenHash(token))).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  const state = tokenState(row, now, purposes);
  return state === 'ok' ? { state, row: row! } : { state, row: row ?? null };
}

/** Marks a token used (single use). */
export async function markUsed(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(verificationTokens).set({ usedAt: now }).where(eq(verificationTokens.id, id));
}
