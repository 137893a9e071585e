// Sessions kept in the database, so web processes keep no state (ACC-8, SYS-4).
// The cookie carries a random token; the table stores only its SHA-256. Rotated on every sign-in
// (no fixation); expired after SESSION_IDLE_MINUTES without a request. An expired applicant or staff session's row
// is kept (its data emptied) for as long as the browser may still send its cookie, only so that a form sent after
// the expiry can be parked for the same account (platform/http/parked-form.ts, issue 16 item 2); it never signs
// anyone in again. Signing out, signing in and a password change still delete the row at once.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.ts';
import { sessions } from '../db/schema/platform.ts';
import type { Clock } from '../clock.ts';

import type { PrincipalKind, SessionIdentity } from './principal.ts';

export type { Principal, PrincipalKind, SessionIdentity } from './principal.ts';

export interface SessionRecord {
  id: string; // hash
  /** The session's owner as stored; the full principal is loaded per request (auth/http.ts). */
  principal: SessionIdentity | null;
  data: Record<string, unknown>;
  lastSeenAt: Date;
  expiresAt: Date;
  /** True when this load moved the expiry (the cookie's Max-Age is renewed with it: auth/http.ts). */
  touched?: boolean;
}

/**
 * How old the last touch must be before a request extends the expiry: at most 60 s (to spare writes), and a
 * tenth of the idle period below 10 minutes, so that a short idle setting never signs out an active user.
 */
export function touchEveryMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 10));
}

/** The session cookie's Max-Age: four idle periods, renewed whenever activity moves the expiry. */
export function sessionCookieMaxAgeSeconds(idleMinutes: number): number {
  return idleMinutes * 60 * 4;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SessionStore {
  load(token: string): Promise<SessionRecord | null>;
  create(input: { principal: SessionIdentity | null; data?: Record<string, unknown>; ip?: string; userAgent?: string }): Promise<{ token: string; record: SessionRecord }>;
  /** Ends `oldToken`'s session (if any) and starts a new one: used at sign-in. */
  rotate(oldToken: string | undefined, input: { principal: SessionIdentity | null; data?: Record<string, unknown>; ip?: string; userAgent?: string }): Promise<{ token: string; record: SessionRecord }>;
  setData(id: string, data: Record<string, unknown>): Promise<void>;
  /**
   * Whose session `token` was, when it has expired but its row is still kept (see above): for parking a form sent
   * after the expiry. Null for a live, unknown, visitor or signed-out session.
   */
  expiredIdentity(token: string): Promise<SessionIdentity | null>;
  destroy(token: string): Promise<void>;
  destroyAllFor(q: Queryable, principal: { kind: PrincipalKind; id: string }): Promise<void>;
  countActiveSince(since: Date): Promise<number>;
  purgeExpired(): Promise<number>;
}

export function createSessionStore(db: Db, clock: Clock, idleMinutes: number): SessionStore {
  const idleMs = idleMinutes * 60_000;
  const touchMs = touchEveryMs(idleMs);
  const toRecord = (row: typeof sessions.$inferSelect): SessionRecord => ({
    id: row.id,
    principal: row.principalKind && row.principalId ? { kind: row.principalKind as PrincipalKind, id: row.principalId, method: row.method ?? '' } : null,
    data: row.data,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
  });

  async function create(input: Parameters<SessionStore['create']>[0]) {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const [row] = await db
      .insert(sessions)
      .values({
        id: hashToken(token),
        principalKind: input.principal?.kind ?? null,
        principalId: input.principal?.id ?? null,
        method: input.principal?.method ?? null,
        data: input.data ?? {},
        ip: input.ip ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + idleMs),
      })
      .returning();
    return { token, record: toRecord(row!) };
  }

  return {
    async load(token) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const now = clock.now();
      const id = hashToken(token);
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      if (!row) return null;
      if (row.expiresAt <= now) {
        // A visitor's row goes at once; a signed-in one keeps only its owner until purgeExpired (expiredIdentity).
        if (!row.principalId) await db.delete(sessions).where(eq(sessions.id, id));
        else if (Object.keys(row.data).length > 0 || row.ip !== null) await db.update(sessions).set({ data: {}, ip: null, userAgent: null }).where(eq(sessions.id, id));
        return null;
      }
      if (now.getTime() - row.lastSeenAt.getTime() > touchMs) {
        const expiresAt = new Date(now.getTime() + idleMs);
        await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
        row.lastSeenAt = now;
        row.expiresAt = expiresAt;
        return { ...toRecord(row), touched: true };
      }
      return toRecord(row);
    },
    create,
    async rotate(oldToken, input) {
      if (oldToken) await db.delete(sessions).where(eq(sessions.id, hashToken(oldToken)));
      return create(input);
    },
    async setData(id, data) {
      await db.update(sessions).set({ data }).where(eq(sessions.id, id));
    },
    async expiredIdentity(token) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const [row] = await db.select().from(sessions).where(eq(sessions.id, hashToken(token)));
      if (!row || row.expiresAt > clock.now()) return null;
      return toRecord(row).principal;
    },
    async destroy(token) {
      await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
    },
    async destroyAllFor(q, principal) {
      await q.delete(sessions).where(and(eq(sessions.principalKind, principal.kind), eq(sessions.principalId, principal.id)));
    },
    async countActiveSince(since) {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sessions)
        .where(and(gt(sessions.lastSeenAt, since), gt(sessions.expiresAt, clock.now())));
      return r?.n ?? 0;
    },
    async purgeExpired() {
      // Expired, and (for a signed-in session) its cookie can no longer be sent: the cookie was last set when the
      // expiry last moved, so it lapses (Max-Age minus one idle period) after the expiry.
      const now = clock.now();
      const cookieGone = new Date(now.getTime() - sessionCookieMaxAgeSeconds(idleMinutes) * 1000 + idleMs);
      const r = await db
        .delete(sessions)
        .where(and(lt(sessions.expiresAt, now), or(isNull(sessions.principalId), lt(sessions.expiresAt, cookieGone))))
        .returning({ id: sessions.id });
      // What is left of the others is only their owner (as load does when it meets one).
      await db
        .update(sessions)
        .set({ data: {}, ip: null, userAgent: null })
        .where(and(lt(sessions.expiresAt, now), sql`(${sessions.data} <> '{}'::jsonb or ${sessions.ip} is not null)`));
      return r.length;
    },
  };
}
