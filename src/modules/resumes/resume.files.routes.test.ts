import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { auditEvents } from '../../platform/db/schema/platform.ts';
import { MISSING_GLYPH } from '../../platform/pdf/index.ts';
import { pdfText } from '../../platform/pdf/testing/poppler.ts';
import { findResume } from './resume.repo.ts';
import { fakeExe, hugePng, jpeg, postForm, tinyPdf, validFields } from './resumes.test-support.ts';
import { signInApplicant, type Applicant } from '../../../tests/factories/index.ts';


const stagedId = (html: string, name: 'stagedPhotoId' | 'stagedAttachmentId') => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('照片, 附件, 預覽, PDF and 刪除履歷', () => {
  const t = useTestApp();
  const get = (url: string, who: Applicant) => t.current.app.inject({ url, headers: { cookie: who.cookie } });

  it('RES-10 上傳照片 stages the photo (kept across re-renders); 儲存履歷 stores it; 刪除照片 then 儲存履歷 removes it', async () => {
    const a = await signInApplicant(t.current);
    const fields = validFields({ idNumber: 'TD00251124' });
    const up = await postForm(t.current, a, { ...fields, action: 'upload' }, [{ name: 'photo', filename: 'me.jpg', bytes: await jpeg(900, 1200, { exif: true }), type: 'image/jpeg' }]);
    expect(up.statusCode).toBe(200);
    expect(up.body).toContain('照片已上傳，請點選「儲存履歷」完成。');
    const id = stagedId(up.body, 'stagedPhotoId');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const staged = await get(`/platform/resume/photo/staged/${id}`, a);
    expect(staged.headers['content-type']).toBe('image/jpeg');
    expect(staged.rawPayload.includes(Buffer.from('Secret Person'))).toBe(false);

    // A row button keeps the staged photo in the form.
    const added = await postForm(t.current, a, { ...fields, stagedPhotoId: id, action: 'add-languages' });
    expect(stagedId(added.body, 'stagedPhotoId')).toBe(id);
    expect(await findResume(t.current.services.db, a.id)).toBeNull();

    expect((await postForm(t.current, a, { ...fields, stagedPhotoId: id })).statusCode).toBe(303);
    expect((await get('/platform/resume/photo', a)).statusCode).toBe(200);
    const marked = await postForm(t.current, a, { ...fields, action: 'delete-photo' });
    expect(marked.body).toContain('照片將在點選「儲存履歷」後刪除。');
    expect(marked.body).toContain('name="deletePhoto" value="1"');
    expect((await get('/platform/resume/photo', a)).statusCode).toBe(200);
    expect((await postForm(t.current, a, { ...fields, deletePhoto: '1' })).statusCode).toBe(303);
    expect((await get('/platform/resume/photo', a)).statusCode).toBe(404);
  });

  it('RES-9 the attachment: saved and downloadable by its owner only; a new one replaces it only after 同意', async () => {
    const a = await signInApplicant(t.current);
    const b = await signInApplicant(t.current);
    const fields = validFields({ idNumber: 'AD30196818' });
    expect((await postForm(t.current, a, fields, [{ name: 'attachment', filename: '證照.pdf', bytes: tinyPdf() }])).statusCode).toBe(303);
    const dl = await get('/platform/resume/attachment', a);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('證照.pdf')}`);
    expect((await get('/platform/resume/attachment', b)).statusCode).toBe(404);
    const form = await get('/platform/resume', a);
    expect(form.body).toContain('data-replace-confirm="已有附件「證照.pdf」。確定以新選擇的檔案作為最新附件檔案嗎？"');

    const second = await postForm(t.current, a, fields, [{ name: 'attachment', filename: '作品集.pdf', bytes: tinyPdf() }]);
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('請勾選「同意此檔為最新附件檔案」');
    expect(second.body).toContain('作品集.pdf');
    const id = stagedId(second.body, 'stagedAttachmentId');
    expect((await findResume(t.current.services.db, a.id))?.attachmentName).toBe('證照.pdf');
    expect((await postForm(t.current, a, { ...fields, stagedAttachmentId: id, replaceAttachment: '1' })).statusCode).toBe(303);
    expect((await findResume(t.current.services.db, a.id))?.attachmentName).toBe('作品集.pdf');
    const audits = await t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.attachment.download'), eq(auditEvents.actorId, a.id)));
    expect(audits).toHaveLength(1);
  });

  it("SYS-3 SYS-4 a second applicant gets 404 for another's files, staged or saved", async () => {
    const a = await signInApplicant(t.current);
    const b = await signInApplicant(t.current);
    const up = await postForm(t.current, a, { ...validFields(), action: 'upload' }, [{ name: 'photo', filename: 'me.png', bytes: await jpeg() }]);
    const id = stagedId(up.body, 'stagedPhotoId');
    expect((await get(`/platform/resume/photo/staged/${id}`, a)).statusCode).toBe(200);
    expect((await get(`/platform/resume/photo/staged/${id}`, b)).statusCode).toBe(404);
    expect((await get('/platform/resume/photo/staged/not-a-uuid', b)).statusCode).toBe(404);
    expect((await get('/platform/resume/pdf', b)).statusCode).toBe(404);
    // b cannot adopt a's staged photo either
    const res = await postForm(t.current, b, { ...validFields({ idNumber: 'CC00151114' }), stagedPhotoId: id });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('上傳的檔案已逾時失效');
    expect(await findResume(t.current.services.db, b.id)).toBeNull();
    expect((await get(`/platform/resume/photo/staged/${id}`, a)).statusCode).toBe(200);
  });

  it.each([
    ['a renamed .exe as .pdf', 'attachment', '證照.pdf', () => fakeExe(), '附件格式不符，僅接受 PDF、JPG、PNG、DOCX、ODT'],
    ['an HTML file as .jpg', 'photo', 'me.jpg', () => Buffer.from('<html><script>alert(1)</script></html>'), '照片請上傳 JPG 或 PNG 圖檔'],
    ['a zero-byte attachment', 'attachment', 'empty.pdf', () => Buffer.alloc(0), '附件檔案是空的'],
    ['a zero-byte photo', 'photo', 'empty.jpg', () => Buffer.alloc(0), '照片檔案是空的'],
    ['a 50-megapixel image', 'photo', 'huge.png', () => hugePng(), '照片像素過大'],
    ['a photo over 2 MB', 'photo', 'big.jpg', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]), '照片檔案大小不可超過 2 MB'],
    ['an attachment over 10 MB', 'attachment', 'big.pdf', () => Buffer.concat([tinyPdf(), Buffer.alloc(10 * 1024 * 1024)]), '附件檔案大小不可超過 10 MB'],
  ] as const)('SYS-4 RES-9 RES-10 %s is refused with a clear message, nothing saved, nothing typed lost', async (_what, name, filename, bytes, message) => {
    const a = await signInApplicant(t.current);
    const res = await postForm(t.current, a, validFields({ autobiography: '打了很久的自傳' }), [{ name, filename, bytes: await bytes() }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
    expect(res.body).toContain(`href="#f-${name}"`);
    expect(res.body).toContain('打了很久的自傳');
    expect(await findResume(t.current.services.db, a.id)).toBeNull();
  });

  it('RES-13 SYS-3 markup, emoji and 𠀋 are stored as text; the form, the preview and the PDF show text, never markup; only the emoji is 〓', async () => {
    const a = await signInApplicant(t.current);
    const name = '<script>alert(1)</script>𠀋😀';
    const res = await postForm(t.current, a, validFields({ idNumber: 'A900207177', chineseName: name, skills: '<img src=x onerror=alert(1)>' }), [{ name: 'attachment', filename: '證照<img src=x>.pdf', bytes: tinyPdf() }]);
    expect(res.statusCode).toBe(303);
    for (const url of ['/platform/resume', '/platform/resume/preview']) {
      const html = (await get(url, a)).body;
      // Inside a quoted attribute value `<` is plain text; everywhere else it must be escaped.
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes, url).not.toContain('<script>alert(1)');
      expect(outsideAttributes, url).not.toContain('<img src=x');
      expect(html, url).toMatch(/&lt;script>alert\(1\)&lt;\/script>𠀋😀|value="<script>alert\(1\)<\/script>𠀋😀"/);
    }
    const preview = (await get('/platform/resume/preview', a)).body;
    expect(preview).toContain('以下字元無法印在 PDF 履歷表上');
    expect(preview).toMatch(/PDF 中將以「〓」代替：[^<]*😀/);
    expect(preview).not.toMatch(/PDF 中將以「〓」代替：[^<]*𠀋/);
    const pdf = await get('/platform/resume/pdf', a);
    const text = await pdfText(pdf.rawPayload);
    expect(text.replace(/\s+/g, '')).toContain(`<script>alert(1)</script>𠀋${MISSING_GLYPH}`);
    expect(text.replace(/\s+/g, '')).toContain('證照<imgsrc=x>.pdf');
  });

  it('RES-13 履歷預覽 shows the latest saved resume in the PDF’s order; 下載 PDF is an attachment for the owner, audited', async () => {
    const a = await signInApplicant(t.current);
    expect((await get('/platform/resume/preview', a)).headers.location).toBe('/platform/resume');
    await postForm(t.current, a, validFields({ idNumber: 'B801300667' }), [{ name: 'photo', filename: 'p.jpg', bytes: await jpeg() }]);
    await postForm(t.current, a, validFields({ idNumber: 'B801300667', chineseName: '王最新' }));
    const html = (await get('/platform/resume/preview', a)).body;
    expect(html).toContain('王最新');
    const order = ['>基本資料<', '>學歷<', '>經歷<', '>語文能力<', '>專長<', '>自傳<', '>證照資格/作品附件<'].map((s) => html.indexOf(s));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(html).toContain('098/09/01－102/06/30');
    expect(html).toContain('103/01/05－迄今');
    expect(html).toContain('100 臺北市中正區濟南路一段 2 號');
    expect(html).toContain('src="/platform/resume/photo"');
    expect(html).toContain('href="/platform/resume/pdf"');

    const pdf = await get('/platform/resume/pdf', a);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('應徵人員履歷表-王最新.pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of ['應徵人員履歷表', '王最新', 'B801300667', '國立臺灣大學', '臺北市政府人事處', '英語', '080/01/14']) expect(text).toContain(s);
    const rows = await t.current.services.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'resume.pdf.download'), eq(auditEvents.actorId, a.id)));
    expect(rows).toHaveLength(1);
  });

  it('RES-12 刪除履歷 needs 已閱讀上述內容並確認刪除履歷; then the resume and its files are gone', async () => {
    const a = await signInApplicant(t.current);
    await postForm(t.current, a, validFields({ idNumber: 'H802717288' }), [{ name: 'photo', filename: 'p.jpg', bytes: await jpeg() }, { name: 'attachment', filename: 'c.pdf', bytes: tinyPdf() }]);
    const saved = (await findResume(t.current.services.db, a.id))!;
    const page = await get('/platform/resume/delete', a);
    expect(page.body).toContain('<label for="f-confirm">已閱讀上述內容並確認刪除履歷</label>');
    expect(page.body).toContain('該作業不會影響已應徵職缺之履歷資料');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = `${a.cookie}; _csrf=${page.cookies.find((c) => c.name === '_csrf')!.value}`;
    const post = (confirm: boolean) =>
      t.current.app.inject({ method: 'POST', url: '/platform/resume/delete', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}${confirm ? '&confirm=1' : ''}` });
    const refused = await post(false);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('請勾選「已閱讀上述內容並確認刪除履歷」');
    expect(await findResume(t.current.services.db, a.id)).not.toBeNull();
    const done = await post(true);
    expect(done.statusCode).toBe(303);
    expect(await findResume(t.current.services.db, a.id)).toBeNull();
    expect(await t.current.services.storage.exists(saved.photoKey!)).toBe(false);
    expect(await t.current.services.storage.exists(saved.attachmentKey!)).toBe(false);
    expect((await get('/platform/resume/preview', a)).statusCode).toBe(303);
    expect((await get('/platform/resume/delete', a)).body).toContain('目前沒有已儲存的履歷。');
  });
});
