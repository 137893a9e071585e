// PUB-5 電子報訂閱 / 電子報取消 over HTTP: double opt-in through a real SMTP server, no enumeration, pre-filling
// only for the proven owner, validation, and every state of a mailed link.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../platform/mail/test-smtp-server.ts';
import { verificationTokens } from '../../platform/db/schema/platform.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { newsletterSubscriptions } from './newsletter.schema.ts';
import { MAILS_PER_ADDRESS_PER_HOUR, sha256 } from './newsletter.rules.ts';
import { Mailbox, linkIn, tokenOf } from './testkit.ts';
import { HttpClient as Visitor } from '../../../tests/helpers/http-client.ts';

const NOW = '2026-06-17T10:00:00+08:00'; // 民國 115 年 06 月 17 日
const CONDITIONS = { place: ['10', '23'], sysnam: 'A107', kind: '11', rank: ['薦任'], keyword: '人事' };

/** The page without its per-request CSRF token, to compare two answers. */
const normalised = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

describe.each(dbDrivers())('PUB-5 newsletter pages on %s', (driver) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mailbox: Mailbox;
  const clock = fixedClock(NOW);
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

  const subscription = async (address: string) =>
    (await t.services.db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, address)))[0];

  async function subscribe(v: Visitor, address: string, form: Record<string, string | string[]> = CONDITIONS) {
    await v.get('/newsletter');
    return v.post('/newsletter', { email: address, ...form });
  }

  /** Subscribes and confirms through the mail; returns the confirmation mail and the manage link. */
  async function subscribeAndConfirm(address: string, form: Record<string, string | string[]> = CONDITIONS): Promise<{ mail: ReceivedMail; manage: string }> {
    const v = new Visitor(t.app);
    expect((await subscribe(v, address, form)).statusCode).toBe(303);
    const [mail] = await mailbox.deliverTo(address);
    const confirm = linkIn(mail!, 'confirm');
    await v.get(confirm);
    const res = await v.post('/newsletter/confirm', { token: tokenOf(confirm) });
    expect(res.statusCode).toBe(303);
    return { mail: mail!, manage: res.headers.location as string };
  }

  async function signIn(address: string): Promise<Visitor> {
    const [account] = await t.services.db
      .insert(applicantAccounts)
      .values({ email: address, passwordHash: 'x', status: 'active', activatedAt: clock.now() })
      .returning();
    const { token } = await t.services.sessions.create({ principal: { kind: 'applicant', id: account!.id, method: '帳號' } });
    const v = new Visitor(t.app);
    v.cookie = `sid=${token}`;
    return v;
  }

  it('PUB-5 subscribing mails a zh-TW confirmation (text + HTML, absolute link); confirming activates it and shows the end date', async () => {
    const v = new Visitor(t.app);
    const form = await v.get('/newsletter');
    expect(form.statusCode).toBe(200);
    for (const label of ['電子報訂閱', 'Email', '工作地', '職系', '人員區分', '官等', '關鍵字', '訂閱有效期間為 6 個月']) expect(form.body).toContain(label);

    const address = email('wang');
    const res = await v.post('/newsletter', { email: `  ${address.toUpperCase()} `, ...CONDITIONS });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsletter/sent');
    expect((await v.get('/newsletter/sent')).body).toContain('確認信已寄出，請至信箱點選連結完成訂閱');

    const mails = await mailbox.deliverTo(address);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('【事求人機關徵才系統】電子報訂閱確認信');
    for (const text of ['臺北市、新北市', '人事行政', '一般人員', '薦任', '人事', '72 小時']) expect(mail.text).toContain(text);
    const confirm = linkIn(mail, 'confirm');
    expect(mail.html).toContain(`<a href="http://localhost:3000${confirm}">`);

    // Only the SHA-256 of the token is stored.
    const sub = await subscription(address);
    expect(sub).toMatchObject({ status: 'pending', confirmedAt: null });
    const tokens = await t.services.db.select().from(verificationTokens).where(eq(verificationTokens.subjectId, sub!.id));
    expect(tokens.map((r) => [r.purpose, r.tokenHash])).toEqual([['newsletter.confirm', sha256(tokenOf(confirm))]]);
    expect(JSON.stringify(tokens)).not.toContain(tokenOf(confirm));

    // Opening the link shows what will be confirmed and changes nothing (a mail scanner cannot subscribe anyone).
    const page = await v.get(confirm);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(address);
    expect(page.body).toContain('臺北市、新北市');
    expect(page.body).toContain('確認後，訂閱有效期限至 115/12/17');
    expect((await subscription(address))!.status).toBe('pending');

    const done = await v.post('/newsletter/confirm', { token: tokenOf(confirm) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toMatch(/^\/newsletter\/manage\?token=[A-Za-z0-9_-]{43}$/);
    const manage = await v.get(done.headers.location as string);
    expect(manage.body).toContain('電子報訂閱完成，有效期限至 115/12/17。');
    expect(manage.body).toContain('訂閱中');
    expect(manage.body).toMatch(/<time datetime="2026-12-17">115\/12\/17<\/time>/);

    const active = await subscription(address);
    expect(active).toMatchObject({ status: 'active', conditions: { places: ['10', '23'], sysnams: ['A107'], personKinds: ['11'], rankTypes: ['薦任'], keyword: '人事' } });
    expect(active!.expiresAt!.toISOString()).toBe(new Date('2026-12-18T00:00:00+08:00').toISOString());
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.subjectId, active!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['newsletter.confirm_mailed', 'newsletter.confirm']));
  });

  it('PUB-5 the answer to 訂閱 is the same for a new, a pending and a live address, and a live subscription changes only when the new link is followed', async () => {
    const live = email('live');
    await subscribeAndConfirm(live);
    const pending = email('pending');
    await subscribe(new Visitor(t.app), pending);
    await mailbox.deliver();
    const fresh = email('new');

    const answers: string[] = [];
    for (const address of [fresh, pending, live]) {
      const v = new Visitor(t.app);
      const res = await subscribe(v, address, { place: ['82'] });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/newsletter/sent');
      answers.push(normalised((await v.get(res.headers.location as string)).body));
    }
    expect(new Set(answers).size).toBe(1);

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([fresh, live, pending].sort());
    const toLive = mails.find((m) => m.to.includes(live))!;
    expect(toLive.text).toContain('變更');
    // Nothing changed yet for the live subscription.
    expect((await subscription(live))!.conditions).toMatchObject({ places: ['10', '23'] });
    const v = new Visitor(t.app);
    await v.get(linkIn(toLive, 'confirm'));
    expect((await v.post('/newsletter/confirm', { token: tokenOf(linkIn(toLive, 'confirm')) })).statusCode).toBe(303);
    expect((await subscription(live))!.conditions).toMatchObject({ places: ['82'], sysnams: [], keyword: '' });
  });

  it('PUB-5 conditions are pre-filled only for the proven owner: the signed-in applicant of that email, or the manage link — never for a typed address', async () => {
    const address = email('owner');
    const { manage } = await subscribeAndConfirm(address);

    // A stranger: nothing pre-filled, nothing revealed.
    const stranger = new Visitor(t.app);
    const blank = await stranger.get(`/newsletter?email=${encodeURIComponent(address)}`);
    expect(blank.body).not.toContain(address);
    expect(blank.body).not.toMatch(/ checked/);
    expect(blank.body).not.toContain('已訂閱電子報');

    // The signed-in applicant whose account email it is: email and conditions.
    const owner = await signIn(address);
    const mine = await owner.get('/newsletter');
    expect(mine.body).toContain(`value="${address}"`);
    expect(mine.body).toContain(`您的 Email（${address}）已訂閱電子報，有效期限至 115/12/17。`);
    expect(mine.body).toMatch(/value="10" checked/);
    expect(mine.body).toMatch(/value="23" checked/);
    expect(mine.body).toMatch(/<option value="A107" selected>人事行政<\/option>/);
    expect(mine.body).toMatch(/value="薦任" checked/);
    expect(mine.body).toContain('value="人事"');
    expect(mine.body).toMatch(/\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]{43}/);
    expect((await owner.get('/newsletter/cancel')).body).toContain(`value="${address}"`);

    // A signed-in applicant without a subscription: the email only.
    const other = email('other');
    const someone = await signIn(other);
    const theirs = await someone.get('/newsletter');
    expect(theirs.body).toContain(`value="${other}"`);
    expect(theirs.body).not.toMatch(/ checked/);
    expect((await someone.get('/newsletter/cancel')).body).toContain(`value="${other}"`);

    // The manage link of the mails: everything pre-filled.
    const page = await new Visitor(t.app).get(manage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${address}"`);
    expect(page.body).toMatch(/value="10" checked/);
    expect(page.body).toContain('訂閱中');
  });

  it('PUB-5 every field is validated, with its message beside the field and in the error summary, and what was typed is kept', async () => {
    const v = new Visitor(t.app);
    await v.get('/newsletter');
    const res = await v.post('/newsletter', { email: 'not-an-email', place: ['10', 'zz'], sysnam: 'nope', kind: '77', rank: ['大官'], keyword: 'a b c d e f' });
    expect(res.statusCode).toBe(400);
    const messages = {
      email: 'Email 格式不正確，例：name@example.com',
      place: '請從清單中選擇工作地',
      sysnam: '請從清單中選擇一個職系',
      kind: '請從清單中選擇一個人員區分',
      rank: '請從清單中選擇官等',
      keyword: '關鍵字最多 5 個詞（以空白分開）',
    };
    for (const [field, message] of Object.entries(messages)) {
      expect(res.body).toContain(`<p class="field-error" id="f-${field}-error"><span class="visually-hidden">錯誤：</span>${message}</p>`);
      expect(res.body).toMatch(new RegExp(`<a href="#f-${field}">[^<]*：${message}</a>`));
    }
    expect(res.body).toContain('<title>錯誤：電子報訂閱');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toMatch(/value="10" checked/);
    expect(res.body).toContain('value="a b c d e f"');

    const empty = await v.post('/newsletter', { email: '', keyword: 'x'.repeat(51) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('請輸入 Email');
    expect(empty.body).toContain('關鍵字最多 50 個字');

    await v.get('/newsletter/cancel');
    const cancel = await v.post('/newsletter/cancel', { email: 'a@b' });
    expect(cancel.statusCode).toBe(400);
    expect(cancel.body).toContain('Email 格式不正確');
    expect(cancel.body).toContain('value="a@b"');
    expect(await mailbox.deliver()).toEqual([]);
  });

  it('PUB-5 a confirmation link that is used, tampered with, voided or expired gets a clear page and changes nothing', async () => {
    const address = email('links');
    const v = new Visitor(t.app);
    await subscribe(v, address, { place: ['10'] });
    await subscribe(v, address, { place: ['23'] });
    const [first, second] = await mailbox.deliverTo(address);
    const older = tokenOf(linkIn(first!, 'confirm'));
    const newer = tokenOf(linkIn(second!, 'confirm'));

    const tampered = await v.get(`/newsletter/confirm?token=${newer.slice(0, -1)}${newer.endsWith('A') ? 'B' : 'A'}`);
    expect(tampered.statusCode).toBe(404);
    expect(tampered.body).toContain('這個連結無效');
    expect((await v.get('/newsletter/confirm')).statusCode).toBe(404);
    expect((await v.post('/newsletter/confirm', { token: 'x' })).body).toContain('這個連結無效');

    await v.get(`/newsletter/confirm?token=${newer}`);
    expect((await v.post('/newsletter/confirm', { token: newer })).statusCode).toBe(303);
    expect((await subscription(address))!.conditions).toMatchObject({ places: ['23'] });

    const reused = await v.post('/newsletter/confirm', { token: newer });
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('這個連結已使用過');
    const voided = await v.get(`/newsletter/confirm?token=${older}`);
    expect(voided.statusCode).toBe(410);
    expect(voided.body).toContain('這個連結已失效');
    expect((await subscription(address))!.conditions).toMatchObject({ places: ['23'] });

    // Expired: 72 hours later.
    const late = email('late');
    await subscribe(v, late);
    const [mail] = await mailbox.deliverTo(late);
    clock.advance(72 * 3_600_000 + 1);
    try {
      const expired = await v.get(linkIn(mail!, 'confirm'));
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('這個連結已過期');
      expect((await v.post('/newsletter/confirm', { token: tokenOf(linkIn(mail!, 'confirm')) })).statusCode).toBe(410);
      expect((await subscription(late))!.status).toBe('pending');
    } finally {
      clock.set(NOW);
    }

    for (const path of ['/newsletter/manage?token=', '/newsletter/unsubscribe?token=']) {
      const bad = await v.get(`${path}${'A'.repeat(43)}`);
      expect(bad.statusCode).toBe(404);
      expect(bad.body).toContain('這個連結無效');
    }
  });

  it('PUB-5 電子報取消 by email: the same answer whether subscribed or not; only a subscriber is mailed the link, which unsubscribes', async () => {
    const address = email('cancel');
    await subscribeAndConfirm(address);
    const answers: string[] = [];
    for (const target of [email('nobody'), address]) {
      const v = new Visitor(t.app);
      await v.get('/newsletter/cancel');
      const res = await v.post('/newsletter/cancel', { email: target });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/newsletter/cancel/sent');
      answers.push(normalised((await v.get('/newsletter/cancel/sent')).body));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toContain('若此 Email 已訂閱電子報，取消訂閱的連結已寄至該信箱');

    const mails = await mailbox.deliver();
    expect(mails.map((m) => m.to[0])).toEqual([address]);
    expect(mails[0]!.subject).toBe('【事求人機關徵才系統】電子報取消');
    const link = linkIn(mails[0]!, 'unsubscribe');
    const v = new Visitor(t.app);
    const ask = await v.get(link);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain(`確定要取消 ${address} 的電子報訂閱嗎？`);
    expect((await subscription(address))!.status).toBe('active');
    const done = await v.post(link, {}, { csrf: false });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/newsletter/unsubscribed');
    expect((await v.get('/newsletter/unsubscribed')).body).toContain('您已取消電子報訂閱');
    expect((await subscription(address))!).toMatchObject({ status: 'cancelled' });
    expect((await v.get(link)).body).toContain('的電子報訂閱已取消');

    // A cancelled address is not subscribed: asking again sends nothing.
    const again = new Visitor(t.app);
    await again.get('/newsletter/cancel');
    expect((await again.post('/newsletter/cancel', { email: address })).statusCode).toBe(303);
    expect(await mailbox.deliver()).toEqual([]);
  });

  it('SYS-4 PUB-5 one address gets at most a few requested mails an hour, with the same answer; CSRF still guards the forms', async () => {
    const address = email('flood');
    const v = new Visitor(t.app);
    for (let i = 0; i < MAILS_PER_ADDRESS_PER_HOUR + 2; i++) {
      const res = await subscribe(v, address, { place: ['10'] });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/newsletter/sent');
    }
    expect(await mailbox.deliverTo(address)).toHaveLength(MAILS_PER_ADDRESS_PER_HOUR);

    const forged = await new Visitor(t.app).post('/newsletter', { email: email('forged') }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    const forgedCancel = await new Visitor(t.app).post('/newsletter/cancel', { email: address }, { csrf: false });
    expect(forgedCancel.statusCode).toBe(403);
  });

  it('SYS-6 PUB-5 the pages are available in English', async () => {
    const v = new Visitor(t.app);
    const page = await v.get('/newsletter?lang=en');
    expect(page.body).toContain('Subscribe to the newsletter');
    expect(page.body).toContain('Work place');
    expect((await v.get('/newsletter/cancel?lang=en')).body).toContain('Cancel the newsletter');
  });
});
