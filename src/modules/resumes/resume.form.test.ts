import { describe, expect, it } from 'vitest';
import { formValues } from '../../platform/http/forms.ts';
import { sampleResume } from '../../platform/pdf/testing/sample-resume.ts';
import { resumeErrors } from './resume.errors.ts';
import { applyRowAction, emptyForm, formFromResume, parseAction, readResumeForm } from './resume.form.ts';
import { resumeData, toResumeDocument } from './resume.mapping.ts';
import { resumeMessages } from './resume.messages.ts';
import { createLocalHrDatabase, resumeImportFrom } from '../hrdb/index.ts';
import { prefillFromDraft, splitAddress } from './resume.prefill.ts';
import type { ResumeRow } from './resume.repo.ts';
import { validateResume } from './resume.rules.ts';
import { validFields } from './resumes.test-support.ts';
import { findZipcode, formatAddress, streetWithoutArea, ZIPCODES, zipcodesByCounty } from './zipcodes.ts';

const ctx = { today: '2026-11-22', m: resumeMessages('zh-TW'), e: resumeErrors('zh-TW') };

describe('the form as typed (RES-11)', () => {
  it('RES-11 reads every field, rows in number order, and keeps odd values as typed', () => {
    const f = readResumeForm(formValues({ ...validFields(), 'education-3-school': '第三', 'education-2-school': '第二', stagedPhotoId: 'not-a-uuid', genderConfirmed: ['', '1'] }));
    expect(f.education.map((e) => e.school)).toEqual(['國立臺灣大學', '第二', '第三']);
    expect(f.basic.identity).toEqual(['原住民']);
    expect(f.basic.genderConfirmed).toBe(true);
    expect(f.files.stagedPhotoId).toBe('');
  });

  it('RES-1 a first resume starts with one empty 學歷 row and 聯絡Email = the account', () => {
    const f = emptyForm('me@example.com');
    expect(f.basic.email).toBe('me@example.com');
    expect(f.education).toHaveLength(1);
    expect(f.experience).toHaveLength(0);
  });

  it('RES-11 a saved resume comes back into the form in ROC dates and validates unchanged', () => {
    const v = validateResume(readResumeForm(formValues(validFields())), ctx);
    if (!v.ok) throw new Error('fixture invalid');
    const back = formFromResume(v.data, 'acct@example.com');
    expect(back.basic.birthDate).toBe('080/01/14');
    expect(back.basic.zip).toBe('100臺北市中正區');
    expect(back.education[0]!.end).toBe('102/06/30');
    const again = validateResume(back, ctx);
    expect(again.ok && again.data).toEqual(v.data);
  });

  it('RES-11 the pressed button is read; anything else (or Enter) means 儲存履歷', () => {
    expect(parseAction('add-education')).toEqual({ kind: 'add', section: 'education' });
    expect(parseAction('up-languages-2')).toEqual({ kind: 'up', section: 'languages', n: 2 });
    expect(parseAction('remove-experience-5')).toEqual({ kind: 'remove', section: 'experience', n: 5 });
    expect(parseAction('void-account')).toEqual({ kind: 'void-account' });
    expect(parseAction('hrdb-import')).toEqual({ kind: 'hrdb-import' }); // RES-4
    expect(parseAction('')).toEqual({ kind: 'save' });
    expect(parseAction('drop-table')).toEqual({ kind: 'save' });
    expect(parseAction('up-education-0')).toEqual({ kind: 'save' });
  });
});

describe('row buttons without JavaScript (RES-5, RES-6, RES-7)', () => {
  const base = readResumeForm(formValues(validFields({ 'education-2-school': 'B', 'education-2-degree': '碩士', 'education-3-school': 'C' })));

  it('RES-5 moves a row up and down and removes one', () => {
    const up = applyRowAction(base, { kind: 'up', section: 'education', n: 2 }).form;
    expect(up.education.map((e) => e.school)).toEqual(['B', '國立臺灣大學', 'C']);
    const down = applyRowAction(base, { kind: 'down', section: 'education', n: 3 }).form;
    expect(down.education.map((e) => e.school)).toEqual(['國立臺灣大學', 'B', 'C']);
    const removed = applyRowAction(base, { kind: 'remove', section: 'education', n: 1 }).form;
    expect(removed.education.map((e) => e.school)).toEqual(['B', 'C']);
    expect(removed.basic).toEqual(base.basic);
  });

  it('RES-5 removing the only 學歷 leaves one empty row', () => {
    const one = readResumeForm(formValues(validFields()));
    expect(applyRowAction(one, { kind: 'remove', section: 'education', n: 1 }).form.education).toEqual([{ school: '', department: '', degree: '', status: '', start: '', end: '' }]);
  });

  it('RES-5 RES-6 RES-7 adding beyond the limit is refused and changes nothing', () => {
    const r = applyRowAction(base, { kind: 'add', section: 'education' });
    expect(r.refused).toBe(true);
    expect(r.form.education).toHaveLength(3);
    let f = emptyForm('x@example.com');
    for (let i = 0; i < 5; i++) f = applyRowAction(f, { kind: 'add', section: 'experience' }).form;
    expect(f.experience).toHaveLength(5);
    expect(applyRowAction(f, { kind: 'add', section: 'experience' }).refused).toBe(true);
    for (let i = 0; i < 4; i++) f = applyRowAction(f, { kind: 'add', section: 'languages' }).form;
    expect(applyRowAction(f, { kind: 'add', section: 'languages' }).refused).toBe(true);
  });
});

describe('RES-4 seam: prefillFromDraft', () => {
  it('RES-4 fills basic data, at most 3 學歷 and 5 經歷 from a draft, keeping what the draft lacks', () => {
    const form = emptyForm('acct@example.com');
    const edu = { school: 'S', degree: '學士', status: '畢業' as const, startDate: '2000-09-01', endDate: '2004-06-30' };
    const job = { organization: 'O', jobTitle: 'T', status: '離職' as const, startDate: '2005-01-01', endDate: '2006-01-01' };
    const f = prefillFromDraft(form, {
      basic: { chineseName: '林小華', idNumber: 'A223456781', gender: 'F', birthDate: '1982-03-04', zip: '300', county: '新竹市', district: '北區' },
      education: [edu, edu, edu, edu],
      experience: [job, job, job, job, job, job],
    });
    expect(f.basic).toMatchObject({ chineseName: '林小華', birthDate: '071/03/04', zip: '300新竹市北區', email: 'acct@example.com' });
    expect(f.education).toHaveLength(3);
    expect(f.education[0]).toMatchObject({ start: '089/09/01', end: '093/06/30' });
    expect(f.experience).toHaveLength(5);
    expect(f.importedFromHrdb).toBe(true);
  });
});

describe('RES-4 seam with the hrdb module', () => {
  it('RES-4 resumeImportFrom(person) of the HR database is a ResumeDraft: 男/女, a one-line address and its degrees map to the form', async () => {
    const person = await createLocalHrDatabase().findPersonByNationalId('G221508377');
    if (!person) throw new Error('demo person missing');
    const f = prefillFromDraft(emptyForm('acct@example.com'), resumeImportFrom(person));
    expect(f.basic).toMatchObject({ chineseName: person.name, idNumber: 'G221508377', gender: 'F', birthDate: '079/04/12' });
    expect(f.basic.zip).toMatch(/^\d{3}/);
    expect(f.education.length).toBeGreaterThan(0);
    const v = validateResume(f, ctx);
    const basicErrors = v.ok ? [] : Object.keys(v.errors).filter((k) => !k.includes('-'));
    expect(basicErrors).toEqual([]);
  });

  it('RES-4 a one-line address is split into 郵遞區號 and the street; a shared zip needs the district', () => {
    expect(splitAddress('270 宜蘭縣蘇澳鎮和平路一段121號')).toMatchObject({ zip: { zip: '270', district: '蘇澳鎮' }, street: '和平路一段121號' });
    expect(splitAddress('300新竹市香山區中華路五段1號')).toMatchObject({ zip: { district: '香山區' }, street: '中華路五段1號' });
    expect(splitAddress('300 中華路五段1號')).toBeNull();
    expect(splitAddress('no zip')).toBeNull();
  });
});

describe('郵遞區號 (RES-1)', () => {
  it('RES-1 has every 3-digit code of the source, grouped by county; 300 and 600 are shared', () => {
    expect(ZIPCODES).toHaveLength(371);
    expect(zipcodesByCounty().map((g) => g.county)).toContain('連江縣');
    expect(ZIPCODES.filter((z) => z.zip === '300').map((z) => z.district)).toEqual(['東區', '北區', '香山區']);
    expect(findZipcode('300新竹市香山區')).toMatchObject({ zip: '300', county: '新竹市' });
    expect(findZipcode('300')).toBeNull();
  });

  it('RES-1 the printed address names county and district once', () => {
    const z = findZipcode('100臺北市中正區')!;
    expect(streetWithoutArea('台北市中正區濟南路1號', z)).toBe('濟南路1號');
    expect(streetWithoutArea('100臺北市中正區濟南路1號', z)).toBe('濟南路1號');
    expect(streetWithoutArea('10樓', z)).toBe('10樓');
    expect(formatAddress({ zip: '100', county: '臺北市', district: '中正區', street: '濟南路1號' })).toBe('100 臺北市中正區濟南路1號');
  });
});

describe('RES-13 the resume as agencies see it', () => {
  it('RES-13 maps the stored row to the PDF document: 性別 男/女, the address in one line, 身分註記 joined', () => {
    const s = sampleResume();
    const row = {
      basic: { ...s.basic, gender: 'F', zip: '100', county: '臺北市', district: '中正區', street: '濟南路', identity: ['身心障礙', '原住民'] },
      education: s.education,
      experience: s.experience,
      languages: s.languages,
      skills: 'x',
      autobiography: 'y',
    } as unknown as ResumeRow;
    const doc = toResumeDocument(resumeData(row), { attachmentName: '證.pdf', photo: null });
    expect(doc.basic).toMatchObject({ gender: '女', address: '100 臺北市中正區濟南路', identityNote: '身心障礙、原住民' });
    expect(doc.education).toEqual(s.education);
    expect(doc.attachmentFileName).toBe('證.pdf');
  });
});
