// Pure formatting rules for the printed resume: ROC dates (SYS-7), periods, page numbers, print time.
import { formatRoc, formatRocLong, isIsoDate, toIsoDate, TAIPEI } from '../tw/roc-date.ts';
import { RESUME_LABELS } from './resume-labels.ts';

const ONGOING_STATUSES = new Set(['在職', '就學中']);

/** `2016-05-15` → `105/05/15`; '' stays ''; anything else (not ISO, before 1912) prints as given. */
export function rocOrRaw(iso: string): string {
  const s = iso.trim();
  if (!s) return '';
  if (!isIsoDate(s)) return s;
  try {
    return formatRoc(s);
  } catch {
    return s;
  }
}

/** `105/09/01－109/06/30`; an open end prints 迄今 for 在職 / 就學中, nothing otherwise (e.g. 肄業). */
export function period(startDate: string, endDate: string, status: string): string {
  const start = rocOrRaw(startDate);
  const end = rocOrRaw(endDate) || (ONGOING_STATUSES.has(status.trim()) ? RESUME_LABELS.ongoing : '');
  if (!start && !end) return '';
  return `${start}－${end}`;
}

/** 第 1 頁，共 3 頁 */
export function pageLabel(page: number, pages: number): string {
  return `第 ${page} 頁，共 ${pages} 頁`;
}

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: TAIPEI, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 製表時間：民國 115 年 11 月 22 日 14:05 (Asia/Taipei). */
export function generatedAtLabel(at: Date): string {
  return `${RESUME_LABELS.generatedAt}${formatRocLong(toIsoDate(at))} ${taipeiTime.format(at)}`;
}
