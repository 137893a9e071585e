// The audit log read by a person (SYS-2, ADM-3): each row as one sentence —
// 「宜蘭縣政府 王○○ 於 115/12/03 14:20 下架職缺（職缺 1151200012）」 — with names masked, and the CSV of a search
// (formula-guarded, UTF-8 with BOM). Pure.
import { guardFormula } from '../../platform/export/formula-guard.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** 115/12/03 14:20 (Taipei). */
export function rocDateTime(d: Date): string {
  return `${formatRoc(d)} ${taipeiTime.format(d)}`;
}

/** 王小明 → 王○○: the first character kept, every other one ○ (SYS-3). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '○'.repeat(chars.length - 1);
}

/** someone@example.tw → so***@example.tw. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return maskName(email);
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length - 1) || 1)}***${email.slice(at)}`;
}

/** What each action reads as (the verb of the sentence). An unknown action is shown by its code. */
export const ACTION_LABELS: Record<string, string> = {
  'vacancy.create': '新增職缺',
  'vacancy.update': '修改職缺',
  'vacancy.delete': '刪除職缺',
  'vacancy.access_mode_refused': '嘗試於上網有效期間內變更履歷調閱方式（已拒絕）',
  'vacancy.review.approve': '審核通過職缺',
  'vacancy.review.reject': '審核不通過職缺',
  'vacancy.take_down': '下架職缺',
  'vacancy.attachment_add': '新增職缺附件',
  'vacancy.attachment_remove': '移除職缺附件',
  'vacancy.import': '機關徵才匯入職缺',
  'vacancy.import_checked': '檢查機關徵才匯入檔',
  'application.create': '應徵職缺',
  'application.cancel': '取消應徵',
  'application.delete': '刪除應徵紀錄',
  'application.purge': '依保存期限刪除應徵紀錄',
  'application.attachment.download': '下載應徵附件',
  'resume.download': '調閱應徵者履歷',
  'resume.summary_view': '調閱應徵者簡歷',
  'contacts.export': '匯出應徵者聯絡資訊',
  'notice.send': '寄送通知（面試或錄取）',
  'notice.reply': '回覆通知',
  'notice.export': '匯出回覆紀錄',
  'hrdb.resume_download': '下載自己的公務人員履歷表（MyData）',
  'resume.pdf.download': '下載自己的履歷 PDF',
  'resume.attachment.download': '下載履歷附件',
  'resume.save': '儲存履歷',
  'resume.delete': '刪除履歷',
  'resume.id_conflict': '填寫已被其他帳號使用的身分證統一編號',
  'resume.hrdb_import': '從公務人力資料庫帶入履歷',
  'resume.hrdb_import.refused': '從公務人力資料庫帶入履歷（已拒絕）',
  'account.register': '註冊帳號',
  'account.register.duplicate': '以已註冊的 E-mail 註冊',
  'account.activate': '啟用帳號',
  'account.activation.resend': '重寄帳號啟用確認信',
  'account.login.success': '登入應徵平台',
  'account.login.failure': '登入應徵平台失敗',
  'account.login.refused': '登入應徵平台被拒',
  'account.lock': '帳號因連續登入失敗被鎖定',
  'account.password_change': '變更密碼',
  'account.password_reset.request': '申請重設密碼',
  'account.password_reset': '重設密碼',
  'account.email_change.request': '申請變更帳號',
  'account.email_change': '變更帳號',
  'account.void': '註銷帳號',
  'account.void.failure': '註銷帳號失敗',
  'ecpa.login': '登入人事服務網',
  'ecpa.login.success': '登入人事服務網',
  'ecpa.login.refused': '登入人事服務網失敗',
  'ecpa.lock': '人事服務網帳號因連續登入失敗被鎖定',
  'ecpa.password_reset.request': '申請重設人事服務網密碼',
  'ecpa.password_reset': '重設人事服務網密碼',
  'ecpa.hrdb_verify': '人事服務網身分驗證',
  'ecpa.hrdb_verify.success': '人事服務網身分驗證成功',
  'ecpa.hrdb_verify.refused': '人事服務網身分驗證失敗',
  'staff.create': '新增人員帳號',
  'staff.update': '修改人員帳號或角色',
  'staff.status': '停用或啟用人員帳號',
  'staff.grant': '授權人員處理其他機關',
  'staff.revoke_grant': '取消人員的其他機關授權',
  'staff.reset_mail': '寄送人員重設密碼信',
  'staff.unbind_certificate': '解除人員憑證綁定',
  'staff.acting_agency': '切換代理機關',
  'notice.export_all': '匯出各機關回覆紀錄',
  'newsletter.confirm': '確認訂閱電子報',
  'newsletter.confirm_mailed': '寄出電子報訂閱確認信',
  'newsletter.unsubscribe': '取消訂閱電子報',
  'newsletter.cancel_mailed': '寄出電子報取消信',
  'newsletter.digest': '寄出電子報',
  'agency.applicant_counts': '寄出職缺每日應徵人數通知',
  'session.ended': '登出或連線逾時',
  'authz.refused': '嘗試進入無權限的頁面（已拒絕）',
  'audit.export': '匯出稽核紀錄',
  'mail.read': '檢視郵件內容',
  'mail.retry': '重寄郵件',
  'mail.retry_all': '重寄全部失敗郵件',
  ...codeTableLabels(),
};

/** ADM-2: code.<table>.<create|update|activate|deactivate> → 新增機關代碼, 停用工作地代碼… */
function codeTableLabels(): Record<string, string> {
  const tables: Record<string, string> = { agency: '機關代碼', work_place: '工作地代碼', sysnam: '職系代碼', rank_type: '官等職等', person_kind: '人員區分代碼' };
  const verbs: Record<string, string> = { create: '新增', update: '修改', activate: '啟用', deactivate: '停用' };
  const out: Record<string, string> = {};
  for (const [t, noun] of Object.entries(tables)) for (const [v, verb] of Object.entries(verbs)) out[`code.${t}.${v}`] = `${verb}${noun}`;
  return out;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? `執行 ${action}`;
}

/** One audit row with what the repository resolved about its actor and subject. */
export interface AuditRow {
  id: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectKind: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  /** Staff actor: name and agency (name, else code). */
  staffName?: string | null;
  agencyName?: string | null;
  /** Applicant actor: the account's e-mail. */
  applicantEmail?: string | null;
  /** Vacancy subject: its 職缺編號. */
  workId?: string | null;
}

export function actorText(r: AuditRow): string {
  switch (r.actorKind) {
    case 'staff':
      return r.staffName ? `${r.agencyName ?? ''} ${maskName(r.staffName)}`.trim() : '人事人員（不明）';
    case 'applicant':
      return r.applicantEmail ? `應徵者 ${maskEmail(r.applicantEmail)}` : '應徵者（不明）';
    case 'system':
      return '系統';
    default:
      return '訪客';
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const FIELD_LABELS: Record<string, string> = {
  name: '名稱',
  address: '地址',
  parentCode: '上級機關',
  active: '啟用',
  sysnamClass: '職系類別',
  openAccess: '不須具任用資格',
  historical: '舊制',
  currentCode: '現行代碼',
};
const shown = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空白）' : v === true ? '是' : v === false ? '否' : str(v));

export function subjectText(r: AuditRow): string {
  const d = r.details ?? {};
  if (r.subjectKind === 'vacancy') {
    const workId = r.workId ?? str(d.workId);
    return workId ? `職缺 ${workId}` : '職缺';
  }
  if (r.subjectKind === 'outbox_message') return str(d.to) ? `寄給 ${maskEmail(str(d.to))} 的郵件` : '郵件';
  if (r.action.startsWith('code.')) {
    // 「A58000000A 行政院人事行政總處；名稱：舊名 → 新名」: the code, its name, and what changed.
    const after = (d.after ?? {}) as Record<string, unknown>;
    const before = (d.before ?? {}) as Record<string, unknown>;
    const changed = Array.isArray(d.changed) ? (d.changed as unknown[]).map(str) : [];
    const moves = changed.map((k) => `${FIELD_LABELS[k] ?? k}：${shown(before[k])} → ${shown(after[k])}`);
    return [`${str(d.code) || str(r.subjectId)} ${str(after.name) || str(before.name)}`.trim(), ...moves].join('；');
  }
  // 調閱 of one applicant (ACS-2, ACS-3): the vacancy it was for; never the applicant's name.
  if (r.subjectKind === 'application') return str(d.workId) ? `應徵者 1 位，職缺 ${str(d.workId)}` : '應徵者 1 位';
  if (r.action === 'mail.retry_all') return `${str(d.count) || 0} 封`;
  if (r.action === 'audit.export') return `${str(d.count) || 0} 筆`;
  if (r.action === 'authz.refused') return str(d.route);
  return '';
}

/** 「宜蘭縣政府 王○○ 於 115/12/03 14:20 下架職缺（職缺 1151200012）」 */
export function auditSentence(r: AuditRow): string {
  const subject = subjectText(r);
  return `${actorText(r)} 於 ${rocDateTime(r.at)} ${actionLabel(r.action)}${subject ? `（${subject}）` : ''}`;
}

export const CSV_HEADER = ['時間', '紀錄', '動作代碼', '行為人種類', '行為人代號', '主體種類', '主體代號', 'IP', '細節'];

function csvCell(v: string): string {
  const guarded = guardFormula(v);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** The CSV of a search: UTF-8 with BOM (Excel reads it as such), CRLF, every cell formula-guarded. */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [CSV_HEADER, ...rows.map((r) => [rocDateTime(r.at), auditSentence(r), r.action, r.actorKind, r.actorId ?? '', r.subjectKind ?? '', r.subjectId ?? '', r.ip ?? '', JSON.stringify(r.details ?? {})])];
  return '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
