// Texts of the notice pages (ACS-5..ACS-9, NTF-1, NTF-2), zh-TW first with the English twin (SYS-6). Wording of the
// manuals (seeds 001 步驟五, 000 步驟八、九). {name} placeholders are filled with `fill`.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const noticeMessages = defineMessages(
  {
    'title.interview': '通知職缺面試-內容',
    'title.offer': '錄取通知-內容',
    'title.batch': '請輸入通知職缺內容',
    'title.view': '查看通知',
    'title.records': '查詢回覆紀錄',
    'title.mine': '通知我的職缺',
    'title.reply': '回覆通知',
    'form.required': '（*為必填欄位）',
    'form.agency': '通知機關',
    'form.workId': '職缺編號',
    'form.to': '通知對象',
    'form.batchHeading': '通知職缺- {workId}',
    'form.send': '送出邀約',
    'form.sendOffer': '送出錄取通知',
    'form.back': '回上一頁',
    'form.confirm': '確定',
    'form.cancel': '取消',
    'form.interviewHint': '選填：填寫面試日期與時間時，通知信附上行事曆邀請（.ics，臺北時間）。',
    'form.dateHint': '民國日期，例如 115/01/31',
    'form.timeHint': '24 小時制，例如 14:30',
    'error.cancelled': '下列應徵者已取消應徵，無法通知：{names}',
    'error.none': '請勾選欲通知之應徵者',
    'flash.sent': '已寄送{kind}給 {count} 位應徵者',
    'view.kind': '通知類別',
    'view.sentAt': '通知時間',
    'view.content': '內容',
    'view.contactName': '聯絡窗口',
    'view.contactPhone': '聯絡電話',
    'view.contactEmail': '聯絡Email',
    'view.interview': '面試時間地點',
    'view.reply': '回覆狀態',
    'view.repliedAt': '回覆時間',
    'view.notReplied': '尚未回覆',
    'view.ics': '下載行事曆檔（.ics）',
    'records.workId': '職缺編號',
    'records.kind': '通知類別',
    'records.reply': '回覆狀態',
    'records.from': '通知日期（起）',
    'records.to': '通知日期（迄）',
    'records.any': '全部',
    'records.none': '尚未回覆',
    'records.search': '查詢',
    'records.csv': '匯出CSV',
    'records.count': '共{count}筆',
    'records.empty': '查無通知紀錄',
    'records.name': '通知對象',
    'records.open': '查看通知',
    'records.limited': '只列出最新 {count} 筆，請縮小查詢條件。',
    'mine.interview': '通知面試職缺',
    'mine.offer': '錄取通知職缺',
    'mine.empty': '目前沒有通知',
    'mine.reply': '回覆',
    'mine.title': '職稱',
    'mine.agency': '徵才機關',
    'mine.status': '回覆狀態',
    'reply.already': '您已回覆此通知，無法再次回覆；若要變更，請直接聯絡徵才機關。',
    'reply.done': '已回覆：{reply}',
    'reply.invalid': '請以頁面上的按鈕回覆',
  },
  {
    'title.interview': 'Interview notice',
    'title.offer': 'Job offer notice',
    'title.batch': 'Enter the notice',
    'title.view': 'Notice',
    'title.records': 'Notices and replies',
    'title.mine': 'My notices',
    'title.reply': 'Reply to the notice',
    'form.required': '(* required)',
    'form.agency': 'Agency',
    'form.workId': 'Job number',
    'form.to': 'To',
    'form.batchHeading': 'Notice for job {workId}',
    'form.send': 'Send the invitation',
    'form.sendOffer': 'Send the offer',
    'form.back': 'Back',
    'form.confirm': 'Send',
    'form.cancel': 'Cancel',
    'form.interviewHint': 'Optional: with an interview date and time, the mail carries a calendar invitation (.ics, Taipei time).',
    'form.dateHint': 'ROC date, e.g. 115/01/31',
    'form.timeHint': '24-hour clock, e.g. 14:30',
    'error.cancelled': 'These applicants cancelled their application and cannot be notified: {names}',
    'error.none': 'Tick the applicants to notify',
    'flash.sent': '{kind} sent to {count} applicant(s)',
    'view.kind': 'Kind',
    'view.sentAt': 'Sent',
    'view.content': 'Content',
    'view.contactName': 'Contact person',
    'view.contactPhone': 'Contact phone',
    'view.contactEmail': 'Contact email',
    'view.interview': 'Interview time and place',
    'view.reply': 'Reply',
    'view.repliedAt': 'Replied',
    'view.notReplied': 'Not replied yet',
    'view.ics': 'Download the calendar file (.ics)',
    'records.workId': 'Job number',
    'records.kind': 'Kind',
    'records.reply': 'Reply',
    'records.from': 'Sent from',
    'records.to': 'Sent to',
    'records.any': 'Any',
    'records.none': 'Not replied',
    'records.search': 'Search',
    'records.csv': 'Export CSV',
    'records.count': '{count} notice(s)',
    'records.empty': 'No notices found',
    'records.name': 'To',
    'records.open': 'View',
    'records.limited': 'Only the newest {count} are listed; narrow the search.',
    'mine.interview': 'Interview invitations',
    'mine.offer': 'Job offers',
    'mine.empty': 'No notices',
    'mine.reply': 'Reply',
    'mine.title': 'Job title',
    'mine.agency': 'Agency',
    'mine.status': 'Reply',
    'reply.already': 'You have already replied to this notice; to change your reply, contact the agency.',
    'reply.done': 'Replied: {reply}',
    'reply.invalid': 'Reply with the buttons on the page',
  },
);

const LABELS_EN: Record<string, string> = {
  內容: 'Content',
  聯絡窗口: 'Contact person',
  聯絡電話: 'Contact phone',
  聯絡Email: 'Contact email',
  面試日期: 'Interview date',
  面試時間: 'Interview time',
  面試地點: 'Interview place',
};

/** The form's zh-TW field messages (notice.rules.ts) in English; zh-TW as they are. */
export function noticeErrorText(locale: string, message: string): string {
  if (locale !== 'en') return message;
  const label = (zh: string) => LABELS_EN[zh] ?? zh;
  let m = /^請輸入(.+)$/u.exec(message);
  if (m) return `Enter the ${label(m[1]!).toLowerCase()}.`;
  m = /^(.+)不可超過 (\d+) 字$/u.exec(message);
  if (m) return `${label(m[1]!)}: at most ${m[2]} characters.`;
  if (message.startsWith('聯絡電話只能')) return 'Contact phone: digits, brackets and hyphens only.';
  if (message.startsWith('聯絡Email格式')) return 'Contact email: enter one valid address.';
  if (message.startsWith('面試日期請以民國')) return 'Interview date: enter an ROC date, e.g. 115/01/31.';
  if (message.startsWith('面試時間請以')) return 'Interview time: use the 24-hour clock, e.g. 14:30.';
  if (message.startsWith('填寫面試時間時')) return 'With an interview time, enter the interview date too.';
  return message;
}

export function noticeErrors(locale: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, noticeErrorText(locale, v)]));
}
