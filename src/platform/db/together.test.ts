// together (platform/db/together.ts): an application's audit rows and its confirmation mail in one statement
// (issue 11). Both are kept or neither is, and they belong to the caller's transaction.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../tests/helpers/db.ts';
import { auditInsert } from '../audit/audit.ts';
import { auditEvents, outboxMessages } from './schema/platform.ts';
import { mailInsert } from '../outbox/outbox.ts';
import { together } from './together.ts';

class Rollback extends Error {}

describe.each(dbDrivers())('together on %s', (driver) => {
  const t = useTestDatabase(driver);
  const actor = { kind: 'applicant' as const, id: null, ip: '203.0.113.9' };
  const mail = (to: string) => ({ to, subject: '【事求人】應徵確認通知', text: '王小明 您好：您已應徵「人事行政職系」職缺。' });
  const count = async (action: string, to: string) => ({
    audits: (await t.current.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length,
    mails: (await t.current.db.select().from(outboxMessages).where(eq(outboxMessages.to, to))).length,
  });

  it('SYS-1 SYS-2 audit rows and a mail written together are all kept, Chinese intact; the mail\'s id comes back', async () => {
    const rows = await together<{ id: string }>(
      t.current.db,
      auditInsert(t.current.db, actor, [
        { action: 'together.one', subject: { kind: 'application', id: 'a1' }, details: { workId: '1151210000' } },
        { action: 'together.one', subject: { kind: 'application', id: 'a2' } },
      ]),
      mailInsert(t.current.db, mail('one@example.tw')),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count('together.one', 'one@example.tw')).toEqual({ audits: 2, mails: 1 });
    const [stored] = await t.current.db.select().from(outboxMessages).where(eq(outboxMessages.id, rows[0]!.id));
    expect(stored!.subject).toBe('【事求人】應徵確認通知');
    const [audit] = await t.current.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'a1'));
    expect(audit!.details).toEqual({ workId: '1151210000' });
    expect(audit!.ip).toBe('203.0.113.9');
  });

  it('SYS-1 SYS-2 in a transaction that rolls back, neither the audit rows nor the mail are kept', async () => {
    await expect(
      t.current.db.transaction(async (tx) => {
        await together(tx, auditInsert(tx, actor, [{ action: 'together.two', subject: null }]), mailInsert(tx, mail('two@example.tw')));
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await count('together.two', 'two@example.tw')).toEqual({ audits: 0, mails: 0 });
  });

  it('SYS-1 SYS-2 one statement failing fails both: no audit row without its mail', async () => {
    // A mail row without a recipient: the NOT NULL of "to" fails in the database, after the audit row's INSERT ran.
    const noRecipient = sql`insert into ${outboxMessages} ("to", "subject", "text") values (null, 'together.three', 'x')`;
    await expect(together(t.current.db, auditInsert(t.current.db, actor, [{ action: 'together.three', subject: null }]), noRecipient)).rejects.toThrow();
    expect(await count('together.three', 'three@example.tw')).toEqual({ audits: 0, mails: 0 });
    expect(await t.current.db.select().from(outboxMessages).where(eq(outboxMessages.subject, 'together.three'))).toEqual([]);
  });
});
