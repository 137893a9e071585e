// PUB-2 job page over HTTP (fastify.inject) on a real database: fields, escaping, dates, attachments, QR,
// 【我要應徵】, 410/404 pages, JSON-LD and the print page.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { describe, expect, it, beforeAll } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import { dbDrivers } from '../../../../tests/helpers/db.ts';
import { useTestApp } from '../../../../tests/helpers/app.ts';
import { insertAttachment, insertVacancy, pngModules, readPng, samplePdf, svgModules, symbolModules } from './job-page.test-support.ts';
import jsQRModule from 'jsqr';
import { applicantAccounts } from '../../accounts/index.ts';
import { vacancies, vacancyAttachments } from '../vacancy.schema.ts';

const OPEN = '1150500001';
const CIVIL = '1150500002';
const NONE = '1150500003';
const DELETED = '1150500004';
const EXPIRED = '1150500005';
const FUTURE = '1150500006';
const FLAGGED = '1150500007';
const DEMO = '1150500008';
const LINKS = '1150500009';
const XSS_TITLE = '測試科員<script>alert(1)</script>';
const APPLY_URL = `http://localhost:3000/jobs/${OPEN}/apply`;

describe.each(dbDrivers())('PUB-2 job page (%s)', (driver) => {
  const t = useTestApp(driver, { overrides: { clock: fixedClock('2026-05-27T10:00:00+08:00') } });
  const ids = { pdf: '', csv: '', deletedPdf: '', expiredPdf: '' };
  const pdf = samplePdf();

  beforeAll(async () => {
    const { services } = t.current;
    const open = await insertVacancy(services.db, {
      workId: OPEN,
      title: XSS_TITLE,
      orgName: '行政院人事行政總處 & <b>附屬</b>',
      isHandicap: true,
      isLocalOriginal: true,
      workQuality: '第一行 <img src=x onerror=alert(1)>\n第二行',
      reserveNum: '備取2名',
      urlLink: 'https://www.dgpa.gov.tw/',
    });
    ids.pdf = (await insertAttachment(services, open.id, { name: '職缺說明 "簡章".pdf', contentType: 'application/pdf', bytes: pdf, key: 'vacancies/test/open-pdf' })).id;
    ids.csv = (await insertAttachment(services, open.id, { name: '報名表.csv', contentType: 'text/csv', bytes: Buffer.from('姓名,電話\n', 'utf8'), key: 'vacancies/test/open-csv' })).id;
    await insertVacancy(services.db, { workId: CIVIL, accessMode: 'civil_service', personKind: '一般人員', rankTypes: ['委任', '薦任'], rankText: '委任第5職等或薦任第6職等至第7職等' });
    await insertVacancy(services.db, { workId: NONE, accessMode: 'none', contactMethod: '請備履歷郵寄：\n100 臺北市中正區濟南路一段2之2號\n人事室 收' });
    const deleted = await insertVacancy(services.db, { workId: DELETED, deletedAt: new Date('2026-05-26T12:00:00+08:00') });
    ids.deletedPdf = (await insertAttachment(services, deleted.id, { name: 'a.pdf', contentType: 'application/pdf', bytes: pdf, key: 'vacancies/test/deleted-pdf' })).id;
    const expired = await insertVacancy(services.db, { workId: EXPIRED, title: '已到期職缺', validFrom: '2026-05-01', validTo: '2026-05-26' });
    ids.expiredPdf = (await insertAttachment(services, expired.id, { name: 'b.pdf', contentType: 'application/pdf', bytes: pdf, key: 'vacancies/test/expired-pdf' })).id;
    await insertVacancy(services.db, { workId: FUTURE, validFrom: '2026-05-28', validTo: '2026-06-30' });
    await insertVacancy(services.db, { workId: FLAGGED, reviewStatus: 'flagged' });
    await insertVacancy(services.db, { workId: DEMO, source: 'demo', title: '示範職缺科員' });
    await insertVacancy(services.db, { workId: LINKS, workItem: '簡章見https://www.dgpa.gov.tw/a?b=1&c=2。\njavascript:alert(1) <b>x</b>', contactMethod: '請寄 hr@dgpa.gov.tw' });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.current.app.inject({ method: 'GET', url, headers });

  it('PUB-2 shows every public field with the zh-TW labels of the source documents', async () => {
    const res = await get(`/jobs/${OPEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    for (const label of ['職缺編號', '機關名稱', '職稱', '人員區分', '官等', '職等', '職系', '名額', '備取名額', '性別', '工作地點', '上網有效期間', '特殊條件', '一、資格條件', '二、工作項目', '三、工作地點', '四、聯絡方式', '聯絡E-mail', '應徵方式／履歷調閱方式', '刊登日期', '職缺相關附件', '相關網址']) {
      expect(html, label).toContain(`>${label}<`);
    }
    for (const value of [OPEN, '約僱人員', '約僱五等280薪點', '一般行政', '1名', '備取2名', '不拘', '臺北市、新竹市', '臺北市中正區濟南路一段2之2號', '不須具公務人員任用資格職缺', '允許履歷及相關證件以電子檔用 E-mail 寄送']) {
      expect(html, value).toContain(value);
    }
    expect(html).toContain('href="mailto:hr@dgpa.example.gov.tw"');
    expect(html).toContain('href="https://www.dgpa.gov.tw/"');
    // Only the special conditions that apply.
    expect(html).toContain('歡迎身心障礙者');
    expect(html).toContain('原住民族地區之職缺');
    expect(html).not.toContain('歡迎原住民族');
    expect(html).not.toContain('地方創生借調');
    // Free text keeps its line breaks (rendered with white-space: pre-wrap).
    expect(html).toContain('一、公文處理。\n二、會議紀錄。');
    expect(html).toContain('聯絡人：王小姐\n電話：(02)2397-9298 分機 123');
  });

  it('PUB-2 a demo vacancy says 「示範資料」 on its page and in its result row; a real one does not (issue 16 item 10)', async () => {
    const page = (await get(`/jobs/${DEMO}`)).body;
    expect(page).toContain('<strong class="badge demo-badge">示範資料</strong>');
    expect(page).toContain('並非實際徵才');
    expect((await get(`/jobs/${OPEN}`)).body).not.toContain('demo-badge');
    expect((await get(`/jobs/${DEMO}`, { cookie: 'lang=en' })).statusCode).toBe(200);
    const results = (await get(`/jobs?keyword=${encodeURIComponent('示範職缺科員')}`)).body;
    expect(results).toMatch(/<a href="\/jobs\/1150500008">示範職缺科員<\/a> <span class="badge demo-badge">示範資料<\/span>/);
    const others = (await get(`/jobs?keyword=${encodeURIComponent('約僱行政助理')}`)).body;
    expect(others).toContain('/jobs/1150500003');
    expect(others).not.toContain('demo-badge');
  });

  it('PUB-2 http(s) URLs and e-mail addresses in job texts are links (escaped, rel=noopener); nothing else is (issue 16 item 8)', async () => {
    const html = (await get(`/jobs/${LINKS}`)).body;
    expect(html).toContain('簡章見<a href="https://www.dgpa.gov.tw/a?b=1&amp;c=2" rel="noopener noreferrer external">https://www.dgpa.gov.tw/a?b=1&amp;c=2</a>。');
    expect(html).toContain('<a href="mailto:hr@dgpa.gov.tw">hr@dgpa.gov.tw</a>');
    expect(html).toContain('javascript:alert(1) &lt;b>x&lt;/b>');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>');
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(301);
    expect(ico.headers.location).toBe('/assets/favicon.svg');
    const svg = await get('/assets/favicon.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
  });

  it('PUB-1 the result list has one landmark named 查詢結果 (axe landmark-unique), with the id #results', async () => {
    const html = (await get('/jobs?keyword=%E7%B4%84%E5%83%B1')).body;
    expect(html.match(/aria-label="查詢結果"|aria-labelledby="results-title"/g)).toEqual(['aria-label="查詢結果"']);
    expect(html).toContain('id="results"');
  });

  it('PUB-2 escapes every value: a <script> title and markup in free text appear as text', async () => {
    const html = (await get(`/jobs/${OPEN}`)).body;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>附屬</b>');
    // @kitajs/html escapes & < " (enough for text and attribute values): `<` never starts a tag.
    expect(html).toContain('<h1 id="job-title">測試科員&lt;script>alert(1)&lt;/script></h1>');
    expect(html).toContain('第一行 &lt;img src=x onerror=alert(1)>\n第二行');
    expect(html).toContain('行政院人事行政總處 &amp; &lt;b>附屬&lt;/b>');
    // The only <script> elements are the JSON-LD data block (no executable inline script: CSP allows none).
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script type="application/ld+json">']);
  });

  it('SYS-7 PUB-2 shows 上網有效期間 and 刊登日期 in ROC form', async () => {
    const html = (await get(`/jobs/${OPEN}`)).body;
    expect(html).toContain('<time datetime="2026-05-26">115/05/26</time>～<time datetime="2026-05-28">115/05/28</time>');
    expect(html).toMatch(/<time datetime="2026-05-20[^"]*">115\/05\/20<\/time>/);
  });

  it('PUB-2 lists the attachments with their size, and a download streams the stored bytes with safe headers', async () => {
    const html = (await get(`/jobs/${OPEN}`)).body;
    expect(html).toContain(`href="/jobs/${OPEN}/attachments/${ids.pdf}"`);
    expect(html).toContain('職缺說明 &#34;簡章&#34;.pdf');
    expect(html).toContain(`（PDF，檔案大小 ${pdf.length} bytes）`);
    expect(html).toContain('報名表.csv');

    const res = await get(`/jobs/${OPEN}/attachments/${ids.pdf}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(pdf.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('職缺說明 簡章.pdf');

    const csv = await get(`/jobs/${OPEN}/attachments/${ids.csv}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv');
    expect(csv.body).toBe('姓名,電話\n');
  });

  it('PUB-2 an attachment of another job, of a deleted or expired job, or an unknown or malformed id is a 404 page', async () => {
    for (const url of [
      `/jobs/${CIVIL}/attachments/${ids.pdf}`,
      `/jobs/${DELETED}/attachments/${ids.deletedPdf}`,
      `/jobs/${EXPIRED}/attachments/${ids.expiredPdf}`,
      `/jobs/${OPEN}/attachments/${ids.deletedPdf}`,
      `/jobs/${OPEN}/attachments/00000000-0000-4000-8000-000000000000`,
      `/jobs/${OPEN}/attachments/not-a-uuid`,
      `/jobs/${OPEN}/attachments/%27%20or%201=1`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('找不到這個頁面');
    }
  });

  it('PUB-2 serves the QR code as SVG and PNG, cacheable, and the page shows it with alt text and a PNG link', async () => {
    const svg = await get(`/jobs/${OPEN}/qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('public, max-age=3600');
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get(`/jobs/${OPEN}/qr.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['cache-control']).toBe('public, max-age=3600');
    expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');

    const html = (await get(`/jobs/${OPEN}`)).body;
    expect(html).toContain(`<img src="/jobs/${OPEN}/qr.svg" alt="以手機掃描 QR Code 應徵本職缺"`);
    expect(html).toMatch(new RegExp(`<a href="/jobs/${OPEN}/qr.png" download="[^"]+"[^>]*>下載 QR Code 圖檔（PNG）</a>`));
    expect(html).toContain(APPLY_URL);
  });

  // The PNG's pixels and the SVG's path are read back into module
  // grids and compared with the symbol QRCode.create() makes for the apply URL (and not for another URL).
  it('PUB-2 the QR code (PNG and SVG) encodes the absolute apply URL', async () => {
    const expected = symbolModules(QRCode.create(APPLY_URL, { errorCorrectionLevel: 'M' }));
    const other = symbolModules(QRCode.create(`http://localhost:3000/jobs/${CIVIL}/apply`, { errorCorrectionLevel: 'M' }));
    const fromPng = pngModules((await get(`/jobs/${OPEN}/qr.png`)).rawPayload, 4);
    const fromSvg = svgModules((await get(`/jobs/${OPEN}/qr.svg`)).body);
    expect(fromPng).toEqual(expected);
    expect(fromSvg).toEqual(expected);
    expect(fromPng).not.toEqual(other);
  });

  it('PUB-2 a QR reader (jsQR) decodes the PNG to the absolute apply URL', async () => {
    const img = readPng((await get(`/jobs/${OPEN}/qr.png`)).rawPayload);
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const v = img.dark(x, y) ? 0 : 255;
        rgba.set([v, v, v, 255], (y * img.width + x) * 4);
      }
    // jsqr ships a UMD bundle whose typings say `export default` while the runtime default is the function.
    const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
    expect(jsQR(rgba, img.width, img.height)?.data).toBe(APPLY_URL);
  });

  it('PUB-2 【我要應徵】 redirects by access mode: open → applicant platform, civil service → eCPA 職缺應徵, none → how to apply', async () => {
    const open = await get(`/jobs/${OPEN}/apply`);
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe(`/platform/apply/${OPEN}`);
    const civil = await get(`/jobs/${CIVIL}/apply`);
    expect(civil.statusCode).toBe(303);
    expect(civil.headers.location).toBe(`/ecpa/dk/apply/${CIVIL}`);
    const none = await get(`/jobs/${NONE}/apply`);
    expect(none.statusCode).toBe(303);
    expect(none.headers.location).toBe(`/jobs/${NONE}#how-to-apply`);

    const openHtml = (await get(`/jobs/${OPEN}`)).body;
    expect(openHtml).toMatch(new RegExp(`<a class="button job-apply-button" href="/jobs/${OPEN}/apply"[^>]*>我要應徵</a>`));
    expect(openHtml).not.toContain('id="how-to-apply"');
    const civilHtml = (await get(`/jobs/${CIVIL}`)).body;
    expect(civilHtml).toContain(`href="/jobs/${CIVIL}/apply"`);
    expect(civilHtml).toContain('人事服務網（eCPA）');
  });

  it('PUB-2 a job without online application (不使用應徵者履歷調閱) shows how to apply and no apply button', async () => {
    const html = (await get(`/jobs/${NONE}`)).body;
    expect(html).not.toContain('job-apply-button');
    expect(html).not.toContain(`href="/jobs/${NONE}/apply"`);
    const section = /<section id="how-to-apply"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('本職缺不提供線上應徵');
    expect(section).toContain('請備履歷郵寄：\n100 臺北市中正區濟南路一段2之2號\n人事室 收');
    expect(section).toContain('mailto:hr@dgpa.example.gov.tw');
    expect(section).toContain('alt="以手機掃描 QR Code 查看本職缺的應徵方式"');
  });

  it('PUB-2 a deleted job is a 410 page 「此職缺已由機關刪除」, for the page, print, apply and QR', async () => {
    for (const suffix of ['', '/print', '/apply', '/qr.svg', '/qr.png']) {
      const res = await get(`/jobs/${DELETED}${suffix}`);
      expect(res.statusCode, suffix).toBe(410);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body, suffix).toContain('此職缺已由機關刪除');
    }
  });

  it('PUB-2 an expired job (valid_to before today) is a 410 page 「此職缺已超過上網有效期間」', async () => {
    const res = await get(`/jobs/${EXPIRED}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('<h1>此職缺已超過上網有效期間</h1>');
    expect(res.body).toContain('已到期職缺');
    expect(res.body).toContain('115/05/01</time>～<time datetime="2026-05-26">115/05/26</time>');
    expect((await get(`/jobs/${EXPIRED}/apply`)).statusCode).toBe(410);
  });

  it('PUB-2 a job not yet open, not approved, unknown or with a malformed number is a 404 page, never a 500', async () => {
    for (const url of [
      `/jobs/${FUTURE}`,
      `/jobs/${FUTURE}/apply`,
      `/jobs/${FLAGGED}`,
      `/jobs/${FLAGGED}/qr.png`,
      '/jobs/1159999999',
      '/jobs/%3Cscript%3E',
      '/jobs/<script>',
      "/jobs/1150500001'--",
      '/jobs/abc/print',
      '/jobs/%E8%81%B7%E7%BC%BA',
      '/jobs/%00',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('找不到這個頁面');
      expect(res.body, url).not.toContain('<script>');
    }
    // Longer than the router's maxParamLength (200): Fastify itself answers 414 URI Too Long.
    const long = await get(`/jobs/${'9'.repeat(300)}`);
    expect(long.statusCode).toBe(414);
  });

  it('PUB-2 JSON-LD: a JobPosting that parses as JSON, with no raw < that could close the script element', async () => {
    const html = (await get(`/jobs/${OPEN}`)).body;
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(raw).not.toContain('<');
    expect(raw).toContain('\\u003cscript\\u003e');
    const data = JSON.parse(raw) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: XSS_TITLE,
      datePosted: '2026-05-20',
      validThrough: '2026-05-28T23:59:59+08:00',
      hiringOrganization: { '@type': 'Organization', name: '行政院人事行政總處 & <b>附屬</b>' },
      employmentType: 'TEMPORARY',
      identifier: { '@type': 'PropertyValue', value: OPEN },
      directApply: false,
      url: `http://localhost:3000/jobs/${OPEN}`,
    });
    expect(data.description).toBe('一、資格條件\n第一行 <img src=x onerror=alert(1)>\n第二行\n\n二、工作項目\n一、公文處理。\n二、會議紀錄。');
    expect(data.jobLocation).toEqual([
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressRegion: '臺北市', addressCountry: 'TW' } },
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressRegion: '新竹市', addressCountry: 'TW' } },
    ]);
  });

  it('SYS-4 PUB-2 the job page keeps the strict CSP (the JSON-LD block is data, not script)', async () => {
    const res = await get(`/jobs/${OPEN}`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('PUB-2 友善列印: a print page with the same fields, no site navigation, a 「列印」 hint that needs no JavaScript', async () => {
    const res = await get(`/jobs/${OPEN}/print`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('site-header');
    expect(html).toContain('<body class="job-print-page">');
    expect(html).toContain('請使用瀏覽器的「列印」功能');
    expect(html).toContain('<button type="button" data-print hidden>列印</button>');
    expect(html).toContain('<script src="/assets/js/job-page.js" defer></script>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    for (const text of ['職缺編號', '一、資格條件', '四、聯絡方式', '115/05/26', '測試科員&lt;script>', '臺北市、新竹市', '職缺說明 &#34;簡章&#34;.pdf', APPLY_URL]) {
      expect(html, text).toContain(text);
    }
    expect(html).not.toContain('job-apply-button');
    const css = await get('/assets/css/site.css');
    expect(css.body).toMatch(/\/\* job page \*\/[\s\S]*@media print \{[\s\S]*\.job-print-page/);
    expect((await get(`/jobs/${OPEN}`)).body).toContain(`href="/jobs/${OPEN}/print"`);
  });

  it('SYS-6 PUB-2 the job page and print page are available in English', async () => {
    const html = (await get(`/jobs/${OPEN}?lang=en`)).body;
    expect(html).toContain('<html lang="en">');
    for (const label of ['Job number', 'Agency', 'Open period', 'Qualifications', 'Attachments', 'Apply for this job']) expect(html).toContain(label);
    expect(html).toContain('alt="Scan this QR code with a phone to apply for this job"');
    const print = (await get(`/jobs/${OPEN}/print?lang=en`)).body;
    expect(print).toContain('Printer-friendly version');
    expect((await get(`/jobs/${DELETED}?lang=en`)).body).toContain('The agency has deleted this job');
  });

  it('PUB-2 a kept job page changes in the very next request after an edit, a new or removed attachment, or a deletion', async () => {
    const { services } = t.current;
    const job = await insertVacancy(services.db, { workId: '1150500010', title: '快取測試科員' });
    const first = await get('/jobs/1150500010');
    expect(first.statusCode).toBe(200);
    expect((await get('/jobs/1150500010')).body).toBe(first.body);
    await services.db.update(vacancies).set({ title: '快取測試專員' }).where(eq(vacancies.id, job.id));
    const edited = (await get('/jobs/1150500010')).body;
    expect(edited).toContain('快取測試專員');
    expect(edited).not.toContain('快取測試科員');
    // An attachment written by itself (no save of its vacancy) still shows at once: migration 0020.
    const added = await insertAttachment(services, job.id, { name: '快取附件.pdf', contentType: 'application/pdf', bytes: pdf, key: 'vacancies/test/kept-pdf' });
    expect((await get('/jobs/1150500010')).body).toContain('快取附件.pdf');
    await services.db.delete(vacancyAttachments).where(eq(vacancyAttachments.id, added.id));
    expect((await get('/jobs/1150500010')).body).not.toContain('快取附件.pdf');
    await services.db.update(vacancies).set({ deletedAt: new Date() }).where(eq(vacancies.id, job.id));
    expect((await get('/jobs/1150500010')).statusCode).toBe(410);
  });

  it('PUB-2 a signed-in visitor never gets the kept page of a visitor without a session, nor the other way round', async () => {
    const { services, app } = t.current;
    const anonymous = (await get(`/jobs/${OPEN}`)).body;
    const [account] = await services.db.insert(applicantAccounts).values({ email: `${randomUUID()}@example.com`, passwordHash: 'x', status: 'active' }).returning();
    const { token } = await services.sessions.create({ principal: { kind: 'applicant', id: account!.id, method: '帳號' } });
    const signedIn = (await app.inject({ method: 'GET', url: `/jobs/${OPEN}`, cookies: { sid: token } })).body;
    expect(signedIn).toContain('action="/logout"');
    expect(anonymous).not.toContain('action="/logout"');
    expect((await get(`/jobs/${OPEN}`)).body).not.toContain('action="/logout"');
  });
});
