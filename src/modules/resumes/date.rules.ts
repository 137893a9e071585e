// Dates typed on the resume form (SYS-7): ROC year/month/day as parseRocDate takes it (080/01/14, 0800114,
// 民國80年1月14日, or an AD 1991-01-14), checked against today and the date of birth.
import { fill } from '../../platform/i18n/i18n.ts';
import { formatRoc, isIsoDate, parseRocDate } from '../../platform/tw/roc-date.ts';
import type { RuleContext } from './resume.limits.ts';

export type DateResult = { ok: true; date: string } | { ok: false; error: string } | { ok: 'empty' };

/** Parses a typed date; '' gives 'empty' (the caller decides whether that is allowed). */
export function parseDateField(raw: string, label: string, c: Pick<RuleContext, 'e'>): DateResult {
  const s = raw.trim();
  if (s === '') return { ok: 'empty' };
  const parsed = parseRocDate(s);
  if (parsed.ok) return { ok: true, date: parsed.date };
  return { ok: false, error: fill(parsed.reason === 'format' ? c.e.dateFormat : c.e.dateInvalid, { label }) };
}

/** How a stored ISO date is put back in the form: 080/01/14 ('' stays ''). */
export function rocForForm(iso: string): string {
  if (!iso || !isIsoDate(iso)) return iso;
  try {
    return formatRoc(iso);
  } catch {
    return iso;
  }
}
