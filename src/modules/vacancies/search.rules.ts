// PUB-1 search criteria: parsed from the URL (GET form), validated, turned into index-friendly terms.
import { z } from 'zod';
import { stringList } from '../../platform/http/forms.ts';

export const PAGE_SIZES = [15, 30, 50, 100] as const;
export const KEYWORD_MAX = 50;

export const searchQuerySchema = z.object({
  keyword: z
    .string()
    .trim()
    .max(KEYWORD_MAX, `關鍵字最多 ${KEYWORD_MAX} 個字`)
    .optional()
    .default(''),
  place: stringList.pipe(z.array(z.string().regex(/^\d{2,3}$/, '請從清單中選擇工作地')).max(30)),
  page: z.coerce.number().int('頁碼必須是正整數').min(1, '頁碼必須是正整數').max(100_000, '頁碼超出範圍').optional().default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), '每頁筆數只能是 15、30、50 或 100')
    .optional()
    .default(15),
});

export type SearchCriteria = z.output<typeof searchQuerySchema>;

export interface KeywordTerm {
  /** Lower-cased term. */
  text: string;
  /** 1–2 characters use the bigram GIN index; 3+ the trigram GIN index. */
  index: 'bigram' | 'trigram';
}

/** Splits a keyword into AND-ed terms (white space separates terms; full-width space too). */
export function keywordTerms(keyword: string): KeywordTerm[] {
  const terms = keyword
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 5);
  return [...new Set(terms)].map((text) => ({ text, index: [...text].length <= 2 ? 'bigram' : 'trigram' }));
}

/** Escapes LIKE metacharacters so that user text is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
