// ADM-1 review by the back office: pure rules. Which verdict a vacancy may get in its state, the reason a person
// types, the words of the automatic check's reason to highlight, and whether the agency is told by mail.
import { fill } from '../../platform/i18n/i18n.ts';
import { backofficeMessages, type BackofficeMessages } from './backoffice.messages.ts';
import { z } from 'zod';

export type ReviewAction = 'approve' | 'reject' | 'take-down';
export type ReviewRefusal = 'deleted' | 'taken-down' | 'not-flagged' | 'already-approved' | 'not-approved';

export interface ReviewFacts {
  reviewStatus: string;
  deletedAt: Date | null;
  takenDownAt: Date | null;
}

/**
 * Why `action` cannot be taken on a vacancy in this state (null: it can).
 * 審核通過 and 審核不通過 decide a vacancy the automatic check held back (flagged); 審核通過 also reverses an earlier
 * 審核不通過. 下架 takes any approved vacancy off line. Nothing is done to a vacancy its agency deleted or that is
 * already taken down.
 */
export function reviewRefusal(action: ReviewAction, v: ReviewFacts): ReviewRefusal | null {
  if (v.deletedAt) return 'deleted';
  if (v.takenDownAt) return 'taken-down';
  if (action === 'approve') return v.reviewStatus === 'approved' ? 'already-approved' : null;
  if (action === 'reject') return v.reviewStatus === 'flagged' ? null : 'not-flagged';
  return v.reviewStatus === 'approved' ? null : 'not-approved';
}

export const REASON_MAX = 500;

/** The reason of 審核不通過 or 下架: required, one paragraph the agency reads; messages in the page's language. */
export function reasonFormFor(m: Pick<BackofficeMessages, 'reason.required' | 'reason.tooLong'>) {
  return z.object({
    reason: z
      .string({ error: m['reason.required'] })
      .transform((s) => s.replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : '')).trim())
      .pipe(z.string().min(1, m['reason.required']).max(REASON_MAX, fill(m['reason.tooLong'], { max: REASON_MAX }))),
  });
}

export const reasonForm = reasonFormFor(backofficeMessages('zh-TW'));

/** The words the automatic check quoted in its reason (「…」), each once. */
export function flaggedWords(reason: string | null | undefined): string[] {
  if (!reason) return [];
  const words = [...reason.matchAll(/「([^」]+)」/g)].map((m) => m[1]!.trim()).filter(Boolean);
  return [...new Set(words)];
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * `text` cut into plain and marked pieces: every occurrence of a word is marked. The check matched the
 * NFKC form (full-width digits as ASCII), so matching is done on that form, character by character, and the
 * marks are placed on the agency's text as written.
 */
export function highlight(text: string, words: readonly string[]): Segment[] {
  if (!text) return [];
  const chars = [...text];
  const folded: string[] = [];
  const owner: number[] = []; // folded UTF-16 offset → index in chars
  chars.forEach((c, i) => {
    const f = c.normalize('NFKC');
    folded.push(f);
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const flat = folded.join('');
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const w of words) {
    const needle = w.normalize('NFKC');
    if (!needle) continue;
    for (let at = flat.indexOf(needle); at !== -1; at = flat.indexOf(needle, at + needle.length)) {
      for (let k = at; k < at + needle.length; k++) marked[owner[k]!] = true;
    }
  }
  const out: Segment[] = [];
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.mark === marked[i]) last.text += c;
    else out.push({ text: c, mark: marked[i]! });
  });
  return out;
}

/** Sources whose contact address is not the agency's own (demo data, the imported DGPA feed): never mailed. */
const UNMAILED_SOURCES = new Set(['demo', 'opendata_import']);

/** The agency's address for a verdict mail (聯絡E-mail, else 填寫人Email), or null when none is to be sent. */
export function verdictMailTo(v: { source: string; vitaeEmail: string; fillerEmail: string | null }): string | null {
  if (UNMAILED_SOURCES.has(v.source)) return null;
  const to = (v.vitaeEmail || v.fillerEmail || '').trim();
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(to) ? to : null;
}
