import { describe, expect, it } from 'vitest';
import { CIVIL_SERVICE_LABELS as L, CIVIL_SERVICE_PARTS, MISSING_GLYPH, renderCivilServiceResumePdf, type CivilServiceResumeDocument } from './index.ts';
import { pdfFontList, pdfPages, pdfText } from './testing/poppler.ts';

const GENERATED_AT = new Date('2026-12-04T02:30:00Z'); // 民國 115 年 12 月 04 日 10:30 in Taipei

/** A person with something in every part; the name has 𠀋 (U+2000B, Extension B, not in Noto). */
function fullPerson(): CivilServiceResumeDocument {
  return {
    basic: {
      name: '陳𠀋華',
      nationalId: 'A128730468',
      gender: '男',
      birthDate: '1984-02-20',
      phone: '0912-345-678',
      email: 'chen@example.gov.tw',
      address: '臺北市中正區濟南路一段2之2號',
      agencyName: '行政院人事行政總處',
      jobTitle: '科員',
      employmentType: '公務人員',
      status: '現職',
    },
    education: [{ school: '國立臺灣大學', department: '政治學系', degree: '學士', status: '畢業', startDate: '2002-09-01', endDate: '2006-06-30' }],
    experience: [
      { organization: '行政院人事行政總處', jobTitle: '科員', employmentType: '公務人員', status: '在職', startDate: '2012-03-01', endDate: '' },
      { organization: '臺北市政府', jobTitle: '約僱人員', employmentType: '約僱', status: '離職', startDate: '2008-01-02', endDate: '2011-12-31' },
    ],
    exams: [{ kind: '考試', name: '公務人員高等考試三級考試', category: '一般行政', passedOn: '2011-10-20' }],
    professionalQualifications: [{ name: '律師', certificateNo: '(100)台檢證字第01234號', issuedOn: '2011-03-15' }],
    ratings: [
      { year: 2024, kind: '年終考績', grade: '甲' },
      { year: 2023, kind: '年終考績', grade: '乙' },
    ],
    rewards: [{ date: '2024-05-06', kind: '嘉獎', count: 2, reason: '辦理年度考試試務圓滿' }],
    skills: ['人事法規', '資料分析'],
    languages: [{ language: '英語', level: '中等', certificate: '全民英檢中高級' }],
    screenings: [{ kind: '甄審', name: '資訊處理職系甄審', passedOn: '2013-07-01' }],
    military: { status: '役畢', branch: '陸軍', startDate: '2006-08-01', endDate: '2007-07-31' },
    teacherQualification: { kind: '中等學校合格教師', certificateNo: '中字第098765號', issuedOn: '2007-08-01' },
    disability: { category: '肢體障礙', level: '輕度' },
    indigenous: { tribe: '阿美族' },
    trainings: [{ name: '薦任公務人員晉升簡任官等訓練', organizer: '國家文官學院', startDate: '2023-04-10', endDate: '2023-06-02', hours: 120 }],
  };
}

function emptyPerson(): CivilServiceResumeDocument {
  return {
    ...fullPerson(),
    education: [],
    experience: [],
    exams: [],
    professionalQualifications: [],
    ratings: [],
    rewards: [],
    skills: [],
    languages: [],
    screenings: [],
    military: null,
    teacherQualification: null,
    disability: null,
    indigenous: null,
    trainings: [],
  };
}

const flat = (t: string) => t.replace(/\s+/g, '');

describe('civil-service resume PDF', () => {
  it('ECPA-6 every section of the HR record prints with its heading and its data, ROC dates, the ID in full, 𠀋 in the fallback font', async () => {
    const pdf = await renderCivilServiceResumePdf(fullPerson(), undefined, { generatedAt: GENERATED_AT });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = await pdfText(pdf);
    const f = flat(t);
    expect(t).toContain(L.title);
    for (const heading of Object.values(L.sections)) expect(f).toContain(flat(heading));
    expect(t).toContain('陳𠀋華');
    expect(t).not.toContain(MISSING_GLYPH);
    expect(t).toContain('A128730468');
    for (const value of ['國立臺灣大學', '臺北市政府', '公務人員高等考試三級考試', '律師', '辦理年度考試試務圓滿', '人事法規、資料分析', '全民英檢中高級', '資訊處理職系甄審', '陸軍', '中等學校合格教師', '肢體障礙', '阿美族', '國家文官學院']) {
      expect(f).toContain(flat(value));
    }
    // ROC dates: birth, periods (迄今 while 在職), exam date, rating years as 民國 years, training period.
    expect(t).toContain('073/02/20');
    expect(t).toContain('091/09/01－095/06/30');
    expect(t).toContain('101/03/01－迄今');
    expect(t).toContain('100/10/20');
    expect(t).toMatch(/^113$/m);
    expect(t).toContain('112/04/10－112/06/02');
    expect(t).not.toContain('1984-02-20');
    expect(t).toContain('製表時間：民國 115 年 12 月 04 日 10:30');
    expect(t).toContain(L.source);
    const pages = await pdfPages(pdf);
    expect(t).toContain(`第 ${pages} 頁，共 ${pages} 頁`);
    const fonts = (await pdfFontList(pdf)).map((x) => x.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.some((n) => /^TW-(Sung|Kai)-Ext-B/.test(n))).toBe(true);
  });

  it('ECPA-6 an empty section prints 無 under its heading', async () => {
    const t = await pdfText(await renderCivilServiceResumePdf(emptyPerson(), undefined, { generatedAt: GENERATED_AT }));
    // 學歷, 經歷, 考試, 專技, 考績, 獎懲, 專長, 語言, 檢覈, 兵役, 教師, 身障, 原住民, 訓練: 14 empty parts.
    expect(t.match(new RegExp(`^${L.none}$`, 'gm'))?.length).toBe(14);
    expect(flat(t)).toContain(flat(L.sections.indigenous));
  });

  it('GEN-2 parts choose the sections besides basic data, 學歷 and 經歷, printed in the form order', async () => {
    const t = flat(await pdfText(await renderCivilServiceResumePdf(fullPerson(), ['trainings', 'rewards'], { generatedAt: GENERATED_AT })));
    expect(t).toContain('國立臺灣大學');
    expect(t).toContain('臺北市政府');
    expect(t).toContain(flat(L.sections.rewards));
    expect(t).toContain('國家文官學院');
    expect(t.indexOf(flat(L.sections.rewards))).toBeLessThan(t.indexOf(flat(L.sections.trainings)));
    for (const absent of ['公務人員高等考試三級考試', '全民英檢中高級', '資訊處理職系甄審', '阿美族', flat(L.sections.ratings), flat(L.sections.military)]) expect(t).not.toContain(absent);
    expect(CIVIL_SERVICE_PARTS).toEqual(['exams', 'ratings', 'rewards', 'skills', 'screenings', 'markers', 'trainings']);
  });

  it('ECPA-6 text is printed as text: markup in a value appears literally', async () => {
    const p = fullPerson();
    p.rewards[0]!.reason = '<script>alert(1)</script>';
    expect(await pdfText(await renderCivilServiceResumePdf(p, ['rewards'], { generatedAt: GENERATED_AT }))).toContain('<script>alert(1)</script>');
  });
});
