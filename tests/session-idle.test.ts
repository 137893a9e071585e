// Issue 9 item 12: the idle expiry is extended in proportion to the idle period.
import { describe, expect, it } from 'vitest';
import { HttpClient as Client } from './helpers/http-client.ts';
import { createAccount } from './factories/index.ts';
import { touchEveryMs } from '../src/platform/auth/sessions.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { useTestApp } from './helpers/app.ts';

describe('idle expiry with SESSION_IDLE_MINUTES=1', () => {
  const clock = fixedClock(new Date());
  const t = useTestApp('pglite', { env: { SESSION_IDLE_MINUTES: '1' }, overrides: { clock } });

  it('ACC-8 item 12: the touch interval is min(60 s, idle/10)', () => {
    expect(touchEveryMs(60_000)).toBe(6_000);
    expect(touchEveryMs(30 * 60_000)).toBe(60_000);
  });

  it('ACC-8 item 12: an active user (a request every 20 s for 3 minutes) stays signed in; 61 s idle signs out', async () => {
    await createAccount(t.current.services, { email: 'idle1@example.tw' });
    const c = new Client(t.current.app);
    expect((await c.login('idle1@example.tw')).statusCode).toBe(303);
    for (let s = 20; s <= 180; s += 20) {
      clock.advance(20_000);
      const res = await c.get('/platform/account/password');
      expect(res.statusCode, `after ${s} s`).toBe(200);
    }
    clock.advance(61_000);
    expect((await c.get('/platform/account/password')).statusCode).toBe(303);
  });
});
