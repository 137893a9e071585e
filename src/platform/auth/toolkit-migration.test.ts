// Migration 0007 (docs/adr/0004-verification-tokens.md) moves data: applied to a database at 0006 holding rows of
// every kind of before, the links and lockouts keep working and the newsletter's mailed links keep their hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { migrationFiles } from '../db/migrate.ts';

describe('migration 0007_toolkit on pglite', () => {
  let d: Database;
  const q = async (sql: string, params: unknown[] = []) => (await d.pool.query(sql, params)).rows as Record<string, unknown>[];

  beforeAll(async () => {
    d = await openDatabase({ kind: 'pglite-memory' });
    for (const m of migrationFiles().filter((f) => f.tag < '0007')) for (const s of m.statements) await d.pool.query(s);
  }, 400_000);
  afterAll(async () => d?.close());

  it('ECPA-1 ACC-2 PUB-5 old tokens, staff reset links, throttles and newsletter link hashes move into the platform tables', async () => {
    const [staff] = await q(`insert into staff_users (account, name, agency_code) values ('hr.old', '舊', '376420000A') returning id`);
    const [acct] = await q(`insert into applicant_accounts (email, password_hash) values ('old@example.tw', 'x') returning id`);
    const [sub] = await q(`insert into newsletter_subscriptions (email, unsubscribe_token_hash) values ('n@example.tw', 'unsub-hash') returning id`);
    const future = new Date(Date.now() + 86_400_000);
    await q(`insert into staff_password_resets (staff_user_id, token_hash, expires_at) values ($1, 'staff-hash', $2)`, [staff!.id, future]);
    await q(
      `insert into verification_tokens (purpose, subject_id, token_hash, expires_at) values ('activation', $1, 'h1', $3), ('password_reset', $1, 'h2', $3), ('email_change', $1, 'h3', $3), ('newsletter_confirm', $2, 'h4', $3)`,
      [acct!.id, sub!.id, future],
    );
    await q(`insert into staff_login_throttles (key, failed_count, locked_until) values ('acct:x', 5, $1)`, [future]);

    for (const s of migrationFiles().find((f) => f.tag.startsWith('0007'))!.statements) await d.pool.query(s);

    const tokens = await q(`select purpose, subject_kind, subject_id, token_hash from verification_tokens order by token_hash`);
    expect(tokens).toEqual([
      { purpose: 'account.activate', subject_kind: 'applicant_account', subject_id: acct!.id, token_hash: 'h1' },
      { purpose: 'account.reset', subject_kind: 'applicant_account', subject_id: acct!.id, token_hash: 'h2' },
      { purpose: 'account.change_email', subject_kind: 'applicant_account', subject_id: acct!.id, token_hash: 'h3' },
      { purpose: 'newsletter.confirm', subject_kind: 'newsletter_subscription', subject_id: sub!.id, token_hash: 'h4' },
      { purpose: 'staff.reset', subject_kind: 'staff_user', subject_id: staff!.id, token_hash: 'staff-hash' },
    ]);
    expect(await q(`select door, key, failed_count from login_throttles`)).toEqual([{ door: 'ecpa', key: 'acct:x', failed_count: 5 }]);
    expect(await q(`select legacy_unsubscribe_token_hash from newsletter_subscriptions`)).toEqual([{ legacy_unsubscribe_token_hash: 'unsub-hash' }]);
    expect(await q(`select to_regclass('staff_password_resets') as a, to_regclass('staff_login_throttles') as b`)).toEqual([{ a: null, b: null }]);
  });
});
