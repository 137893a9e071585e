// Mailed links of every door (docs/adr/0004-verification-tokens.md): a random token in the link, only its SHA-256
// in verification_tokens; purpose-typed; a subject (kind + id); expiry; single use. Issuing a token voids the
// subject's older unused tokens of the same purpose ("a newer link voids older ones"). Peeking never changes a
// token; using one marks it used inside the caller's transaction.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { verificationTokens, type TokenPurpose } from '../db/schema/platform.ts';

export type { TokenPurpose };
export type TokenRow = typeof verificationTokens.$inferSelect;
export interface TokenSubject {
  readonly kind: string;
  readonly id: string;
}
/** What a link is worth: 'missing' = not well formed or not found; 'wrong-purpose' = a token of another page. */
export type TokenState = 'ok' | 'missing' | 'wrong-purpose' | 'used' | 'voided' | 'expired';
export type TokenLookup = { state: 'ok'; row: TokenRow } | { state: Exclude<TokenState, 'ok'>; row: TokenRow | null };

/** A token as it arrives in a link: 43 base64url characters (32 random bytes). Anything else is not looked up. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url'); // 43 characters
}

/** What a token row is worth at `now` for a page that accepts `purposes`. Used beats voided beats expired. */
export function tokenState(row: Pick<TokenRow, 'purpose' | 'usedAt' | 'voidedAt' | 'expiresAt'> | null | undefined, now: Date, purposes: readonly TokenPurpose[]): TokenState {
  if (!row) return 'missing';
  if (!purposes.includes(row.purpose)) return 'wrong-purpose';
  if (row.usedAt) return 'used';
  if (row.voidedAt) return 'voided';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'ok';
}

export interface IssueInput {
  purpose: TokenPurpose;
  subject: TokenSubject;
  expiresAt: Date;
  now: Date;
  payload?: Record<string, unknown>;
}

/** A new token for the subject; the subject's open tokens of the same purpose are voided. Returns the raw token. */
export async function issueToken(tx: Queryable, input: IssueInput): Promise<string> {
  await voidTokens(tx, input.subject, [input.purpose], input.now);
  const token = newToken();
  await tx.insert(verificationTokens).values({
    purpose: input.purpose,
    subjectKind: input.subject.kind,
    subjectId: input.subject.id,
    tokenHash: tokenHash(token),
    payload: input.payload ?? {},
    expiresAt: input.expiresAt,
    createdAt: input.now,
  });
  return token;
}

/** Voids the subject's unused, unvoided tokens of these purposes. */
export async function voidTokens(q: Queryable, subject: TokenSubject, purposes: readonly TokenPurpose[], now: Date): Promise<void> {
  await q
    .update(verificationTokens)
    .set({ voidedAt: now })
    .where(
      and(
        eq(verificationTokens.subjectKind, subject.kind),
        eq(verificationTokens.subjectId, subject.id),
        inArray(verificationTokens.purpose, [...purposes]),
        isNull(verificationTokens.usedAt),
        isNull(verificationTokens.voidedAt),
      ),
    );
}

/**
 * The token behind a link and what it is worth now for a page accepting `purposes` (changes nothing). With
 * `forUpdate`, the row stays locked for the rest of the caller's transaction (two clicks: the second sees it used).
 */
export async function peekToken(q: Queryable, purposes: readonly TokenPurpose[], raw: unknown, now: Date, opts: { forUpdate?: boolean } = {}): Promise<TokenLookup> {
  if (!isWellFormedToken(raw)) return { state: 'missing', row: null };
  const query = q.select().from(verificationTokens).where(eq(verificationTokens.tokenHash, tokenHash(raw))).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  const state = tokenState(row, now, purposes);
  return state === 'ok' ? { state, row: row! } : { state, row: row ?? null };
}

/** Marks a token used (single use). */
export async function markTokenUsed(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(verificationTokens).set({ usedAt: now }).where(eq(verificationTokens.id, id));
}

/** Peeks (locked) and, when the token is good, marks it used: for a link that does its work in one step. */
export async function consumeToken(tx: Queryable, purpose: TokenPurpose, raw: unknown, now: Date): Promise<TokenLookup> {
  const found = await peekToken(tx, [purpose], raw, now, { forUpdate: true });
  if (found.state === 'ok') await markTokenUsed(tx, found.row.id, now);
  return found;
}

/** Deletes the tokens of these subjects (their subject is deleted, e.g. a purged subscription). */
export async function deleteTokensOf(q: Queryable, kind: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.delete(verificationTokens).where(and(eq(verificationTokens.subjectKind, kind), inArray(verificationTokens.subjectId, [...ids])));
}
