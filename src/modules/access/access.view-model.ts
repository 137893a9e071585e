// What the applicant pages show of an application, from its frozen snapshot (APP-3). Pure.
import { formatRoc, toIsoDate } from '../../platform/tw/roc-date.ts';
import type { ApplicationRow } from '../applications/index.ts';

const GENDER: Record<string, string> = { M: '男', F: '女' };

/** 民國 date and time in Taipei, as the seed's 應徵時間: 115/12/03 14:05:09. */
export function rocDateTime(d: Date | null): string {
  if (!d) return '';
  const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(d);
  return `${formatRoc(toIsoDate(d))} ${hm}`;
}

export interface Contact {
  name: string;
  idNumber: string;
  gender: string;
  birth: string;
  phone: string;
  email: string;
  appliedAt: string;
}

export function contactOf(r: ApplicationRow): Contact {
  const b = r.resumeSnapshot?.data?.basic;
  return {
    name: b?.chineseName ?? '',
    idNumber: b?.idNumber ?? '',
    gender: GENDER[b?.gender ?? ''] ?? '',
    birth: b?.birthDate ? formatRoc(b.birthDate) : '',
    phone: b?.phone ?? '',
    email: b?.email ?? '',
    appliedAt: rocDateTime(r.appliedAt),
  };
}
