// PUB-1: search matches what a person reads (台/臺 and the other variants of search-fold.rules.ts, NFKC), while
// pages keep the text as written; and the in-process index is never behind the database: every change
// committed before a search is in its result. Over HTTP, on the real 1,106 jobs of the 2016 feed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/db/client.ts';
import { addDays } from '../../platform/tw/roc-date.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { importFeed } from './opendata/import.service.ts';
import { searchVacancies } from './search.service.ts';
import { vacancies } from './vacancy.schema.ts';

const FEED = new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
// 10:00 Taipei on 2026-06-15.
const clock = fixedClock('2026-06-15T02:00:00Z');

function totalOf(html: string): number {
  return Number((/共 ([\d,]+) 筆職缺/.exec(html)?.[1] ?? 'NaN').replace(/,/g, ''));
}
function workIdsOf(html: string): string[] {
  const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>') + 1);
  return [...tbody.matchAll(/href="\/jobs\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
}

describe.each(dbDrivers())('PUB-1 search folding and freshness on %s', (driver) => {
  const t = useTestApp(driver, { overrides: { clock } });
  let template: typeof vacancies.$inferInsert;

  beforeAll(async () => {
    const { services } = t.current;
    const r = await importFeed(services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: services.clock.today() });
    expect(r.inserted).toBe(1106);
    const [base] = await services.db.select().from(vacancies).limit(1);
    const { id: _id, searchText: _s, createdAt: _c, updatedAt: _u, ...copy } = base!;
    template = { ...copy, reviewStatus: 'approved', deletedAt: null, validFrom: addDays(services.clock.today(), -1), validTo: addDays(services.clock.today(), 10) };
  }, 180_000);

  async function search(query: Record<string, string>): Promise<{ status: number; html: string; total: number; workIds: string[] }> {
    const res = await t.current.app.inject({ method: 'GET', url: `/jobs?${new URLSearchParams({ size: '100', ...query }).toString()}` });
    return { status: res.statusCode, html: res.body, total: totalOf(res.body), workIds: workIdsOf(res.body) };
  }

  it('PUB-1 「台北」 and 「臺北」 find the same vacancies (台 folds to 臺 in text and query)', async () => {
    const tai = await search({ keyword: '台北' });
    const formal = await search({ keyword: '臺北' });
    expect(tai.status).toBe(200);
    // Before folding: 台北 found 1 vacancy and 臺北 171 (issue 15); now both find the jobs that hold either.
    expect(formal.total).toBeGreaterThan(171);
    expect(tai.total).toBe(formal.total);
    expect(tai.workIds).toEqual(formal.workIds);
  });

  it('PUB-1 the agency filter 「台北市政府」 equals 「臺北市政府」', async () => {
    const tai = await search({ org: '台北市政府' });
    const formal = await search({ org: '臺北市政府' });
    expect(formal.total).toBeGreaterThanOrEqual(60);
    expect(tai.total).toBe(formal.total);
    expect(tai.workIds).toEqual(formal.workIds);
  });

  it('PUB-1 「⼈事」 typed with the Kangxi radical ⼈ (U+2F08) finds 「人事」; full-width letters find half-width ones', async () => {
    const plain = await search({ keyword: '人事' });
    const radical = await search({ keyword: '\u2F08事' });
    expect(plain.total).toBeGreaterThan(0);
    expect(radical.total).toBe(plain.total);
    expect(radical.workIds).toEqual(plain.workIds);
    const ascii = await search({ keyword: 'excel' });
    expect(ascii.total).toBeGreaterThan(0);
    expect((await search({ keyword: 'ＥＸＣＥＬ' })).total).toBe(ascii.total);
  });

  it('PUB-1 text written with variants, compatibility characters, full-width ＠ and tabs is found, and the page shows it as written', async () => {
    const title = '\u2F08事\t管理員（臺北巿）';
    await t.current.services.db.insert(vacancies).values({ ...template, workId: '9990100001', title, orgName: '台北市政府\t⼈事處', workItem: '鯨鯊保育 寄送至 ｊｏｂ＠ｅｘａｍｐｌｅ．ｔｗ' });
    for (const keyword of ['人事', '臺北市', '台北市', 'job@example', '管理員(臺北']) expect((await search({ keyword: `${keyword} 鯨鯊` })).workIds, keyword).toEqual(['9990100001']);
    expect((await search({ org: '臺北市政府人事處' })).workIds).toContain('9990100001');
    const page = await t.current.app.inject({ method: 'GET', url: '/jobs/9990100001' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('⼈事');
    expect(page.body).toContain('臺北巿');
  });

  it('PUB-1 a new vacancy appears in the very next search; an edit, a take-down and a deletion show in the next one', async () => {
    const db = t.current.services.db;
    const word = '鯨豚觀察員';
    expect((await search({ keyword: word })).total).toBe(0);
    const [row] = await db.insert(vacancies).values({ ...template, workId: '9990100002', title: word }).returning({ id: vacancies.id });
    expect((await search({ keyword: word })).workIds).toEqual(['9990100002']);
    await db.update(vacancies).set({ title: '海豚解說員' }).where(eq(vacancies.id, row!.id));
    expect((await search({ keyword: word })).total).toBe(0);
    expect((await search({ keyword: '海豚解說' })).workIds).toEqual(['9990100002']);
    await db.update(vacancies).set({ reviewStatus: 'rejected' }).where(eq(vacancies.id, row!.id));
    expect((await search({ keyword: '海豚解說' })).total).toBe(0);
    await db.update(vacancies).set({ reviewStatus: 'approved' }).where(eq(vacancies.id, row!.id));
    expect((await search({ keyword: '海豚解說' })).total).toBe(1);
    await db.update(vacancies).set({ deletedAt: new Date() }).where(eq(vacancies.id, row!.id));
    expect((await search({ keyword: '海豚解說' })).total).toBe(0);
    await db.delete(vacancies).where(eq(vacancies.id, row!.id));
    expect((await search({ keyword: '海豚解說' })).total).toBe(0);
  });

  it('PUB-1 at midnight a vacancy whose last day was yesterday leaves the results, one that opens today joins them', async () => {
    const db = t.current.services.db;
    const today = clock.today();
    await db.insert(vacancies).values([
      { ...template, workId: '9990100003', title: '午夜到期測試', validFrom: addDays(today, -3), validTo: today },
      { ...template, workId: '9990100004', title: '午夜開始測試', validFrom: addDays(today, 1), validTo: addDays(today, 9) },
    ]);
    expect((await search({ keyword: '午夜' })).workIds).toEqual(['9990100003']);
    clock.set('2026-06-15T16:00:01Z'); // 00:00:01 on 2026-06-16 in Taipei
    try {
      const tomorrow = clock.today();
      expect(tomorrow).toBe(addDays(today, 1));
      expect((await search({ keyword: '午夜' })).workIds).toEqual(['9990100004']);
      const rows = await db.select().from(vacancies);
      const published = rows.filter((r) => r.reviewStatus === 'approved' && r.deletedAt === null && r.validFrom <= tomorrow && r.validTo >= tomorrow);
      expect((await search({})).total).toBe(published.length);
    } finally {
      clock.set('2026-06-15T02:00:00Z');
    }
    expect((await search({ keyword: '午夜' })).workIds).toEqual(['9990100003']);
  });

  it('PUB-1 a kept page is what a fresh render gives, and only a visitor without a session in the same language gets it', async () => {
    const db = t.current.services.db;
    const url = `/jobs?${new URLSearchParams({ size: '100', keyword: '人事' }).toString()}`;
    const first = await t.current.app.inject({ method: 'GET', url });
    const again = await t.current.app.inject({ method: 'GET', url });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    // The same URL in English is rendered in English, not taken from the Chinese page.
    const english = await t.current.app.inject({ method: 'GET', url, cookies: { lang: 'en' } });
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).not.toBe(first.body);
    // A signed-in applicant gets the page with the sign-out form and its own CSRF token, never a kept page.
    const [account] = await db.insert(applicantAccounts).values({ email: `${randomUUID()}@example.com`, passwordHash: 'x', status: 'active' }).returning();
    const { token } = await t.current.services.sessions.create({ principal: { kind: 'applicant', id: account!.id, method: '帳號' } });
    const signedIn = await t.current.app.inject({ method: 'GET', url, cookies: { sid: token } });
    expect(signedIn.body).toContain('action="/logout"');
    expect(signedIn.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(first.body).not.toContain('action="/logout"');
    // After a change the same URL is rendered again: the new job is in the very next answer.
    await db.insert(vacancies).values({ ...template, workId: '9990100006', title: '人事鯨豚管理員' });
    const after = await t.current.app.inject({ method: 'GET', url });
    expect(totalOf(after.body)).toBe(totalOf(first.body) + 1);
    expect(workIdsOf(after.body)).toContain('9990100006');
  });

  it.runIf(driver === 'postgres')('PUB-1 another web process (its own pool on the same database) sees a change in its very next search', async () => {
    const url = t.current.database.url!;
    const other = await openDatabase({ kind: 'postgres', url });
    try {
      const criteria = { filters: { keyword: '座頭鯨', place: [] }, page: 1, size: 15 };
      expect((await searchVacancies(other, criteria, clock.today())).total).toBe(0);
      await t.current.services.db.insert(vacancies).values({ ...template, workId: '9990100005', title: '座頭鯨研究員' });
      const found = await searchVacancies(other, criteria, clock.today());
      expect(found.rows.map((r) => r.workId)).toEqual(['9990100005']);
    } finally {
      await other.close();
    }
  });
});
