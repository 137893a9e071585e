// The civil-service resume (公務人員履歷表 from the 公務人力資料庫): MyData 履歷表下載 (ECPA-6) prints every part;
// the GEN-2 resume of a civil-service job prints the parts the vacancy asked for (AGY-4). Same form as the
// applicant resume (form-document.ts): A4, Noto Sans TC with the 全字庫 fallback (𠀋 prints), ROC dates, a
// table per list, 無 for an empty part, 製表時間 and 第 N 頁，共 M 頁 on every page.
// The input is this file's own plain shape (src/platform imports no module): the hrdb module maps its HrPerson
// to it (civilServiceResumeDocument), after applying AGY-4's date ranges.
import { columns, drawFormTitle, formTable, openFormDocument } from './form-document.ts';
import type { Cell, FormWriter } from './form-writer.ts';
import { generatedAtLabel, period, rocOrRaw } from './resume-format.rules.ts';
import { RESUME_LABELS } from './resume-labels.ts';

/** AGY-4's seven parts besides 個人全部資料, keyed as in the hrdb module (RESUME_SECTIONS), in the form's order. */
export const CIVIL_SERVICE_PARTS = ['exams', 'ratings', 'rewards', 'skills', 'screenings', 'markers', 'trainings'] as const;
export type CivilServicePart = (typeof CIVIL_SERVICE_PARTS)[number];

export interface CivilServiceResumeDocument {
  basic: {
    name: string;
    /** Printed in full: it is the person's own file, or an agency's copy of an applicant's. */
    nationalId: string;
    /** 男 / 女 */
    gender: string;
    birthDate: string;
    phone: string;
    email: string;
    address: string;
    agencyName: string;
    jobTitle: string;
    /** 人員類別 */
    employmentType: string;
    /** 現職 / 卸職（yyy/mm/dd） as it should print */
    status: string;
  };
  education: { school: string; department: string; degree: string; status: string; startDate: string; endDate: string }[];
  experience: { organization: string; jobTitle: string; employmentType: string; status: string; startDate: string; endDate: string }[];
  exams: { kind: string; name: string; category: string; passedOn: string }[];
  professionalQualifications: { name: string; certificateNo: string; issuedOn: string }[];
  /** `year` Gregorian, printed as 民國 year. */
  ratings: { year: number; kind: string; grade: string }[];
  rewards: { date: string; kind: string; count: number; reason: string }[];
  skills: string[];
  languages: { language: string; level: string; certificate: string }[];
  screenings: { kind: string; name: string; passedOn: string }[];
  military: { status: string; branch: string; startDate: string; endDate: string } | null;
  teacherQualification: { kind: string; certificateNo: string; issuedOn: string } | null;
  disability: { category: string; level: string } | null;
  indigenous: { tribe: string } | null;
  trainings: { name: string; organizer: string; startDate: string; endDate: string; hours: number }[];
}

export const CIVIL_SERVICE_LABELS = {
  title: '公務人員履歷表',
  source: '資料來源：公務人力資料庫',
  sections: {
    basic: '基本資料',
    education: '學歷',
    experience: '經歷',
    exams: '考試或晉升訓練',
    professionalQualifications: '專門職業及技術人員資格',
    ratings: '考績(成)或成績考核',
    rewards: '獎懲',
    skills: '專長',
    languages: '語言能力',
    screenings: '檢覈/甄審',
    military: '兵役',
    teacherQualification: '教師資格',
    disability: '身心障礙註記',
    indigenous: '原住民註記',
    trainings: '訓練及進修',
  },
  basic: {
    name: '姓名',
    nationalId: '身分證統一編號',
    gender: '性別',
    birthDate: '出生日期',
    phone: '聯絡電話',
    email: '電子郵件',
    address: '通訊地址',
    agencyName: '服務機關',
    jobTitle: '職稱',
    employmentType: '人員類別',
    status: '在職狀態',
  },
  education: { school: '學校名稱', department: '科系', degree: '學位', status: '狀態', period: '修業起迄（民國）' },
  experience: { organization: '服務機關', jobTitle: '職稱', employmentType: '人員類別', status: '狀態', period: '任職起迄（民國）' },
  exams: { kind: '類別', name: '考試或訓練名稱', category: '類科', passedOn: '及格/結訓日期' },
  professionalQualifications: { name: '資格名稱', certificateNo: '證書字號', issuedOn: '發證日期' },
  ratings: { year: '年度（民國）', kind: '考績類別', grade: '等次' },
  rewards: { date: '日期', kind: '獎懲類別', count: '次數', reason: '事由' },
  languages: { language: '語言', level: '程度', certificate: '檢定證明' },
  screenings: { kind: '類別', name: '名稱', passedOn: '通過日期' },
  military: { status: '兵役狀況', branch: '軍種', period: '服役起迄（民國）' },
  teacherQualification: { kind: '教師資格類別', certificateNo: '證書字號', issuedOn: '發證日期' },
  disability: { category: '障礙類別', level: '障礙等級' },
  indigenous: { tribe: '族別' },
  trainings: { name: '訓練名稱', organizer: '主辦機關', period: '訓練起迄（民國）', hours: '時數' },
  none: RESUME_LABELS.none,
} as const;

export interface RenderCivilServiceResumeOptions {
  /** The print time shown in the footer (default: now). */
  generatedAt?: Date;
}

const LABEL_W = 90;

/**
 * The civil-service resume as PDF. Basic data, 學歷 and 經歷 always print; `parts` (default: all seven) chooses
 * the others, in the form's order whatever order they are given in.
 */
export async function renderCivilServiceResumePdf(
  person: CivilServiceResumeDocument,
  parts: readonly CivilServicePart[] = CIVIL_SERVICE_PARTS,
  opts: RenderCivilServiceResumeOptions = {},
): Promise<Buffer> {
  const L = CIVIL_SERVICE_LABELS;
  const generatedAt = opts.generatedAt ?? new Date();
  const { w, finish } = openFormDocument(L.title, generatedAt);
  drawFormTitle(w, L.title);
  drawBasic(w, person);
  const S = L.sections;
  const E = L.education;
  formTable(
    w,
    S.education,
    columns(w, [E.school, E.department, E.degree, E.status, E.period], [150, 110, 55, 55]),
    person.education.map((e) => [e.school, e.department, e.degree, e.status, period(e.startDate, e.endDate, e.status)]),
  );
  const X = L.experience;
  formTable(
    w,
    S.experience,
    columns(w, [X.organization, X.jobTitle, X.employmentType, X.status, X.period], [150, 110, 62, 48]),
    person.experience.map((e) => [e.organization, e.jobTitle, e.employmentType, e.status, period(e.startDate, e.endDate, e.status)]),
  );
  for (const part of CIVIL_SERVICE_PARTS) if (parts.includes(part)) DRAW_PART[part](w, person);
  return finish([L.title, person.basic.name].filter(Boolean).join('　'), `${generatedAtLabel(generatedAt)}　${L.source}`);
}

function drawBasic(w: FormWriter, p: CivilServiceResumeDocument): void {
  const B = CIVIL_SERVICE_LABELS.basic;
  const b = p.basic;
  const valueW = (w.width - 2 * LABEL_W) / 2;
  const label = (text: string): Cell => ({ text, width: LABEL_W, kind: 'label' });
  const value = (text: string, width = valueW): Cell => ({ text, width });
  w.section(CIVIL_SERVICE_LABELS.sections.basic, 120);
  w.row([label(B.name), value(b.name), label(B.nationalId), value(b.nationalId)]);
  w.row([label(B.gender), value(b.gender), label(B.birthDate), value(rocOrRaw(b.birthDate))]);
  w.row([label(B.phone), value(b.phone), label(B.email), value(b.email)]);
  w.row([label(B.address), value(b.address, w.width - LABEL_W)]);
  w.row([label(B.agencyName), value(b.agencyName), label(B.jobTitle), value(b.jobTitle)]);
  w.row([label(B.employmentType), value(b.employmentType), label(B.status), value(b.status)]);
}

/** A section holding at most one record (兵役, 教師資格, 身心障礙, 原住民): a label/value row, or 無. */
function single(w: FormWriter, title: string, fields: [string, string][] | null): void {
  if (!fields) {
    w.section(title, 26);
    w.row([{ text: CIVIL_SERVICE_LABELS.none, width: w.width, align: 'center' }], { minHeight: 26 });
    return;
  }
  const widths = fields.slice(0, -1).map(() => w.width / fields.length);
  formTable(w, title, columns(w, fields.map(([l]) => l), widths), [fields.map(([, v]) => v)]);
}

const rocYear = (year: number): string => (year > 1911 ? String(year - 1911) : String(year));

const DRAW_PART: Record<CivilServicePart, (w: FormWriter, p: CivilServiceResumeDocument) => void> = {
  exams(w, p) {
    const L = CIVIL_SERVICE_LABELS;
    const X = L.exams;
    formTable(w, L.sections.exams, columns(w, [X.kind, X.name, X.category, X.passedOn], [70, 200, 110]), p.exams.map((e) => [e.kind, e.name, e.category, rocOrRaw(e.passedOn)]));
    const Q = L.professionalQualifications;
    formTable(
      w,
      L.sections.professionalQualifications,
      columns(w, [Q.name, Q.certificateNo, Q.issuedOn], [200, 180]),
      p.professionalQualifications.map((q) => [q.name, q.certificateNo, rocOrRaw(q.issuedOn)]),
    );
  },
  ratings(w, p) {
    const R = CIVIL_SERVICE_LABELS.ratings;
    formTable(w, CIVIL_SERVICE_LABELS.sections.ratings, columns(w, [R.year, R.kind, R.grade], [120, 200]), p.ratings.map((r) => [rocYear(r.year), r.kind, r.grade]));
  },
  rewards(w, p) {
    const R = CIVIL_SERVICE_LABELS.rewards;
    formTable(
      w,
      CIVIL_SERVICE_LABELS.sections.rewards,
      columns(w, [R.date, R.kind, R.count, R.reason], [80, 80, 50]),
      p.rewards.map((r) => [rocOrRaw(r.date), r.kind, String(r.count), r.reason]),
    );
  },
  skills(w, p) {
    const L = CIVIL_SERVICE_LABELS;
    w.flow(L.sections.skills, RESUME_LABELS.continued, p.skills.length ? p.skills.join('、') : L.none, 30);
    const G = L.languages;
    formTable(w, L.sections.languages, columns(w, [G.language, G.level, G.certificate], [150, 100]), p.languages.map((g) => [g.language, g.level, g.certificate]));
  },
  screenings(w, p) {
    const S = CIVIL_SERVICE_LABELS.screenings;
    formTable(w, CIVIL_SERVICE_LABELS.sections.screenings, columns(w, [S.kind, S.name, S.passedOn], [80, 300]), p.screenings.map((s) => [s.kind, s.name, rocOrRaw(s.passedOn)]));
  },
  markers(w, p) {
    const L = CIVIL_SERVICE_LABELS;
    const m = p.military;
    single(w, L.sections.military, m && [[L.military.status, m.status], [L.military.branch, m.branch], [L.military.period, period(m.startDate, m.endDate, '')]]);
    const t = p.teacherQualification;
    single(w, L.sections.teacherQualification, t && [[L.teacherQualification.kind, t.kind], [L.teacherQualification.certificateNo, t.certificateNo], [L.teacherQualification.issuedOn, rocOrRaw(t.issuedOn)]]);
    const d = p.disability;
    single(w, L.sections.disability, d && [[L.disability.category, d.category], [L.disability.level, d.level]]);
    const i = p.indigenous;
    single(w, L.sections.indigenous, i && [[L.indigenous.tribe, i.tribe]]);
  },
  trainings(w, p) {
    const T = CIVIL_SERVICE_LABELS.trainings;
    formTable(
      w,
      CIVIL_SERVICE_LABELS.sections.trainings,
      columns(w, [T.name, T.organizer, T.period, T.hours], [170, 130, 130]),
      p.trainings.map((t) => [t.name, t.organizer, period(t.startDate, t.endDate, ''), String(t.hours)]),
    );
  },
};
