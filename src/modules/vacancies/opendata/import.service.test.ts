import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbDrivers, useTestDatabase } from '../../../../tests/helpers/db.ts';
import { agencies } from '../../reference/index.ts';
import { vacancies } from '../vacancy.schema.ts';
import type { FeedField } from './feed.parse.ts';
import { FeedParseError, importFeed } from './import.service.ts';

const REAL_XML = readFileSync(new URL('../../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url), 'utf8');

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** A ROW with sensible defaults; work_id goes into VIEW_URL. */
function row(workId: string, fields: Partial<Record<FeedField, string>> = {}): string {
  const all: Partial<Record<FeedField, string>> = {
    ORG_NAME: '測試機關', PERSON_KIND: '約僱人員', RANK: '', TITLE: '測試職缺', SYSNAM: '', NUMBER_OF: '1', GENDER_TYPE: '約僱人員',
    WORK_PLACE_TYPE: ',10-臺北市', DATE_FROM: '1150101', DATE_TO: '1150131', IS_HANDICAP: 'Y', IS_ORIGINAL: 'Y',
    IS_LOCAL_ORIGINAL: 'N', IS_TRANING: 'N', TYPE: '其他', VITAE_EMAIL: '', WORK_QUALITY: '大學畢業', WORK_ITEM: '行政',
    WORK_ADDRESS: '臺北市', CONTACT_METHOD: '02-1234-5678', URL_LINK: '',
    VIEW_URL: `http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=${workId}`,
    ...fields,
  };
  return `<ROW>${Object.entries(all).map(([k, v]) => `<${k}>${esc(v ?? '')}</${k}>`).join('')}</ROW>\n`;
}
const feedXml = (rows: string, announce = '1150101') => `<?xml version="1.0" encoding="utf-8"?>\n<ROOT><ANNOUNCE_DATE>${announce}</ANNOUNCE_DATE>\n${rows}</ROOT>`;

describe.each(dbDrivers())('importFeed on %s', (driver) => {
  const t = useTestDatabase(driver);
  const count = async () => (await t.current.db.$count(vacancies));
  const stamps = async () =>
    new Map((await t.current.db.select({ w: vacancies.workId, u: vacancies.updatedAt }).from(vacancies)).map((r) => [r.w, r.u.getTime()]));

  it('PUB-4 imports all 1,106 rows of the real feed; every rejection is explained', async () => {
    const started = performance.now();
    const r = await importFeed(t.current.db, REAL_XML);
    const ms = performance.now() - started;
    expect(r.read).toBe(1106);
    expect(r.inserted + r.rejected.length).toBe(1106);
    for (const rej of r.rejected) expect(rej.reason.length).toBeGreaterThan(5);
    expect(r).toMatchObject({ inserted: 1106, updated: 0, unchanged: 0, rejected: [], announceDate: '2016-05-15', agenciesAdded: 527 });
    expect(await count()).toBe(1106);
    expect(ms).toBeLessThan(30_000);

    const [v] = await t.current.db.select().from(vacancies).where(eq(vacancies.workId, '1050400139'));
    expect(v).toMatchObject({
      orgName: '中央研究院', title: '組員', gradeMin: 5, gradeMax: 7, workPlaces: ['10'], validFrom: '2016-05-05', validTo: '2016-05-31',
      rankTypes: ['薦任', '委任'], accessMode: 'civil_service', source: 'opendata_import', announceDate: '2016-05-15', reviewStatus: 'approved',
    });
    expect(v?.searchText).toContain('組員');
  });

  it('ADM-2 the feed agencies are in the agencies table; vacancies carry only real 機關代碼', async () => {
    const db = t.current.db;
    expect(await db.$count(agencies)).toBe(527);
    expect(await db.$count(agencies, eq(agencies.codeKnown, true))).toBe(3);
    const linked = await db.selectDistinct({ orgId: vacancies.orgId, orgName: vacancies.orgName }).from(vacancies).where(sql`${vacancies.orgId} is not null`);
    expect(linked.sort((a, b) => a.orgId!.localeCompare(b.orgId!))).toEqual([
      { orgId: '301020800G', orgName: '墾丁國家公園管理處' },
      { orgId: '376420000A', orgName: '宜蘭縣政府' },
      { orgId: '376570000A', orgName: '基隆市政府' },
    ]);
    const [sinica] = await db.select().from(agencies).where(eq(agencies.name, '中央研究院'));
    expect(sinica).toMatchObject({ codeKnown: false, code: expect.stringMatching(/^X[0-9A-F]{9}$/) });
  });

  it('PUB-4 importing the same file again changes nothing: 0 inserted, 0 updated, updated_at stays', async () => {
    const before = await stamps();
    const r = await importFeed(t.current.db, REAL_XML);
    expect(r).toMatchObject({ read: 1106, inserted: 0, updated: 0, unchanged: 1106, rejected: [], agenciesAdded: 0 });
    expect(await stamps()).toEqual(before);
  });

  it('PUB-4 a row that changed in a later feed is updated, alone', async () => {
    const before = await stamps();
    const real = (await t.current.db.select().from(vacancies).where(eq(vacancies.workId, '1050400139')))[0]!;
    const r = await importFeed(
      t.current.db,
      feedXml(row('1050400139', { ORG_NAME: '中央研究院', PERSON_KIND: '一般人員', TITLE: '組員（更正）', DATE_FROM: '1050505', DATE_TO: '1050531' }), '1050516'),
    );
    expect(r).toMatchObject({ read: 1, inserted: 0, updated: 1, unchanged: 0, rejected: [] });
    const after = await stamps();
    const moved = [...after].filter(([w, u]) => before.get(w) !== u).map(([w]) => w);
    expect(moved).toEqual(['1050400139']);
    const [v] = await t.current.db.select().from(vacancies).where(eq(vacancies.workId, '1050400139'));
    expect(v).toMatchObject({ title: '組員（更正）', announceDate: '2016-05-16', id: real.id });
    expect(v?.createdAt).toEqual(real.createdAt);
  });

  it('PUB-4 malformed rows are reported and not stored; the good rows of the same file are', async () => {
    const xml = feedXml(
      row('1150100001') +
        row('1150100002', { DATE_TO: '1150230' }) +
        row('', { TITLE: '沒有編號' }) +
        '<ROW><TITLE>a<B>b</B></TITLE></ROW>\n' +
        row('1150100001', { TITLE: '重複' }) +
        row('1150100003', { DATE_FROM: '1150201', DATE_TO: '1150101' }) +
        row('1150100004', { TITLE: '也是好的', WORK_PLACE_TYPE: ',32-桃園縣' }),
    );
    const r = await importFeed(t.current.db, xml);
    expect(r).toMatchObject({ read: 7, inserted: 2, updated: 0, unchanged: 0 });
    expect(r.rejected).toEqual([
      { index: 2, workId: '1150100002', reason: 'DATE_TO 1150230 is not a real date (ROC yyyMMdd)' },
      { index: 3, reason: 'VIEW_URL has no 10-digit work_id: http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=' },
      { index: 4, reason: 'TITLE contains elements instead of text' },
      { index: 5, workId: '1150100001', reason: '職缺編號 1150100001 appears again (first in ROW 1); only the first is imported' },
      { index: 6, workId: '1150100003', reason: 'DATE_TO 1150101 is before DATE_FROM 1150201' },
    ]);
    const stored = await t.current.db.select({ w: vacancies.workId, title: vacancies.title, places: vacancies.workPlaces }).from(vacancies).where(sql`${vacancies.workId} like '11501%'`).orderBy(vacancies.workId);
    expect(stored).toEqual([
      { w: '1150100001', title: '測試職缺', places: ['10'] },
      { w: '1150100004', title: '也是好的', places: ['33'] },
    ]);
  });

  it('PUB-4 malformed XML is reported as a FeedParseError and nothing is written', async () => {
    const before = await count();
    await expect(importFeed(t.current.db, feedXml(row('1150100005')).replace('</ROOT>', ''))).rejects.toThrow(FeedParseError);
    await expect(importFeed(t.current.db, '<ROOT><ROW>')).rejects.toThrow(/^malformed XML at line 1/);
    expect(await count()).toBe(before);
  });

  it('PUB-4 a feed never overwrites a vacancy posted in this system with the same 職缺編號', async () => {
    await t.current.db.insert(vacancies).values({
      workId: '1150100006', orgName: '本系統機關', personKind: '約僱人員', title: '本系統職缺', validFrom: '2026-01-01', validTo: '2026-01-31', accessMode: 'open', source: 'form',
    });
    const r = await importFeed(t.current.db, feedXml(row('1150100006', { TITLE: '外來職缺' }) + row('1150100007')));
    expect(r).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(r.rejected).toEqual([{ index: 1, workId: '1150100006', reason: '職缺編號 1150100006 belongs to a vacancy posted in this system (source form); not overwritten' }]);
    const [v] = await t.current.db.select().from(vacancies).where(eq(vacancies.workId, '1150100006'));
    expect(v).toMatchObject({ title: '本系統職缺', source: 'form' });
  });

  it('PUB-4 a row the database refuses is rolled back alone; the rest of its batch is stored', async () => {
    const db = t.current.db;
    await db.execute(sql.raw(`create function test_refuse() returns trigger language plpgsql as $$
      begin if new.title = '資料庫拒絕' then raise exception 'test refusal of %', new.work_id; end if; return new; end $$`));
    await db.execute(sql.raw('create trigger test_refuse before insert or update on vacancies for each row execute function test_refuse()'));
    try {
      const r = await importFeed(db, feedXml(row('1150100008') + row('1150100009', { TITLE: '資料庫拒絕' }) + row('1150100010')));
      expect(r).toMatchObject({ read: 3, inserted: 2, updated: 0, unchanged: 0 });
      expect(r.rejected).toEqual([{ index: 2, workId: '1150100009', reason: 'the database refused the row: test refusal of 1150100009' }]);
      expect(await db.$count(vacancies, sql`${vacancies.workId} in ('1150100008', '1150100009', '1150100010')`)).toBe(2);
    } finally {
      await db.execute(sql.raw('drop trigger test_refuse on vacancies'));
      await db.execute(sql.raw('drop function test_refuse()'));
    }
  });
});

describe.each(dbDrivers())('importFeed as the demo seed on %s', (driver) => {
  const t = useTestDatabase(driver);

  it('PUB-1 shiftDatesTo moves every validity window so that all real jobs are published on that day', async () => {
    const r = await importFeed(t.current.db, REAL_XML, { source: 'demo', shiftDatesTo: '2026-11-22' });
    expect(r).toMatchObject({ read: 1106, inserted: 1106, rejected: [], announceDate: '2026-11-22' });
    const published = await t.current.db.$count(
      vacancies,
      sql`${vacancies.validFrom} <= '2026-11-22' and ${vacancies.validTo} >= '2026-11-22' and ${vacancies.source} = 'demo'`,
    );
    expect(published).toBe(1106);
    const [v] = await t.current.db.select().from(vacancies).where(eq(vacancies.workId, '1050400139'));
    expect(v).toMatchObject({ validFrom: '2026-11-12', validTo: '2026-12-08', announceDate: '2026-11-22' });
    expect(v?.postedAt).toEqual(new Date('2026-11-12T00:00:00+08:00'));
  });

  it('PUB-1 shiftDatesTo needs a feed with ANNOUNCE_DATE and an ISO day', async () => {
    const noDate = `<ROOT>${row('1150100011')}</ROOT>`;
    await expect(importFeed(t.current.db, noDate, { shiftDatesTo: '2026-11-22' })).rejects.toThrow('cannot shift dates: the feed has no valid ANNOUNCE_DATE');
    await expect(importFeed(t.current.db, feedXml(row('1150100011')), { shiftDatesTo: '2026-02-30' })).rejects.toThrow(RangeError);
  });
});
