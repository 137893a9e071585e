// The one table of mailed links (ACC-2, ACC-3, ACC-5, ACC-7, ECPA-1, PUB-5): rules and the issue/peek/consume API.
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { verificationTokens } from '../db/schema/platform.ts';
import { consumeToken, isWellFormedToken, issueToken, newToken, peekToken, tokenHash, tokenState, type TokenRow } from './tokens.ts';

const NOW = new Date('2025-03-03T09:00:00+08:00');
const HOUR = 3_600_000;
const later = (h: number) => new Date(NOW.getTime() + h * HOUR);

describe('token rules', () => {
  it('ACC-2 a link is ok once, then used; voided by a newer one; expired at its expiry; of another purpose refused', () => {
    const row = (over: Partial<TokenRow> = {}) => ({ purpose: 'account.activate' as const, usedAt: null, voidedAt: null, expiresAt: later(24), ...over });
    expect(tokenState(row(), NOW, ['account.activate'])).toBe('ok');
    expect(tokenState(row(), new Date(later(24).getTime() - 1), ['account.activate'])).toBe('ok');
    expect(tokenState(row(), later(24), ['account.activate'])).toBe('expired');
    expect(tokenState(row({ usedAt: NOW }), NOW, ['account.activate'])).toBe('used');
    expect(tokenState(row({ voidedAt: NOW }), NOW, ['account.activate'])).toBe('voided');
    expect(tokenState(row({ usedAt: NOW, voidedAt: NOW }), later(48), ['account.activate'])).toBe('used');
    expect(tokenState(row({ purpose: 'account.reset' }), NOW, ['account.activate', 'account.change_email'])).toBe('wrong-purpose');
    expect(tokenState(null, NOW, ['account.activate'])).toBe('missing');
  });

  it('SYS-4 link tokens are 32 random bytes; only their SHA-256 is stored; malformed ones are not looked up', () => {
    const t = newToken();
    expect(isWellFormedToken(t)).toBe(true);
    expect(newToken()).not.toBe(t);
    expect(tokenHash(t)).not.toContain(t);
    expect(tokenHash(t)).toHaveLength(43);
    for (const bad of [undefined, '', 'short', t + 'x', t.slice(0, 42) + '!', `${t.slice(0, 40)}' or`]) expect(isWellFormedToken(bad)).toBe(false);
  });
});

describe.each(dbDrivers())('verification_tokens on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('ECPA-1 PUB-5 a newer token of the same purpose and subject voids the older; other subjects and purposes keep theirs', async () => {
    const db = t.current.db;
    const staff = { kind: 'staff_user', id: '11111111-1111-4111-8111-111111111111' };
    const other = { kind: 'staff_user', id: '22222222-2222-4222-8222-222222222222' };
    const older = await issueToken(db, { purpose: 'staff.reset', subject: staff, expiresAt: later(1), now: NOW });
    const otherOnes = await issueToken(db, { purpose: 'staff.reset', subject: other, expiresAt: later(1), now: NOW });
    const confirm = await issueToken(db, { purpose: 'newsletter.confirm', subject: { kind: 'newsletter_subscription', id: staff.id }, expiresAt: later(1), now: NOW });
    const newer = await issueToken(db, { purpose: 'staff.reset', subject: staff, expiresAt: later(1), now: NOW });
    expect((await peekToken(db, ['staff.reset'], older, NOW)).state).toBe('voided');
    expect((await peekToken(db, ['staff.reset'], otherOnes, NOW)).state).toBe('ok');
    expect((await peekToken(db, ['newsletter.confirm'], confirm, NOW)).state).toBe('ok');
    expect((await peekToken(db, ['account.reset'], newer, NOW)).state).toBe('wrong-purpose');
    const peeked = await peekToken(db, ['staff.reset'], newer, NOW);
    expect(peeked.state === 'ok' && peeked.row.subjectKind === 'staff_user' && peeked.row.subjectId === staff.id).toBe(true);

    const used = await db.transaction((tx) => consumeToken(tx, 'staff.reset', newer, NOW));
    expect(used.state).toBe('ok');
    expect((await db.transaction((tx) => consumeToken(tx, 'staff.reset', newer, NOW))).state).toBe('used');
    expect((await peekToken(db, ['staff.reset'], otherOnes, later(2))).state).toBe('expired');
    expect((await peekToken(db, ['staff.reset'], newToken(), NOW)).state).toBe('missing');
    const stored = JSON.stringify(await db.select().from(verificationTokens));
    for (const raw of [older, newer, otherOnes, confirm]) expect(stored).not.toContain(raw);
  });
});
