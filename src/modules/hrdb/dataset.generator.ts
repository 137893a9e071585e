// The local synthetic HR dataset (data/hrdb-people.json), a stand-in for the national 公務人力資料庫: a few hundred
// people, current and former, made deterministically (a seeded PRNG, a fixed "as of" date), so that running
// `npm run make:hrdb` (scripts/make-hrdb-dataset.ts) again gives the same bytes. Nobody in it is real: names are
// common surnames + given-name characters, national IDs are random digits with a valid checksum, phones and
// e-mail addresses are made up (example.com / example.gov.tw), agencies come from src/modules/reference.
import { referenceAgencies, referenceAgency, sysnamList } from '../reference/index.ts';
import { ID_WEIGHTS, LETTER_CODES, parseIdNumber } from '../../platform/tw/id-number.ts';
import type {
  EmploymentType,
  HrEducation,
  HrExam,
  HrExperience,
  HrLanguage,
  HrPerformanceRating,
  HrPerson,
  HrProfessionalQualification,
  HrRewardPunishment,
  HrScreening,
  HrTraining,
} from './hrdb.types.ts';
import { wellKnownPeople, type WellKnownPerson } from './well-known-people.ts';

export const DATASET_AS_OF = '2025-06-01';
export const DATASET_SEED = 20250601;
export const RANDOM_PEOPLE = 300;

export interface HrDataset {
  _source: string;
  asOf: string;
  people: HrPerson[];
}

// ---- deterministic randomness ----

type Rng = () => number;

/** mulberry32: a small, well-distributed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return (h ^ DATASET_SEED) >>> 0;
}

const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T,>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function weighted<T>(r: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

// ---- dates ----

function isoOf(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
function randomDate(r: Rng, fromYear: number, toYear: number): string {
  return isoOf(int(r, fromYear, toYear), int(r, 1, 12), int(r, 1, 28));
}
function addDaysIso(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const yearOf = (iso: string) => Number(iso.slice(0, 4));
const minIso = (a: string, b: string) => (a < b ? a : b);

// ---- IDs ----

/** A national ID from a letter, a gender digit and 7 digits, with the check digit that makes it valid. */
export function nationalIdWithCheckDigit(prefix9: string): string {
  const first = LETTER_CODES[prefix9.charAt(0)];
  if (first === undefined || !/^[A-Z][12]\d{7}$/.test(prefix9)) throw new Error(`bad ID prefix ${prefix9}`);
  const digits = [Math.floor(first / 10), first % 10, ...prefix9.slice(1).split('').map(Number)];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits[i]! * ID_WEIGHTS[i]!;
  return prefix9 + String((10 - (sum % 10)) % 10);
}

// ---- pools ----

const SURNAMES: readonly (readonly [string, number])[] = [
  ['陳', 112], ['林', 83], ['黃', 60], ['張', 53], ['李', 51], ['王', 41], ['吳', 40], ['劉', 32], ['蔡', 29], ['楊', 26],
  ['許', 23], ['鄭', 19], ['謝', 18], ['郭', 17], ['洪', 16], ['曾', 15], ['邱', 15], ['廖', 14], ['賴', 14], ['周', 13],
  ['徐', 12], ['蘇', 12], ['葉', 12], ['莊', 11], ['呂', 11], ['江', 10], ['何', 10], ['蕭', 9], ['羅', 9], ['高', 9],
  ['潘', 7], ['簡', 7], ['朱', 7], ['鍾', 7], ['彭', 7], ['游', 6], ['詹', 6], ['胡', 6], ['施', 6], ['沈', 6],
  ['余', 5], ['趙', 5], ['盧', 5], ['梁', 5], ['顏', 5], ['柯', 5], ['孫', 4], ['魏', 4], ['翁', 4], ['戴', 4], ['范', 4], ['宋', 4], ['方', 3],
];
const MALE_CHARS = [...'志明建宏俊傑家豪冠廷承翰柏宇彥信文雄國華正偉育誠哲維博凱威嘉銘宗昱仁德榮順興嘉永'];
const FEMALE_CHARS = [...'淑芬雅婷怡君佳蓉惠如美玲欣詩涵宜庭靜雯佩珊瑋琪郁秀英麗珍曉薇慧敏筱'];

/** County of a household registration letter, for the address (not exact: IDs move with people). */
const PLACES: readonly { letter: string; county: string; districts: readonly string[]; zip: readonly string[] }[] = [
  { letter: 'A', county: '臺北市', districts: ['中正區', '大安區', '信義區', '士林區', '內湖區'], zip: ['100', '106', '110', '111', '114'] },
  { letter: 'F', county: '新北市', districts: ['板橋區', '新莊區', '中和區', '新店區', '三重區'], zip: ['220', '242', '235', '231', '241'] },
  { letter: 'H', county: '桃園市', districts: ['桃園區', '中壢區', '平鎮區', '八德區'], zip: ['330', '320', '324', '334'] },
  { letter: 'B', county: '臺中市', districts: ['西屯區', '北屯區', '南屯區', '豐原區'], zip: ['407', '406', '408', '420'] },
  { letter: 'D', county: '臺南市', districts: ['東區', '安平區', '永康區', '新營區'], zip: ['701', '708', '710', '730'] },
  { letter: 'E', county: '高雄市', districts: ['苓雅區', '三民區', '左營區', '鳳山區'], zip: ['802', '807', '813', '830'] },
  { letter: 'G', county: '宜蘭縣', districts: ['宜蘭市', '羅東鎮', '礁溪鄉', '頭城鎮', '蘇澳鎮'], zip: ['260', '265', '262', '261', '270'] },
  { letter: 'C', county: '基隆市', districts: ['仁愛區', '信義區', '中正區', '七堵區', '安樂區'], zip: ['200', '201', '202', '206', '204'] },
  { letter: 'T', county: '屏東縣', districts: ['屏東市', '恆春鎮', '東港鎮', '潮州鎮'], zip: ['900', '946', '928', '920'] },
];
const ROADS = ['中山路', '中正路', '民生路', '民族路', '復興路', '和平路', '光復路', '建國路', '自強路', '成功路', '文化路', '仁愛路'];

const TITLES: Readonly<Record<EmploymentType, readonly string[]>> = {
  公務人員: ['科員', '專員', '科長', '課員', '辦事員', '書記', '技士', '技佐', '視察', '秘書', '股長'],
  聘用: ['聘用研究員', '聘用助理研究員', '聘用專員', '聘用管理師'],
  約僱: ['約僱人員', '約僱辦事員', '約僱助理'],
  技工: ['技工'],
  工友: ['工友'],
  駕駛: ['駕駛'],
};

const SCHOOLS = [
  '國立臺灣大學', '國立政治大學', '國立清華大學', '國立成功大學', '國立中興大學', '國立臺北大學', '國立中央大學', '國立中正大學',
  '國立宜蘭大學', '國立臺灣海洋大學', '國立高雄大學', '東吳大學', '輔仁大學', '淡江大學', '逢甲大學', '銘傳大學', '世新大學', '中國文化大學',
];
const DEPARTMENTS = ['公共行政學系', '法律學系', '政治學系', '經濟學系', '會計學系', '社會工作學系', '中國文學系', '外國語文學系', '資訊管理學系', '土木工程學系', '財務金融學系', '地政學系'];
const HIGH_SCHOOLS = ['臺北市立建國高級中學', '臺北市立第一女子高級中學', '國立宜蘭高級中學', '國立基隆高級中學', '國立臺中第一高級中學', '國立臺南第一高級中學', '國立羅東高級商業職業學校', '國立基隆高級商工職業學校'];

const EXAMS: readonly [string, string][] = [
  ['公務人員高等考試三級考試', 'hi'],
  ['公務人員普通考試', 'lo'],
  ['公務人員特種考試地方政府公務人員考試三等考試', 'hi'],
  ['公務人員特種考試地方政府公務人員考試四等考試', 'lo'],
  ['公務人員初等考試', 'lo'],
];
const PROMOTIONS = ['委任公務人員晉升薦任官等訓練', '薦任公務人員晉升簡任官等訓練'];
const PROFESSIONS = ['律師', '會計師', '建築師', '土木工程技師', '社會工作師', '記帳士', '地政士', '不動產估價師'];
const SKILLS = ['公文寫作', '人事法規', '差勤管理', '採購作業', '會計核銷', 'Excel 資料分析', '地理資訊系統', '簡報製作', '活動企劃', '法規研析', '資訊安全管理', '檔案管理'];
const TRAININGS = ['公文寫作研習', '個人資料保護法實務', '性別主流化訓練', '資通安全通識教育', '行政中立訓練', '政府採購法基礎班', 'CEDAW 教育訓練', '英語能力進修班', '廉政倫理規範研習', '數位治理課程'];
const ORGANIZERS = ['國家文官學院', '行政院人事行政總處公務人力發展學院', '地方行政研習中心', '宜蘭縣政府', '基隆市政府', 'e等公務園+學習平臺'];
const TRIBES = ['阿美族', '泰雅族', '排灣族', '布農族', '卑南族', '魯凱族', '鄒族', '賽夏族', '雅美族', '邵族', '噶瑪蘭族', '太魯閣族', '撒奇萊雅族', '賽德克族', '拉阿魯哇族', '卡那卡那富族'];
const DISABILITIES = ['肢體障礙', '視覺障礙', '聽覺障礙', '慢性疾病'];
const REWARD_REASONS = ['辦理業務認真負責，績效良好', '協助重大活動圓滿完成', '推動為民服務成效卓著', '配合專案如期完成'];
const PUNISH_REASONS = ['公文處理逾期', '未依規定辦理差勤'];

const DEMO_AGENCIES = ['376420000A', '376570000A', 'A58000000A'];

function agencyPool(): readonly { code: string; name: string }[] {
  // Agencies of the committed reference seed: the demo ones weigh most, then the rest (synthetic codes).
  return referenceAgencies().map((a) => ({ code: a.code, name: a.name }));
}

function agencyName(code: string): string {
  const a = referenceAgency(code);
  if (!a) throw new Error(`agency ${code} is not in the reference seed`);
  return a.name;
}

function pickAgency(r: Rng, pool: readonly { code: string; name: string }[]): { code: string; name: string } {
  if (chance(r, 0.45)) {
    const code = pick(r, DEMO_AGENCIES);
    return { code, name: agencyName(code) };
  }
  return pick(r, pool);
}

// ---- sections ----

function makeEducation(r: Rng, birthDate: string): HrEducation[] {
  const born = yearOf(birthDate);
  const level = weighted(r, [
    ['master', 3],
    ['bachelor', 6],
    ['high', 2],
  ] as const);
  const high: HrEducation = {
    school: pick(r, HIGH_SCHOOLS),
    department: pick(r, ['普通科', '商業經營科', '資料處理科', '電機科']),
    degree: '高中',
    status: '畢業',
    startDate: isoOf(born + 15, 9, 1),
    endDate: isoOf(born + 18, 6, 30),
  };
  if (level === 'high') return [high];
  const dept = pick(r, DEPARTMENTS);
  const bachelor: HrEducation = { school: pick(r, SCHOOLS), department: dept, degree: '學士', status: '畢業', startDate: isoOf(born + 18, 9, 1), endDate: isoOf(born + 22, 6, 30) };
  if (level === 'bachelor') return [bachelor, high];
  const dropped = chance(r, 0.1);
  const master: HrEducation = {
    school: pick(r, SCHOOLS),
    department: dept.replace('學系', '研究所'),
    degree: '碩士',
    status: dropped ? '肄業' : '畢業',
    startDate: isoOf(born + 23, 9, 1),
    endDate: dropped ? '' : isoOf(born + 25, 6, 30),
  };
  return [master, bachelor, high];
}

interface Post {
  agency: { code: string; name: string };
  type: EmploymentType;
  title: string;
  start: string;
  end: string; // '' while in service
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * Posts, newest first, back to back from the career's start to today (current) or the 卸職 date (former): the
 * person's current (or last) post, then up to 4 earlier ones.
 */
function makePosts(
  r: Rng,
  p: { careerStart: string; status: 'current' | 'former'; leftOn: string | null; type: EmploymentType; agency: { code: string; name: string }; title: string },
  pool: readonly { code: string; name: string }[],
): Post[] {
  const lastEnd = p.status === 'current' ? DATASET_AS_OF : p.leftOn!;
  const total = daysBetween(p.careerStart, lastEnd);
  const count = Math.max(1, Math.min(int(r, 1, 5), Math.floor(total / 365)));
  const cuts = new Set<number>();
  while (cuts.size < count - 1) cuts.add(int(r, 1, total - 1));
  const starts = [0, ...[...cuts].sort((a, b) => a - b)].map((d) => addDaysIso(p.careerStart, d));
  const posts: Post[] = [];
  for (let i = starts.length - 1; i >= 0; i--) {
    const newest = i === starts.length - 1;
    const type = newest ? p.type : p.type === '公務人員' ? weighted(r, [['公務人員', 6], ['約僱', 1], ['聘用', 1]] as const) : p.type;
    posts.push({
      agency: newest ? p.agency : pickAgency(r, pool),
      type,
      title: newest ? p.title : pick(r, TITLES[type]),
      start: starts[i]!,
      end: newest ? (p.status === 'current' ? '' : lastEnd) : addDaysIso(starts[i + 1]!, -1),
    });
  }
  return posts;
}

function experienceOf(posts: Post[]): HrExperience[] {
  return posts.map((x) => ({
    organization: x.agency.name,
    agencyCode: x.agency.code,
    jobTitle: x.title,
    employmentType: x.type,
    status: x.end === '' ? '在職' : '離職',
    startDate: x.start,
    endDate: x.end,
  }));
}

function makeExams(r: Rng, posts: Post[]): HrExam[] {
  if (!posts.some((x) => x.type === '公務人員')) return [];
  const first = posts[posts.length - 1]!.start;
  const [name] = pick(r, EXAMS);
  const exams: HrExam[] = [{ kind: '考試', name, category: pick(r, sysnamList().filter((s) => s.code !== '0100')).name, passedOn: addDaysIso(first, -int(r, 60, 300)) }];
  if (chance(r, 0.3)) exams.push({ kind: '晉升訓練', name: pick(r, PROMOTIONS), category: '', passedOn: addDaysIso(first, int(r, 2000, 4000)) });
  return exams.filter((e) => e.passedOn <= DATASET_AS_OF).sort((a, b) => b.passedOn.localeCompare(a.passedOn));
}

function makeProfessions(r: Rng, birthDate: string): HrProfessionalQualification[] {
  if (!chance(r, 0.1)) return [];
  const issued = randomDate(r, yearOf(birthDate) + 24, Math.min(yearOf(birthDate) + 40, 2024));
  return [{ name: pick(r, PROFESSIONS), certificateNo: `(${yearOf(issued) - 1911})專技高字第${pad(int(r, 1, 9999), 6)}號`, issuedOn: issued }];
}

function ratingKind(type: EmploymentType): HrPerformanceRating['kind'] {
  if (type === '公務人員') return '年終考績';
  if (type === '聘用' || type === '約僱') return '成績考核';
  return '考成';
}

function makeRatings(r: Rng, posts: Post[]): HrPerformanceRating[] {
  const out: HrPerformanceRating[] = [];
  for (const x of posts) {
    const from = yearOf(x.start) + (x.start.slice(5) > '07-01' ? 1 : 0);
    const to = Math.min(yearOf(x.end || DATASET_AS_OF) - (x.end === '' ? 1 : 0), yearOf(DATASET_AS_OF) - 1);
    for (let y = to; y >= from && out.length < 12; y--) {
      if (out.some((o) => o.year === y)) continue;
      out.push({ year: y, kind: ratingKind(x.type), grade: weighted(r, [['甲', 7], ['乙', 3], ['丙', 0.2]] as const) });
    }
  }
  return out.sort((a, b) => b.year - a.year);
}

function makeRewards(r: Rng, posts: Post[]): HrRewardPunishment[] {
  const n = int(r, 0, 5);
  const out: HrRewardPunishment[] = [];
  for (let i = 0; i < n; i++) {
    const x = pick(r, posts);
    const end = x.end || DATASET_AS_OF;
    const span = Math.max(1, (Date.parse(end) - Date.parse(x.start)) / 86_400_000);
    const date = addDaysIso(x.start, int(r, 0, Math.floor(span)));
    const punish = chance(r, 0.1);
    out.push(
      punish
        ? { date, kind: '申誡', count: 1, reason: pick(r, PUNISH_REASONS) }
        : { date, kind: weighted(r, [['嘉獎', 6], ['記功', 2], ['記大功', 0.2]] as const), count: int(r, 1, 2), reason: pick(r, REWARD_REASONS) },
    );
  }
  return out.sort((a, b) => b.date.localeCompare(a.date));
}

function makeLanguages(r: Rng): HrLanguage[] {
  const out: HrLanguage[] = [];
  if (chance(r, 0.6)) out.push({ language: '英語', level: pick(r, ['中等', '略懂', '精通'] as const), certificate: pick(r, ['全民英檢中級', '全民英檢中高級', 'TOEIC 750', '']) });
  if (chance(r, 0.2)) out.push({ language: '日語', level: pick(r, ['中等', '略懂'] as const), certificate: pick(r, ['日本語能力試驗 N2', '日本語能力試驗 N3', '']) });
  if (chance(r, 0.4)) out.push({ language: '臺灣台語', level: pick(r, ['精通', '中等'] as const), certificate: '' });
  if (chance(r, 0.1)) out.push({ language: '客語', level: pick(r, ['中等', '略懂'] as const), certificate: pick(r, ['客語能力認證中級', '']) });
  return out;
}

function makeScreenings(r: Rng, posts: Post[]): HrScreening[] {
  if (!chance(r, 0.06)) return [];
  const x = pick(r, posts);
  return [{ kind: pick(r, ['檢覈', '甄審'] as const), name: pick(r, ['技術人員任用資格甄審', '專門職業及技術人員檢覈', '交通事業人員資位甄審']), passedOn: addDaysIso(x.start, -int(r, 30, 200)) }];
}

function makeTrainings(r: Rng, posts: Post[]): HrTraining[] {
  const n = int(r, 1, 6);
  const out: HrTraining[] = [];
  for (let i = 0; i < n; i++) {
    const x = pick(r, posts);
    const end = x.end || DATASET_AS_OF;
    const span = Math.max(1, (Date.parse(end) - Date.parse(x.start)) / 86_400_000 - 10);
    const startDate = addDaysIso(x.start, int(r, 0, Math.floor(span)));
    const days = int(r, 0, 4);
    out.push({ name: pick(r, TRAININGS), organizer: pick(r, ORGANIZERS), startDate, endDate: addDaysIso(startDate, days), hours: (days + 1) * pick(r, [3, 6]) });
  }
  return out.sort((a, b) => b.startDate.localeCompare(a.startDate));
}

// ---- a person ----

interface Facts {
  personId: string;
  nationalId: string;
  ecpaAccount: string | null;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  status: 'current' | 'former';
  leftOn: string | null;
  agency: { code: string; name: string };
  employmentType: EmploymentType;
  jobTitle: string;
  email: string | null;
}

function personFrom(f: Facts, pool: readonly { code: string; name: string }[]): HrPerson {
  const r = mulberry32(seedOf(f.personId));
  const place = PLACES.find((p) => p.letter === f.nationalId.charAt(0)) ?? pick(r, PLACES);
  const d = int(r, 0, place.districts.length - 1);
  const address = `${place.zip[d]} ${place.county}${place.districts[d]}${pick(r, ROADS)}${chance(r, 0.5) ? `${pick(r, ['一', '二', '三'])}段` : ''}${int(r, 1, 300)}號${chance(r, 0.5) ? `${int(r, 2, 15)}樓` : ''}`;
  const phone = `09${int(r, 0, 8)}${int(r, 0, 9)}-${pad(int(r, 0, 999), 3)}-${pad(int(r, 0, 999), 3)}`;
  const education = makeEducation(r, f.birthDate);
  const born = yearOf(f.birthDate);
  const lastEnd = f.status === 'current' ? DATASET_AS_OF : f.leftOn!;
  const careerStart = minIso(isoOf(born + int(r, 22, 24), int(r, 1, 12), 1), addDaysIso(lastEnd, -365));
  const posts = makePosts(r, { careerStart, status: f.status, leftOn: f.leftOn, type: f.employmentType, agency: f.agency, title: f.jobTitle }, pool);
  const military =
    f.gender === 'M'
      ? chance(r, 0.15)
        ? { status: '免役' as const, branch: '', startDate: '', endDate: '' }
        : (() => {
            const start = isoOf(born + 23, int(r, 1, 12), int(r, 1, 28));
            const alt = chance(r, 0.3);
            return { status: alt ? ('替代役畢' as const) : ('役畢' as const), branch: alt ? '替代役' : pick(r, ['陸軍', '海軍', '空軍']), startDate: start, endDate: addDaysIso(start, alt ? 365 : 364) };
          })()
      : null;
  return {
    personId: f.personId,
    nationalId: f.nationalId,
    ecpaAccount: f.ecpaAccount,
    name: f.name,
    birthDate: f.birthDate,
    gender: f.gender,
    phone,
    address,
    email: f.email,
    status: f.status,
    leftOn: f.leftOn,
    agencyCode: f.agency.code,
    agencyName: f.agency.name,
    employmentType: f.employmentType,
    jobTitle: f.jobTitle,
    education,
    experience: experienceOf(posts),
    exams: makeExams(r, posts),
    professionalQualifications: makeProfessions(r, f.birthDate),
    performanceRatings: makeRatings(r, posts),
    rewardsAndPunishments: makeRewards(r, posts),
    skills: [...new Set([pick(r, SKILLS), pick(r, SKILLS), pick(r, SKILLS)])].slice(0, int(r, 1, 3)),
    languages: makeLanguages(r),
    screenings: makeScreenings(r, posts),
    military,
    teacherQualification: chance(r, 0.03) ? { kind: '中等學校合格教師', certificateNo: `中等字第${pad(int(r, 1, 99999), 6)}號`, issuedOn: randomDate(r, born + 24, born + 30) } : null,
    disability: chance(r, 0.03) ? { category: pick(r, DISABILITIES), level: pick(r, ['輕度', '中度', '重度'] as const) } : null,
    indigenous: chance(r, 0.03) ? { tribe: pick(r, TRIBES) } : null,
    trainings: makeTrainings(r, posts),
  };
}

function randomFacts(r: Rng, index: number, pool: readonly { code: string; name: string }[], usedIds: Set<string>): Facts {
  const personId = `P${pad(index, 6)}`;
  const gender = chance(r, 0.55) ? 'F' : 'M';
  const chars = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
  const a = pick(r, chars);
  let b = pick(r, chars);
  while (b === a) b = pick(r, chars);
  const name = weighted(r, SURNAMES) + a + b;
  const place = pick(r, PLACES);
  let nationalId: string;
  do {
    nationalId = nationalIdWithCheckDigit(`${place.letter}${gender === 'M' ? '1' : '2'}${pad(int(r, 0, 9_999_999), 7)}`);
  } while (usedIds.has(nationalId));
  usedIds.add(nationalId);
  const status = chance(r, 0.3) ? 'former' : 'current';
  const employmentType = weighted(r, status === 'former' ? ([['公務人員', 4], ['約僱', 3], ['聘用', 2], ['技工', 0.5], ['工友', 0.5], ['駕駛', 0.3]] as const) : ([['公務人員', 7], ['約僱', 1.5], ['聘用', 1], ['技工', 0.3], ['工友', 0.3], ['駕駛', 0.2]] as const));
  const birthDate = randomDate(r, 1960, 2000);
  const leftOn = status === 'former' ? minIso(randomDate(r, Math.min(Math.max(2012, yearOf(birthDate) + 25), 2025), 2025), '2025-05-31') : null;
  return {
    personId,
    nationalId,
    ecpaAccount: chance(r, 0.4) ? `u${personId.slice(1)}` : null,
    name,
    gender,
    birthDate,
    status,
    leftOn,
    agency: pickAgency(r, pool),
    employmentType,
    jobTitle: pick(r, TITLES[employmentType]),
    email: chance(r, 0.8) ? `${personId.toLowerCase()}@${status === 'current' ? 'example.gov.tw' : 'example.com'}` : null,
  };
}

function wellKnownFacts(w: WellKnownPerson): Facts {
  return {
    personId: w.personId,
    nationalId: w.nationalId,
    ecpaAccount: w.ecpaAccount,
    name: w.name,
    gender: w.gender,
    birthDate: w.birthDate,
    status: w.status,
    leftOn: w.leftOn,
    agency: { code: w.agencyCode, name: agencyName(w.agencyCode) },
    employmentType: w.employmentType,
    jobTitle: w.jobTitle,
    email: w.email,
  };
}

/** The whole dataset, the same on every run. Throws if any ID fails its checksum or repeats. */
export function generateHrdbDataset(): HrDataset {
  const pool = agencyPool();
  const r = mulberry32(DATASET_SEED);
  const known = wellKnownPeople();
  const usedIds = new Set(known.map((w) => w.nationalId));
  const people: HrPerson[] = [];
  for (let i = 1; i <= RANDOM_PEOPLE; i++) people.push(personFrom(randomFacts(r, i, pool, usedIds), pool));
  for (const w of known) people.push(personFrom(wellKnownFacts(w), pool));
  for (const p of people) {
    if (!parseIdNumber(p.nationalId).ok) throw new Error(`invalid national ID ${p.nationalId} (${p.personId})`);
  }
  if (new Set(people.map((p) => p.nationalId)).size !== people.length) throw new Error('duplicate national ID');
  return {
    _source:
      'Synthetic stand-in for the 公務人力資料庫, made by scripts/make-hrdb-dataset.ts (src/modules/hrdb/dataset.generator.ts) with a fixed seed; ' +
      'nobody in it is real. Names: common surnames + given-name characters; national IDs: random digits with a valid checksum; ' +
      'agencies: src/modules/reference/data/agencies.json. Well-known test people: src/modules/hrdb/README.md.',
    asOf: DATASET_AS_OF,
    people,
  };
}
