import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formValues } from '../../platform/http/forms.ts';
import { idHasher } from '../../platform/crypto/id-hash.ts';
import { resumeErrors } from './resume.errors.ts';
import { readResumeForm } from './resume.form.ts';
import { resumeMessages } from './resume.messages.ts';
import { attachmentReplaceError, canAdd, genderDiffersFromId, TEXT_LIMITS, validateResume, voidAttemptsExceeded } from './resume.rules.ts';
import { validFields } from './resumes.test-support.ts';
import { charCount, cleanLine, cleanText } from './text.rules.ts';

const ctx = { today: '2026-11-22', m: resumeMessages('zh-TW'), e: resumeErrors('zh-TW') };
const validate = (overrides: Record<string, string | string[]> = {}) => validateResume(readResumeForm(formValues(validFields(overrides))), ctx);
const errorsOf = (overrides: Record<string, string | string[]> = {}) => {
  const r = validate(overrides);
  return r.ok ? {} : r.errors;
};

const vectors = JSON.parse(readFileSync(new URL('../../../tests/fixtures/id_test_vectors.json', import.meta.url), 'utf8')) as {
  valid: { id: string }[];
  invalid_in_context: { id: string; checksum_or_format_ok: boolean }[];
};

describe('基本資料 (RES-1, RES-2)', () => {
  it('RES-1 a complete resume is valid; dates become ISO, the address is split, the phone formatted', () => {
    const r = validate();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.basic).toMatchObject({ idNumber: 'A123456789', gender: 'M', birthDate: '1991-01-14', phone: '0912-345-678', zip: '100', county: '臺北市', district: '中正區', street: '濟南路一段 2 號', identity: ['原住民'] });
    expect(r.data.education[0]).toMatchObject({ startDate: '2009-09-01', endDate: '2013-06-30' });
  });

  it.each(['chineseName', 'idNumber', 'birthDate', 'phone', 'zip', 'street', 'email'])('RES-1 %s is required', (field) => {
    expect(errorsOf({ [field]: '' })[field]).toBeTruthy();
  });

  it('RES-1 英文姓名 is optional, but in Latin letters', () => {
    expect(validate({ englishName: '' }).ok).toBe(true);
    expect(errorsOf({ englishName: '王小明' }).englishName).toContain('英文字母');
    expect(errorsOf({ englishName: '<script>alert(1)</script>' }).englishName).toBeTruthy();
  });

  it.each(vectors.invalid_in_context.filter((v) => !v.checksum_or_format_ok && v.id === v.id.toUpperCase()).map((v) => [v.id]))('RES-2 invalid ID vector "%s" is refused with a zh-TW message', (id) => {
    const e = errorsOf({ idNumber: id }).idNumber;
    expect(e).toMatch(/身分證統一編號/);
  });

  it.each([...new Set(vectors.valid.map((v) => v.id))].map((id) => [id]))('RES-2 valid ID vector %s is accepted', (id) => {
    // Residents' genders come from the ID too; an empty 性別 takes it.
    expect(errorsOf({ idNumber: id, gender: '' })).toEqual({});
  });

  it('RES-2 lower-case and full-width IDs are normalised', () => {
    const r = validate({ idNumber: ' ａ１２３４５６７８９ ' });
    expect(r.ok && r.data.basic.idNumber).toBe('A123456789');
  });

  it('RES-2 性別 comes from the ID; a different one needs 確定', () => {
    const f = validate({ idNumber: 'A223456781', gender: '' });
    expect(f.ok && f.data.basic.gender).toBe('F');
    expect(errorsOf({ idNumber: 'A123456789', gender: 'F' }).gender).toContain('確定修改性別');
    const confirmed = validate({ idNumber: 'A123456789', gender: 'F', genderConfirmed: '1' });
    expect(confirmed.ok && confirmed.data.basic.gender).toBe('F');
    expect(errorsOf({ gender: 'X' }).gender).toBeTruthy();
    expect(genderDiffersFromId('A123456789', 'F')).toBe(true);
    expect(genderDiffersFromId('A123456789', 'M')).toBe(false);
    expect(genderDiffersFromId('bad', 'F')).toBe(false);
  });

  it.each([['080/01/14'], ['80/1/14'], ['0800114'], ['民國80年1月14日'], ['1991-01-14'], ['８０／０１／１４']])('SYS-7 出生日期 "%s" is read as 1991-01-14', (typed) => {
    const r = validate({ birthDate: typed });
    expect(r.ok && r.data.basic.birthDate).toBe('1991-01-14');
  });

  it('RES-1 impossible and future birth dates are refused with clear messages', () => {
    expect(errorsOf({ birthDate: '080/02/30' }).birthDate).toContain('不存在');
    expect(errorsOf({ birthDate: 'yesterday' }).birthDate).toContain('格式不正確');
    expect(errorsOf({ birthDate: '115/11/23' }).birthDate).toBe('出生日期不可晚於今天');
    expect(errorsOf({ birthDate: '115/11/22' }).birthDate).toBeUndefined();
  });

  it('RES-1 聯絡電話, 郵遞區號 and Email are checked', () => {
    expect(errorsOf({ phone: '12345' }).phone).toContain('聯絡電話格式不正確');
    expect(errorsOf({ zip: '999火星市' }).zip).toContain('郵遞區號');
    expect(errorsOf({ email: 'not-an-email' }).email).toContain('Email');
    expect(errorsOf({ identity: ['外星人'] }).identity).toBeTruthy();
  });

  it('RES-1 a county and district typed again in the street are not printed twice', () => {
    const r = validate({ street: '臺北市中正區濟南路一段 2 號' });
    expect(r.ok && r.data.basic.street).toBe('濟南路一段 2 號');
  });
});

describe('學歷 經歷 語文能力 (RES-5, RES-6, RES-7)', () => {
  it('RES-5 at least one 學歷; completely empty rows are ignored', () => {
    const none = { 'education-1-school': '', 'education-1-department': '', 'education-1-degree': '', 'education-1-status': '', 'education-1-start': '', 'education-1-end': '' };
    expect(errorsOf(none)['education-1-school']).toBe('請至少填寫一筆學歷');
    expect(validate({ 'experience-1-organization': '', 'experience-1-jobTitle': '', 'experience-1-status': '', 'experience-1-start': '' }).ok).toBe(true);
  });

  it('RES-5 畢業 needs an end date; 肄業 and 就學中 do not', () => {
    expect(errorsOf({ 'education-1-end': '' })['education-1-end']).toContain('畢業');
    expect(validate({ 'education-1-status': '肄業', 'education-1-end': '' }).ok).toBe(true);
    expect(validate({ 'education-1-status': '就學中', 'education-1-end': '' }).ok).toBe(true);
    // an expected graduation while 就學中 may lie ahead; a 畢業 date may not
    expect(validate({ 'education-1-status': '就學中', 'education-1-end': '117/06/30' }).ok).toBe(true);
    expect(errorsOf({ 'education-1-end': '117/06/30' })['education-1-end']).toContain('不可晚於今天');
  });

  it('RES-5 RES-6 an end before the start, a start before birth and impossible dates are refused', () => {
    expect(errorsOf({ 'education-1-end': '097/06/30' })['education-1-end']).toBe('結束日期不可早於開始日期');
    expect(errorsOf({ 'experience-1-status': '離職', 'experience-1-end': '102/01/01' })['experience-1-end']).toBe('結束日期不可早於開始日期');
    expect(errorsOf({ 'education-1-start': '070/09/01' })['education-1-start']).toContain('出生日期');
    expect(errorsOf({ 'education-1-start': '100/13/01' })['education-1-start']).toContain('不存在');
  });

  it('RES-6 在職 needs no end date; 離職 does', () => {
    expect(validate({ 'experience-1-status': '在職', 'experience-1-end': '' }).ok).toBe(true);
    expect(errorsOf({ 'experience-1-status': '離職', 'experience-1-end': '' })['experience-1-end']).toContain('離職');
  });

  const rows = (section: string, n: number, row: Record<string, string>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [`${section}-${n}-${k}`, v]));
  const edu = { school: '某大學', department: '', degree: '學士', status: '肄業', start: '099/09/01', end: '' };
  const job = { organization: '某公司', jobTitle: '職員', status: '離職', start: '103/01/01', end: '104/01/01' };

  it('RES-5 a 4th 學歷, RES-6 a 6th 經歷 and RES-7 a 5th 語文能力 are refused', () => {
    const four = { ...rows('education', 2, edu), ...rows('education', 3, edu), ...rows('education', 4, edu) };
    expect(errorsOf(four).education).toBe('學歷最多 3 筆');
    const six = Object.assign({}, ...[2, 3, 4, 5, 6].map((n) => rows('experience', n, job)));
    expect(errorsOf(six).experience).toBe('經歷最多 5 筆');
    const five = Object.assign({}, ...['日語', '韓語', '法語', '德語'].map((l, i) => rows('languages', i + 2, { language: l, listening: '略懂', speaking: '', reading: '', writing: '' })));
    expect(errorsOf(five).languages).toBe('語文能力最多 4 筆');
    expect(canAdd('education', 2)).toBe(true);
    expect(canAdd('education', 3)).toBe(false);
    expect(canAdd('experience', 5)).toBe(false);
    expect(canAdd('languages', 4)).toBe(false);
  });

  it('RES-7 a language needs at least one of 聽 說 讀 寫, and is listed once', () => {
    const e = errorsOf({ 'languages-1-listening': '', 'languages-1-reading': '' });
    expect(e['languages-1-levels']).toContain('「聽」、「說」、「讀」、「寫」');
    expect(errorsOf({ 'languages-1-language': '', 'languages-1-listening': '中等' })['languages-1-language']).toBeTruthy();
    expect(errorsOf({ ...rows('languages', 2, { language: ' 英語 ', listening: '略懂', speaking: '', reading: '', writing: '' }) })['languages-2-language']).toContain('已經填寫過');
    expect(errorsOf({ 'languages-1-listening': '母語' })['languages-1-listening']).toBeTruthy();
  });
});

describe('專長 自傳 and text (RES-8, RES-11)', () => {
  it('RES-8 the limits are enforced with the count in the message', () => {
    expect(validate({ skills: '字'.repeat(TEXT_LIMITS.skills) }).ok).toBe(true);
    expect(errorsOf({ skills: '字'.repeat(TEXT_LIMITS.skills + 1) }).skills).toBe('專長最多 1,000 字，目前 1,001 字，請刪減 1 字');
    expect(errorsOf({ autobiography: 'a'.repeat(TEXT_LIMITS.autobiography + 5) }).autobiography).toContain('4,000');
  });

  it('RES-8 an Extension-B character counts once, a line break once', () => {
    expect(charCount('𠀋𠀋')).toBe(2);
    expect('𠀋𠀋'.length).toBe(4);
    expect(charCount(cleanText('a\r\nb'))).toBe(3);
    expect(validate({ autobiography: '𠀋'.repeat(TEXT_LIMITS.autobiography) }).ok).toBe(true);
  });

  it('RES-11 markup, emoji and 𠀋 are kept as text; controls and direction overrides are removed', () => {
    const r = validate({ chineseName: '<script>alert(1)</script>𠀋😀', skills: 'a\u0000b\u202Ec\n\nd' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.basic.chineseName).toBe('<script>alert(1)</script>𠀋😀');
    expect(r.data.skills).toBe('abc\n\nd');
    expect(cleanLine(' a\tb\nc ')).toBe('a b c');
  });

  it('RES-1 over-long one-line fields are refused', () => {
    expect(errorsOf({ chineseName: '王'.repeat(31) }).chineseName).toBe('中文姓名最多 30 個字');
    expect(errorsOf({ 'education-1-school': '校'.repeat(61) })['education-1-school']).toContain('60');
  });
});

describe('files and 註銷 rules (RES-9, RES-3)', () => {
  const files = { stagedPhotoId: '', stagedAttachmentId: 'x', deletePhoto: false, replaceAttachment: false };
  it('RES-9 a new attachment replaces the saved one only once agreed', () => {
    expect(attachmentReplaceError(files, true, '證照.pdf', ctx.e)).toContain('證照.pdf');
    expect(attachmentReplaceError({ ...files, replaceAttachment: true }, true, '證照.pdf', ctx.e)).toBeNull();
    expect(attachmentReplaceError(files, true, null, ctx.e)).toBeNull();
    expect(attachmentReplaceError(files, false, '證照.pdf', ctx.e)).toBeNull();
  });

  it('RES-3 5 wrong answers by one person, or 10 against one account, stop further tries', () => {
    expect(voidAttemptsExceeded({ byApplicant: 4, byIdNumber: 9 })).toBe(false);
    expect(voidAttemptsExceeded({ byApplicant: 5, byIdNumber: 0 })).toBe(true);
    expect(voidAttemptsExceeded({ byApplicant: 0, byIdNumber: 10 })).toBe(true);
  });

  it('RES-3 the ID hash is the platform one: an HMAC of the normalised ID under a key derived from DATA_KEY', () => {
    const k = idHasher({ dataKey: 'secret-one-secret-one-secret-one-0000' });
    expect(k.hash('A123456789')).toBe(k.hash(' a123456789'));
    expect(k.hash('A123456789')).not.toBe(k.hash('A223456781'));
    expect(idHasher({ dataKey: 'secret-two-secret-two-secret-two-0000' }).hash('A123456789')).not.toBe(k.hash('A123456789'));
    expect(k.hash('A123456789')).not.toContain('A123456789');
  });
});

describe('SYS-6 English messages', () => {
  it('SYS-6 errors come in English for the English page', () => {
    const r = validateResume(readResumeForm(formValues(validFields({ chineseName: '' }))), { ...ctx, m: resumeMessages('en'), e: resumeErrors('en') });
    expect(r.ok ? {} : r.errors).toMatchObject({ chineseName: 'Enter Name in Chinese' });
  });
});
