// PUB-5 the daily 電子報 with a fixed clock: new matching jobs only, nothing when nothing is new, never twice a day,
// List-Unsubscribe with RFC 8058 one-click, expired subscriptions get no digest (one notice), batches.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { confirmSubscription } from './confirm.ts';
import { runNewsletterDigest } from './digest.ts';
import { newsletterSubscriptions } from './newsletter.schema.ts';
import { normaliseConditions, type Conditions } from './newsletter.rules.ts';
import { requestSubscription } from './subscribe.ts';
import { Mailbox, insertVacancy, linkIn, rawHeader, tokenOf } from './testkit.ts';

const at = (local: string) => new Date(`${local}+08:00`);

describe.each(dbDrivers())('PUB-5 daily digest on %s', (driver) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mailbox: Mailbox;
  const clock = fixedClock(at('2026-06-16T10:00:00'));
  let n = 0;
  const email = (name: string) => `${name}.${driver}.${++n}@example.tw`;

  beforeAll(async () => {
    t = await createTestApp(driver, { overrides: { clock } });
    smtp = await startTestSmtpServer();
    mailbox = new Mailbox(smtp, t.services.db, t.config.mailFrom);
  });
  afterAll(async () => {
    mailbox?.close();
    await smtp?.stop();
    await t?.close();
  });

  async function subscribed(address: string, conditions: Partial<Conditions>, when: string): Promise<void> {
    clock.set(at(when));
    await requestSubscription(t.services, { email: address, conditions: normaliseConditions(conditions) });
    const [mail] = await mailbox.deliverTo(address);
    const result = await confirmSubscription(t.services, { token: tokenOf(linkIn(mail!, 'confirm')) });
    expect(result.kind).toBe('confirmed');
  }

  const digest = async (when: string, opts: Parameters<typeof runNewsletterDigest>[1] = {}) => {
    clock.set(at(when));
    return runNewsletterDigest(t.services, opts);
  };

  const sub = async (address: string) => (await t.services.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, address)))[0]!;

  it('PUB-5 the digest lists the new jobs published today that match, nothing else; nothing new → no mail; a second run the same day sends nothing', async () => {
    const address = email('digest');
    const quiet = email('quiet');
    await subscribed(address, { places: ['10', '23'], rankTypes: ['薦任'], keyword: '人事' }, '2026-06-16T10:00:00');
    await subscribed(quiet, { places: ['98'] }, '2026-06-16T10:00:00'); // 連江縣: nothing matches
    const valid = { validFrom: '2026-06-16', validTo: '2026-06-30' };
    const match = await insertVacancy(t.services.db, { title: '人事室薦任科員', workPlaces: ['10'], rankTypes: ['薦任'], postedAt: at('2026-06-16T12:00:00'), ...valid });
    const otherPlace = await insertVacancy(t.services.db, { title: '人事室薦任科員（高雄）', workPlaces: ['82'], rankTypes: ['薦任'], postedAt: at('2026-06-16T12:00:00'), ...valid });
    const before = await insertVacancy(t.services.db, { title: '人事室薦任專員（舊）', workPlaces: ['10'], rankTypes: ['薦任'], postedAt: at('2026-06-16T09:00:00'), ...valid });
    const notYetOpen = await insertVacancy(t.services.db, { title: '人事室薦任科員（未開始）', workPlaces: ['10'], rankTypes: ['薦任'], postedAt: at('2026-06-16T12:00:00'), validFrom: '2026-06-20', validTo: '2026-06-30' });
    const otherWord = await insertVacancy(t.services.db, { title: '會計室薦任科員', orgName: '財政部', workPlaces: ['23'], rankTypes: ['薦任'], postedAt: at('2026-06-16T12:00:00'), ...valid });
    const otherRank = await insertVacancy(t.services.db, { title: '人事室委任書記', workPlaces: ['23'], rankTypes: ['委任'], postedAt: at('2026-06-16T12:00:00'), ...valid });

    const first = await digest('2026-06-17T07:00:00');
    expect(first).toMatchObject({ mailed: 1, jobs: 1 });
    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.to[0])).toEqual([address]);
    const mail = mails[0]!;
    expect(mail.subject).toBe('【事求人機關徵才系統】電子報：新職缺 1 筆（115/06/17）');
    expect(mail.text).toContain('人事室薦任科員｜行政院人事行政總處');
    expect(mail.text).toContain(`http://localhost:3000/jobs/${match}`);
    expect(mail.html).toContain(`<a href="http://localhost:3000/jobs/${match}">人事室薦任科員</a>`);
    for (const id of [otherPlace, before, notYetOpen, otherWord, otherRank]) expect(mail.text).not.toContain(id);
    expect(mail.text).toContain('訂閱有效期限至 115/12/16');

    // RFC 2369 / RFC 8058 headers, pointing at the same link as the mail's own 取消訂閱.
    const unsubscribe = linkIn(mail, 'unsubscribe');
    expect(rawHeader(mail, 'List-Unsubscribe')).toBe(`<http://localhost:3000${unsubscribe}>`);
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(linkIn(mail, 'manage')).toBe(unsubscribe.replace('unsubscribe', 'manage'));
    expect((await sub(address)).lastSentAt!.toISOString()).toBe(at('2026-06-17T07:00:00').toISOString());

    // Again the same day, even with a new job: nothing twice.
    const later = await insertVacancy(t.services.db, { title: '人事室薦任視察', workPlaces: ['23'], rankTypes: ['薦任'], postedAt: at('2026-06-17T07:10:00'), ...valid });
    expect(await digest('2026-06-17T07:00:00')).toMatchObject({ mailed: 0 });
    expect(await digest('2026-06-17T12:00:00')).toMatchObject({ mailed: 0 });
    expect(await mailbox.deliver()).toEqual([]);

    // Next day: only what is new since the last mail.
    expect(await digest('2026-06-18T07:00:00')).toMatchObject({ mailed: 1, jobs: 1 });
    const [next] = await mailbox.deliver();
    expect(next!.text).toContain(later);
    expect(next!.text).not.toContain(match);

    // Nothing new: no mail.
    expect(await digest('2026-06-19T07:00:00')).toMatchObject({ mailed: 0, jobs: 0 });
    expect(await mailbox.deliver()).toEqual([]);
  });

  it('PUB-5 the one-click unsubscribe of the List-Unsubscribe header works with no session and no CSRF token, and stops the mail', async () => {
    const address = email('oneclick');
    await subscribed(address, { places: ['33'] }, '2026-07-01T10:00:00');
    const valid = { validFrom: '2026-07-01', validTo: '2026-07-31' };
    await insertVacancy(t.services.db, { title: '桃園職缺一', workPlaces: ['33'], postedAt: at('2026-07-01T12:00:00'), ...valid });
    await digest('2026-07-02T07:00:00');
    const [mail] = await mailbox.deliverTo(address);
    const url = new URL(/^<(.+)>$/.exec(rawHeader(mail!, 'List-Unsubscribe')!)![1]!);
    expect(url.origin).toBe('http://localhost:3000');

    const res = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: '10.8.0.1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('您已取消電子報訂閱');
    expect((await sub(address)).status).toBe('cancelled');
    // Repeating it is harmless.
    expect((await t.app.inject({ method: 'POST', url: url.pathname + url.search, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(200);

    await insertVacancy(t.services.db, { title: '桃園職缺二', workPlaces: ['33'], postedAt: at('2026-07-02T12:00:00'), ...valid });
    await digest('2026-07-03T07:00:00');
    expect(await mailbox.deliverTo(address)).toEqual([]);
  });

  it('PUB-5 an expired subscription gets no digest, only one notice that it ended (with a link to renew)', async () => {
    const address = email('expired');
    await subscribed(address, { places: ['42'] }, '2026-01-10T10:00:00');
    expect((await sub(address)).expiresAt!.toISOString()).toBe(at('2026-07-11T00:00:00').toISOString());
    const valid = { validFrom: '2026-07-01', validTo: '2026-07-31' };
    await insertVacancy(t.services.db, { title: '臺中職缺', workPlaces: ['42'], postedAt: at('2026-07-10T12:00:00'), ...valid });
    await insertVacancy(t.services.db, { title: '臺中職缺（到期後）', workPlaces: ['42'], postedAt: at('2026-07-11T12:00:00'), ...valid });

    await digest('2026-07-10T07:00:00'); // the last day: nothing new yet that day
    await digest('2026-07-11T07:00:00'); // the day after: expired
    const mails = await mailbox.deliverTo(address);
    expect(mails.map((m) => m.subject)).toEqual(['【事求人機關徵才系統】電子報訂閱已到期']);
    expect(mails[0]!.text).toContain('已於 115/07/10 到期');
    expect(linkIn(mails[0]!, 'manage')).toMatch(/^\/newsletter\/manage\?token=/);

    await digest('2026-07-12T07:00:00');
    expect(await mailbox.deliverTo(address)).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: linkIn(mails[0]!, 'manage') });
    expect(page.body).toContain('已到期');
    expect(page.body).toMatch(/value="42" checked/);
  });

  it('PUB-5 many subscribers are handled in batches, each mailed once', async () => {
    const addresses = Array.from({ length: 5 }, (_, i) => email(`batch${i}`));
    for (const a of addresses) await subscribed(a, { places: ['97'] }, '2026-08-01T10:00:00');
    await insertVacancy(t.services.db, { title: '花蓮職缺', workPlaces: ['97'], postedAt: at('2026-08-01T12:00:00'), validFrom: '2026-08-01', validTo: '2026-08-31' });
    let batches = 0;
    const result = await digest('2026-08-02T07:00:00', { batchSize: 2, afterBatch: () => batches++ });
    expect(result).toMatchObject({ mailed: 5 });
    expect(batches).toBeGreaterThanOrEqual(3);
    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([...addresses].sort());
    expect(await digest('2026-08-02T07:00:00', { batchSize: 2 })).toMatchObject({ mailed: 0 });
  });

  it('SYS-3 PUB-5 subscriptions nobody confirmed are deleted after 30 days', async () => {
    const address = email('never');
    clock.set(at('2026-09-01T10:00:00'));
    await requestSubscription(t.services, { email: address, conditions: normaliseConditions({}) });
    await mailbox.deliver();
    await digest('2026-09-20T07:00:00');
    expect(await sub(address)).toBeDefined();
    const result = await digest('2026-10-02T07:00:00');
    expect(result.purged).toBeGreaterThanOrEqual(1);
    expect((await t.services.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, address))).length).toBe(0);
  });

  it('PUB-5 PUB-1 keywords match as the web search matches them: a 「台北」 subscription receives a 「臺北」 job; ⼈事 (U+2F08) and full-width ＥＸＣＥＬ fold too', async () => {
    const taipei = email('taipei');
    const radical = email('radical');
    await subscribed(taipei, { keyword: '台北' }, '2026-11-01T10:00:00');
    await subscribed(radical, { keyword: '⼈事 ＥＸＣＥＬ' }, '2026-11-01T10:00:00');
    const valid = { validFrom: '2026-11-01', validTo: '2026-11-30' };
    const posted = at('2026-11-01T12:00:00');
    const written = await insertVacancy(t.services.db, { title: '臺北市政府約僱人員', postedAt: posted, ...valid });
    const variant = await insertVacancy(t.services.db, { title: '行政助理', orgName: '台北市立動物園', postedAt: posted, ...valid });
    const excel = await insertVacancy(t.services.db, { title: '人事助理（熟悉 Excel）', postedAt: posted, ...valid });
    const other = await insertVacancy(t.services.db, { title: '高雄市政府約僱人員', postedAt: posted, ...valid });

    await digest('2026-11-02T07:00:00');
    const mails = await mailbox.deliver();
    const to = (address: string) => mails.find((m) => m.to[0] === address)!.text;
    for (const id of [written, variant]) expect(to(taipei)).toContain(id);
    for (const id of [excel, other]) expect(to(taipei)).not.toContain(id);
    expect(to(radical)).toContain(excel);
    for (const id of [written, variant, other]) expect(to(radical)).not.toContain(id);
  });
});
