// Texts of the back office's code-table pages (ADM-2), zh-TW first with the English twin (SYS-6).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const codeMessages = defineMessages(
  {
    'home.title': '代碼維護',
    'home.intro': '機關、工作地、職系、官等職等、人員區分的代碼：查詢、新增、修改、停用。代碼不會刪除；停用的代碼在舊職缺上仍會顯示名稱，但不再出現在新職缺的選單中。',
    'table.agencies': '機關代碼',
    'table.work-places': '工作地',
    'table.sysnam': '職系',
    'table.rank-types': '官等職等',
    'table.person-kinds': '人員區分',
    'list.search': '代碼或名稱',
    'list.submit': '查詢',
    'list.add': '新增',
    'list.caption': '{table}代碼（共 {total} 筆）',
    'list.empty': '查無代碼',
    'list.actions': '操作',
    'list.edit': '修改',
    'list.editOf': '修改 {code} {name}',
    'list.deactivate': '停用',
    'list.activate': '啟用',
    'list.deactivateOf': '停用 {code} {name}',
    'list.activateOf': '啟用 {code} {name}',
    'list.readonly': '官等職等依公務人員任用法第 5 條訂定，只可停用或啟用。',
    'col.code': '代碼',
    'col.name': '名稱',
    'col.state': '狀態',
    'col.extra': '說明',
    'state.active': '啟用',
    'state.inactive': '停用',
    'field.agencies.code': '機關代碼',
    'field.agencies.name': '機關名稱',
    'field.agencies.address': '地址',
    'field.agencies.parentCode': '上級機關',
    'field.code': '代碼',
    'field.name': '名稱',
    'field.active': '啟用',
    'field.historical': '舊制工作地（僅見於舊資料）',
    'field.currentCode': '現行代碼',
    'field.sysnamClass': '職系類別',
    'field.openAccess': '任用資格預設',
    'option.none': '無',
    'option.civil_service': '須具公務人員任用資格',
    'option.open': '不須具公務人員任用資格',
    'hint.agencyCode': '10 碼，例如 A58000000A',
    'hint.parentCode': '上級機關的機關代碼，須已存在；無上級機關者免填',
    'hint.currentCode': '舊制工作地須填寫取代它的現行代碼，例如 98',
    'hint.keyFixed': '代碼新增後不可變更（舊職缺仍以此代碼對應）。',
    'form.new': '新增{table}',
    'form.edit': '修改{table}：{code}',
    'form.save': '儲存',
    'form.back': '回{table}列表',
    'flash.created': '已新增{table} {code}。',
    'flash.updated': '已修改{table} {code}。',
    'flash.deactivated': '已停用{table} {code} {name}。',
    'flash.deactivatedInUse': '已停用{table} {code} {name}；{count} 筆職缺使用此代碼，仍顯示其名稱。',
    'flash.activated': '已啟用{table} {code} {name}。',
    'rank.grades': '第 {from} 至第 {to} 職等',
    'rank.none': '無職等',
    'workPlace.historical': '舊制，現行代碼 {code}',
    'personKind.open': '不須具',
    'personKind.civil': '須具',
  },
  {
    'home.title': 'Code tables',
    'home.intro': 'Codes of agencies, work places, job series, ranks and grades and personnel categories: search, add, edit, deactivate. Codes are never deleted; a deactivated code still shows its name on old vacancies but is no longer offered for new ones.',
    'table.agencies': 'Agency codes',
    'table.work-places': 'Work places',
    'table.sysnam': 'Job series',
    'table.rank-types': 'Ranks and grades',
    'table.person-kinds': 'Personnel categories',
    'list.search': 'Code or name',
    'list.submit': 'Search',
    'list.add': 'Add',
    'list.caption': '{table} ({total} in all)',
    'list.empty': 'No codes found',
    'list.actions': 'Actions',
    'list.edit': 'Edit',
    'list.editOf': 'Edit {code} {name}',
    'list.deactivate': 'Deactivate',
    'list.activate': 'Activate',
    'list.deactivateOf': 'Deactivate {code} {name}',
    'list.activateOf': 'Activate {code} {name}',
    'list.readonly': 'Ranks and grades are set by Article 5 of the Civil Service Employment Act: they can only be deactivated or activated.',
    'col.code': 'Code',
    'col.name': 'Name',
    'col.state': 'State',
    'col.extra': 'Details',
    'state.active': 'Active',
    'state.inactive': 'Inactive',
    'field.agencies.code': 'Agency code',
    'field.agencies.name': 'Agency name',
    'field.agencies.address': 'Address',
    'field.agencies.parentCode': 'Parent agency',
    'field.code': 'Code',
    'field.name': 'Name',
    'field.active': 'Active',
    'field.historical': 'Historical work place (older data only)',
    'field.currentCode': 'Current code',
    'field.sysnamClass': 'Class',
    'field.openAccess': 'Default qualification',
    'option.none': 'None',
    'option.civil_service': 'Civil service qualification required',
    'option.open': 'Civil service qualification not required',
    'hint.agencyCode': '10 characters, e.g. A58000000A',
    'hint.parentCode': 'The parent agency’s code, which must exist; leave empty for none',
    'hint.currentCode': 'A historical work place names the current code that replaced it, e.g. 98',
    'hint.keyFixed': 'A code cannot be changed once added (old vacancies refer to it).',
    'form.new': 'Add: {table}',
    'form.edit': 'Edit {table}: {code}',
    'form.save': 'Save',
    'form.back': 'Back to {table}',
    'flash.created': '{table} {code} added.',
    'flash.updated': '{table} {code} updated.',
    'flash.deactivated': '{table} {code} {name} deactivated.',
    'flash.deactivatedInUse': '{table} {code} {name} deactivated; {count} vacancies use this code and still show its name.',
    'flash.activated': '{table} {code} {name} activated.',
    'rank.grades': 'Grades {from} to {to}',
    'rank.none': 'No grade',
    'workPlace.historical': 'Historical, current code {code}',
    'personKind.open': 'Not required',
    'personKind.civil': 'Required',
  },
);

export type CodeMessages = ReturnType<typeof codeMessages>;

// The code forms' field errors are zod messages in zh-TW (reference/code-table.rules.ts and .service.ts, shared with
// tests that read them). On an English page they are given in English here: fixed messages by table, templated ones
// (「請填寫{label}」, 「{label}不可超過 N 字」, 「{label}不可包含 < 或 >」) by pattern with the label translated.
const ERROR_LABELS_EN: Readonly<Record<string, string>> = {
  機關代碼: 'the agency code',
  機關名稱: 'the agency name',
  工作地名稱: 'the work place name',
  職系名稱: 'the job series name',
  人員區分名稱: 'the personnel category name',
  代碼: 'the code',
};

const FIXED_ERRORS_EN: Readonly<Record<string, string>> = {
  '機關代碼為 10 碼：前 9 碼為數字或大寫英文字母，末碼為大寫英文字母（例如 A58000000A）':
    'An agency code has 10 characters: 9 digits or capital letters, then a capital letter (e.g. A58000000A)',
  '地址不可包含 < 或 >': 'The address cannot contain < or >',
  '上級機關代碼格式不正確（例如 A58000000A）': 'The parent agency code is not valid (e.g. A58000000A)',
  '工作地代碼為 2 至 3 位數字（例如 10）': 'A work place code has 2 or 3 digits (e.g. 10)',
  '職系代碼為 4 碼數字或大寫英文字母（例如 A101）': 'A job series code has 4 digits or capital letters (e.g. A101)',
  請選擇職系類別: 'Choose the class',
  '人員區分代碼為 2 位數字（例如 12）': 'A personnel category code has 2 digits (e.g. 12)',
  請選擇是否須具公務人員任用資格: 'Choose whether the civil service qualification is required',
  此機關代碼已存在: 'This agency code already exists',
  此代碼已存在: 'This code already exists',
  上級機關不可為本機關: 'An agency cannot be its own parent',
  '查無此上級機關代碼，請先新增上級機關': 'No agency has this parent code: add the parent agency first',
  上級機關不可為本機關的下級機關: 'The parent cannot be one of this agency’s subordinate agencies',
  請填寫取代此舊制工作地的現行代碼: 'Enter the current code that replaced this historical work place',
  '現行代碼須為現行（非舊制）工作地代碼': 'The current code must be a current (not historical) work place code',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One code-form error in English (the zh-TW text as it is when no translation is known). */
export function codeFormErrorEn(message: string): string {
  const fixed = FIXED_ERRORS_EN[message];
  if (fixed) return fixed;
  let m = /^請填寫(.+)$/u.exec(message);
  if (m && ERROR_LABELS_EN[m[1]!]) return `Enter ${ERROR_LABELS_EN[m[1]!]}`;
  m = /^(.*)不可超過 (\d+) 字$/u.exec(message);
  if (m) return m[1] === '' ? `At most ${m[2]} characters` : ERROR_LABELS_EN[m[1]!] ? `${capital(ERROR_LABELS_EN[m[1]!]!)} must be at most ${m[2]} characters` : message;
  m = /^(.+)不可包含 < 或 >$/u.exec(message);
  if (m && ERROR_LABELS_EN[m[1]!]) return `${capital(ERROR_LABELS_EN[m[1]!]!)} cannot contain < or >`;
  return message;
}
