// ECPA-1 忘記密碼: the mail through the outbox to a real (in-process) SMTP server, the reset link (7 days, single
// use, a newer one voids the older), the password rule, and what a reset does (unlock, end sessions, notice).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents, outboxMessages } from '../../platform/db/schema/platform.ts';
import { createMailTransport } from '../../platform/mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { deliverDueMail } from '../../platform/outbox/delivery.ts';
import { LOCK_AFTER_FAILURES, RESET_DAYS } from './ecpa.rules.ts';
import { getThenPost, insertStaff, postLogin, sessionToken } from './ecpa.test-support.ts';
import { STAFF_PASSWORD } from '../../../tests/factories/index.ts';
import { freshIp } from '../../../tests/helpers/http-client.ts';

const NEW_PASSWORD = 'NewPass#2025';

describe.each(dbDrivers())('eCPA 忘記密碼 on %s', (driver) => {
  const clock = fixedClock(new Date());
  // Outbox rows are due from the database's now(); delivery looks a second past whichever clock is later.
  const deliveryClock = { now: () => new Date(Math.max(Date.now(), clock.now().getTime()) + 1_000), today: () => clock.today() };
  let smtp: TestSmtpServer;
  const t = useTestApp(driver, { overrides: { clock } });
  const services = () => t.current.services;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  /** Delivers what the outbox holds to the SMTP server and returns the mails received since `from` (to `to` only, if given). */
  async function deliver(from: number, to?: string) {
    await deliverDueMail({ db: services().db, transport: createMailTransport(smtp.url), clock: deliveryClock, mailFrom: services().config.mailFrom });
    return smtp.received.slice(from).filter((m) => !to || m.to.includes(to));
  }

  const linkIn = (text: string | undefined) => {
    const m = /http:\/\/localhost:3000(\/ecpa\/reset\?token=[A-Za-z0-9_%-]+)/.exec(text ?? '');
    if (!m) throw new Error(`no reset link in ${text}`);
    return decodeURIComponent(m[1]!);
  };

  const forgot = (account: string) => getThenPost(t.current.app, '/ecpa/forgot', '/ecpa/forgot', { account }, { ip: freshIp() });
  const reset = (path: string, password: string, confirm = password) => {
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    return getThenPost(t.current.app, path, '/ecpa/reset', { token, password, confirm }, { ip: freshIp() });
  };

  it('ECPA-1 mails a reset link valid 7 days; the link sets a new password once, ends the sessions and sends a notice; SYS-2 audited', async () => {
    const staff = await insertStaff(services().db, services().config, { account: 'reset.me', name: '陳重設', email: 'reset.me@example.gov.tw' });
    const signedIn = await postLogin(t.current.app, { account: 'reset.me', password: STAFF_PASSWORD }, { ip: freshIp() });
    const before = smtp.received.length;
    const r = await forgot('reset.me');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/ecpa/forgot/sent');
    const mails = await deliver(before, 'reset.me@example.gov.tw');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['reset.me@example.gov.tw']);
    expect(mails[0]!.subject).toBe('【人事服務網】密碼重設確認信');
    expect(mails[0]!.text).toContain(`${RESET_DAYS} 天`);
    expect(mails[0]!.text).toContain('陳重設');
    const link = linkIn(mails[0]!.text);

    const page = await t.current.app.inject({ method: 'GET', url: link, remoteAddress: freshIp() });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('重設密碼');

    const done = await reset(link, NEW_PASSWORD);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/ecpa/login');
    // Every session of the account ended.
    expect(await services().sessions.load(sessionToken(signedIn.cookie)!)).toBeNull();
    // Old password out, new password in.
    expect((await postLogin(t.current.app, { account: 'reset.me', password: STAFF_PASSWORD }, { ip: freshIp() })).status).toBe(400);
    expect((await postLogin(t.current.app, { account: 'reset.me', password: NEW_PASSWORD }, { ip: freshIp() })).location).toBe('/ecpa/apps');
    // Single use.
    const again = await t.current.app.inject({ method: 'GET', url: link, remoteAddress: freshIp() });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('連結已使用過');
    // The notice.
    const notice = await deliver(before + 1, 'reset.me@example.gov.tw');
    expect(notice.map((m) => m.subject)).toContain('【人事服務網】密碼已變更通知');
    const actions = (await services().db.select().from(auditEvents).where(eq(auditEvents.subjectId, staff.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['ecpa.password_reset.request', 'ecpa.password_reset']));
  });

  it('ECPA-1 a newer link voids the older one', async () => {
    await insertStaff(services().db, services().config, { account: 'twice.reset' });
    const start = smtp.received.length;
    await forgot('twice.reset');
    await forgot('twice.reset');
    const mails = await deliver(start, 'twice.reset@example.gov.tw');
    expect(mails).toHaveLength(2);
    const [older, newer] = mails.map((m) => linkIn(m.text));
    const old = await t.current.app.inject({ method: 'GET', url: older!, remoteAddress: freshIp() });
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('連結已失效');
    expect((await t.current.app.inject({ method: 'GET', url: newer!, remoteAddress: freshIp() })).statusCode).toBe(200);
  });

  it(`ECPA-1 a link older than ${RESET_DAYS} days has expired`, async () => {
    await insertStaff(services().db, services().config, { account: 'slow.reset' });
    const start = smtp.received.length;
    await forgot('slow.reset');
    const [mail] = await deliver(start, 'slow.reset@example.gov.tw');
    const link = linkIn(mail!.text);
    clock.advance(RESET_DAYS * 24 * 3_600_000 + 60_000);
    const page = await t.current.app.inject({ method: 'GET', url: link, remoteAddress: freshIp() });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('連結已過期');
  });

  it('SYS-4 an unknown account, or one without an e-mail address, gets the same answer and no mail', async () => {
    await insertStaff(services().db, services().config, { account: 'no.email', email: null });
    const outboxBefore = (await services().db.select().from(outboxMessages)).length;
    const unknown = await forgot('nobody.at.all');
    const noEmail = await forgot('no.email');
    expect(unknown.location).toBe('/ecpa/forgot/sent');
    expect(noEmail.location).toBe('/ecpa/forgot/sent');
    expect((await services().db.select().from(outboxMessages)).length).toBe(outboxBefore);
    const sent = await t.current.app.inject({ method: 'GET', url: '/ecpa/forgot/sent', remoteAddress: freshIp() });
    expect(sent.body).toContain('如果這個帳號存在');
  });

  it('ECPA-1 the new password must follow the password rule and be typed twice alike; nothing is used up meanwhile', async () => {
    await insertStaff(services().db, services().config, { account: 'weak.reset' });
    const start = smtp.received.length;
    await forgot('weak.reset');
    const link = linkIn((await deliver(start, 'weak.reset@example.gov.tw'))[0]!.text);
    const weak = await reset(link, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body).toContain('密碼長度至少 8 個字元');
    const differ = await reset(link, NEW_PASSWORD, 'NewPass#2026');
    expect(differ.status).toBe(400);
    expect(differ.body).toContain('兩次輸入的新密碼不一致');
    const same = await reset(link, STAFF_PASSWORD);
    expect(same.status).toBe(400);
    expect(same.body).toContain('新密碼不可與目前的密碼相同');
    expect((await reset(link, NEW_PASSWORD)).location).toBe('/ecpa/login');
  });

  it('SYS-4 a reset lifts a lockout at once', async () => {
    await insertStaff(services().db, services().config, { account: 'locked.reset' });
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await postLogin(t.current.app, { account: 'locked.reset', password: 'Wrong1234!' }, { ip: freshIp() });
    expect((await postLogin(t.current.app, { account: 'locked.reset', password: STAFF_PASSWORD }, { ip: freshIp() })).body).toContain('已暫停登入至');
    const start = smtp.received.length;
    await forgot('locked.reset');
    const link = linkIn((await deliver(start, 'locked.reset@example.gov.tw'))[0]!.text);
    await reset(link, NEW_PASSWORD);
    expect((await postLogin(t.current.app, { account: 'locked.reset', password: NEW_PASSWORD }, { ip: freshIp() })).location).toBe('/ecpa/apps');
  });

  it('ECPA-1 a malformed or unknown token is refused', async () => {
    const bad = await t.current.app.inject({ method: 'GET', url: '/ecpa/reset?token=abc', remoteAddress: freshIp() });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('連結無效');
    const unknown = await t.current.app.inject({ method: 'GET', url: `/ecpa/reset?token=${'A'.repeat(43)}`, remoteAddress: freshIp() });
    expect(unknown.statusCode).toBe(400);
  });
});
