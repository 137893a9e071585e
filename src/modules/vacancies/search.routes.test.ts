// PUB-1 查詢職缺資料 over HTTP, on the real 1,106 jobs of the 2016 DGPA feed (dates shifted to today).
// Every filter is checked against an oracle: the same condition computed in JavaScript over all rows of
// the table. The page must list exactly the oracle's jobs, in the oracle's order (newest first).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { taipeiIsoDate } from '../../platform/clock.ts';
import { dbDrivers } from '../../../tests/helpers/db.ts';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { importFeed } from './opendata/import.service.ts';
import { vacancies } from './vacancy.schema.ts';
import { addDays } from '../../platform/tw/roc-date.ts';

const FEED = new URL('../../../assets/demo/dgpa-opendata-1050515.xml', import.meta.url);
type Row = typeof vacancies.$inferSelect;

interface Page {
  status: number;
  html: string;
  total: number | null;
  workIds: string[];
  seqs: number[];
}

function parsePage(status: number, html: string): Page {
  const count = /共 ([\d,]+) 筆職缺/.exec(html);
  const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>') + 1);
  return {
    status,
    html,
    total: count ? Number(count[1]!.replace(/,/g, '')) : null,
    workIds: [...tbody.matchAll(/href="\/jobs\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!)),
    seqs: [...tbody.matchAll(/<td class="num" data-label="序號">(\d+)<\/td>/g)].map((m) => Number(m[1])),
  };
}

/** The field error shown beside a field (id f-<name>-error), or null. */
function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`id="f-${name}-error"><span class="visually-hidden">錯誤：</span>([^<]*)</p>`).exec(html);
  return m ? m[1]! : null;
}
function summaryItems(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#(f-[\w-]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
}

const searchTextOf = (r: Row) => `${r.title} ${r.orgName} ${r.workQuality} ${r.workItem}`.toLowerCase();
/** Text and terms are compared in NFKC (full-width ％ is %): see search.fold.test.ts. */
const nfkcTextOf = (r: Row) => searchTextOf(r).normalize('NFKC');
const byNewest = (a: Row, b: Row) => b.postedAt.getTime() - a.postedAt.getTime() || (a.workId < b.workId ? 1 : a.workId > b.workId ? -1 : 0);

describe.each(dbDrivers())('PUB-1 search on %s', (driver) => {
  const t = useTestApp(driver);
  let all: Row[] = [];
  let published: Row[] = [];
  let today = '';

  beforeAll(async () => {
    const { services } = t.current;
    today = services.clock.today();
    const r = await importFeed(services.db, readFileSync(FEED, 'utf8'), { source: 'demo', shiftDatesTo: today });
    expect(r.inserted).toBe(1106);
    // Four jobs that are not published: rejected, deleted, expired, not yet open. All say 未公開測試.
    const [base] = await services.db.select().from(vacancies).limit(1);
    const { id: _id, searchText: _s, createdAt: _c, updatedAt: _u, ...copy } = base!;
    const hidden = [
      { workId: '9990000001', reviewStatus: 'rejected' as const },
      { workId: '9990000002', deletedAt: new Date() },
      { workId: '9990000003', validFrom: addDays(today, -30), validTo: addDays(today, -1) },
      { workId: '9990000004', validFrom: addDays(today, 1), validTo: addDays(today, 30) },
    ];
    for (const h of hidden) await services.db.insert(vacancies).values({ ...copy, title: '未公開測試職缺', ...h });
    all = await services.db.select().from(vacancies);
    published = all.filter((v) => v.reviewStatus === 'approved' && v.deletedAt === null && v.validFrom <= today && v.validTo >= today).sort(byNewest);
  }, 120_000);

  async function get(url: string): Promise<Page> {
    const res = await t.current.app.inject({ method: 'GET', url });
    return parsePage(res.statusCode, res.body);
  }

  /** Every page of a search at 100 a page: the work ids in page order. */
  async function everyResult(query: string): Promise<{ total: number; workIds: string[] }> {
    const first = await get(`/jobs?${query}&size=100`);
    expect(first.status, first.html.slice(0, 300)).toBe(200);
    const workIds = [...first.workIds];
    const pages = Math.ceil(first.total! / 100);
    for (let p = 2; p <= pages; p++) workIds.push(...(await get(`/jobs?${query}&size=100&page=${p}`)).workIds);
    return { total: first.total!, workIds };
  }

  /** The search lists exactly the published jobs `keep` accepts, newest first; it narrows. */
  async function expectFilter(query: string, keep: (r: Row) => boolean): Promise<Row[]> {
    const expected = published.filter(keep);
    const got = await everyResult(query);
    expect(got.total).toBe(expected.length);
    expect(got.workIds).toEqual(expected.map((r) => r.workId));
    expect(expected.length, `${query} should find something`).toBeGreaterThan(0);
    expect(expected.length, `${query} should narrow`).toBeLessThan(published.length);
    return expected;
  }

  const q = (params: Record<string, string | string[]>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) p.append(k, one);
    return p.toString();
  };

  it('PUB-1 lists every published job, newest first, 15 a page, with the count and the columns of the source', async () => {
    const page = await get('/jobs');
    expect(page.status).toBe(200);
    expect(published).toHaveLength(1106);
    expect(page.total).toBe(1106);
    expect(page.workIds).toEqual(published.slice(0, 15).map((r) => r.workId));
    expect(page.seqs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const headers = [...page.html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['序號', '刊登日期', '職稱', '機關名稱', '職系', '官職等', '工作地點', '有效期間']);
    // The home page is the same search.
    expect((await get('/')).workIds).toEqual(page.workIds);
    // 刊登日期 and 有效期間 in ROC form (SYS-7).
    const first = published[0]!;
    expect(page.html).toContain(`<time datetime="${first.validFrom}">`);
    expect(page.html).toMatch(/<time datetime="\d{4}-\d\d-\d\d[^"]*">1\d\d\/\d\d\/\d\d<\/time>/);
  });

  it('PUB-1 leaves out jobs that are rejected, deleted, expired or not yet open', async () => {
    expect(all.length).toBe(1110);
    const page = await get(`/jobs?${q({ keyword: '未公開測試' })}`);
    expect(page.status).toBe(200);
    expect(page.total).toBe(0);
    expect(page.html).toContain('查無資料');
  });

  it('PUB-1 keyword of two characters (bigram index) searches title, agency, 資格條件 and 工作項目', async () => {
    const rows = await expectFilter(q({ keyword: '人事' }), (r) => searchTextOf(r).includes('人事'));
    // Found through each of the four fields, not just the title.
    expect(rows.some((r) => !r.title.includes('人事') && r.orgName.includes('人事'))).toBe(true);
    expect(rows.some((r) => !`${r.title}${r.orgName}`.includes('人事') && r.workQuality.includes('人事'))).toBe(true);
    expect(rows.some((r) => !`${r.title}${r.orgName}${r.workQuality}`.includes('人事') && r.workItem.includes('人事'))).toBe(true);
  });

  it('PUB-1 keyword of one character and of three or more characters (trigram index)', async () => {
    await expectFilter(q({ keyword: '工' }), (r) => searchTextOf(r).includes('工'));
    await expectFilter(q({ keyword: '護理師' }), (r) => searchTextOf(r).includes('護理師'));
    await expectFilter(q({ keyword: 'Excel' }), (r) => searchTextOf(r).includes('excel'));
  });

  it('PUB-1 keyword terms separated by spaces must all match (AND), in any field', async () => {
    const rows = await expectFilter(q({ keyword: '約僱　臺北 電腦' }), (r) => ['約僱', '臺北', '電腦'].every((w) => searchTextOf(r).includes(w)));
    const one = await everyResult(q({ keyword: '約僱' }));
    expect(rows.length).toBeLessThan(one.total);
  });

  it('PUB-1 機關名稱 matches part of the agency name, whitespace ignored; a word of the job text alone does not match', async () => {
    await expectFilter(q({ org: '衛生福利部' }), (r) => r.orgName.includes('衛生福利部'));
    await expectFilter(q({ org: '衛生 福利部  豐原' }), (r) => r.orgName.includes('衛生福利部豐原'));
    await expectFilter(q({ org: '大學' }), (r) => r.orgName.includes('大學'));
    // 護理師 is in many job texts but in no agency name.
    expect((await get(`/jobs?${q({ org: '護理師' })}`)).total).toBe(0);
  });

  it('PUB-1 職系 by code; jobs whose 職系 text lists the 職系 among others are found too', async () => {
    const rows = await expectFilter(q({ sysnam: 'B201' }), (r) => r.sysnamCode === 'B201' || (r.sysnamCode === null && r.sysnamText.includes('土木工程')));
    expect(rows.some((r) => r.sysnamCode === 'B201')).toBe(true);
    await expectFilter(q({ sysnam: '0100' }), (r) => r.sysnamCode === '0100');
  });

  it('PUB-1 官等: any of the ticked ranks', async () => {
    await expectFilter(q({ rank: '薦任' }), (r) => r.rankTypes.includes('薦任'));
    await expectFilter(q({ rank: ['簡任', '委任'] }), (r) => r.rankTypes.includes('簡任') || r.rankTypes.includes('委任'));
    await expectFilter(q({ rank: '其他' }), (r) => r.rankTypes.includes('其他'));
  });

  it('PUB-1 職等: the grade lies inside the job grade range', async () => {
    const rows = await expectFilter(q({ grade: '7' }), (r) => r.gradeMin !== null && r.gradeMax !== null && r.gradeMin <= 7 && r.gradeMax >= 7);
    expect(rows.some((r) => r.gradeMin! < 7 && r.gradeMax! > 7)).toBe(true);
    await expectFilter(q({ rank: '薦任', grade: '6' }), (r) => r.rankTypes.includes('薦任') && r.gradeMin !== null && r.gradeMin <= 6 && r.gradeMax! >= 6);
  });

  it('PUB-1 人員區分 by code', async () => {
    await expectFilter(q({ kind: '13' }), (r) => r.personKindCode === '13');
    await expectFilter(q({ kind: '93' }), (r) => r.personKindCode === '93' && r.personKind === '工友');
  });

  it('PUB-1 須具 / 不須具 / 不使用 (access mode)', async () => {
    await expectFilter(q({ access: 'civil_service' }), (r) => r.accessMode === 'civil_service');
    await expectFilter(q({ access: 'open' }), (r) => r.accessMode === 'open');
    const none = await get(`/jobs?${q({ access: 'none' })}`);
    expect(none.total).toBe(published.filter((r) => r.accessMode === 'none').length);
  });

  it('PUB-1 工作地: any of several places', async () => {
    await expectFilter(q({ place: '10' }), (r) => r.workPlaces.includes('10'));
    await expectFilter(q({ place: ['10', '23', '97'] }), (r) => r.workPlaces.some((p) => ['10', '23', '97'].includes(p)));
  });

  it('PUB-1 the four special conditions: each ticked one is required', async () => {
    await expectFilter(q({ special: 'handicap' }), (r) => r.isHandicap);
    await expectFilter(q({ special: 'original' }), (r) => r.isOriginal);
    await expectFilter(q({ special: 'local_original' }), (r) => r.isLocalOriginal);
    await expectFilter(q({ special: ['handicap', 'local_original'] }), (r) => r.isHandicap && r.isLocalOriginal);
    // No job of the 2016 feed is a 地方創生借調 (the condition is newer than the feed).
    expect((await get(`/jobs?${q({ special: 'traning' })}`)).total).toBe(published.filter((r) => r.isTraning).length);
  });

  it('PUB-1 刊登日期 range, ROC or AD, both ends included (Taipei days)', async () => {
    const day = (r: Row) => taipeiIsoDate(r.postedAt);
    const days = [...new Set(published.map(day))].sort();
    const from = days[Math.floor(days.length / 3)]!;
    const to = days[Math.floor((2 * days.length) / 3)]!;
    const roc = (iso: string) => `${Number(iso.slice(0, 4)) - 1911}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
    const rows = await expectFilter(q({ from: roc(from), to: roc(to) }), (r) => day(r) >= from && day(r) <= to);
    expect(rows.map(day)).toContain(from);
    expect(rows.map(day)).toContain(to);
    await expectFilter(q({ from }), (r) => day(r) >= from);
    await expectFilter(q({ to: roc(to) }), (r) => day(r) <= to);
    await expectFilter(q({ from: roc(to), to: roc(to) }), (r) => day(r) === to);
  });

  it('PUB-1 filters combine (AND across filters)', async () => {
    await expectFilter(q({ keyword: '人事', place: '10', rank: '薦任' }), (r) => searchTextOf(r).includes('人事') && r.workPlaces.includes('10') && r.rankTypes.includes('薦任'));
    await expectFilter(
      q({ keyword: '行政', access: 'civil_service', special: 'handicap', place: ['42', '23'], grade: '5' }),
      (r) =>
        searchTextOf(r).includes('行政') &&
        r.accessMode === 'civil_service' &&
        r.isHandicap &&
        r.workPlaces.some((p) => p === '42' || p === '23') &&
        r.gradeMin !== null &&
        r.gradeMin <= 5 &&
        r.gradeMax! >= 5,
    );
    await expectFilter(q({ org: '醫院', access: 'open', keyword: '護理' }), (r) => r.orgName.includes('醫院') && r.accessMode === 'open' && searchTextOf(r).includes('護理'));
  });

  it('PUB-1 pages: links keep the query; numbering continues; each page holds the next jobs in order', async () => {
    const query = q({ keyword: '工', place: ['10', '23'] });
    const expected = published.filter((r) => searchTextOf(r).includes('工') && r.workPlaces.some((p) => p === '10' || p === '23'));
    expect(expected.length).toBeGreaterThan(30);
    const p1 = await get(`/jobs?${query}`);
    expect(p1.workIds).toEqual(expected.slice(0, 15).map((r) => r.workId));
    const next = /<a href="([^"]+)" rel="next"/.exec(p1.html)![1]!.replaceAll('&amp;', '&');
    expect(decodeURIComponent(next)).toBe('/jobs?keyword=工&place=10&place=23&page=2');
    const p2 = await get(next);
    expect(p2.workIds).toEqual(expected.slice(15, 30).map((r) => r.workId));
    expect(p2.seqs[0]).toBe(16);
    const lastPage = Math.ceil(expected.length / 15);
    const last = await get(`/jobs?${query}&page=${lastPage}`);
    expect(last.workIds).toEqual(expected.slice((lastPage - 1) * 15).map((r) => r.workId));
    expect(last.html).not.toContain('rel="next"');
  });

  it('PUB-1 the user chooses 15, 30, 50 or 100 a page; links keep the choice', async () => {
    for (const size of [15, 30, 50, 100]) {
      const page = await get(`/jobs?size=${size}`);
      expect(page.workIds).toEqual(published.slice(0, size).map((r) => r.workId));
      expect(page.html).toMatch(new RegExp(`<option value="${size}" selected>`));
    }
    const p = await get('/jobs?size=50&page=2');
    expect(p.workIds).toEqual(published.slice(50, 100).map((r) => r.workId));
    expect(p.seqs[0]).toBe(51);
    expect(p.html).toContain('href="/jobs?size=50&page=3" rel="next"');
  });

  it('PUB-1 a page past the end: 200, the message beside the pager and in the summary, a link to the last page', async () => {
    const page = await get('/jobs?page=999');
    expect(page.status).toBe(200);
    expect(page.total).toBe(1106);
    expect(page.workIds).toEqual([]);
    expect(summaryItems(page.html)).toEqual(['f-page 頁碼：頁碼超出範圍，查詢結果共 74 頁']);
    expect(page.html).toContain('id="f-page"');
    expect(page.html).toContain('href="/jobs?page=74"');
    const none = await get(`/jobs?${q({ keyword: '查無此字詞組合' })}&page=2`);
    expect(none.status).toBe(200);
    expect(summaryItems(none.html)).toEqual(['f-page 頁碼：頁碼超出範圍，查詢結果共 1 頁']);
  });

  it('PUB-1 invalid input: 400, the form again with what was typed, a message beside each field and in the summary', async () => {
    const res = await get(`/jobs?${q({ keyword: '人事', sysnam: 'ZZZZ', rank: '特任', kind: '77', access: 'x', place: ['10', '777'], special: 'veteran', from: '115/02/30', to: 'tomorrow', size: '20' })}`);
    expect(res.status).toBe(400);
    expect(res.total).toBeNull(); // no results on an invalid search
    expect(summaryItems(res.html)).toEqual([
      'f-place 工作地：請從清單中選擇工作地',
      'f-sysnam 職系：請從清單中選擇職系',
      'f-kind 人員區分：請從清單中選擇人員區分',
      'f-rank 官等：請從清單中選擇官等',
      'f-access 職缺類別：請從清單中選擇職缺類別',
      'f-special 特殊條件：請從清單中選擇特殊條件',
      'f-from 刊登日期（起）：日期不存在，請確認年、月、日',
      'f-to 刊登日期（迄）：日期格式不正確，請依民國年/月/日填寫（例：115/05/01）',
      'f-size 每頁筆數：每頁筆數只能是 15、30、50 或 100',
    ]);
    expect(fieldError(res.html, 'sysnam')).toBe('請從清單中選擇職系');
    expect(fieldError(res.html, 'from')).toBe('日期不存在，請確認年、月、日');
    expect(res.html).toContain('value="115/02/30"');
    expect(res.html).toContain('value="人事"');
    expect(res.html).toMatch(/<details class="search-more" open>/);
    expect(res.html).toMatch(/<title>錯誤：查詢職缺資料｜/);
  });

  it('PUB-1 invalid input: over-long keyword, from after to, a 職等 outside the 官等, a malformed page', async () => {
    const long = await get(`/jobs?${q({ keyword: '人'.repeat(51) })}`);
    expect(long.status).toBe(400);
    expect(fieldError(long.html, 'keyword')).toBe('關鍵字最多 50 個字');
    expect(long.html).toMatch(/<details class="search-more">/); // nothing advanced to show
    const terms = await get(`/jobs?${q({ keyword: 'a b c d e f' })}`);
    expect(fieldError(terms.html, 'keyword')).toBe('關鍵字最多 5 個詞（以空白分開）');
    const range = await get(`/jobs?${q({ from: '115/06/02', to: '115/06/01' })}`);
    expect(range.status).toBe(400);
    expect(summaryItems(range.html)).toEqual(['f-to 刊登日期（迄）：迄日不可早於起日']);
    const grade = await get(`/jobs?${q({ rank: '簡任', grade: '3' })}`);
    expect(grade.status).toBe(400);
    expect(fieldError(grade.html, 'grade')).toMatch(/^所選職等不屬於所選官等/);
    for (const page of ['abc', '0', '-2', '1.5']) {
      const r = await get(`/jobs?page=${page}`);
      expect(r.status).toBe(400);
      expect(summaryItems(r.html)).toEqual(['f-page 頁碼：頁碼必須是正整數']);
    }
  });

  it('PUB-1 English pages show English messages (SYS-6)', async () => {
    const res = await get(`/jobs?${q({ sysnam: 'nope', lang: 'en' })}`);
    expect(res.status).toBe(400);
    expect(fieldError(res.html, 'sysnam')).toBe('Choose a job series from the list');
  });

  it('PUB-1 SQL and HTML special characters in keywords are only text', async () => {
    for (const keyword of ['%', '_', '\\', "'", '<script>', '%人事%', "' OR 1=1 --", '100%', 'a_b', '"><script>alert(1)</script>']) {
      const res = await t.current.app.inject({ method: 'GET', url: `/jobs?${q({ keyword })}` });
      expect(res.statusCode, keyword).toBe(200);
      const page = parsePage(res.statusCode, res.body);
      const terms = keyword.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
      expect(page.total, keyword).toBe(published.filter((r) => terms.every((w) => nfkcTextOf(r).includes(w))).length);
      // The text comes back only inside the keyword box's value (quotes escaped), never as markup.
      expect(res.body).toContain(`id="f-keyword" name="keyword" type="search" value="${keyword.replaceAll('&', '&amp;').replaceAll('"', '&#34;')}"`);
      const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes).not.toMatch(/<script>|alert\(1\)/);
    }
    // '%' really is in some job text, and only those jobs are found.
    expect(published.some((r) => nfkcTextOf(r).includes('%'))).toBe(true);
    await expectFilter(q({ keyword: '%' }), (r) => nfkcTextOf(r).includes('%'));
    expect((await get(`/jobs?${q({ org: "%_\\'" })}`)).total).toBe(0);
    // A full-width term finds the text as typed and in its NFKC (half-width) form.
    await expectFilter(q({ keyword: '（正取' }), (r) => searchTextOf(r).includes('（正取') || searchTextOf(r).includes('(正取'));
  });

  it('PUB-1 odd and hostile query strings never cause a 500', async () => {
    const urls = [
      '/jobs?keyword=%00',
      '/jobs?keyword=%E0%A4%A',
      '/jobs?keyword=%FF%FE',
      '/jobs?keyword[]=a&keyword[]=b',
      '/jobs?place[]=10',
      '/jobs?place=10&place=10&place=10',
      '/jobs?page=999999999&size=100',
      '/jobs?page=9999999999999999999999',
      '/jobs?size=1e2',
      '/jobs?from=0000/00/00',
      '/jobs?from=1/1/1&to=9999/12/31',
      '/jobs?grade=%20',
      '/jobs?keyword=' + encodeURIComponent('𠀋'.repeat(50)),
      '/jobs?keyword=' + encodeURIComponent('\u3000\u3000'),
      '/jobs?org=' + encodeURIComponent("%_\\'"),
      '/jobs?' + Array.from({ length: 200 }, () => 'place=10').join('&'),
    ];
    for (const url of urls) {
      const res = await t.current.app.inject({ method: 'GET', url });
      expect([200, 400], url).toContain(res.statusCode);
    }
  });

  it('PUB-1 the form re-displays the search: values kept, advanced part open only when one of its filters is set', async () => {
    const simple = await get(`/jobs?${q({ keyword: '人事', place: ['10', '23'], org: '部' })}`);
    expect(simple.html).toMatch(/<details class="search-more">/);
    expect(simple.html).toMatch(/value="10" checked/);
    expect(simple.html).toMatch(/value="23" checked/);
    const advanced = await get(`/jobs?${q({ rank: '薦任', special: 'handicap', from: '115/01/01' })}`);
    expect(advanced.status).toBe(200);
    expect(advanced.html).toMatch(/<details class="search-more" open>/);
    expect(advanced.html).toMatch(/value="薦任" checked/);
    expect(advanced.html).toMatch(/value="handicap" checked/);
    expect(advanced.html).toContain('value="115/01/01"');
  });
});
