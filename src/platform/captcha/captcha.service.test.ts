import { beforeEach, describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { createSessionStore } from '../auth/sessions.ts';
import { fixedClock } from '../clock.ts';
import { captchaChallenges } from '../db/schema/platform.ts';
import { currentCode, issueCaptcha, purgeCaptchas, verifyCaptcha } from './captcha.service.ts';

const MINUTE = 60_000;

/** A random source that yields the given digits, in order. */
function digits(...ds: number[]) {
  let i = 0;
  return () => ds[i++ % ds.length]!;
}

describe.each(dbDrivers())('captcha challenges on %s', (driver) => {
  const t = useTestDatabase(driver);
  let clock: ReturnType<typeof fixedClock>;
  let sessionA: string;
  let sessionB: string;
  const deps = () => ({ db: t.current.db, clock });

  beforeEach(async () => {
    clock = fixedClock('2025-03-03T09:00:00+08:00');
    await t.current.db.delete(captchaChallenges);
    const store = createSessionStore(t.current.db, clock, 30);
    sessionA = (await store.create({ principal: null })).record.id;
    sessionB = (await store.create({ principal: null })).record.id;
  });

  it('ACC-4 issues a 5-digit code from the random source', async () => {
    const issued = await issueCaptcha({ ...deps(), random: digits(3, 1, 4, 1, 5) }, sessionA);
    expect(issued.code).toBe('31415');
    expect(issued.id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await t.current.db.select().from(captchaChallenges);
    expect(row?.codeHash).not.toContain('31415');
    expect(row?.expiresAt.getTime()).toBe(clock.now().getTime() + 5 * MINUTE);
  });

  it('ACC-4 the right code passes once; the second use fails as used', async () => {
    const { code } = await issueCaptcha(deps(), sessionA);
    expect(await verifyCaptcha(deps(), sessionA, code)).toEqual({ ok: true });
    expect(await verifyCaptcha(deps(), sessionA, code)).toEqual({ ok: false, reason: 'used' });
  });

  it('ACC-4 a wrong answer uses the challenge up, so the right code no longer passes', async () => {
    const { code } = await issueCaptcha({ ...deps(), random: digits(1, 2, 3, 4, 5) }, sessionA);
    expect(await verifyCaptcha(deps(), sessionA, '54321')).toEqual({ ok: false, reason: 'wrong' });
    expect(await verifyCaptcha(deps(), sessionA, code)).toEqual({ ok: false, reason: 'used' });
  });

  it('ACC-4 an empty answer is wrong and uses the challenge up too', async () => {
    await issueCaptcha(deps(), sessionA);
    expect(await verifyCaptcha(deps(), sessionA, '')).toEqual({ ok: false, reason: 'wrong' });
    expect(await verifyCaptcha(deps(), sessionA, undefined)).toEqual({ ok: false, reason: 'used' });
  });

  it('ACC-4 full-width digits and spaces are accepted as the code', async () => {
    await issueCaptcha({ ...deps(), random: digits(1, 2, 3, 4, 5) }, sessionA);
    expect(await verifyCaptcha(deps(), sessionA, ' １２３ ４５ ')).toEqual({ ok: true });
  });

  it('ACC-4 a challenge expires 5 minutes after it is issued', async () => {
    const first = await issueCaptcha(deps(), sessionA);
    clock.advance(5 * MINUTE - 1);
    expect(await verifyCaptcha(deps(), sessionA, first.code)).toEqual({ ok: true });

    const second = await issueCaptcha(deps(), sessionA);
    clock.advance(5 * MINUTE);
    expect(await verifyCaptcha(deps(), sessionA, second.code)).toEqual({ ok: false, reason: 'expired' });
  });

  it("ACC-4 session A's challenge cannot be answered from session B", async () => {
    const { code } = await issueCaptcha(deps(), sessionA);
    expect(await verifyCaptcha(deps(), sessionB, code)).toEqual({ ok: false, reason: 'missing' });
    await issueCaptcha({ ...deps(), random: digits(9) }, sessionB);
    expect(await verifyCaptcha(deps(), sessionB, code === '99999' ? '00000' : code)).toEqual({ ok: false, reason: 'wrong' });
    expect(await verifyCaptcha(deps(), sessionA, code)).toEqual({ ok: true });
  });

  it('ACC-4 without a session or a challenge the answer is refused as missing', async () => {
    expect(await verifyCaptcha(deps(), undefined, '12345')).toEqual({ ok: false, reason: 'missing' });
    expect(await verifyCaptcha(deps(), sessionA, '12345')).toEqual({ ok: false, reason: 'missing' });
  });

  it('ACC-1 a new challenge voids the older one: only the newest image can be answered', async () => {
    const old = await issueCaptcha({ ...deps(), random: digits(1) }, sessionA);
    const fresh = await issueCaptcha({ ...deps(), random: digits(2) }, sessionA);
    expect(await verifyCaptcha(deps(), sessionA, old.code)).toEqual({ ok: false, reason: 'wrong' });
    const again = await issueCaptcha(deps(), sessionA);
    expect(again.id).not.toBe(fresh.id);
    expect(await t.current.db.select().from(captchaChallenges)).toHaveLength(1);
  });

  it('ACC-4 the test code passes only when configured, uses the challenge up and needs one to exist', async () => {
    const testCode = '246810';
    expect(await verifyCaptcha({ ...deps(), testCode }, sessionA, testCode)).toEqual({ ok: false, reason: 'missing' });

    await issueCaptcha({ ...deps(), random: digits(1) }, sessionA);
    expect(await verifyCaptcha(deps(), sessionA, testCode)).toEqual({ ok: false, reason: 'wrong' });

    await issueCaptcha({ ...deps(), random: digits(1) }, sessionA);
    expect(await verifyCaptcha({ ...deps(), testCode: undefined }, sessionA, testCode)).toEqual({ ok: false, reason: 'wrong' });

    await issueCaptcha({ ...deps(), random: digits(1) }, sessionA);
    expect(await verifyCaptcha({ ...deps(), testCode }, sessionA, testCode)).toEqual({ ok: true });
    expect(await verifyCaptcha({ ...deps(), testCode }, sessionA, testCode)).toEqual({ ok: false, reason: 'used' });

    await issueCaptcha(deps(), sessionB);
    clock.advance(5 * MINUTE);
    expect(await verifyCaptcha({ ...deps(), testCode }, sessionB, testCode)).toEqual({ ok: false, reason: 'expired' });
  });

  it('SYS-5 the current code is there for the image and audio only while the challenge is open', async () => {
    expect(await currentCode(deps(), sessionA)).toBeNull();
    const issued = await issueCaptcha(deps(), sessionA);
    expect(await currentCode(deps(), sessionA)).toEqual(issued);
    expect(await currentCode(deps(), sessionB)).toBeNull();
    clock.advance(5 * MINUTE);
    expect(await currentCode(deps(), sessionA)).toBeNull();

    const next = await issueCaptcha(deps(), sessionA);
    expect(await currentCode(deps(), sessionA)).toEqual(next);
    await verifyCaptcha(deps(), sessionA, 'x');
    expect(await currentCode(deps(), sessionA)).toBeNull();
  });

  it('ACC-4 answered and expired challenges are purged after an hour', async () => {
    await issueCaptcha(deps(), sessionA);
    await issueCaptcha(deps(), sessionB);
    await verifyCaptcha(deps(), sessionA, '0');
    clock.advance(30 * MINUTE);
    expect(await purgeCaptchas(deps())).toBe(0);
    clock.advance(40 * MINUTE);
    expect(await purgeCaptchas(deps())).toBe(2);
  });
});
