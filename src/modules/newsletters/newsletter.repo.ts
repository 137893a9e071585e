// Queries of PUB-5: subscriptions, their confirmation tokens (platform verification_tokens, newsletter.confirm),
// the per-address mail count (from the audit log) and the jobs a digest lists. Queries only; no rules here.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { deleteTokensOf, issueToken, peekToken, voidTokens, isWellFormedToken } from '../../platform/auth/tokens.ts';
import { auditEvents, verificationTokens } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { listColumns, searchConditions, searchOrder, type VacancyListRow, type RankType, vacancies } from '../vacancies/index.ts';
import { sha256, subscriptionToken, type Conditions } from './newsletter.rules.ts';
import { newsletterSubscriptions, type NewsletterConditions } from './newsletter.schema.ts';

export type Subscription = typeof newsletterSubscriptions.$inferSelect;
export type ConfirmToken = typeof verificationTokens.$inferSelect;

export const SUBJECT_KIND = 'newsletter_subscription';
const CONFIRM = 'newsletter.confirm' as const;

function subscriptionSubject(id: string): { kind: string; id: string } {
  return { kind: SUBJECT_KIND, id };
}
/** Audit actions that mean "a mail went to this address on request" (counted for the per-address limit). */
export const MAILED_ACTIONS = ['newsletter.confirm_mailed', 'newsletter.cancel_mailed'] as const;

const subs = newsletterSubscriptions;

// ── subscriptions ─────────────────────────────────────────────────────────────

/**
 * The subscription row of an address, locked for the rest of the transaction; created (pending, no
 * conditions) when the address has none. Concurrent first requests for one address meet on the unique index.
 */
export async function lockOrCreateByEmail(tx: Queryable, email: string, now: Date, dataKey: string): Promise<Subscription> {
  const id = randomUUID();
  await tx
    .insert(subs)
    .values({ id, email, status: 'pending', unsubscribeTokenHash: sha256(subscriptionToken(dataKey, id)), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: subs.email });
  const [row] = await tx.select().from(subs).where(eq(subs.email, email)).for('update');
  if (!row) throw new Error('newsletter subscription row vanished');
  return row;
}

export async function findByEmail(q: Queryable, email: string, forUpdate = false): Promise<Subscription | null> {
  const query = q.select().from(subs).where(eq(subs.email, email)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findById(q: Queryable, id: string): Promise<Subscription | null> {
  const [row] = await q.select().from(subs).where(eq(subs.id, id)).limit(1);
  return row ?? null;
}

export async function lockById(tx: Queryable, id: string): Promise<Subscription | null> {
  const [row] = await tx.select().from(subs).where(eq(subs.id, id)).for('update');
  return row ?? null;
}

/**
 * The subscription a 管理 / 取消訂閱 link belongs to (by the SHA-256 of its token); null for anything else. A link
 * of a mail sent before 0007 (token derived from SESSION_SECRET) is found by the hash kept aside then.
 */
export async function findByLinkToken(q: Queryable, token: unknown, forUpdate = false): Promise<Subscription | null> {
  if (!isWellFormedToken(token)) return null;
  const hash = sha256(token);
  const query = q
    .select()
    .from(subs)
    .where(or(eq(subs.unsubscribeTokenHash, hash), eq(subs.legacyUnsubscribeTokenHash, hash)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateSubscription(tx: Queryable, id: string, patch: Partial<Omit<Subscription, 'id' | 'email' | 'createdAt'>>, now: Date): Promise<void> {
  await tx
    .update(subs)
    .set({ ...patch, updatedAt: now })
    .where(eq(subs.id, id));
}

// ── confirmation tokens ───────────────────────────────────────────────────────

export interface ConfirmPayload {
  conditions: NewsletterConditions;
}

/**
 * A new single-use confirmation token (platform verification_tokens, purpose newsletter.confirm); only its SHA-256
 * is stored. A newer link voids the subscription's older ones (the latest request is what the owner meant).
 */
export async function issueConfirmToken(tx: Queryable, input: { subscriptionId: string; conditions: Conditions; expiresAt: Date; now: Date }): Promise<string> {
  const payload: ConfirmPayload = { conditions: input.conditions };
  return issueToken(tx, { purpose: CONFIRM, subject: subscriptionSubject(input.subscriptionId), expiresAt: input.expiresAt, now: input.now, payload: { ...payload } });
}

export type ConfirmTokenState = 'ok' | 'invalid' | 'used' | 'voided' | 'expired';

/** The confirmation token behind a link and what it is worth now. With forUpdate it stays locked (double clicks). */
export async function findConfirmToken(q: Queryable, token: unknown, now: Date, forUpdate = false): Promise<{ state: ConfirmTokenState; row: ConfirmToken | null }> {
  const found = await peekToken(q, [CONFIRM], token, now, { forUpdate });
  if (found.state === 'missing' || found.state === 'wrong-purpose') return { state: 'invalid', row: null };
  return { state: found.state, row: found.row };
}

/** Voids the subscription's other unused confirmation links (after one is used, or on unsubscribe). */
export async function voidConfirmTokens(tx: Queryable, subscriptionId: string, now: Date): Promise<void> {
  await voidTokens(tx, subscriptionSubject(subscriptionId), [CONFIRM], now);
}

/**
 * Mails sent to this subscription's address on request in the last hour (confirmation and cancel links),
 * counted from the audit log. Measured in the database's own time: the limit is about real time.
 */
export async function recentRequestMails(q: Queryable, subscriptionId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectKind, SUBJECT_KIND),
        eq(auditEvents.subjectId, subscriptionId),
        inArray(auditEvents.action, [...MAILED_ACTIONS]),
        sql`${auditEvents.at} > now() - interval '1 hour'`,
      ),
    );
  return Number(row?.n ?? 0);
}

// ── the signed-in applicant ───────────────────────────────────────────────────

/** The account email of a signed-in applicant (null for a voided or unknown account). */
export async function applicantEmail(q: Queryable, applicantId: string): Promise<string | null> {
  const [row] = await q
    .select({ email: applicantAccounts.email })
    .from(applicantAccounts)
    .where(and(eq(applicantAccounts.id, applicantId), ne(applicantAccounts.status, 'voided')))
    .limit(1);
  return row?.email ?? null;
}

// ── the digest ────────────────────────────────────────────────────────────────

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Ids of live subscriptions after `cursor` (keyset pagination: a batch at a time, however many there are). */
export async function liveIdsAfter(q: Queryable, now: Date, cursor: string | null, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: subs.id })
    .from(subs)
    .where(and(eq(subs.status, 'active'), gt(subs.expiresAt, now), gt(subs.id, cursor ?? FIRST_ID)))
    .orderBy(asc(subs.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Ids of subscriptions that ended in (since, now] and have had no mail since they ended. */
export async function endedIdsAfter(q: Queryable, now: Date, since: Date, cursor: string | null, limit: number): Promise<string[]> {
  const rows = await q
    .select({ id: subs.id })
    .from(subs)
    .where(
      and(
        eq(subs.status, 'active'),
        lte(subs.expiresAt, now),
        gt(subs.expiresAt, since),
        or(isNull(subs.lastSentAt), lt(subs.lastSentAt, subs.expiresAt)),
        gt(subs.id, cursor ?? FIRST_ID),
      ),
    )
    .orderBy(asc(subs.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The subscriber's conditions as one SQL condition on published jobs: the search of PUB-1 with the same
 * filters (工作地 any of, 官等 any of, keyword terms all of); several 職系 or 人員區分 match any of them.
 * Keywords match as the web search matches them (台 = 臺, NFKC: `fold`); the digest's posted_at range keeps
 * the rows few, as the folded text has no index.
 */
export function conditionsWhere(c: Conditions, today: string): SQL {
  const base = { keyword: c.keyword, place: c.places, rank: c.rankTypes as RankType[] };
  const sysnams: (string | null)[] = c.sysnams.length ? c.sysnams : [null];
  const kinds: (string | null)[] = c.personKinds.length ? c.personKinds : [null];
  const parts = sysnams.flatMap((sysnam) => kinds.map((kind) => searchConditions({ ...base, sysnam, kind }, today, { fold: true })));
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

/** Jobs published today, matching the conditions, posted in (since, until]: newest first, at most `limit`, and the total. */
export async function newMatchingJobs(
  q: Queryable,
  input: { conditions: Conditions; today: string; since: Date; until: Date; limit: number },
): Promise<{ total: number; rows: VacancyListRow[] }> {
  const where = and(conditionsWhere(input.conditions, input.today), gt(vacancies.postedAt, input.since), lte(vacancies.postedAt, input.until));
  const rows = await q
    .select(listColumns)
    .from(vacancies)
    .where(where)
    .orderBy(...searchOrder)
    .limit(input.limit);
  if (rows.length < input.limit) return { total: rows.length, rows };
  const [n] = await q.select({ n: count() }).from(vacancies).where(where);
  return { total: Number(n?.n ?? rows.length), rows };
}

// ── retention (SYS-3) ─────────────────────────────────────────────────────────

/**
 * Deletes subscriptions nobody confirmed, cancelled ones and expired ones, `before` being their last moment
 * of use, with their confirmation tokens. Returns how many subscriptions went.
 */
export async function purgeStale(q: Queryable, before: Date): Promise<number> {
  return (
    await q.transaction(async (tx) => {
      const gone = await tx
        .delete(subs)
        .where(
          or(
            and(eq(subs.status, 'pending'), lt(subs.createdAt, before)),
            and(eq(subs.status, 'cancelled'), lt(subs.cancelledAt, before)),
            and(eq(subs.status, 'active'), lt(subs.expiresAt, before)),
          ),
        )
        .returning({ id: subs.id });
      if (gone.length) {
        await deleteTokensOf(tx, SUBJECT_KIND, gone.map((g) => g.id));
      }
      return gone;
    })
  ).length;
}

/** The subscription's confirmation tokens, newest first (for tests and the back office). */
export async function confirmTokensOf(q: Queryable, subscriptionId: string): Promise<ConfirmToken[]> {
  return q
    .select()
    .from(verificationTokens)
    .where(and(eq(verificationTokens.purpose, CONFIRM), eq(verificationTokens.subjectKind, SUBJECT_KIND), eq(verificationTokens.subjectId, subscriptionId)))
    .orderBy(desc(verificationTokens.createdAt));
}
