// The 機關徵才登錄 form (AGY-2, AGY-3, AGY-4, AGY-6): one zod schema, its fields in the order and wording of SPEC
// AGY-2, the labels for the error summary. Dates are typed as ROC dates (yyy/mm/dd) and leave as ISO dates.
import { z } from 'zod';
import { isOfferedPersonKindCode, isOfferedRankType, isOfferedSysnamCode, isOfferedWorkPlaceCode } from '../reference/index.ts';
import type { RankType } from '../vacancies/index.ts';
import { parseRocDate } from '../../platform/tw/roc-date.ts';

export const RANK_TYPE_MESSAGE = '請選擇官等類別，若「無」官職等請勾選「其他」!';
export const NONE = 'none'; // 「無」 in the 官等職等 and 職系 selects

/** The seven sections of AGY-4 besides 個人全部資料. */
export const CS_SECTIONS = ['考試或晉升訓練/專門職業及技術人員資格', '考績(成)或成績考核', '獎懲', '專長及語言能力', '檢覈/甄審', '兵役/教師資格/身心障礙註記/原住民註記', '訓練及進修'] as const;

export const ACCESS_MODES = [
  { value: 'civil_service', label: '須具公務人員任用資格職缺' },
  { value: 'open', label: '不須具公務人員任用資格職缺' },
  { value: 'none', label: '不使用應徵者履歷調閱' },
] as const;

export const FIELD_LABELS: Record<string, string> = {
  orgAddress: '機關地址',
  fillerName: '填寫人姓名',
  fillerEmail: '填寫人Email',
  fillerPhone: '填寫人電話',
  fillerExt: '分機',
  personKindCode: '人員區分',
  title: '職稱',
  headcount: '名額',
  workPlaces: '工作地',
  validFrom: '上網有效期間（起）',
  validTo: '上網有效期間（迄）',
  specials: '特殊條件',
  rankTypes: '官等類別',
  grade: '官等職等',
  sysnamCode: '職系',
  gender: '性別',
  vitaeEmail: '聯絡E-mail',
  resumesByEmail: '允許履歷及相關證件以電子檔用 EMail 寄送',
  workQuality: '一、資格條件',
  workItem: '二、工作項目',
  workAddress: '三、工作地點',
  contactMethod: '四、聯絡人及電話',
  accessMode: '五、應徵者履歷調閱方式',
  csAll: '個人全部資料',
  trainFrom: '訓練日期區間（起）',
  trainTo: '訓練日期區間（迄）',
  rewardFrom: '獎懲日期區間（起）',
  rewardTo: '獎懲日期區間（迄）',
  appraisalFrom: '考績年度區間（起）',
  appraisalTo: '考績年度區間（迄）',
  csSections: '調閱項目',
  attachments: '職缺相關附件',
};
export const FIELD_ORDER = Object.keys(FIELD_LABELS);

const list = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(50));
const req = (max: number, label: string) => z.string({ error: `請填寫${label}` }).trim().min(1, `請填寫${label}`).max(max, `${label}不可超過 ${max} 字`);
const opt = (max: number, label: string) => z.string().trim().max(max, `${label}不可超過 ${max} 字`).optional().default('');
const flag = z.preprocess((v) => v === 'yes' || v === 'on' || v === '1', z.boolean());
/** A ROC date typed as yyy/mm/dd (or yyymmdd) → ISO date; '' → null. */
const rocOrEmpty = (label: string, example: string) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === '') return null;
      const r = parseRocDate(s);
      if (r.ok) return r.date;
      ctx.addIssue({ code: 'custom', message: `${label}請以民國日期填寫，例如 ${example}` });
      return z.NEVER;
    });
const rocDate = (label: string) =>
  z
    .string({ error: `請填寫${label}` })
    .pipe(rocOrEmpty(label, '115/01/31'))
    .refine((d) => d !== null, `請填寫${label}`)
    .transform((d) => d!);
const optRocDate = (label: string) => z.string().optional().default('').pipe(rocOrEmpty(label, '110/01/01'));
const optYear = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((s) => s === '' || /^\d{2,3}$/.test(s), `${label}請填民國年，例如 110`);

export const vacancyForm = z
  .object({
    orgAddress: req(200, '機關地址'),
    fillerName: req(50, '填寫人姓名'),
    fillerEmail: z.string().trim().max(254).optional().default('').refine((s) => s === '' || z.email().safeParse(s).success, '填寫人Email格式不正確'),
    fillerPhone: req(30, '填寫人電話').refine((s) => /^[0-9()\-#\s+]+$/.test(s), '填寫人電話只能有數字、括號與連字號'),
    fillerExt: opt(10, '分機').refine((s) => /^[0-9]*$/.test(s), '分機只能是數字'),
    personKindCode: z.string({ error: '請選擇人員區分' }).refine((c) => isOfferedPersonKindCode(c), '請選擇人員區分'),
    title: req(100, '職稱'),
    headcount: z
      .string({ error: '請填寫名額' })
      .trim()
      .refine((s) => /^[0-9]{1,3}$/.test(s) && Number(s) >= 1, '名額請填 1 到 999 的整數')
      .transform(Number),
    workPlaces: list.refine((a) => a.length > 0, '請至少勾選一個工作地').refine((a) => a.every((c) => isOfferedWorkPlaceCode(c)), '工作地代碼不正確'),
    validFrom: rocDate('上網有效期間起日'),
    validTo: rocDate('上網有效期間迄日'),
    isHandicap: flag,
    isOriginal: flag,
    isLocalOriginal: flag,
    isTraning: flag,
    rankTypes: list.refine((a) => a.length > 0, RANK_TYPE_MESSAGE).refine((a) => a.every((r) => isOfferedRankType(r)), RANK_TYPE_MESSAGE).transform((a) => [...new Set(a)] as RankType[]),
    grade: z.string({ error: '請選擇官等職等' }).refine((g) => g === NONE || /^([1-9]|1[0-4])(-([1-9]|1[0-4]))?$/.test(g), '請選擇官等職等'),
    sysnamCode: z.string({ error: '請選擇職系' }).refine((c) => c === NONE || isOfferedSysnamCode(c), '請選擇職系'),
    gender: z.enum(['any', 'M', 'F'], { error: '請選擇性別' }),
    vitaeEmail: z.string().trim().max(254).optional().default('').refine((s) => s === '' || z.email().safeParse(s).success, '聯絡E-mail格式不正確（只能填一個地址）'),
    resumesByEmail: flag,
    workQuality: req(4000, '一、資格條件'),
    workItem: req(4000, '二、工作項目'),
    workAddress: req(1000, '三、工作地點'),
    contactMethod: req(1000, '四、聯絡人及電話'),
    accessMode: z.enum(['civil_service', 'open', 'none'], { error: '請選擇應徵者履歷調閱方式' }),
    csAll: flag,
    trainFrom: optRocDate('訓練日期區間起日'),
    trainTo: optRocDate('訓練日期區間迄日'),
    rewardFrom: optRocDate('獎懲日期區間起日'),
    rewardTo: optRocDate('獎懲日期區間迄日'),
    appraisalFrom: optYear('考績年度區間起'),
    appraisalTo: optYear('考績年度區間迄'),
    csSections: list.refine((a) => a.every((s) => (CS_SECTIONS as readonly string[]).includes(s)), '調閱項目不正確'),
  })
  .superRefine((v, ctx) => {
    if (v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: '「上網有效期間」迄日早於起日' });
    if (v.accessMode !== 'none' && v.vitaeEmail === '') ctx.addIssue({ code: 'custom', path: ['vitaeEmail'], message: '履歷調閱方式為須具或不須具時，請填寫聯絡E-mail' });
    if (v.accessMode === 'civil_service' && !v.csAll && v.csSections.length === 0) ctx.addIssue({ code: 'custom', path: ['csSections'], message: '須具公務人員任用資格職缺請勾選「個人全部資料」或至少一個調閱項目' });
    if (v.trainFrom && v.trainTo && v.trainTo < v.trainFrom) ctx.addIssue({ code: 'custom', path: ['trainTo'], message: '訓練日期區間迄日早於起日' });
    if (v.rewardFrom && v.rewardTo && v.rewardTo < v.rewardFrom) ctx.addIssue({ code: 'custom', path: ['rewardTo'], message: '獎懲日期區間迄日早於起日' });
    if (v.appraisalFrom && v.appraisalTo && Number(v.appraisalTo) < Number(v.appraisalFrom)) ctx.addIssue({ code: 'custom', path: ['appraisalTo'], message: '考績年度區間迄年早於起年' });
  });

export type VacancyForm = z.output<typeof vacancyForm>;

/** Extra checks that need today (Taipei): a new vacancy may not end in the past. */
export function dateErrors(f: Pick<VacancyForm, 'validTo'>, today: string): Record<string, string> {
  return f.validTo < today ? { validTo: '「上網有效期間」迄日已過，請重新填寫' } : {};
}

/** 官等職等 select value → the grade range. */
export function gradeRange(grade: string): { gradeMin: number | null; gradeMax: number | null } {
  if (grade === NONE) return { gradeMin: null, gradeMax: null };
  const [a, b] = grade.split('-').map(Number);
  return { gradeMin: a!, gradeMax: b ?? a! };
}
