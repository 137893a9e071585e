// The Log test (issue 9 item 4): a full journey through the real app, logging at level info into a buffer. The
// log must hold none of the one-time tokens issued (taken from the outbox), no password typed, no full national
// ID number and no CSRF token.
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../src/platform/db/client.ts';
import { latestMailTo } from '../src/modules/accounts/accounts.test-support.ts';
import { HttpClient as Client } from './helpers/http-client.ts';
import { PASSWORD, PASSWORD_2, PASSWORD_3, STAFF_PASSWORD } from './factories/index.ts';
import { insertStaff } from '../src/modules/ecpa/ecpa.test-support.ts';
import { outboxMessages } from '../src/platform/db/schema/platform.ts';
import { formData } from '../src/modules/resumes/resumes.test-support.ts';
import { csrfFrom, TEST_CAPTCHA, useTestApp } from './helpers/app.ts';

const lines: string[] = [];
const ID_NUMBER = 'F131104093';
const STAFF_NEW_PASSWORD = 'Staff5678!new';

/** The path and query of the first link to `path` with a token in the newest mail to `to`. */
async function linkTo(t: { services: { db: Queryable } }, to: string, path: string): Promise<string> {
  const mail = await latestMailTo(t.services.db, to);
  const m = new RegExp(`https?://[^\\s"<>]+?(${path.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_%-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return m[1]!;
}

describe('the Log test', () => {
  const t = useTestApp('pglite', { env: { LOG_LEVEL: 'info' }, logStream: { write: (line: string) => void lines.push(line) } });

  it('SYS-2 item 4: a full journey logs no token, password, full ID number or CSRF token', async () => {
    const app = t.current.app;
    const csrfTokens: string[] = [];
    const c = new Client(app);
    const track = <T extends { body: string }>(r: T) => {
      for (const m of r.body.matchAll(/name="_csrf" value="([^"]+)"/g)) csrfTokens.push(m[1]!);
      return r;
    };
    const email = 'journey@example.tw';
    // 註冊 → 啟用 → 登入
    track(await c.register(email));
    track(await c.get(await linkTo(t.current, email, '/platform/activate')));
    expect((await c.login(email)).statusCode).toBe(303);
    // 履歷 with an ID number (multipart, the token in the action's query)
    const page = track(await c.get('/platform/resume'));
    const fields = { chineseName: '王小明', idNumber: ID_NUMBER, birthDate: '080/01/14', phone: '0912-345-678', email, zip: '100臺北市中正區', street: '濟南路一段 2 號', autobiography: '自傳' };
    await app.inject({ method: 'POST', url: `/platform/resume?_csrf=${encodeURIComponent(csrfFrom(page.body))}`, headers: { cookie: c.cookie }, payload: formData(fields), remoteAddress: c.ip });
    // 變更帳號 (e-mail) → the link to the new address
    track(await c.get('/platform/account/email'));
    await c.post('/platform/account/email', { current: PASSWORD, newEmail: 'journey2@example.tw', password: PASSWORD_2, confirm: PASSWORD_2 });
    const changeLink = await latestMailTo(t.current.services.db, 'journey2@example.tw').then((m) => /https?:\/\/[^\s"<>]+?(\/platform\/[a-z/]+\?token=[A-Za-z0-9_%-]+)/.exec(m.text)?.[1]);
    expect(changeLink).toBeTruthy();
    track(await c.get(changeLink!));
    // 忘記密碼 → 重設
    const f = new Client(app);
    track(await f.submit('/platform/forgot', { email: 'journey2@example.tw' }));
    const resetLink = await linkTo(t.current, 'journey2@example.tw', '/platform/reset');
    track(await f.get(resetLink));
    await f.post('/platform/reset', { token: new URL(resetLink, 'http://x').searchParams.get('token')!, password: PASSWORD_3, confirm: PASSWORD_3 });
    // 電子報: subscribe → confirm → unsubscribe
    const nl = 'news@example.tw';
    const v = new Client(app);
    track(await v.submit('/newsletter', { email: nl, place: '10', keyword: '人事' }));
    const confirm = await linkTo(t.current, nl, '/newsletter/confirm');
    track(await v.get(confirm));
    const confirmed = await v.post('/newsletter/confirm', { token: new URL(confirm, 'http://x').searchParams.get('token')! });
    if (typeof confirmed.headers.location === 'string') track(await v.get(confirmed.headers.location));
    const unsubscribe = await linkTo(t.current, nl, '/newsletter/unsubscribe').catch(() => '');
    if (unsubscribe) {
      track(await v.get(unsubscribe));
      await v.post('/newsletter/unsubscribe', { token: new URL(unsubscribe, 'http://x').searchParams.get('token')! });
    }
    // eCPA staff: sign in, forget, reset
    await insertStaff(t.current.services.db, t.current.services.config, { account: 'log.staff', name: '陳記錄', email: 'log.staff@example.gov.tw' });
    const s = new Client(app);
    track(await s.submit('/ecpa/login', { account: 'log.staff', password: STAFF_PASSWORD, captcha: TEST_CAPTCHA }));
    const s2 = new Client(app);
    track(await s2.submit('/ecpa/forgot', { account: 'log.staff' }));
    const staffReset = await linkTo(t.current, 'log.staff@example.gov.tw', '/ecpa/reset');
    track(await s2.get(staffReset));
    await s2.post('/ecpa/reset', { token: new URL(staffReset, 'http://x').searchParams.get('token')!, password: STAFF_NEW_PASSWORD, confirm: STAFF_NEW_PASSWORD });

    // Every token issued by mail, every password typed, the ID number, every CSRF token and session cookie.
    const mails = await t.current.services.db.select().from(outboxMessages);
    const tokens = new Set<string>();
    for (const m of mails) for (const x of m.text.matchAll(/token=([A-Za-z0-9_-]{20,})/g)) tokens.add(x[1]!);
    expect(tokens.size).toBeGreaterThanOrEqual(5);
    const sessionIds = [c, f, v, s, s2].map((x) => x.sid()).filter((x): x is string => !!x);
    const secrets = [...tokens, PASSWORD, PASSWORD_2, PASSWORD_3, STAFF_PASSWORD, STAFF_NEW_PASSWORD, ID_NUMBER, ...new Set(csrfTokens), ...sessionIds];
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(30);
    expect(log).toContain('"url":"/platform/activate?token=[redacted]"');
    const leaked = secrets.filter((secret) => log.includes(secret) || log.includes(encodeURIComponent(secret)));
    expect(leaked).toEqual([]);
    console.log(`log test: ${lines.length} log lines, ${mails.length} mails, ${tokens.size} tokens, ${new Set(csrfTokens).size} CSRF tokens, ${secrets.length} secrets checked, 0 found`);
  });
});
