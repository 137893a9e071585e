import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { allResumeLabels, emptyResume, MISSING_GLYPH, renderBlankResumePdf, renderResumePdf, RESUME_LABELS } from './index.ts';
import { configurePdfFonts, findFallbackFonts, pdfFonts } from './fonts.ts';
import { printable } from './printable.ts';
import { pdfFontList, pdfImageList, pdfPages, pdfPageToJpeg, pdfPageToPng, pdfText } from './testing/poppler.ts';
import { sampleAutobiography, sampleResume } from './testing/sample-resume.ts';

const GENERATED_AT = new Date('2026-11-22T06:05:00Z'); // 民國 115 年 11 月 22 日 14:05 in Taipei
const ARTEFACTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/** pdftotext output without the running header (title, name), footers and continuation bars, and without white space. */
function bodyText(text: string, name: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== name && !/^(製表時間：|第 \d+ 頁，共 \d+ 頁|應徵人員履歷表|自傳（續）|專長（續）)/.test(l.trim()))
    .join('')
    .replace(/\s+/g, '');
}

describe('resume PDF', () => {
  let full: Buffer;
  let text: string;
  let pages: number;

  beforeAll(async () => {
    full = await renderResumePdf(sampleResume(), { generatedAt: GENERATED_AT });
    text = await pdfText(full);
    pages = await pdfPages(full);
  });

  it('RES-13 a full resume prints as a government form: the name, every section title, on numbered pages', () => {
    expect(full.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain(RESUME_LABELS.title);
    expect(text).toContain('王小明');
    expect(text).toContain('WANG, HSIAO-MING');
    for (const title of Object.values(RESUME_LABELS.sections)) expect(text).toContain(title);
    for (const label of allResumeLabels().filter((l) => l !== RESUME_LABELS.photo)) expect(text).toContain(label);
    expect(text).toContain('國立政治大學');
    expect(text).toContain('財團法人人力資源發展基金會');
    expect(text).toContain('就業服務乙級技術士證.pdf');
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`第 ${p} 頁，共 ${pages} 頁`);
  });

  it('RES-13 a 自傳 of over 3,000 characters runs over pages without losing a character', () => {
    const autobiography = sampleAutobiography();
    expect(autobiography.length).toBeGreaterThanOrEqual(3000);
    expect(bodyText(text, '王小明')).toContain(autobiography.replace(/\s+/g, ''));
    expect(text).toContain(`${RESUME_LABELS.sections.autobiography}${RESUME_LABELS.continued}`);
  });

  it('SYS-7 dates print in ROC form: birth date, periods (迄今 while 在職), and the print time on every page', () => {
    expect(text).toContain('074/05/15');
    expect(text).toContain('101/09/01－103/06/30');
    expect(text).toContain('108/03/01－迄今');
    expect(text).not.toContain('1985-05-15');
    expect(text.split('製表時間：民國 115 年 11 月 22 日 14:05').length - 1).toBe(pages);
  });

  it('RES-13 the PDF embeds subsets of Noto Sans TC Regular and Bold, not the whole 7 MB fonts', async () => {
    const fonts = await pdfFontList(full);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansTC-Bold', 'NotoSansTC-Regular']);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    // ~400 distinct characters, a photo and 4 pages: about 100 KB (Noto's CJK outlines average ~170 bytes each
    // compressed); the whole fonts would be over 14 MB.
    expect(full.length).toBeLessThan(160_000);
  });

  it('RES-13 the photo is fitted in the photo box; page 1 renders to a PNG (test-results/resume-page1.png)', async () => {
    const images = await pdfImageList(full);
    expect(images).toEqual([expect.objectContaining({ width: 240, height: 320 })]);
    mkdirSync(ARTEFACTS, { recursive: true });
    const png = await pdfPageToPng(full, 1, `${ARTEFACTS}resume-page1`, 60);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.abs(bytes.readUInt32BE(16) - 496)).toBeLessThanOrEqual(1); // A4 at 60 dpi: 496 × 702
    expect(Math.abs(bytes.readUInt32BE(20) - 702)).toBeLessThanOrEqual(1);
    expect(statSync(png).size).toBeGreaterThan(20_000);
  });

  it('RES-13 a JPEG photo prints too; a photo that is not an image leaves the box empty instead of failing', async () => {
    const jpeg = await pdfPageToJpeg(full);
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
    const withJpeg = await renderResumePdf(sampleResume({ photo: jpeg }), { generatedAt: GENERATED_AT });
    expect((await pdfImageList(withJpeg)).map((i) => i.enc)).toEqual(['jpeg']);
    const broken = await renderResumePdf(sampleResume({ photo: Buffer.from('<svg onload="alert(1)"></svg>') }), { generatedAt: GENERATED_AT });
    expect(await pdfImageList(broken)).toEqual([]);
    expect(await pdfText(broken)).toContain(RESUME_LABELS.photo);
  });

  it('RES-13 text is printed as text: markup in any field appears literally', async () => {
    const resume = sampleResume({ autobiography: '我會寫 <script>alert("x")</script> 與 <b>粗體</b> &amp; 。', skills: '<img src=x onerror=alert(1)>' });
    resume.basic.chineseName = '<script>王</script>';
    const t = await pdfText(await renderResumePdf(resume, { generatedAt: GENERATED_AT }));
    expect(t).toContain('<script>王</script>');
    expect(t).toContain('<script>alert("x")</script> 與 <b>粗體</b> &amp; 。');
    expect(t).toContain('<img src=x onerror=alert(1)>');
  });

  it(`RES-13 characters no font has (emoji, invisible controls, lone surrogates) print as ${MISSING_GLYPH} and never stop the renderer`, async () => {
    const resume = sampleResume({ autobiography: '喜歡登山🏔️與攝影📷，家族姓氏用字「𠀋」。家人👨‍👩‍👧\u0007\uD800結束。', skills: '' });
    resume.basic.chineseName = '王😀明';
    resume.basic.address = '臺北市\u202E中正區\u200B';
    const pdf = await renderResumePdf(resume, { generatedAt: GENERATED_AT });
    const t = await pdfText(pdf);
    expect(t).toContain(`王${MISSING_GLYPH}明`);
    expect(t).toContain(`喜歡登山${MISSING_GLYPH}與攝影${MISSING_GLYPH}，家族姓氏用字「𠀋」。家人${MISSING_GLYPH}${MISSING_GLYPH}結束。`);
    expect(t).toContain('臺北市中正區');
    expect(t).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });

  it('RES-13 GEN-1 every character of a name prints: Extension B (𠀋 U+2000B) and Extension A (㐀) in the 全字庫 fallback font, subset', async () => {
    expect(pdfFonts().fallbacks.map((f) => f.part)).toEqual(expect.arrayContaining(['bmp', 'ext-b']));
    const resume = sampleResume({ autobiography: `祖籍${'㐀'}村，${'很長的自傳。'.repeat(120)}姓氏「𠀋」結束。`, skills: '' });
    resume.basic.chineseName = '陳𠀋華';
    resume.basic.address = '臺北市𠀋𠀋路一段㐀號';
    const pdf = await renderResumePdf(resume, { generatedAt: GENERATED_AT });
    const t = await pdfText(pdf);
    expect(t).toContain('陳𠀋華');
    expect(t).toContain('臺北市𠀋𠀋路一段㐀號');
    expect(bodyText(t, '陳𠀋華')).toContain(`祖籍㐀村，${'很長的自傳。'.repeat(120)}姓氏「𠀋」結束。`);
    expect(t).not.toContain(MISSING_GLYPH);
    // The running head of page 2 carries the name too.
    expect(t.split('陳𠀋華').length - 1).toBeGreaterThanOrEqual(2);
    const fonts = await pdfFontList(pdf);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(expect.arrayContaining(['NotoSansTC-Regular', 'NotoSansTC-Bold']));
    expect(names.some((n) => /^TW-(Sung|Kai)-Ext-B/.test(n))).toBe(true);
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
    // Subset: a few glyphs of the 67 MB fallback add kilobytes, not megabytes.
    expect(pdf.length).toBeLessThan(full.length + 60_000);
  });

  it('RES-13 the fallback files are found by name, one per part (Sung before Kai); without any, 𠀋 prints as 〓', () => {
    expect(findFallbackFonts([])).toEqual([]);
    expect(findFallbackFonts(['/no/such/dir'])).toEqual([]);
    const dir = pdfFonts().fallbacks[0]!.path.replace(/\/[^/]+$/, '');
    expect(configurePdfFonts({ fallbackFontDir: dir }).map((f) => [f.part, f.family])).toEqual([
      ['bmp', 'Sung'],
      ['ext-b', 'Sung'],
      ['plus', 'Sung'],
    ]);
    expect(printable('陳𠀋華', () => false)).toBe(`${MISSING_GLYPH}${MISSING_GLYPH}${MISSING_GLYPH}`);
    expect(printable('陳𠀋華', pdfFonts().hasGlyph)).toBe('陳𠀋華');
    expect(printable('陳😀華', pdfFonts().hasGlyph)).toBe(`陳${MISSING_GLYPH}華`);
  });

  it('RES-13 oversized values never break the form: a cell is cut with … at a third of a page, long 專長 flows on', async () => {
    const resume = sampleResume({ skills: '專長'.repeat(1500), autobiography: '短。' });
    resume.basic.address = '臺北市'.repeat(2000);
    resume.education[0]!.school = '國立'.repeat(800);
    const pdf = await renderResumePdf(resume, { generatedAt: GENERATED_AT });
    const t = await pdfText(pdf);
    expect(t).toContain('…');
    expect(t).toContain(`${RESUME_LABELS.sections.skills}${RESUME_LABELS.continued}`);
    expect(bodyText(t, '王小明')).toContain('專長'.repeat(1500));
    const pages = await pdfPages(pdf);
    expect(t).toContain(`第 ${pages} 頁，共 ${pages} 頁`);
  });

  it('RES-13 empty 經歷 and 語文能力 print 無; several PDFs can be rendered at the same time', async () => {
    const resume = sampleResume({ experience: [], languages: [], attachmentFileName: '', photo: null });
    const [a, b, c] = await Promise.all([
      renderResumePdf(resume, { generatedAt: GENERATED_AT }),
      renderResumePdf(sampleResume(), { generatedAt: GENERATED_AT }),
      renderBlankResumePdf(),
    ]);
    const t = await pdfText(a);
    expect(t.match(new RegExp(`^${RESUME_LABELS.none}$`, 'gm'))?.length).toBe(2);
    expect(await pdfText(b)).toContain('王小明');
    expect(await pdfText(c)).toContain(RESUME_LABELS.blankTitle);
  });
});

describe('blank resume form', () => {
  it('PUB-6 the 公務人員履歷空白表格 has every label, fixed rows and no values', async () => {
    const pdf = await renderBlankResumePdf();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = await pdfText(pdf);
    const pages = await pdfPages(pdf);
    expect(t).toContain(RESUME_LABELS.blankTitle);
    for (const label of allResumeLabels()) expect(t).toContain(label);
    expect(t).toContain('填表日期：民國');
    expect(t).toContain(`第 1 頁，共 ${pages} 頁`);
    // Nothing but the form: no print time, no 迄今, no 無, no value of any kind.
    const words = t.split(/\s+/).filter(Boolean);
    const furniture = new Set([...allResumeLabels(), RESUME_LABELS.blankTitle, '（最近三個月內', '二吋半身照片）', '填表日期：民國', '年', '月', '日', '第', '頁，共', '頁', ...Array.from({ length: pages }, (_, i) => String(i + 1))]);
    expect(words.filter((w) => !furniture.has(w))).toEqual([]);
    expect(await pdfImageList(pdf)).toEqual([]);
  });

  it('PUB-6 the blank form ignores any values passed with blank: true', async () => {
    const t = await pdfText(await renderResumePdf(sampleResume(), { blank: true }));
    expect(t).not.toContain('王小明');
    expect(t).not.toContain('074/05/15');
    const e = await pdfText(await renderResumePdf(emptyResume(), { blank: true }));
    expect(t).toBe(e);
  });
});
