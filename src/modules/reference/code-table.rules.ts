// Pure rules of the back office's code tables (ADM-2): which tables, the form of each table's fields (zod, with
// the messages shown next to the field), and the checks that need other rows (parent agency exists and is no
// descendant, historical 工作地 points at a current code). Codes are never deleted and a code's key is never
// changed (old vacancies keep resolving it); 停用 keeps a code readable and out of the forms.
import { z } from 'zod';
import { isAgencyCode } from './agency.rules.ts';

/** The code tables by their URL slug. 'agencies' is the `agencies` table; the rest are rows of code_entries. */
export const CODE_TABLES = ['agencies', 'work-places', 'sysnam', 'rank-types', 'person-kinds'] as const;
export type CodeTableSlug = (typeof CODE_TABLES)[number];
export type EntryTable = 'work_place' | 'sysnam' | 'rank_type' | 'person_kind';

export const ENTRY_TABLE: Record<Exclude<CodeTableSlug, 'agencies'>, EntryTable> = {
  'work-places': 'work_place',
  sysnam: 'sysnam',
  'rank-types': 'rank_type',
  'person-kinds': 'person_kind',
};

export function isCodeTable(slug: string): slug is CodeTableSlug {
  return (CODE_TABLES as readonly string[]).includes(slug);
}

/**
 * 官等職等 can be 停用/啟用 only: the four 官等 and their 職等 are fixed by 公務人員任用法 §5, and the code uses
 * them as a closed set (RankType); adding or renaming one is a change of law and of code, not of data.
 */
export function canAdd(slug: CodeTableSlug): boolean {
  return slug !== 'rank-types';
}
export function canEdit(slug: CodeTableSlug): boolean {
  return slug !== 'rank-types';
}

const trimmed = (max: number) => z.string().trim().max(max, `不可超過 ${max} 字`);
const requiredText = (label: string, max: number) =>
  z
    .string({ error: `請填寫${label}` })
    .trim()
    .min(1, `請填寫${label}`)
    .max(max, `${label}不可超過 ${max} 字`)
    .refine((v) => !/[<>]/.test(v), `${label}不可包含 < 或 >`);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

export const agencyForm = z.object({
  code: z
    .string({ error: '請填寫機關代碼' })
    .trim()
    .min(1, '請填寫機關代碼')
    .transform((v) => v.toUpperCase())
    .refine(isAgencyCode, '機關代碼為 10 碼：前 9 碼為數字或大寫英文字母，末碼為大寫英文字母（例如 A58000000A）'),
  name: requiredText('機關名稱', 100),
  address: trimmed(200).refine((v) => !/[<>]/.test(v), '地址不可包含 < 或 >').default(''),
  parentCode: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => v === '' || isAgencyCode(v), '上級機關代碼格式不正確（例如 A58000000A）')
    .default(''),
  active: checkbox,
});
export type AgencyForm = z.output<typeof agencyForm>;

const codeField = (pattern: RegExp, message: string) =>
  z
    .string({ error: '請填寫代碼' })
    .trim()
    .min(1, '請填寫代碼')
    .transform((v) => v.toUpperCase())
    .refine((v) => pattern.test(v), message);

export const workPlaceForm = z.object({
  code: codeField(/^[0-9]{2,3}$/, '工作地代碼為 2 至 3 位數字（例如 10）'),
  name: requiredText('工作地名稱', 20),
  historical: checkbox,
  currentCode: z.string().trim().default(''),
  active: checkbox,
});
export const sysnamForm = z.object({
  code: codeField(/^[0-9A-Z]{4}$/, '職系代碼為 4 碼數字或大寫英文字母（例如 A101）'),
  name: requiredText('職系名稱', 30),
  sysnamClass: z.enum(['行政類', '技術類', ''], { error: '請選擇職系類別' }).default(''),
  active: checkbox,
});
export const personKindForm = z.object({
  code: codeField(/^[0-9]{2}$/, '人員區分代碼為 2 位數字（例如 12）'),
  name: requiredText('人員區分名稱', 30),
  openAccess: z.enum(['civil_service', 'open'], { error: '請選擇是否須具公務人員任用資格' }),
  active: checkbox,
});

export const FORM_OF = { agencies: agencyForm, 'work-places': workPlaceForm, sysnam: sysnamForm, 'person-kinds': personKindForm } as const;
export type EditableSlug = keyof typeof FORM_OF;

/** The forms of 修改: the code is the one in the URL (a key never changes), so the posted fields are read without it. */
export const EDIT_FORM_OF: Record<EditableSlug, z.ZodType> = {
  agencies: agencyForm.omit({ code: true }),
  'work-places': workPlaceForm.omit({ code: true }),
  sysnam: sysnamForm.omit({ code: true }),
  'person-kinds': personKindForm.omit({ code: true }),
};

/** The fields of each table's form, in order (error summary order). */
export const FIELDS: Record<CodeTableSlug, readonly string[]> = {
  agencies: ['code', 'name', 'address', 'parentCode', 'active'],
  'work-places': ['code', 'name', 'historical', 'currentCode', 'active'],
  sysnam: ['code', 'name', 'sysnamClass', 'active'],
  'rank-types': ['code', 'name', 'active'],
  'person-kinds': ['code', 'name', 'openAccess', 'active'],
};

/**
 * Why a parent agency cannot be set, or null. `parentOf` gives a stored agency's parent (undefined: no such
 * agency). The parent must exist, and must not be the agency itself or one of its descendants (no cycle).
 */
export function parentAgencyError(code: string, parentCode: string, parentOf: (code: string) => string | null | undefined): string | null {
  if (parentCode === '') return null;
  if (parentCode === code) return '上級機關不可為本機關';
  if (parentOf(parentCode) === undefined) return '查無此上級機關代碼，請先新增上級機關';
  const seen = new Set<string>([parentCode]);
  let up = parentOf(parentCode);
  while (up) {
    if (up === code) return '上級機關不可為本機關的下級機關';
    if (seen.has(up)) break;
    seen.add(up);
    up = parentOf(up);
  }
  return null;
}

/** A historical 工作地 names the current code that replaced it; a current one names none. */
export function currentCodeError(historical: boolean, code: string, currentCode: string, isCurrent: (code: string) => boolean): string | null {
  if (!historical) return currentCode === '' ? null : '只有舊制工作地需填寫現行代碼';
  if (currentCode === '') return '請填寫取代此舊制工作地的現行代碼';
  if (currentCode === code || !isCurrent(currentCode)) return '現行代碼須為現行（非舊制）工作地代碼';
  return null;
}

/** The list page's query: q (code or name, ≤ 50 characters) and page (1…). */
export function parseListQuery(query: Record<string, unknown>): { q: string; page: number } {
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 50) : '';
  const n = typeof query.page === 'string' && /^[0-9]{1,5}$/.test(query.page) ? Number(query.page) : 1;
  return { q, page: Math.max(1, n) };
}

export const PAGE_SIZE = 50;

/** The fields of a change that moved: { field: [before, after] }, for the audit row. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = [before[k] ?? null, v ?? null];
  }
  return out;
}
