// ADM-1 review rules (pure): which verdict a state allows, the required reason, the marked words, who is mailed.
import { describe, expect, it } from 'vitest';
import { flaggedWords, highlight, reasonForm, reviewRefusal, verdictMailTo } from './review.rules.ts';
import { parseVacancySearch, stateOf } from './vacancy-search.query.ts';

const base = { reviewStatus: 'flagged', deletedAt: null, takenDownAt: null };

describe('ADM-1 review rules', () => {
  it('ADM-1 審核通過 and 審核不通過 decide a flagged vacancy; 下架 only an approved one; nothing for deleted or taken-down ones', () => {
    expect(reviewRefusal('approve', base)).toBeNull();
    expect(reviewRefusal('reject', base)).toBeNull();
    expect(reviewRefusal('take-down', base)).toBe('not-approved');
    expect(reviewRefusal('approve', { ...base, reviewStatus: 'rejected' })).toBeNull();
    expect(reviewRefusal('reject', { ...base, reviewStatus: 'rejected' })).toBe('not-flagged');
    expect(reviewRefusal('approve', { ...base, reviewStatus: 'approved' })).toBe('already-approved');
    expect(reviewRefusal('take-down', { ...base, reviewStatus: 'approved' })).toBeNull();
    expect(reviewRefusal('take-down', { ...base, reviewStatus: 'approved', takenDownAt: new Date() })).toBe('taken-down');
    expect(reviewRefusal('approve', { ...base, deletedAt: new Date() })).toBe('deleted');
  });

  it('ADM-1 a reason is required, trimmed, at most 500 characters, control characters dropped', () => {
    expect(reasonForm.safeParse({ reason: '  ' }).success).toBe(false);
    expect(reasonForm.safeParse({}).success).toBe(false);
    expect(reasonForm.safeParse({ reason: ['a', 'b'] }).success).toBe(false);
    expect(reasonForm.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
    expect(reasonForm.parse({ reason: ' 限制年齡\u0001 ' })).toEqual({ reason: '限制年齡' });
  });

  it('ADM-1 the words the automatic check quoted are marked in the text as written (full-width digits too)', () => {
    const words = flaggedWords('年齡限制：「35歲以下」；婚姻狀況限制：「未婚」；年齡限制：「35歲以下」');
    expect(words).toEqual(['35歲以下', '未婚']);
    expect(highlight('限３５歲以下，未婚者佳', words)).toEqual([
      { text: '限', mark: false },
      { text: '３５歲以下', mark: true },
      { text: '，', mark: false },
      { text: '未婚', mark: true },
      { text: '者佳', mark: false },
    ]);
    expect(highlight('沒有問題', words)).toEqual([{ text: '沒有問題', mark: false }]);
    expect(highlight('', words)).toEqual([]);
    expect(flaggedWords(null)).toEqual([]);
  });

  it('ADM-1 the verdict mail goes to 聯絡E-mail (else 填寫人Email), never for demo or imported open-data rows', () => {
    expect(verdictMailTo({ source: 'form', vitaeEmail: 'hr@x.gov.tw', fillerEmail: 'f@x.gov.tw' })).toBe('hr@x.gov.tw');
    expect(verdictMailTo({ source: 'bulk_import', vitaeEmail: '', fillerEmail: 'f@x.gov.tw' })).toBe('f@x.gov.tw');
    expect(verdictMailTo({ source: 'form', vitaeEmail: '', fillerEmail: null })).toBeNull();
    expect(verdictMailTo({ source: 'form', vitaeEmail: 'not an address', fillerEmail: null })).toBeNull();
    expect(verdictMailTo({ source: 'demo', vitaeEmail: 'hr@x.gov.tw', fillerEmail: null })).toBeNull();
    expect(verdictMailTo({ source: 'opendata_import', vitaeEmail: 'hr@x.gov.tw', fillerEmail: null })).toBeNull();
  });

  it('ADM-1 the search query is read leniently: unknown states and sources are ignored, a bad ROC date is a message', () => {
    const f = parseVacancySearch({ state: 'bogus', source: ['demo'], page: '0', from: '115/02/30', workId: ' 1151200012 ' });
    expect(f).toMatchObject({ state: '', source: '', page: 1, workId: '1151200012', from: null });
    expect(f.errors.from).toContain('民國日期');
    expect(parseVacancySearch({ state: 'taken_down', to: '115/12/03' })).toMatchObject({ state: 'taken_down', to: '2026-12-03', errors: {} });
    expect(stateOf({ reviewStatus: 'approved', deletedAt: null, takenDownAt: new Date() })).toBe('taken_down');
    expect(stateOf({ reviewStatus: 'approved', deletedAt: new Date(), takenDownAt: new Date() })).toBe('deleted');
  });
});
