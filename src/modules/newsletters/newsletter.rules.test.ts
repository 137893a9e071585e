// PUB-5 rules: reading the form, the period, the state of a subscription, the watermark and the link tokens.
import { describe, expect, it } from 'vitest';
import { isWellFormedToken } from '../../platform/auth/tokens.ts';
import {
  addMonths,
  digestSentOn,
  expiryFor,
  lastDayOf,
  needsExpiryNotice,
  normaliseConditions,
  parseEmailForm,
  parseSubscribeForm,
  sameConditions,
  sha256,
  standingOf,
  subscriptionMonths,
  subscriptionToken,
  watermarkOf,
} from './newsletter.rules.ts';

const at = (local: string) => new Date(`${local}+08:00`);

describe('PUB-5 newsletter rules', () => {
  it('PUB-5 the form gives canonical conditions: codes checked, sorted, deduplicated; the address lower-cased', () => {
    const r = parseSubscribeForm({ email: ' Wang@Example.TW ', place: ['23', '10', '10'], sysnam: 'A107', kind: '12', rank: ['簡任', '薦任'], keyword: '  人事 \u0000 行政 ' });
    expect(r).toEqual({
      ok: true,
      email: 'wang@example.tw',
      conditions: { places: ['10', '23'], sysnams: ['A107'], personKinds: ['12'], rankTypes: ['薦任', '簡任'], keyword: '人事 行政' },
    });
    expect(parseSubscribeForm({ email: 'a@example.tw' })).toEqual({ ok: true, email: 'a@example.tw', conditions: normaliseConditions({}) });
  });

  it('PUB-5 every field of the form is checked at once, in the order of the form', () => {
    const r = parseSubscribeForm({ keyword: 'x'.repeat(51), rank: '大官', kind: ['11', '12'], sysnam: 'Z999', place: '21', email: '' });
    expect(r).toEqual({
      ok: false,
      errors: { email: 'email.required', place: 'place.unknown', sysnam: 'sysnam.unknown', kind: 'kind.unknown', rank: 'rank.unknown', keyword: 'keyword.tooLong' },
    });
    expect(Object.keys((r as { errors: object }).errors)).toEqual(['email', 'place', 'sysnam', 'kind', 'rank', 'keyword']);
    expect(parseSubscribeForm({ email: 'a@b', keyword: '1 2 3 4 5 6' })).toMatchObject({ ok: false, errors: { email: 'email.invalid', keyword: 'keyword.tooManyTerms' } });
    expect(parseEmailForm({ email: 'x@example.tw' })).toEqual({ ok: true, email: 'x@example.tw' });
    expect(parseEmailForm({ email: 'no spaces@example.tw' })).toEqual({ ok: false, errors: { email: 'email.invalid' } });
  });

  it('PUB-5 stored conditions of any shape are read back canonically', () => {
    expect(normaliseConditions({ places: ['99', 'x', '10'], rankTypes: ['委任', '簡任'], keyword: 7 as unknown as string })).toEqual({
      places: ['10', '99'],
      sysnams: [],
      personKinds: [],
      rankTypes: ['委任', '簡任'],
      keyword: '',
    });
    expect(sameConditions({ places: ['23', '10'] }, { places: ['10', '23'], keyword: ' ' })).toBe(true);
  });

  it('PUB-5 a subscription runs through the same day N months later (Taipei), shown as 有效期限至', () => {
    expect(addMonths('2026-06-17', 6)).toBe('2026-12-17');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    const end = expiryFor(at('2026-06-17T23:30:00'), 6);
    expect(end.toISOString()).toBe(at('2026-12-18T00:00:00').toISOString());
    expect(lastDayOf(end)).toBe('2026-12-17');
    // 00:30 in Taipei is still the previous day in UTC: the Taipei date counts.
    expect(lastDayOf(expiryFor(at('2026-06-18T00:30:00'), 6))).toBe('2026-12-18');
  });

  it('PUB-5 the period is 6 months unless the configuration says otherwise (NEWSLETTER_MONTHS)', () => {
    expect(subscriptionMonths({})).toBe(6);
    expect(subscriptionMonths({ newsletterMonths: 12 })).toBe(12);
    expect(subscriptionMonths({ newsletterMonths: 0 })).toBe(6);
  });

  it('PUB-5 live means confirmed and not yet expired; expired subscriptions get one notice within a week', () => {
    const now = at('2026-07-11T07:00:00');
    const ends = at('2026-07-11T00:00:00');
    expect(standingOf({ status: 'pending', expiresAt: null }, now)).toBe('pending');
    expect(standingOf({ status: 'active', expiresAt: at('2026-07-11T07:00:01') }, now)).toBe('live');
    expect(standingOf({ status: 'active', expiresAt: ends }, now)).toBe('expired');
    expect(standingOf({ status: 'cancelled', expiresAt: at('2027-01-01T00:00:00') }, now)).toBe('cancelled');
    expect(needsExpiryNotice({ status: 'active', expiresAt: ends, lastSentAt: at('2026-07-10T07:00:00') }, now)).toBe(true);
    expect(needsExpiryNotice({ status: 'active', expiresAt: ends, lastSentAt: now }, now)).toBe(false);
    expect(needsExpiryNotice({ status: 'active', expiresAt: ends, lastSentAt: null }, at('2026-07-19T07:00:00'))).toBe(false);
    expect(needsExpiryNotice({ status: 'cancelled', expiresAt: ends, lastSentAt: null }, now)).toBe(false);
  });

  it('PUB-5 new jobs are those posted after the last mail (or the confirmation); one digest per Taipei day', () => {
    const confirmedAt = at('2026-06-16T10:00:00');
    expect(watermarkOf({ lastSentAt: null, confirmedAt })).toBe(confirmedAt);
    expect(watermarkOf({ lastSentAt: at('2026-06-17T07:00:00'), confirmedAt })).toEqual(at('2026-06-17T07:00:00'));
    expect(digestSentOn({ lastSentAt: at('2026-06-17T00:10:00') }, '2026-06-17')).toBe(true);
    expect(digestSentOn({ lastSentAt: at('2026-06-16T23:59:00') }, '2026-06-17')).toBe(false);
    expect(digestSentOn({ lastSentAt: null }, '2026-06-17')).toBe(false);
  });

  it('SYS-4 PUB-5 the link token is derived from the server secret; the database holds only its SHA-256', () => {
    const a = subscriptionToken('secret-one-secret-one-secret-one-00', '0b7f0c3e-1a2b-4c5d-8e9f-001122334455');
    expect(isWellFormedToken(a)).toBe(true);
    expect(subscriptionToken('secret-one-secret-one-secret-one-00', '0b7f0c3e-1a2b-4c5d-8e9f-001122334455')).toBe(a);
    expect(subscriptionToken('secret-two-secret-two-secret-two-00', '0b7f0c3e-1a2b-4c5d-8e9f-001122334455')).not.toBe(a);
    expect(sha256(a)).not.toBe(a);
    expect(isWellFormedToken(`${a}x`)).toBe(false);
    expect(isWellFormedToken(['x'])).toBe(false);
  });
});
