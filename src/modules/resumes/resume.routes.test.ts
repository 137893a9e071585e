import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/helpers/app.ts';
import { applicantAccounts } from '../accounts/index.ts';
import { findResume } from './resume.repo.ts';
import { csrfOf, formData, postForm, validFields } from './resumes.test-support.ts';
import { signInApplicant } from '../../../tests/factories/index.ts';


describe('履歷填寫 pages', () => {
  const t = useTestApp();
  const get = (url: string, cookie: string) => t.current.app.inject({ url, headers: { cookie } });

  it('RES-1 the empty form: 聯絡Email is the account, every field labelled, a multipart form with the token in its action', async () => {
    const a = await signInApplicant(t.current, { email: 'first@example.com' });
    const res = await get('/platform/resume', a.cookie);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>履歷填寫</h1>');
    expect(html).toMatch(/<input id="f-email" name="email" type="email" value="first@example.com"/);
    expect(html).toMatch(/<form method="post" action="\/platform\/resume\?_csrf=[^"]+" enctype="multipart\/form-data"/);
    for (const id of ['f-chineseName', 'f-englishName', 'f-idNumber', 'f-gender', 'f-birthDate', 'f-phone', 'f-zip', 'f-street', 'f-email', 'f-photo', 'f-education-1-school', 'f-skills', 'f-autobiography', 'f-attachment']) {
      expect(html, id).toContain(`for="${id}"`);
    }
    expect(html).toContain('<option value="100臺北市中正區">100 臺北市中正區</option>');
    expect(html).toContain('基本資料除了「英文姓名」及照片欄位可空白外，皆為必填');
    expect(html).toContain('目前 0 字／上限 4,000 字');
  });

  it('SYS-4 the form needs a signed-in applicant and the CSRF token', async () => {
    const anon = await t.current.app.inject('/platform/resume');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/platform/login');
    const a = await signInApplicant(t.current);
    expect((await postForm(t.current, a, validFields(), [], { csrf: false })).statusCode).toBe(403);
  });

  it('SYS-4 a voided or locked account is signed out and sent to 登入', async () => {
    const a = await signInApplicant(t.current, { status: 'voided' });
    const res = await get('/platform/resume', a.cookie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/platform/login');
    expect(await t.current.services.sessions.load(a.token)).toBeNull();
  });

  it('RES-11 儲存履歷 saves the whole resume and comes back with it in ROC form', async () => {
    const a = await signInApplicant(t.current);
    const res = await postForm(t.current, a, validFields({ idNumber: 'F131104093' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/platform/resume');
    const saved = await findResume(t.current.services.db, a.id);
    expect(saved?.basic).toMatchObject({ chineseName: '王小明', idNumber: 'F131104093', birthDate: '1991-01-14' });
    const page = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: `${a.cookie}; ${res.cookies.map((c) => `${c.name}=${c.value}`).join('; ')}` } });
    expect(page.body).toContain('履歷已儲存。');
    expect(page.body).toContain('value="080/01/14"');
    expect(page.body).toContain('value="102/06/30"');
    expect(page.body).toContain('href="/platform/resume/preview"');
  });

  it('RES-11 errors are shown by each field and in the summary, and nothing typed is lost', async () => {
    const a = await signInApplicant(t.current);
    const res = await postForm(t.current, a, validFields({ chineseName: '', idNumber: 'A123456788', 'education-1-end': '097/01/01', autobiography: '我的自傳<b>粗體</b>\n第二行' }));
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#f-chineseName"');
    expect(html).toContain('href="#f-idNumber"');
    expect(html).toContain('href="#f-education-1-end"');
    expect(html).toContain('第 1 筆學歷 結束日期：結束日期不可早於開始日期');
    expect(html).toMatch(/id="f-idNumber" name="idNumber" type="text" value="A123456788"[^>]*aria-invalid="true"/);
    expect(html).toContain('身分證統一編號檢查碼錯誤');
    expect(html).toMatch(/我的自傳&lt;b>粗體&lt;\/b>\r?\n第二行<\/textarea>/);
    expect(html).not.toContain('<b>粗體');
    expect(html).toContain('value="濟南路一段 2 號"');
    expect(await findResume(t.current.services.db, a.id)).toBeNull();
  });

  it('RES-5 新增學歷, 上移 and 刪除 work without JavaScript and do not save', async () => {
    const a = await signInApplicant(t.current);
    const added = await postForm(t.current, a, { ...validFields(), action: 'add-education' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('id="f-education-2-school"');
    expect(added.body).not.toContain('class="error-summary"');
    expect(await findResume(t.current.services.db, a.id)).toBeNull();

    const two = { ...validFields(), 'education-2-school': '建國中學', 'education-2-degree': '高中（職）', 'education-2-status': '畢業', 'education-2-start': '095/09/01', 'education-2-end': '098/06/30' };
    const moved = await postForm(t.current, a, { ...two, action: 'up-education-2' });
    expect(moved.body.indexOf('value="建國中學"')).toBeLessThan(moved.body.indexOf('value="國立臺灣大學"'));
    expect(moved.body).toContain('name="education-1-school" type="text" value="建國中學"');
    const removed = await postForm(t.current, a, { ...two, action: 'remove-education-1' });
    expect(removed.body).not.toContain('value="國立臺灣大學"');
    expect(removed.body).toContain('name="education-1-school" type="text" value="建國中學"');
  });

  it('RES-5 RES-6 a 4th 學歷 cannot be added, and a crafted 4th (or 6th 經歷) is refused on save', async () => {
    const a = await signInApplicant(t.current);
    const rows = (s: string, n: number, r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [`${s}-${n}-${k}`, v]));
    const edu = { school: '某校', department: '', degree: '其他', status: '肄業', start: '099/01/01', end: '' };
    const three = { ...validFields(), ...rows('education', 2, edu), ...rows('education', 3, edu) };
    const atLimit = await postForm(t.current, a, three);
    expect(atLimit.statusCode).toBe(303);
    const page = await get('/platform/resume', a.cookie);
    expect(page.body).toContain('學歷已達上限 3 筆，無法再新增。');
    expect(page.body).not.toContain('value="add-education"');
    const refused = await postForm(t.current, a, { ...three, action: 'add-education' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('學歷最多填寫 3 筆，無法再新增');
    expect(refused.body).not.toContain('id="f-education-4-school"');
    const four = await postForm(t.current, a, { ...three, ...rows('education', 4, edu) });
    expect(four.statusCode).toBe(400);
    expect(four.body).toContain('學歷最多 3 筆');
    const job = { organization: 'O', jobTitle: 'T', status: '離職', start: '103/01/01', end: '104/01/01' };
    const six = await postForm(t.current, a, { ...validFields(), ...Object.assign({}, ...[2, 3, 4, 5, 6].map((n) => rows('experience', n, job))) });
    expect(six.body).toContain('經歷最多 5 筆');
  });

  it('RES-2 a 性別 other than the ID’s asks 確定 (a checkbox without JavaScript), then saves', async () => {
    const a = await signInApplicant(t.current);
    const ask = await postForm(t.current, a, validFields({ idNumber: 'AC03095424', gender: 'F' }));
    expect(ask.statusCode).toBe(400);
    expect(ask.body).toContain('請勾選「確定修改性別」');
    expect(ask.body).toMatch(/<div class="checkbox" data-gender-confirm>/);
    const ok = await postForm(t.current, a, validFields({ idNumber: 'AC03095424', gender: 'F', genderConfirmed: '1' }));
    expect(ok.statusCode).toBe(303);
    expect((await findResume(t.current.services.db, a.id))?.basic.gender).toBe('F');
  });

  it('RES-11 SYS-6 the form in English', async () => {
    const a = await signInApplicant(t.current);
    const res = await t.current.app.inject({ url: '/platform/resume', headers: { cookie: `${a.cookie}; lang=en` } });
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Name in Chinese');
    expect(res.body).toContain('Save resume');
  });

  it('RES-3 the same ID number on another account: the 註銷 panel, a wrong answer, the right one, then 儲存履歷 again', async () => {
    const old = await signInApplicant(t.current, { email: 'old@example.com' });
    expect((await postForm(t.current, old, validFields({ idNumber: 'HD02717288' }))).statusCode).toBe(303);
    const me = await signInApplicant(t.current);
    const fields = validFields({ idNumber: 'HD02717288', chineseName: '新主人', autobiography: '保留的自傳' });
    const conflict = await postForm(t.current, me, fields);
    expect(conflict.statusCode).toBe(400);
    expect(conflict.body).toContain('此身分證統一編號已有其他註冊帳號使用');
    expect(conflict.body).toContain('id="void-panel"');
    expect(conflict.body).not.toContain('old@example.com');
    const wrong = await postForm(t.current, me, { ...fields, action: 'void-account', 'void-email': 'old@example.com', 'void-birthDate': '080/01/15' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('未註銷任何帳號');
    expect(wrong.body).toContain('保留的自傳');
    const right = await postForm(t.current, me, { ...fields, action: 'void-account', 'void-email': 'old@example.com', 'void-birthDate': '0800114' });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('請務必再次點選「儲存履歷」');
    expect(right.body).toContain('保留的自傳');
    const [acct] = await t.current.services.db.select().from(applicantAccounts).where(eq(applicantAccounts.id, old.id));
    expect(acct!.status).toBe('voided');
    expect((await postForm(t.current, me, fields)).statusCode).toBe(303);
  });

  it('RES-11 the hidden first button makes Enter mean 儲存履歷; unknown buttons save too', async () => {
    const a = await signInApplicant(t.current);
    const page = await get('/platform/resume', a.cookie);
    const form = page.body.slice(page.body.indexOf('<form method="post" action="/platform/resume'));
    expect(form.indexOf('name="action" value="save" hidden')).toBeLessThan(form.indexOf('value="add-education"'));
    const { cookie, token } = csrfOf(page, a);
    const res = await t.current.app.inject({ method: 'POST', url: `/platform/resume?_csrf=${encodeURIComponent(token)}`, headers: { cookie }, payload: formData({ ...validFields({ idNumber: 'BD01300667' }), action: 'nonsense' }) });
    expect(res.statusCode).toBe(303);
  });
});
