// PUB-5 電子報訂閱 / 取消: the pure rules. Reading the form, the subscription's period, what "live" means, the
// watermark of the digest, and the link tokens' shape. No I/O, no clock of its own.
import { createHash } from 'node:crypto';
import { keyedHash } from '../../platform/crypto/keys.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../platform/http/forms.ts';
import { taipeiIsoDate } from '../../platform/clock.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { isRankType, isSysnamCode, isWorkPlaceCode, personKindName, rankTypes } from '../reference/index.ts';
import { KEYWORD_MAX, KEYWORD_TERMS_MAX, splitTerms, type RankType } from '../vacancies/index.ts';
import type { NewsletterConditions } from './newsletter.schema.ts';

/**
 * How long a confirmed subscription lasts, in calendar months, unless configured otherwise
 * (env NEWSLETTER_MONTHS → config.newsletterMonths). The page and every mail show the end date.
 */
export const NEWSLETTER_MONTHS_DEFAULT = 6;
/** A confirmation link works this long, once. */
export const CONFIRM_HOURS = 72;
/**
 * SYS-4 anti-abuse: at most this many mails (confirmation or cancel link) to one address per hour, whatever
 * anyone types; further requests get the same answer and send nothing. Together with the per-IP limit below.
 */
export const MAILS_PER_ADDRESS_PER_HOUR = 5;
/** POSTs that send mail (subscribe, cancel by email), per IP address and minute. */
export const NEWSLETTER_POSTS_PER_MINUTE = 10;
/** Jobs listed in one digest; beyond that the mail links to the search with the same conditions. */
export const DIGEST_MAX_JOBS = 50;
/** Subscribers handled per batch of the daily run. */
export const DIGEST_BATCH_SIZE = 200;
/** An expiry notice is sent only for subscriptions that ended within this many days (not after a long outage). */
export const EXPIRY_NOTICE_WITHIN_DAYS = 7;
/** SYS-3: never-confirmed, cancelled and expired subscriptions are deleted this many days later. */
export const PURGE_AFTER_DAYS = 30;
export const EMAIL_MAX_LENGTH = 254;

/** The configured period: config.newsletterMonths when the configuration has it (NEWSLETTER_MONTHS), else 6. */
export function subscriptionMonths(config: object): number {
  const v = (config as { newsletterMonths?: unknown }).newsletterMonths;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 120 ? v : NEWSLETTER_MONTHS_DEFAULT;
}

// ── e-mail ────────────────────────────────────────────────────────────────────

/** Addresses are compared without case and surrounding spaces. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** A plain, practical check: one @, a dotted domain, no spaces or control characters, ≤ 254 (same rule as accounts). */
export function isEmailAddress(email: string): boolean {
  if (email.length === 0 || email.length > EMAIL_MAX_LENGTH) return false;
  return /^[^\s@<>()[\]\\,;:"\p{Cc}]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u.test(email);
}

// ── the form ──────────────────────────────────────────────────────────────────

/** Form field names; the conditions use the names of the search form (PUB-1). */
export const FORM_ORDER = ['email', 'place', 'sysnam', 'kind', 'rank', 'keyword'] as const;
export type NewsletterField = (typeof FORM_ORDER)[number];
export type NewsletterErrorCode =
  | 'email.required'
  | 'email.invalid'
  | 'place.unknown'
  | 'sysnam.unknown'
  | 'kind.unknown'
  | 'rank.unknown'
  | 'keyword.tooLong'
  | 'keyword.tooManyTerms';

/** Conditions as stored: every key present, codes sorted, keyword cleaned. Empty = any. */
export type Conditions = Required<NewsletterConditions>;

export const NO_CONDITIONS: Readonly<Conditions> = Object.freeze({ places: [], sysnams: [], personKinds: [], rankTypes: [], keyword: '' });

const RANK_ORDER: readonly RankType[] = rankTypes().map((r) => r.name);

/** Control characters count as white space; runs of white space become one space. */
export function cleanKeyword(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/gu, ' ').trim();
}

/** Any stored or submitted shape → the canonical conditions (unknown codes dropped). */
export function normaliseConditions(c: NewsletterConditions | null | undefined): Conditions {
  const list = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : []);
  return {
    places: list(c?.places).filter((p) => isWorkPlaceCode(p)).sort(),
    sysnams: list(c?.sysnams).filter(isSysnamCode).sort(),
    personKinds: list(c?.personKinds).filter((k) => personKindName(k) !== null).sort(),
    rankTypes: RANK_ORDER.filter((r) => list(c?.rankTypes).includes(r)),
    keyword: typeof c?.keyword === 'string' ? cleanKeyword(c.keyword) : '',
  };
}

export function sameConditions(a: NewsletterConditions | null | undefined, b: NewsletterConditions | null | undefined): boolean {
  return JSON.stringify(normaliseConditions(a)) === JSON.stringify(normaliseConditions(b));
}

export type SubscribeParse =
  | { ok: true; email: string; conditions: Conditions }
  | { ok: false; errors: Partial<Record<NewsletterField, NewsletterErrorCode>> };

function emailError(email: string): NewsletterErrorCode | null {
  if (email === '') return 'email.required';
  if (!isEmailAddress(email)) return 'email.invalid';
  return null;
}

/** Reads the 電子報取消 form: just the address. */
export function parseEmailForm(values: FormValues): { ok: true; email: string } | { ok: false; errors: Partial<Record<'email', NewsletterErrorCode>> } {
  const email = normaliseEmail(valueOf(values, 'email'));
  const error = emailError(email);
  return error ? { ok: false, errors: { email: error } } : { ok: true, email };
}

/** Reads the 電子報訂閱 form; every field is checked so that all problems show at once. */
export function parseSubscribeForm(values: FormValues): SubscribeParse {
  const errors: Partial<Record<NewsletterField, NewsletterErrorCode>> = {};
  const email = normaliseEmail(valueOf(values, 'email'));
  const e = emailError(email);
  if (e) errors.email = e;

  const codes = (name: string) => [...new Set(valuesOf(values, name).map((s) => s.trim()).filter(Boolean))];
  const places = codes('place');
  if (places.some((p) => !isWorkPlaceCode(p))) errors.place = 'place.unknown';
  const sysnams = codes('sysnam');
  if (sysnams.length > 1 || sysnams.some((s) => !isSysnamCode(s))) errors.sysnam = 'sysnam.unknown';
  const kinds = codes('kind');
  if (kinds.length > 1 || kinds.some((k) => personKindName(k) === null)) errors.kind = 'kind.unknown';
  const ranks = codes('rank');
  if (ranks.some((r) => !isRankType(r))) errors.rank = 'rank.unknown';
  const keyword = cleanKeyword(valueOf(values, 'keyword'));
  if ([...keyword].length > KEYWORD_MAX) errors.keyword = 'keyword.tooLong';
  else if (splitTerms(keyword).length > KEYWORD_TERMS_MAX) errors.keyword = 'keyword.tooManyTerms';

  if (Object.keys(errors).length) {
    const ordered: Partial<Record<NewsletterField, NewsletterErrorCode>> = {};
    for (const f of FORM_ORDER) if (errors[f]) ordered[f] = errors[f];
    return { ok: false, errors: ordered };
  }
  return { ok: true, email, conditions: normaliseConditions({ places, sysnams, personKinds: kinds, rankTypes: ranks as RankType[], keyword }) };
}

/** The form's values for stored conditions (pre-filling). */
export function conditionValues(c: NewsletterConditions, email: string): FormValues {
  const n = normaliseConditions(c);
  return { email, place: n.places, sysnam: n.sysnams[0] ?? '', kind: n.personKinds[0] ?? '', rank: n.rankTypes, keyword: n.keyword };
}

// ── period and state ──────────────────────────────────────────────────────────

/** `iso` plus `months` calendar months; the day is clamped to the month's end (08-31 + 6 → 02-28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The start of a Taipei calendar day as an instant (Taiwan keeps UTC+8, no daylight saving). */
export function taipeiMidnight(iso: string): Date {
  return new Date(`${iso}T00:00:00+08:00`);
}

/**
 * A subscription confirmed at `now` runs through the Taipei day `months` months later (inclusive):
 * confirmed 115/06/17 for 6 months → 有效期限至 115/12/17 (115/05/31 → 115/11/30); it ends at the following midnight.
 */
export function expiryFor(now: Date, months: number): Date {
  const lastDay = addMonths(taipeiIsoDate(now), months);
  return taipeiMidnight(addDays(lastDay, 1));
}

/** The last day (Taipei, ISO) on which a subscription ending at `expiresAt` is still live: shown as 有效期限至. */
export function lastDayOf(expiresAt: Date): string {
  return taipeiIsoDate(new Date(expiresAt.getTime() - 1));
}

export type SubscriptionStatus = 'pending' | 'active' | 'cancelled';
export interface SubscriptionState {
  status: SubscriptionStatus;
  expiresAt: Date | null;
}
/** What the owner sees: 待確認, 訂閱中, 已到期, 已取消. */
export type Standing = 'pending' | 'live' | 'expired' | 'cancelled';

export function standingOf(s: SubscriptionState, now: Date): Standing {
  if (s.status === 'cancelled') return 'cancelled';
  if (s.status === 'pending' || s.expiresAt === null) return 'pending';
  return s.expiresAt.getTime() > now.getTime() ? 'live' : 'expired';
}

export function isLive(s: SubscriptionState, now: Date): boolean {
  return standingOf(s, now) === 'live';
}

/**
 * Jobs posted after this instant are new for the subscriber: the last digest, or the confirmation when none
 * has been sent since (a renewal after expiry or cancellation restarts from the confirmation).
 */
export function watermarkOf(s: { lastSentAt: Date | null; confirmedAt: Date | null }): Date | null {
  return s.lastSentAt ?? s.confirmedAt;
}

/** At most one digest per subscriber per Taipei day: re-running the day's digest sends nothing twice. */
export function digestSentOn(s: { lastSentAt: Date | null }, today: string): boolean {
  return s.lastSentAt !== null && taipeiIsoDate(s.lastSentAt) === today;
}

/** One "your subscription has ended" notice: ended recently, and nothing sent since it ended. */
export function needsExpiryNotice(s: SubscriptionState & { lastSentAt: Date | null }, now: Date): boolean {
  if (s.status !== 'active' || s.expiresAt === null) return false;
  const ended = s.expiresAt.getTime();
  if (ended > now.getTime() || ended < now.getTime() - EXPIRY_NOTICE_WITHIN_DAYS * 86_400_000) return false;
  return s.lastSentAt === null || s.lastSentAt.getTime() < ended;
}

// ── link tokens ───────────────────────────────────────────────────────────────

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The subscription's own link token (管理 / 取消訂閱, carried by every mail and the List-Unsubscribe header).
 * Every digest must carry it, so it is derived, not stored: HMAC of the subscription id under a key derived from
 * DATA_KEY (before 0007: from SESSION_SECRET; those links, in mails already sent, are still found through
 * legacy_unsubscribe_token_hash). The table keeps only its SHA-256 (lookup); the database alone never yields a working link.
 */
export function subscriptionToken(dataKey: string, subscriptionId: string): string {
  return keyedHash(dataKey, 'newsletter-subscription-link/v1', subscriptionId);
}
