// PUB-4 open data over HTTP on a real database: the real 2016 DGPA feed imported, exported again and compared
// field by field (and byte by byte), JSON/CSV equal to the XML, ETag/Last-Modified/304, changes, expiry and
// deletion, the Atom feed, the /opendata page.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbDrivers } from '../../../../tests/helpers/db.ts';
import { useTestApp } from '../../../../tests/helpers/app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { FEED_FIELDS, parseFeed, type FeedField, type RawRow } from '../opendata/feed.parse.ts';
import { parseFeedDate, workIdFromViewUrl } from '../opendata/feed-fields.rules.ts';
import { importFeed } from '../opendata/import.service.ts';
import { vacancies } from '../vacancy.schema.ts';
import { createOpenDataExport } from './export.service.ts';
import { parseCsv } from './csv.test-support.ts';

const REAL_XML = readFileSync(new URL('../../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url), 'utf8');
const BASE = 'http://localhost:3000';
const DGPA_VIEW = 'http://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=';
const viewUrl = (id: string): string => `${BASE}/jobs/${id}?work_id=${id}`;
/** The feed's ANNOUNCE_DATE (105/05/15), 10:00 in Taipei: the day the 2016 file was published. */
const FEED_DAY = '2016-05-15T10:00:00+08:00';

/** The 22 elements of the 2016 file; the four newer ones (ORG_ID, RESERVE_NUM, IS_TRANSFER, Work_Type) follow them. */
const SOURCE_FIELDS = FEED_FIELDS.slice(0, 22);
const NEWER_FIELDS = FEED_FIELDS.slice(22);
/** Fields the importer keeps verbatim (feed.rules.ts `verbatim`); every other text field is stored trimmed (`line`). */
const VERBATIM: ReadonlySet<FeedField> = new Set(['WORK_QUALITY', 'WORK_ITEM', 'WORK_ADDRESS', 'CONTACT_METHOD']);

/**
 * What the export must give back for a field of the source, and why it may differ. Everything not listed here
 * must be equal as published (after XML parsing, which turns the file's CRLF into LF on both sides).
 *  1. VIEW_URL: the export points at this site's job page `${BASE}/jobs/<work_id>?work_id=<work_id>`, not at
 *     DGPA's wantf00001_1.aspx (the DGPA address stays in vacancies.view_url). The work_id must be the same.
 *  2. One-line fields lose leading/trailing whitespace on import (feed.rules.ts: 「One-line fields lose
 *     leading/trailing whitespace only」): in this file VITAE_EMAIL 「 sulikao@…」 and 「10015317@… 」 and three
 *     NUMBER_OF texts ending in a space. Counted below, so the rule hides nothing else.
 *  Not normalised: WORK_PLACE_TYPE — kept verbatim, so the historical `,21-福建省連江縣` (now 98 連江縣) comes back
 *  as published; the long texts (WORK_QUALITY, WORK_ITEM, WORK_ADDRESS, CONTACT_METHOD) keep their whitespace.
 */
function expected(field: FeedField, source: string): string {
  if (field === 'VIEW_URL') return viewUrl(workIdFromViewUrl(source)!);
  if (!VERBATIM.has(field)) return source.trim();
  return source;
}

const publishedOn = (r: RawRow, day: string) => parseFeedDate(r.DATE_FROM!)! <= day && day <= parseFeedDate(r.DATE_TO!)!;

describe.each(dbDrivers())('PUB-4 open data export (%s)', (driver) => {
  const clock = fixedClock(FEED_DAY);
  const t = useTestApp(driver, { overrides: { clock } });
  const source = parseFeed(REAL_XML);
  const get = (url: string, headers: Record<string, string> = {}) => t.current.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    const r = await importFeed(t.current.services.db, REAL_XML, { source: 'opendata_import' });
    expect(r.inserted).toBe(1106);
  });

  it('PUB-4 round trip: every field of every published row of the 2016 feed comes back as published', async () => {
    const res = await get('/opendata/jobs.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const out = parseFeed(res.body);
    expect(out.errors).toEqual([]);
    expect(out.announceDate).toBe(source.announceDate); // 1050515: today in Taipei on the fixed clock

    const published = source.rows.filter((r) => publishedOn(r, '2016-05-15'));
    expect(published.length).toBe(1106); // every row of the file is open on its ANNOUNCE_DATE
    expect(out.rows.length).toBe(published.length);

    let trimmed = 0;
    published.forEach((src, i) => {
      const got = out.rows[i]!;
      const id = workIdFromViewUrl(src.VIEW_URL!);
      expect(got.VIEW_URL, `row ${i + 1}`).toBe(viewUrl(id!)); // same order (by work_id), same work_id
      for (const f of SOURCE_FIELDS) {
        expect(got[f], `${id} ${f}`).toBe(expected(f, src[f]!));
        if (f !== 'VIEW_URL' && expected(f, src[f]!) !== src[f]) trimmed++;
      }
      expect(Object.keys(got)).toEqual([...FEED_FIELDS]); // all 26 elements, none missing
      expect(got.RESERVE_NUM).toBe('');
      expect(got.IS_TRANSFER).toBe('');
      expect(got.Work_Type).toBe('');
    });
    expect(trimmed).toBe(5); // normalisation 2: 2 × VITAE_EMAIL, 3 × NUMBER_OF, nothing else

    // ORG_ID: the importer records a real 機關代碼 for the three agencies whose code is known; empty elsewhere.
    const orgIds = new Map(out.rows.filter((r) => r.ORG_ID !== '').map((r) => [r.ORG_NAME, r.ORG_ID]));
    expect(Object.fromEntries(orgIds)).toEqual({ 墾丁國家公園管理處: '301020800G', 宜蘭縣政府: '376420000A', 基隆市政府: '376570000A' });
  });

  it('PUB-4 a consumer taking the 職缺編號 with work_id=(\\d+) from VIEW_URL gets every 職缺編號 of the real feed', async () => {
    // Such programs (archives, LINE bots) read DGPA's `wantf00001_1.aspx?work_id=…`; ours must answer the same regex.
    const body = (await get('/opendata/jobs.xml')).body;
    const consumer = [...body.matchAll(/<VIEW_URL>([^<]*)<\/VIEW_URL>/g)].map((m) => /work_id=(\d+)/.exec(m[1]!)?.[1] ?? null);
    const theirs = source.rows.map((r) => /work_id=(\d+)/.exec(r.VIEW_URL!)![1]!).sort();
    expect(consumer).toHaveLength(1106);
    expect(consumer.filter((id) => id === null)).toHaveLength(0);
    expect([...consumer].sort()).toEqual(theirs);
    // JSON and CSV carry the same VIEW_URL; the address answers the job page itself (200, not a redirect).
    const json = JSON.parse((await get('/opendata/jobs.json')).body) as { VIEW_URL: string }[];
    expect(json.map((r) => /work_id=(\d+)/.exec(r.VIEW_URL)?.[1]).sort()).toEqual(theirs);
    const page = await get(new URL(json[0]!.VIEW_URL).pathname + new URL(json[0]!.VIEW_URL).search);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${json[0]!.VIEW_URL.split('?')[0]!}`);
  });

  it('PUB-4 the XML is laid out byte for byte as DGPA wrote it (CRLF, indentation, <X />, escaping)', async () => {
    const body = (await get('/opendata/jobs.xml')).body;
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n<ROOT>\r\n  <ANNOUNCE_DATE>1050515</ANNOUNCE_DATE>\r\n  <ROW>\r\n')).toBe(true);
    const ours = body
      .replace(new RegExp(`\\r\\n    <(${NEWER_FIELDS.join('|')})(?: />|>[^<]*</\\1>)`, 'g'), '')
      .replace(/<VIEW_URL>http:\/\/localhost:3000\/jobs\/(\d{10})\?work_id=\1<\/VIEW_URL>/g, `<VIEW_URL>${DGPA_VIEW}$1</VIEW_URL>`);
    // Normalisation 2 applied to the source text (those two elements hold no markup).
    const theirs = REAL_XML.replace(/<(VITAE_EMAIL|NUMBER_OF)>([^<]*)<\/\1>/g, (_m, name: string, v: string) => (v.trim() === '' ? `<${name} />` : `<${name}>${v.trim()}</${name}>`));
    expect(ours.length).toBe(theirs.length);
    expect(ours === theirs).toBe(true);
  });

  it('PUB-4 JSON and CSV carry the same fields and values as the XML', async () => {
    const xml = parseFeed((await get('/opendata/jobs.xml')).body).rows;

    const json = await get('/opendata/jobs.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const objects = JSON.parse(json.body) as Record<string, string>[];
    expect(objects.length).toBe(xml.length);
    objects.forEach((o, i) => {
      expect(Object.keys(o)).toEqual([...FEED_FIELDS]);
      expect(o).toEqual(xml[i]);
    });

    const csv = await get('/opendata/jobs.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="jobs.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM for Excel
    expect(csv.body.endsWith('\r\n')).toBe(true);
    const [header, ...records] = parseCsv(csv.rawPayload.toString('utf8').slice(1));
    expect(header).toEqual([...FEED_FIELDS]);
    expect(records.length).toBe(xml.length);
    // No cell of the real feed starts with = + - @, so the formula guard changes nothing here: strict equality.
    records.forEach((rec, i) => expect(Object.fromEntries(FEED_FIELDS.map((f, j) => [f, rec[j]]))).toEqual(xml[i]));
  });

  it('PUB-4 files are built once per change: concurrent requests share one build; generation time of 1,106 rows', async () => {
    const exp = createOpenDataExport(t.current.services);
    const results = await Promise.all(Array.from({ length: 8 }, () => exp.files()));
    expect(exp.builds).toBe(1);
    for (const r of results) expect(r).toBe(results[0]);
    expect(results[0]!.count).toBe(1106);
    expect(await exp.files()).toBe(results[0]);
    expect(exp.builds).toBe(1);
    const { read, format } = results[0]!.buildMs;
    const size = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    const f = results[0]!.files;
    console.log(
      `PUB-4 [${driver}] ${results[0]!.count} rows: rows read in ${read.toFixed(0)} ms; XML+JSON+CSV+Atom built in ${format.toFixed(0)} ms ` +
        `(XML ${size(f.xml.body.length)}, JSON ${size(f.json.body.length)}, CSV ${size(f.csv.body.length)}, Atom ${size(f.atom.body.length)})`,
    );

    // updated_at moved but nothing visible changed: rebuilt, same bytes, so the same ETag and Last-Modified.
    await t.current.services.db.update(vacancies).set({ updatedAt: new Date() }).where(eq(vacancies.workId, '1040100383')); // posted 105/01/07: not among the Atom's 50
    clock.advance(5000);
    try {
      const rebuilt = await exp.files();
      expect(exp.builds).toBe(2);
      expect(rebuilt.key).not.toBe(results[0]!.key);
      for (const k of ['xml', 'json', 'csv', 'atom'] as const) {
        expect(rebuilt.files[k].etag).toBe(f[k].etag);
        expect(rebuilt.files[k].lastModified).toEqual(f[k].lastModified);
      }
    } finally {
      clock.set(FEED_DAY);
    }
  });

  it('PUB-4 ETag and Last-Modified: a repeated request gets 304 with no body; cache-control public, max-age=300', async () => {
    const first = await get('/opendata/jobs.xml');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/); // strong: sha256 of the body
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(first.headers['access-control-allow-origin']).toBe('*');

    const again = await get('/opendata/jobs.xml');
    expect(again.headers.etag).toBe(etag);
    const conditional: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-none-match': `"x", W/${etag}` }, { 'if-modified-since': lastModified }];
    for (const headers of conditional) {
      const res = await get('/opendata/jobs.xml', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    }
    // If-None-Match decides when both are sent (RFC 9110 §13.1.3).
    expect((await get('/opendata/jobs.xml', { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode).toBe(200);
    for (const path of ['/opendata/jobs.json', '/opendata/jobs.csv', '/opendata/jobs.atom']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).not.toBe(etag);
      expect((await get(path, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    }
    const head = await t.current.app.inject({ method: 'HEAD', url: '/opendata/jobs.json' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBeDefined();
  });

  it('PUB-4 the Atom feed parses as XML: the 50 most recently posted jobs, each linking to /jobs/<work_id>', async () => {
    const res = await get('/opendata/jobs.atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' || n === 'link' }).parse(res.body) as {
      feed: { title: string; id: string; updated: string; entry: { id: string; title: string; link: { '@href': string }[]; published: string; updated: string; summary: string }[] };
    };
    expect(doc.feed.title).toBe('事求人機關徵才系統 新職缺');
    expect(doc.feed.id).toBe(`${BASE}/opendata/jobs.atom`);
    expect(doc.feed.entry.length).toBe(50);
    // Newest first: posted_at is DATE_FROM (the feed has no 刊登日期), ties by work_id, newest first.
    const newest = [...source.rows]
      .sort((a, b) => b.DATE_FROM!.localeCompare(a.DATE_FROM!) || b.VIEW_URL!.localeCompare(a.VIEW_URL!))
      .slice(0, 50);
    doc.feed.entry.forEach((e, i) => {
      const src = newest[i]!;
      const id = workIdFromViewUrl(src.VIEW_URL!);
      expect(e.id).toBe(`${BASE}/jobs/${id}`);
      expect(e.link[0]!['@href']).toBe(`${BASE}/jobs/${id}`);
      expect(e.title).toBe(`${src.TITLE!.trim()} － ${src.ORG_NAME!.trim()}`);
      expect(e.published).toBe(`${parseFeedDate(src.DATE_FROM!)}T00:00:00+08:00`);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(e.summary).toContain(`上網有效期間：${src.DATE_FROM!.slice(0, 3)}/${src.DATE_FROM!.slice(3, 5)}/${src.DATE_FROM!.slice(5)}～`);
      expect(e.summary).toMatch(/^工作地點：/);
    });
    expect(doc.feed.entry[0]!.summary).toMatch(/^工作地點：\S+；(官等職等：.+；)?上網有效期間：105\/05\/1\d～\d{3}\/\d{2}\/\d{2}$/);
  });

  it('PUB-4 a change gives a new ETag, a later Last-Modified and the new title in every format', async () => {
    const before = await get('/opendata/jobs.xml');
    const db = t.current.services.db;
    await db.update(vacancies).set({ title: '研究助理 <新> & 職稱', updatedAt: new Date() }).where(eq(vacancies.workId, '1030100145'));
    const after = await get('/opendata/jobs.xml', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Date.parse(after.headers['last-modified'] as string)).toBeGreaterThan(Date.parse(before.headers['last-modified'] as string));
    expect(after.body).toContain('<TITLE>研究助理 &lt;新&gt; &amp; 職稱</TITLE>');
    expect(parseFeed(after.body).rows.find((r) => r.VIEW_URL === viewUrl('1030100145'))?.TITLE).toBe('研究助理 <新> & 職稱');
    const json = JSON.parse((await get('/opendata/jobs.json')).body) as Record<string, string>[];
    expect(json.find((r) => r.VIEW_URL === viewUrl('1030100145'))?.TITLE).toBe('研究助理 <新> & 職稱');
    // A client still holding the old file is not told it is current.
    expect((await get('/opendata/jobs.xml', { 'if-modified-since': before.headers['last-modified'] as string })).statusCode).toBe(200);
  });

  it('PUB-4 an expired, a deleted and a flagged job are absent from every file', async () => {
    const db = t.current.services.db;
    const gone = { expired: '1030101297', deleted: '1030801768', flagged: '1030900928' };
    await db.update(vacancies).set({ validTo: '2016-05-14', updatedAt: new Date() }).where(eq(vacancies.workId, gone.expired));
    await db.update(vacancies).set({ deletedAt: new Date(), deletedReason: 'test' }).where(eq(vacancies.workId, gone.deleted));
    await db.update(vacancies).set({ reviewStatus: 'flagged' }).where(eq(vacancies.workId, gone.flagged)); // updated_at left alone on purpose
    const xml = parseFeed((await get('/opendata/jobs.xml')).body).rows;
    expect(xml.length).toBe(1103);
    const json = (await get('/opendata/jobs.json')).body;
    const csv = (await get('/opendata/jobs.csv')).body;
    const atom = (await get('/opendata/jobs.atom')).body;
    for (const id of Object.values(gone)) {
      expect(xml.some((r) => r.VIEW_URL!.endsWith(id)), id).toBe(false);
      for (const body of [json, csv, atom]) expect(body).not.toContain(`/jobs/${id}`);
    }
    expect(JSON.parse(json)).toHaveLength(1103);

    // The next day: jobs whose DATE_TO was 105/05/15 are gone, ANNOUNCE_DATE moves.
    clock.set('2016-05-16T00:00:01+08:00');
    try {
      const next = parseFeed((await get('/opendata/jobs.xml')).body);
      expect(next.announceDate).toBe('1050516');
      const stillOpen = source.rows.filter((r) => publishedOn(r, '2016-05-16') && !Object.values(gone).includes(workIdFromViewUrl(r.VIEW_URL!)!));
      expect(next.rows.length).toBe(stillOpen.length);
      expect(next.rows.length).toBeLessThan(1103);
    } finally {
      clock.set(FEED_DAY);
    }
  });

  it('PUB-4 the /opendata page describes the formats, every field, the licence and the update frequency', async () => {
    const res = await get('/opendata');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    for (const href of ['/opendata/jobs.xml', '/opendata/jobs.json', '/opendata/jobs.csv', '/opendata/jobs.atom', 'https://data.gov.tw/license']) {
      expect(html).toContain(`href="${href}"`);
    }
    for (const f of FEED_FIELDS) expect(html).toContain(`<code>${f}</code>`);
    for (const text of ['政府資料開放授權條款第1版', '徵才機關', '上網有效期間（起）', '資格條件', '資料日期 105/05/15，目前刊登中職缺 1,103 筆。', '5 分鐘', 'If-None-Match']) {
      expect(html).toContain(text);
    }
    const en = (await get('/opendata?lang=en')).body;
    expect(en).toContain('Open Government Data License, version 1.0');
    expect(en).toContain('Data of 105/05/15: 1,103 jobs open now.');
  });
});
