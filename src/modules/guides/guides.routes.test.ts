import { TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { HttpClient } from '../../../tests/helpers/http-client.ts';
import { allResumeLabels, RESUME_LABELS, RESUME_LIMITS } from '../../platform/pdf/index.ts';
import { pdfText } from '../../platform/pdf/testing/poppler.ts';
import { buildBlankResumeOdt, ODT_MIMETYPE } from './blank-form.odt.ts';
import { attachmentDisposition } from './download.rules.ts';

async function readZip(bytes: Uint8Array) {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
  const entries = await reader.getEntries();
  const text = async (name: string) => {
    const e = entries.find((x) => x.filename === name);
    if (!e || e.directory) throw new Error(`no ${name} in the zip`);
    return e.getData(new TextWriter());
  };
  return { entries, text, close: () => reader.close() };
}

describe('求職SOP and the blank resume form', () => {
  const t = useTestApp();

  it('PUB-6 /guide/sop explains the steps from finding a job to answering the offer, with links', async () => {
    const res = await t.current.app.inject('/guide/sop');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<h1>求職SOP</h1>');
    const steps = ['查詢職缺', '註冊與登入', '填寫履歷', '應徵職缺', '查詢應徵紀錄、回覆面試與錄取通知'];
    let at = 0;
    for (const s of steps) {
      const i = html.indexOf(`>${s}</h2>`);
      expect(i, s).toBeGreaterThan(at); // in this order
      at = i;
    }
    expect(html).toContain('href="/jobs"');
    expect(html).toContain('href="/platform"');
    expect(html).toContain('href="/guide/blank-resume.pdf"');
    expect(html).toContain('href="/guide/blank-resume.odt"');
    expect(html).toMatch(/<ol class="sop-steps" aria-label="應徵步驟">/);
  });

  it('PUB-6 SYS-6 the SOP page is in English after the language switch', async () => {
    const c = new HttpClient(t.current.app);
    const res = await c.followRedirects(await c.get('/lang?to=en&next=/guide/sop'));
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('How to apply (求職SOP)');
    expect(res.body).toContain('Blank resume form (PDF, to print)');
  });

  it('PUB-6 /guide/blank-resume.pdf downloads the blank form as 公務人員履歷空白表格.pdf, cacheable', async () => {
    const res = await t.current.app.inject('/guide/blank-resume.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="blank-resume-form.pdf"; filename*=UTF-8''${encodeURIComponent('公務人員履歷空白表格.pdf')}`);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    for (const label of allResumeLabels()) expect(text).toContain(label);
    expect(text).toContain(RESUME_LABELS.blankTitle);

    const again = await t.current.app.inject('/guide/blank-resume.pdf');
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true); // made once, served from memory
    const notModified = await t.current.app.inject({ url: '/guide/blank-resume.pdf', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
  });

  it('PUB-6 /guide/blank-resume.odt is an ODF text document: mimetype first and stored, then manifest, content and styles', async () => {
    const res = await t.current.app.inject('/guide/blank-resume.odt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(ODT_MIMETYPE);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('公務人員履歷空白表格.odt')}`);
    const bytes = res.rawPayload;
    // The ODF rule readers sniff: the first local header is `mimetype`, stored, no extra field, content at byte 38.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.readUInt16LE(28)).toBe(0); // extra field length
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 38 + ODT_MIMETYPE.length).toString('latin1')).toBe(ODT_MIMETYPE);

    const zip = await readZip(bytes);
    expect(zip.entries[0]!.filename).toBe('mimetype');
    expect(zip.entries[0]!.compressionMethod).toBe(0);
    expect(await zip.text('mimetype')).toBe(ODT_MIMETYPE);
    expect(zip.entries.map((e) => e.filename)).toEqual(expect.arrayContaining(['META-INF/manifest.xml', 'content.xml', 'styles.xml']));
    const manifest = await zip.text('META-INF/manifest.xml');
    expect(manifest).toContain(`manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIMETYPE}"`);
    for (const name of ['content.xml', 'styles.xml', 'meta.xml']) expect(manifest).toContain(`manifest:full-path="${name}"`);
    for (const e of zip.entries.filter((x) => x.filename.endsWith('.xml'))) {
      expect(XMLValidator.validate(await zip.text(e.filename)), e.filename).toBe(true);
    }
    const content = await zip.text('content.xml');
    for (const label of allResumeLabels()) expect(content).toContain(label.replace(/&/g, '&amp;'));
    expect(content).toContain(RESUME_LABELS.blankTitle);
    await zip.close();
  });

  it('PUB-6 the ODT tables have the rows of the form: 學歷 3, 經歷 5, 語文能力 4 (plus a header row each)', async () => {
    const zip = await readZip(await buildBlankResumeOdt());
    const content = await zip.text('content.xml');
    await zip.close();
    const rowsOf = (name: string) => {
      const m = new RegExp(`<table:table table:name="${name}"[^>]*>(.*?)</table:table>`).exec(content);
      return (m?.[1]?.match(/<table:table-row[ >]/g) ?? []).length;
    };
    expect(rowsOf('學歷')).toBe(RESUME_LIMITS.education + 1);
    expect(rowsOf('經歷')).toBe(RESUME_LIMITS.experience + 1);
    expect(rowsOf('語文能力')).toBe(RESUME_LIMITS.languages + 1);
    expect(rowsOf('基本資料')).toBe(6);
  });

  it('PUB-6 a download name in Chinese gets an ASCII fallback and an RFC 8187 UTF-8 name', () => {
    expect(attachmentDisposition('履歷(1).pdf', 'resume "1".pdf')).toBe(`attachment; filename="resume _1_.pdf"; filename*=UTF-8''%E5%B1%A5%E6%AD%B7%281%29.pdf`);
  });
});
