// 機關徵才匯入 (AGY-7): the template's columns — one per field of the 機關徵才登錄 form (agency.form.ts), in the
// form's order and with its labels — and how a spreadsheet cell becomes the value the form would have posted.
// Pure: the same zod schema then validates the row (agency-import.rules.ts).
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { isSysnamCode, isWorkPlaceCode, personKindName } from '../reference/index.ts';
import { ACCESS_MODES, CS_SECTIONS, FIELD_LABELS, NONE } from './agency.form.ts';

/** A cell as read from xlsx / ods / csv (agency-import.sheet.ts). */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error' };

export type ColumnKind = 'text' | 'int' | 'code' | 'codes' | 'date' | 'flag' | 'grade' | 'gender' | 'accessMode' | 'year';

export interface ImportColumn {
  /** The form field (agency.form.ts vacancyForm). */
  field: string;
  label: string;
  kind: ColumnKind;
  required: boolean;
  /** What to type, for the template's hint row on the page and the codes sheet. */
  hint: string;
}

const FLAG_LABELS: Record<string, string> = {
  isHandicap: '歡迎身心障礙者',
  isOriginal: '歡迎原住民族',
  isLocalOriginal: '原住民族地區之職缺',
  isTraning: '地方創生借調',
};

const L = (field: string): string => FIELD_LABELS[field] ?? FLAG_LABELS[field] ?? field;
const col = (field: string, kind: ColumnKind, required: boolean, hint: string): ImportColumn => ({ field, label: L(field), kind, required, hint });
const YES_NO = '是 或 否（空白為否）';
const ROC_HINT = '日期儲存格，或民國日期文字 yyy/mm/dd（例如 115/01/31）';

/** The columns of the template, in the order of the form (SPEC AGY-2). */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  col('orgAddress', 'text', true, '最多 200 字'),
  col('fillerName', 'text', true, '最多 50 字'),
  col('fillerEmail', 'text', false, 'Email'),
  col('fillerPhone', 'text', true, '例如 03-9251000'),
  col('fillerExt', 'text', false, '數字'),
  col('personKindCode', 'code', true, '人員區分代碼（見代碼表），例如 13'),
  col('title', 'text', true, '最多 100 字'),
  col('headcount', 'int', true, '1 到 999'),
  col('workPlaces', 'codes', true, '工作地代碼，多個以頓號「、」分隔，例如 26、20'),
  col('validFrom', 'date', true, ROC_HINT),
  col('validTo', 'date', true, ROC_HINT),
  col('isHandicap', 'flag', false, YES_NO),
  col('isOriginal', 'flag', false, YES_NO),
  col('isLocalOriginal', 'flag', false, YES_NO),
  col('isTraning', 'flag', false, YES_NO),
  col('rankTypes', 'codes', true, '簡任、薦任、委任、其他，可多個以頓號分隔；「無」官職等請填「其他」'),
  col('grade', 'grade', true, '職等，例如 5 或 6-7；無官職等填「無」'),
  col('sysnamCode', 'code', true, '職系代碼（見代碼表）；無職系填「無」'),
  col('gender', 'gender', true, '男、女 或 不拘'),
  col('vitaeEmail', 'text', false, '一個 Email；履歷調閱方式為須具或不須具時必填'),
  col('resumesByEmail', 'flag', false, YES_NO),
  col('workQuality', 'text', true, '惟不宜限制應徵者年齡'),
  col('workItem', 'text', true, ''),
  col('workAddress', 'text', true, '若說明太多時，請地址務必放在最後'),
  col('contactMethod', 'text', true, ''),
  col('accessMode', 'accessMode', true, '須具公務人員任用資格職缺、不須具公務人員任用資格職缺 或 不使用應徵者履歷調閱'),
  col('csAll', 'flag', false, `${YES_NO}；須具時適用`),
  col('trainFrom', 'date', false, `${ROC_HINT}；空白表示全部`),
  col('trainTo', 'date', false, ROC_HINT),
  col('rewardFrom', 'date', false, `${ROC_HINT}；空白表示全部`),
  col('rewardTo', 'date', false, ROC_HINT),
  col('appraisalFrom', 'year', false, '民國年，例如 110；空白表示全部'),
  col('appraisalTo', 'year', false, '民國年'),
  col('csSections', 'codes', false, `須具時之調閱項目，多個以頓號分隔：${CS_SECTIONS.join('、')}`),
];

export const IMPORT_LABELS: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.label]));

/** A header as typed: NFKC (full-width parentheses), no spaces, no trailing required mark. */
export function headerKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '').replace(/\*+$/u, '');
}

export type Converted = { ok: true; value: string | string[] } | { ok: false; message: string };

/** ROC dates typed as text: yyy/mm/dd with a 2- or 3-digit ROC year, nothing else (see the ADR). */
const ROC_TEXT = /^\d{2,3}\/\d{1,2}\/\d{1,2}$/u;

function cellText(c: Cell): string {
  switch (c.kind) {
    case 'text':
      return c.text.trim();
    case 'number':
      return Number.isInteger(c.value) ? String(c.value) : String(c.value);
    case 'bool':
      return c.value ? '是' : '否';
    case 'date':
      return formatRoc(c.iso);
    default:
      return '';
  }
}

/** 「12 聘用人員」 → 「12」: a code may be pasted with its name from the codes sheet. */
function leadingCode(s: string): string {
  return s.split(/[\s　]+/u)[0] ?? '';
}

const LIST_SEP = /[、,，;；\n]+/u;
const ACCESS_BY_TEXT: Record<string, string> = {
  ...Object.fromEntries(ACCESS_MODES.map((m) => [m.label, m.value])),
  須具: 'civil_service',
  不須具: 'open',
  不使用: 'none',
};

/** The form value of one cell, or the message to list for it. `cell.kind === 'error'` is refused by the caller. */
export function convertCell(column: ImportColumn, cell: Cell): Converted {
  if (cell.kind === 'error') return { ok: false, message: '儲存格內容是錯誤值（例如 #VALUE!），請改為正確的值' };
  const text = cellText(cell);
  switch (column.kind) {
    case 'text':
    case 'year':
      if (cell.kind === 'date') return { ok: false, message: '是日期儲存格，請改為文字' };
      return { ok: true, value: text };
    case 'int':
      if (cell.kind === 'number' && !Number.isInteger(cell.value)) return { ok: true, value: String(cell.value) };
      return { ok: true, value: text };
    case 'code': {
      if (text === '') return { ok: true, value: '' };
      if (text === '無') return column.field === 'sysnamCode' ? { ok: true, value: NONE } : { ok: false, message: `代碼「${text}」不在代碼表（見範本第二個工作表「代碼表」）` };
      const code = leadingCode(text);
      const known = column.field === 'personKindCode' ? personKindName(code) !== null : isSysnamCode(code);
      return known ? { ok: true, value: code } : { ok: false, message: `代碼「${text}」不在代碼表（見範本第二個工作表「代碼表」）` };
    }
    case 'codes': {
      const items = text === '' ? [] : text.split(LIST_SEP).map((s) => s.trim()).filter(Boolean);
      if (column.field === 'workPlaces') {
        const codes = items.map(leadingCode);
        const bad = codes.filter((c) => !isWorkPlaceCode(c));
        if (bad.length) return { ok: false, message: `工作地代碼「${bad.join('、')}」不在代碼表（見範本第二個工作表「代碼表」）` };
        return { ok: true, value: codes };
      }
      if (column.field === 'csSections') {
        const bad = items.filter((s) => !(CS_SECTIONS as readonly string[]).includes(s));
        if (bad.length) return { ok: false, message: `調閱項目「${bad.join('、')}」不在代碼表` };
      }
      return { ok: true, value: items };
    }
    case 'date':
      if (cell.kind === 'empty' || text === '') return { ok: true, value: '' };
      if (cell.kind === 'date') return { ok: true, value: text };
      if (cell.kind === 'text' && ROC_TEXT.test(text)) return { ok: true, value: text };
      return { ok: false, message: `「${text}」不是日期：請使用日期儲存格，或以民國日期文字 yyy/mm/dd 填寫（例如 108/06/17）` };
    case 'flag': {
      if (text === '' || ['否', 'N', 'n', 'no', 'No', 'NO', '0', 'false', 'FALSE'].includes(text)) return { ok: true, value: '' };
      if (['是', 'Y', 'y', 'yes', 'Yes', 'YES', '1', 'true', 'TRUE', 'V', 'v'].includes(text)) return { ok: true, value: 'yes' };
      return { ok: false, message: `請填「是」或「否」（不是「${text}」）` };
    }
    case 'grade': {
      if (text === '') return { ok: true, value: '' };
      if (text === '無') return { ok: true, value: NONE };
      const m = /^(\d{1,2})(?:\s*[-~～至到]\s*(\d{1,2}))?$/u.exec(text.normalize('NFKC'));
      if (!m) return { ok: false, message: `官等職等「${text}」不正確，請填職等如 5 或 6-7，無官職等填「無」` };
      return { ok: true, value: m[2] && m[2] !== m[1] ? `${m[1]}-${m[2]}` : m[1]! };
    }
    case 'gender': {
      const g = ({ 男: 'M', 女: 'F', 不拘: 'any', M: 'M', F: 'F' } as Record<string, string>)[text];
      if (text === '') return { ok: true, value: '' };
      return g ? { ok: true, value: g } : { ok: false, message: `性別請填「男」「女」或「不拘」（不是「${text}」）` };
    }
    case 'accessMode': {
      if (text === '') return { ok: true, value: '' };
      const m = ACCESS_BY_TEXT[text];
      return m ? { ok: true, value: m } : { ok: false, message: `「${text}」不是履歷調閱方式：請填須具公務人員任用資格職缺、不須具公務人員任用資格職缺或不使用應徵者履歷調閱` };
    }
  }
}
