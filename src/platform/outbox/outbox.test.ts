import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { fixedClock } from '../clock.ts';
import { outboxMessages } from '../db/schema/platform.ts';
import { createSmtpTransport, SMTP_IDLE_CLOSE_MS, type MailMessage, type MailTransport } from '../mail/transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../mail/test-smtp-server.ts';
import { backoffMs, deliverDueMail, enqueueMail, getMail, listMail, messageIdFor, retryMail, type OutgoingMail } from './outbox.ts';

const FROM = '事求人機關徵才系統 <no-reply@shiqiuren.test>';
const MINUTE = 60_000;

const mail = (n: number, over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: `applicant${n}@example.tw`,
  subject: `【事求人】應徵確認通知 第${n}號`,
  text: `王小明 您好：\n\n您已應徵「行政院人事行政總處 人事行政職系」職缺（第${n}號）。\n\n事求人機關徵才系統 敬上`,
  ...over,
});

class Rollback extends Error {}

describe.each(dbDrivers())('mail outbox on %s', (driver) => {
  const t = useTestDatabase(driver);
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  // Rows get the database's now(); the clock starts a little after it and only moves forward.
  let clock: ReturnType<typeof fixedClock>;
  const deliver = (over: Partial<Parameters<typeof deliverDueMail>[0]> = {}) =>
    deliverDueMail({ db: t.current.db, transport, clock, mailFrom: FROM, ...over });
  const rows = () => t.current.db.select().from(outboxMessages).orderBy(outboxMessages.createdAt);

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close?.();
    await smtp?.stop();
  });
  beforeEach(async () => {
    await t.current.db.delete(outboxMessages);
    smtp.received.length = 0;
    await smtp.start();
    clock = fixedClock(new Date(Date.now() + 5_000));
  });

  it('SYS-1 a mail queued in a transaction that rolls back is not kept', async () => {
    await expect(
      t.current.db.transaction(async (tx) => {
        await enqueueMail(tx, mail(1));
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await rows()).toEqual([]);
  });

  it('SYS-1 a mail queued in a transaction that commits is kept, pending', async () => {
    const ids = await t.current.db.transaction((tx) => enqueueMail(tx, mail(1), mail(2)));
    const stored = await rows();
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.every((r) => r.state === 'pending' && r.attempts === 0)).toBe(true);
  });

  it('SYS-1 deliverDueMail sends each pending mail once, Chinese subject and body intact', async () => {
    const ids = await enqueueMail(t.current.db, mail(1), mail(2, { html: '<p>您好，<b>王小明</b></p>', headers: { 'X-Shiqiuren-Kind': 'confirmation' } }), mail(3));
    expect(await deliver()).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(3);
    for (const [i, id] of ids.entries()) {
      const expected = mail(i + 1);
      const got = smtp.received.find((m) => m.messageId === messageIdFor(id, FROM));
      expect(got?.subject).toBe(expected.subject);
      expect(got?.text?.trim()).toBe(expected.text);
      expect(got?.to).toEqual([expected.to]);
    }
    const second = smtp.received.find((m) => m.messageId === messageIdFor(ids[1]!, FROM))!;
    expect(second.html).toContain('<b>王小明</b>');
    expect(second.parsed.headers.get('x-shiqiuren-kind')).toBe('confirmation');
    const stored = await rows();
    expect(stored.every((r) => r.state === 'sent' && r.sentAt !== null && r.messageId === messageIdFor(r.id, FROM))).toBe(true);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(3);
  });

  it('SYS-1 a backlog goes out over one connection, which is closed when idle; the next mail opens a new one, also after a server restart', async () => {
    const closed = async () => {
      const until = Date.now() + SMTP_IDLE_CLOSE_MS + 3_000;
      while (smtp.connections.open > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return smtp.connections.open;
    };
    transport.close?.(); // the connection an earlier test left open
    expect(await closed()).toBe(0);
    await t.current.db.transaction((tx) => enqueueMail(tx, ...Array.from({ length: 30 }, (_, i) => mail(i + 1))));
    const before = smtp.connections.accepted;
    expect(await deliver()).toEqual({ sent: 30, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(30);
    expect(smtp.connections.accepted - before).toBe(1);
    // Idle: the connection is closed (the server sees it go).
    expect(smtp.connections.open).toBe(1);
    expect(await closed()).toBe(0);
    await smtp.stop();
    await smtp.start();
    await t.current.db.transaction((tx) => enqueueMail(tx, mail(31)));
    expect(await deliver()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp.connections.accepted - before).toBe(2);
    expect(smtp.received.map((m) => m.subject)).toContain('【事求人】應徵確認通知 第31號');
  });

  it('SYS-1 nothing is lost while the mail server is down: every mail arrives exactly once after it comes back', async () => {
    await smtp.stop();
    const ids = await t.current.db.transaction((tx) => enqueueMail(tx, mail(1), mail(2), mail(3), mail(4), mail(5)));

    expect(await deliver()).toEqual({ sent: 0, failed: 0, retried: 5 });
    const afterFailure = await rows();
    expect(afterFailure).toHaveLength(5);
    for (const r of afterFailure) {
      expect(r).toMatchObject({ state: 'pending', attempts: 1 });
      expect(r.lastError).toBeTruthy();
      expect(r.nextAttemptAt.getTime()).toBe(clock.now().getTime() + MINUTE);
    }

    await smtp.start(); // the same port: the configured SMTP_URL works again
    expect(await deliver()).toEqual({ sent: 0, failed: 0, retried: 0 }); // not due yet: backing off
    clock.advance(MINUTE + 1_000);
    expect(await deliver()).toEqual({ sent: 5, failed: 0, retried: 0 });

    expect(smtp.received).toHaveLength(5);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(ids.map((id) => messageIdFor(id, FROM)).sort());
    expect(smtp.received.map((m) => m.subject).sort()).toEqual([1, 2, 3, 4, 5].map((n) => mail(n).subject).sort());
    expect((await rows()).every((r) => r.state === 'sent' && r.lastError === null)).toBe(true);

    clock.advance(60 * MINUTE);
    expect(await deliver()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(5);
  });

  it('SYS-1 retries back off 1, 2, 4 … minutes up to an hour; after maxAttempts the mail is failed and retryMail revives it', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    const broken: MailTransport = { send: () => Promise.reject(new Error('451 try again later')) };
    const [id] = await enqueueMail(t.current.db, mail(1));
    for (const attempt of [1, 2]) {
      expect(await deliver({ transport: broken, maxAttempts: 3 })).toEqual({ sent: 0, failed: 0, retried: 1 });
      const r = (await getMail(t.current.db, id!))!;
      expect(r).toMatchObject({ state: 'pending', attempts: attempt, lastError: '451 try again later' });
      expect(r.nextAttemptAt.getTime()).toBe(clock.now().getTime() + backoffMs(attempt));
      clock.advance(backoffMs(attempt));
    }
    expect(await deliver({ transport: broken, maxAttempts: 3 })).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await getMail(t.current.db, id!)).toMatchObject({ state: 'failed', attempts: 3 });
    clock.advance(24 * 60 * MINUTE);
    expect(await deliver({ maxAttempts: 3 })).toEqual({ sent: 0, failed: 0, retried: 0 }); // failed stays failed

    expect(await retryMail(t.current.db, id!, clock.now())).toBe(true);
    expect(await retryMail(t.current.db, id!, clock.now())).toBe(false); // only a failed mail
    expect(await getMail(t.current.db, id!)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await deliver({ maxAttempts: 3 })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp.received.map((m) => m.subject)).toEqual([mail(1).subject]);
  });

  it("SYS-1 a sender that dies mid-send holds no connection; its lease runs out and the next run sends the mail once", async () => {
    let release!: (err: Error) => void;
    let called!: () => void;
    const sending = new Promise<void>((r) => (called = r));
    const hung: MailTransport = {
      send: () => {
        called();
        return new Promise((_, reject) => (release = reject));
      },
    };
    const [id] = await enqueueMail(t.current.db, mail(1));
    const dead = deliver({ transport: hung });
    await sending;
    // The hung send holds no transaction: the database answers (PGlite has a single connection).
    expect(await deliver()).toEqual({ sent: 0, failed: 0, retried: 0 }); // leased to the hung sender
    clock.advance(5 * MINUTE + 1_000);
    expect(await deliver()).toEqual({ sent: 1, failed: 0, retried: 0 });
    release(new Error('socket closed'));
    expect(await dead).toEqual({ sent: 0, failed: 0, retried: 0 }); // its late failure is ignored
    expect(await getMail(t.current.db, id!)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('SYS-1 attachments are read from storage by key and arrive intact', async () => {
    const pdf = Buffer.from('%PDF-1.7 履歷表', 'utf8');
    const files = new Map([['resumes/2026/11/a', pdf]]);
    const storage = { getBuffer: (key: string) => Promise.resolve(files.get(key) ?? null) };
    const attachments = [{ key: 'resumes/2026/11/a', filename: '履歷表.pdf', contentType: 'application/pdf' }];
    const [ok] = await enqueueMail(t.current.db, mail(1, { attachments }));
    const [missing] = await enqueueMail(t.current.db, mail(2, { attachments: [{ ...attachments[0]!, key: 'resumes/2026/11/gone' }] }));
    expect(await deliver({ storage })).toEqual({ sent: 1, failed: 0, retried: 1 });
    const got = smtp.received[0]!;
    expect(got.messageId).toBe(messageIdFor(ok!, FROM));
    expect(got.parsed.attachments.map((a) => [a.filename, a.contentType, a.content.equals(pdf)])).toEqual([['履歷表.pdf', 'application/pdf', true]]);
    expect((await getMail(t.current.db, missing!))?.lastError).toContain('resumes/2026/11/gone');
  });

  it('SYS-1 concurrent deliveries never send one mail twice', async () => {
    const batch = Array.from({ length: 30 }, (_, i) => mail(i + 1));
    await enqueueMail(t.current.db, ...batch);
    const slow: MailTransport = { send: async (m: MailMessage) => (await new Promise((r) => setTimeout(r, 2)), transport.send(m)) };
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const r = await deliver({ transport: slow, batchSize: 4 });
        if (r.sent === 0) return sent;
        sent += r.sent;
      }
    };
    const counts = await Promise.all([worker(), worker(), worker()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1); // they really ran side by side
    expect(smtp.received).toHaveLength(30);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(30);
    const [{ n }] = (await t.current.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox_messages where state = 'sent'`)).rows as [{ n: number }];
    expect(n).toBe(30);
  });

  it('SYS-1 listMail pages newest first and filters by recipient; invalid input is rejected', async () => {
    for (const n of [1, 2, 3]) {
      await enqueueMail(t.current.db, mail(n), mail(n, { to: 'other@example.tw' }));
      await new Promise((r) => setTimeout(r, 5)); // PGlite's now() may repeat within a millisecond
    }
    const page = await listMail(t.current.db, { limit: 2, offset: 0, to: 'other@example.tw' });
    expect(page.total).toBe(3);
    expect(page.items.map((m) => m.subject)).toEqual([mail(3).subject, mail(2).subject]);
    expect((await listMail(t.current.db, { limit: 2, offset: 2, to: 'other@example.tw' })).items).toHaveLength(1);
    expect((await listMail(t.current.db)).total).toBe(6);
    expect(await getMail(t.current.db, 'not-a-uuid')).toBeNull();
    expect(await retryMail(t.current.db, 'not-a-uuid')).toBe(false);
    await expect(enqueueMail(t.current.db, mail(1, { subject: 'a\r\nBcc: x@example.tw' }))).rejects.toThrow(/one line/);
    await expect(enqueueMail(t.current.db, mail(1, { to: ' ' }))).rejects.toThrow(/recipient/);
    expect(await t.current.db.select().from(outboxMessages).where(eq(outboxMessages.to, ''))).toEqual([]);
  });
});
