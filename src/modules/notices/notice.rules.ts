// Rules of notices (ACS-5..ACS-8, NTF-1, NTF-2), pure: the notice form, which reply a kind allows, the 面試回覆狀態 /
// 錄取回覆狀態 words, and the .ics calendar invitation (RFC 5545, TZID Asia/Taipei) of an interview with a time.
import { z } from 'zod';
import { parseRocDate } from '../../platform/tw/roc-date.ts';
import type { NoticeKind, NoticeReply } from './notice.schema.ts';

export const NOTICE_FIELDS = ['content', 'contactName', 'contactPhone', 'contactEmail', 'interviewDate', 'interviewTime', 'interviewPlace'] as const;

export const NOTICE_LABELS: Record<(typeof NOTICE_FIELDS)[number], string> = {
  content: '內容',
  contactName: '聯絡窗口',
  contactPhone: '聯絡電話',
  contactEmail: '聯絡Email',
  interviewDate: '面試日期',
  interviewTime: '面試時間',
  interviewPlace: '面試地點',
};

export const NOTICE_LABELS_EN: Record<(typeof NOTICE_FIELDS)[number], string> = {
  content: 'Content',
  contactName: 'Contact person',
  contactPhone: 'Contact phone',
  contactEmail: 'Contact email',
  interviewDate: 'Interview date',
  interviewTime: 'Interview time',
  interviewPlace: 'Interview place',
};

const req = (max: number, label: string) => z.string({ error: `請輸入${label}` }).trim().min(1, `請輸入${label}`).max(max, `${label}不可超過 ${max} 字`);
const opt = (max: number, label: string) => z.string().trim().max(max, `${label}不可超過 ${max} 字`).optional().default('');

export const noticeForm = z
  .object({
    content: req(4000, '內容'),
    contactName: req(50, '聯絡窗口'),
    contactPhone: req(30, '聯絡電話').refine((s) => /^[0-9()\-#\s+]+$/.test(s), '聯絡電話只能有數字、括號與連字號'),
    contactEmail: req(254, '聯絡Email').refine((s) => z.email().safeParse(s).success, '聯絡Email格式不正確（只能填一個地址）'),
    interviewDate: z
      .string()
      .trim()
      .optional()
      .default('')
      .transform((s, ctx) => {
        if (s === '') return null;
        const r = parseRocDate(s);
        if (r.ok) return r.date;
        ctx.addIssue({ code: 'custom', message: '面試日期請以民國日期填寫，例如 115/01/31' });
        return z.NEVER;
      }),
    interviewTime: opt(5, '面試時間').refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), '面試時間請以 24 小時制填寫，例如 14:30'),
    interviewPlace: opt(200, '面試地點'),
  })
  .superRefine((v, ctx) => {
    if (v.interviewTime !== '' && v.interviewDate === null) ctx.addIssue({ code: 'custom', path: ['interviewDate'], message: '填寫面試時間時，請一併填寫面試日期' });
  });

export type NoticeInput = z.output<typeof noticeForm>;

export const KIND_REPLIES: Record<NoticeKind, readonly NoticeReply[]> = {
  interview: ['accepted', 'declined'],
  offer: ['accept_and_report', 'declined'],
};

export function replyAllowed(kind: NoticeKind, reply: string): reply is NoticeReply {
  return (KIND_REPLIES[kind] as readonly string[]).includes(reply);
}

/** The words of a reply: 接受 / 婉拒 (interview), 同意被錄取並報到 / 婉拒錄取 (offer); 已通知 while unanswered. */
export function replyText(kind: NoticeKind, reply: NoticeReply | null): string {
  if (reply === null) return '已通知';
  if (kind === 'interview') return reply === 'accepted' ? '接受' : '婉拒';
  return reply === 'accept_and_report' ? '同意被錄取並報到' : '婉拒錄取';
}

/** The button words of the applicant's replies. */
export function replyButton(kind: NoticeKind, reply: NoticeReply): string {
  if (kind === 'interview') return reply === 'accepted' ? '接受邀約' : '婉拒邀約';
  return reply === 'accept_and_report' ? '同意被錄取並報到' : '婉拒錄取';
}

export type InterviewStatus = '' | '已通知' | '接受' | '婉拒';

/** ACS-7 面試回覆狀態 of the latest interview notice (blank without one). */
export function interviewStatus(latest: { reply: NoticeReply | null } | null): InterviewStatus {
  if (!latest) return '';
  if (latest.reply === null) return '已通知';
  return latest.reply === 'declined' ? '婉拒' : '接受';
}

export const kindText = (kind: NoticeKind): string => (kind === 'interview' ? '通知面試' : '錄取通知');

// ---- .ics (RFC 5545) ----

/** TEXT escaping: backslash, semicolon, comma and line breaks. */
export function icsEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (continuation lines begin with a space). */
export function icsFold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const compact = (isoDate: string, time: string) => `${isoDate.replace(/-/g, '')}T${time.replace(':', '')}00`;
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface IcsInput {
  uid: string;
  now: Date;
  /** ISO date and HH:MM, Asia/Taipei. */
  date: string;
  time: string;
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
}

/** A one-hour VEVENT in Asia/Taipei (a fixed +08:00 zone, no daylight saving) with its VTIMEZONE. */
export function interviewIcs(e: IcsInput): string {
  const [h, m] = e.time.split(':').map(Number) as [number, number];
  const endH = h + 1;
  const end = endH >= 24 ? { date: nextDay(e.date), time: `${String(endH - 24).padStart(2, '0')}:${String(m).padStart(2, '0')}` } : { date: e.date, time: `${String(endH).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//shiqiuren//notices//ZH-TW',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Taipei',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.now)}`,
    `DTSTART;TZID=Asia/Taipei:${compact(e.date, e.time)}`,
    `DTEND;TZID=Asia/Taipei:${compact(end.date, end.time)}`,
    `SUMMARY:${icsEscape(e.summary)}`,
    `DESCRIPTION:${icsEscape(e.description)}`,
    ...(e.location ? [`LOCATION:${icsEscape(e.location)}`] : []),
    `ORGANIZER;CN=${icsParam(e.organizer.name)}:mailto:${e.organizer.email.replace(/[\r\n;:,"]/g, '')}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(icsFold).join('\r\n') + '\r\n';
}

/** A parameter value: quoted, without quotes or control characters (RFC 5545 §3.2). */
function icsParam(s: string): string {
  return `"${s.replace(/["\r\n\t]/g, ' ')}"`;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
