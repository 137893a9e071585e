// Journeys of 履歷填寫 (RES-1 … RES-13) in Chromium: a full resume typed by keyboard with JavaScript off (rows
// added without scripts, photo and attachment uploaded, saved, previewed, the PDF downloaded and read back,
// the resume deleted); the RES-3 voiding of another account; the JavaScript dialogs and counters; axe-core on
// every page state.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/platform/pdf/testing/poppler.ts';
import { findResume } from '../../src/modules/resumes/resume.repo.ts';
import { jpeg, postForm, tinyPdf, validFields } from '../../src/modules/resumes/resumes.test-support.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, describeViolations, launchBrowser, noScriptContext, scriptContext } from '../helpers/browser.ts';
import { signInApplicant, type Applicant } from '../factories/index.ts';


describe('履歷填寫 journeys (Chromium)', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let files: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    files = mkdtempSync(join(tmpdir(), 'sqr-resume-e2e-'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  async function signedIn(who: Applicant, js: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = js ? await scriptContext(browser, base) : await noScriptContext(browser, base);
    await context.addCookies([{ name: 'sid', value: who.token, url: base }]);
    return { context, page: await context.newPage() };
  }

  /** A field by the start of its label (labels of required fields end in ＊必填). */
  const starts = (label: string): RegExp => new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\/]/g, (c) => '\\' + c));
  /** Focus a field by its label and type into it, as a keyboard user does. */
  async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
    const field = page.getByLabel(typeof label === 'string' ? starts(label) : label);
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  }
  /** Focus a button and press Enter; wait for the page it submits to. */
  async function press(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
    const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
    await page.keyboard.press('Enter');
    await navigated;
    await page.waitForLoadState('domcontentloaded');
  }

  it('RES-1 … RES-13 a full resume by keyboard without JavaScript: rows, photo, attachment, save, preview, PDF, delete', async () => {
    const me = await signInApplicant(t, { email: 'keyboard@example.com' });
    const { context, page } = await signedIn(me, false);
    await page.goto('/platform/resume');
    await expect.poll(() => page.title()).toContain('履歷填寫');
    expect(await page.getByLabel(starts('聯絡Email')).inputValue()).toBe('keyboard@example.com');

    // Enter in a field means 儲存履歷 (the hidden first button), not the first row button: errors, values kept.
    await type(page, '中文姓名', '陳美玲');
    const submitted = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
    await page.keyboard.press('Enter');
    await submitted;
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.error-summary').textContent()).toContain('身分證統一編號');
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('陳美玲');
    expect(await page.locator('#f-education-2-school').count()).toBe(0);
    await type(page, '英文姓名', 'CHEN, MEI-LING');
    await type(page, '身分證統一編號', 'A223456781');
    await type(page, '出生日期', '080/01/14');
    await type(page, '聯絡電話', '(02)2345-6789 分機 12');
    await page.getByLabel(starts('郵遞區號（縣市、鄉鎮市區）')).selectOption('106臺北市大安區');
    await type(page, '地址', '羅斯福路四段 1 號');
    await page.getByLabel('身心障礙').focus();
    await page.keyboard.press('Space');
    await type(page, '學校名稱', '國立臺灣大學');
    await page.getByLabel(starts('學位')).selectOption('碩士');
    await page.getByLabel(starts('就學狀態')).selectOption('畢業');
    await type(page, /^開始日期/, '102/09/01');
    await type(page, /^結束日期/, '104/06/30');

    // 新增學歷 without JavaScript: the page comes back with a second row and everything typed.
    await press(page, '新增學歷');
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('陳美玲');
    const second = page.getByRole('group', { name: '第 2 筆學歷' });
    await second.getByLabel(starts('學校名稱')).fill('臺北市立第一女子高級中學');
    await second.getByLabel(starts('學位')).selectOption('高中（職）');
    await second.getByLabel(starts('就學狀態')).selectOption('畢業');
    await second.getByLabel(/^開始日期/).fill('095/09/01');
    await second.getByLabel(/^結束日期/).fill('098/06/30');

    await press(page, '新增經歷');
    const job = page.getByRole('group', { name: '第 1 筆經歷' });
    await job.getByLabel(starts('機關/公司')).fill('臺北市政府人事處');
    await job.getByLabel(starts('職稱')).fill('約僱人員');
    await job.getByLabel(starts('任職狀態')).selectOption('在職');
    await job.getByLabel(/^開始日期/).fill('105/01/05');

    await press(page, '新增語文能力');
    const lang = page.getByRole('group', { name: '第 1 筆語文能力' });
    await lang.getByLabel(starts('語言')).fill('日語');
    await lang.getByLabel('讀', { exact: true }).selectOption('中等');
    await page.getByRole('textbox', { name: /^專長/ }).fill('公文撰寫、差勤管理');
    await page.getByRole('textbox', { name: /^自傳/ }).fill('我是一位細心負責的人。');

    const photo = join(files, 'me.jpg');
    const cert = join(files, '證照.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(photo, await jpeg(480, 640));
    writeFileSync(cert, tinyPdf());
    await page.getByLabel('選擇照片檔案').setInputFiles(photo);
    await page.getByLabel('選擇附件檔案').setInputFiles(cert);
    await press(page, '上傳照片');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('照片已上傳');
    expect(await page.getByRole('img', { name: '新上傳的照片（點選「儲存履歷」後生效）' }).count()).toBe(1);
    expect(await page.getByText('新上傳的附件（點選「儲存履歷」後生效）：證照.pdf').count()).toBe(1);

    await press(page, '儲存履歷');
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.getByRole('status').first().textContent()).toContain('履歷已儲存。');
    const saved = await findResume(t.services.db, me.id);
    expect(saved?.basic).toMatchObject({ chineseName: '陳美玲', gender: 'F', zip: '106', identity: ['身心障礙'] });
    expect(saved?.education).toHaveLength(2);
    expect(saved?.attachmentName).toBe('證照.pdf');

    await page.getByRole('link', { name: '履歷預覽' }).first().click();
    await page.waitForURL(/preview/);
    const article = await page.locator('article.resume-preview').textContent();
    for (const s of ['應徵人員履歷表', '陳美玲', 'A223456781', '女', '080/01/14', '106 臺北市大安區羅斯福路四段 1 號', '身心障礙', '國立臺灣大學', '102/09/01－104/06/30', '105/01/05－迄今', '日語', '我是一位細心負責的人。', '證照.pdf']) {
      expect(article, s).toContain(s);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下載 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('應徵人員履歷表-陳美玲.pdf');
    const pdfPath = join(files, 'resume.pdf');
    await download.saveAs(pdfPath);
    const text = await pdfText(readFileSync(pdfPath));
    for (const s of ['應徵人員履歷表', '陳美玲', 'CHEN, MEI-LING', '臺北市立第一女子高級中學', '約僱人員', '日語', '公文撰寫、差勤管理', '證照.pdf']) expect(text, s).toContain(s);

    await page.goto('/platform/resume/delete');
    await press(page, '確認');
    expect(await page.locator('.error-summary').textContent()).toContain('請勾選「已閱讀上述內容並確認刪除履歷」');
    await page.getByLabel('已閱讀上述內容並確認刪除履歷').focus();
    await page.keyboard.press('Space');
    await press(page, '確認');
    await page.waitForURL(/\/platform\/resume$/);
    expect(await page.getByRole('status').first().textContent()).toContain('履歷已刪除');
    expect(await findResume(t.services.db, me.id)).toBeNull();
    await context.close();
  });

  it('RES-3 an ID number used by another account: void it with its email and birth date, then save again (no JavaScript)', async () => {
    const old = await signInApplicant(t, { email: 'old-owner@example.com' });
    expect((await postForm(t, old, validFields({ idNumber: 'N116247806' }))).statusCode).toBe(303);
    const me = await signInApplicant(t);
    const { context, page } = await signedIn(me, false);
    await page.goto('/platform/resume');
    const fields = validFields({ idNumber: 'N116247806', chineseName: '本人' });
    for (const [label, key] of [['中文姓名', 'chineseName'], ['身分證統一編號', 'idNumber'], ['出生日期', 'birthDate'], ['聯絡電話', 'phone'], ['地址', 'street'], ['學校名稱', 'education-1-school'], [/^開始日期/, 'education-1-start'], [/^結束日期/, 'education-1-end']] as const) {
      await type(page, label, String(fields[key]));
    }
    await page.getByLabel(starts('郵遞區號（縣市、鄉鎮市區）')).selectOption('100臺北市中正區');
    await page.getByLabel(starts('學位')).selectOption('學士');
    await page.getByLabel(starts('就學狀態')).selectOption('畢業');
    await press(page, '儲存履歷');
    expect(await page.locator('.error-summary').textContent()).toContain('此身分證統一編號已有其他註冊帳號使用');
    await type(page, '原註冊之帳號（Email）', 'old-owner@example.com');
    await type(page, '原帳號之出生日期', '080/01/13');
    await press(page, '註銷原帳號');
    expect(await page.locator('.error-summary').textContent()).toContain('未註銷任何帳號');
    await type(page, '原帳號之出生日期', '080/01/14');
    await press(page, '註銷原帳號');
    expect(await page.getByRole('status').first().textContent()).toContain('請務必再次點選「儲存履歷」');
    expect(await page.getByLabel(starts('中文姓名')).inputValue()).toBe('本人');
    await press(page, '儲存履歷');
    await page.waitForURL(/\/platform\/resume$/);
    expect((await findResume(t.services.db, me.id))?.basic.chineseName).toBe('本人');
    expect(await findResume(t.services.db, old.id)).toBeNull();
    await context.close();
  });

  it('RES-2 RES-8 RES-9 with JavaScript: 性別 asks 確定, the counter follows typing, replacing the attachment asks first', async () => {
    const me = await signInApplicant(t);
    expect((await postForm(t, me, validFields({ idNumber: 'O158238845' }), [{ name: 'attachment', filename: '舊附件.pdf', bytes: tinyPdf() }])).statusCode).toBe(303);
    const { context, page } = await signedIn(me, true);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void (d.message().includes('性別') ? d.accept() : d.dismiss());
    });
    await page.goto('/platform/resume');
    await page.getByLabel(starts('性別')).selectOption('F');
    expect(dialogs[0]).toContain('確定要修改嗎');
    expect(await page.getByLabel('確定修改性別（與身分證統一編號所示不同）').isChecked()).toBe(true);

    await page.getByRole('textbox', { name: /^專長/ }).fill('一二三');
    await expect.poll(() => page.locator('#f-skills-counter').textContent()).toBe('目前 3 字／上限 1,000 字');

    const other = join(files, 'new.pdf');
    (await import('node:fs')).writeFileSync(other, tinyPdf());
    await page.getByLabel('選擇附件檔案').setInputFiles(other);
    await expect.poll(() => dialogs.length).toBe(2);
    expect(dialogs[1]).toContain('已有附件「舊附件.pdf」');
    expect(await page.getByLabel('選擇附件檔案').inputValue()).toBe('');
    await context.close();
  });

  it('SYS-5 every resume page has no axe-core violations: empty form, errors with the summary, 註銷 panel, preview, delete confirmation', async () => {
    const me = await signInApplicant(t);
    const { context, page } = await signedIn(me, true);
    const check = async (what: string) => {
      const v = await axeViolations(page);
      expect(v, `${what}\n${describeViolations(v)}`).toEqual([]);
    };
    await page.goto('/platform/resume');
    await check('empty form');
    await page.getByLabel(starts('身分證統一編號')).fill('A123456788');
    await press(page, '儲存履歷');
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('form with errors');

    const old = await signInApplicant(t);
    await postForm(t, old, validFields({ idNumber: 'AC03095424' }));
    const res = await postForm(t, me, validFields({ idNumber: 'AC03095424' }));
    expect(res.body).toContain('id="void-panel"');
    await page.setContent(res.body.replace('<head>', `<head><base href="${base}/">`), { waitUntil: 'domcontentloaded' });
    await check('註銷 panel');

    expect((await postForm(t, me, validFields({ idNumber: 'A800000014' }), [{ name: 'photo', filename: 'p.jpg', bytes: await jpeg() }])).statusCode).toBe(303);
    await page.goto('/platform/resume');
    await check('saved form with photo');
    await page.goto('/platform/resume/preview');
    await check('preview');
    await page.goto('/platform/resume/delete');
    await check('delete confirmation');
    await press(page, '確認');
    await check('delete confirmation with error');
    await context.close();
  });
});
