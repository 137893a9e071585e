// PUB-1 search rules: criteria parsing, keyword terms, the posting-date range, canonical URLs.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  containsPattern,
  escapeLike,
  gramsOf,
  hasAdvancedFilter,
  keywordTerms,
  pageCount,
  parseSearchQuery,
  postedRange,
  searchHref,
  splitTerms,
  termForm,
  type SearchCriteria,
} from './search.rules.ts';

function ok(query: Record<string, string | string[]>): SearchCriteria {
  const r = parseSearchQuery(query);
  if (!r.ok) throw new Error(`expected valid criteria, got ${JSON.stringify(r.errors)}`);
  return r.criteria;
}
function errors(query: Record<string, string | string[]>) {
  const r = parseSearchQuery(query);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(query)}`);
  return r.errors;
}

describe('PUB-1 criteria parsing', () => {
  it('PUB-1 an empty query is every published job, page 1, 15 a page', () => {
    expect(ok({})).toEqual({ ...EMPTY_FILTERS, page: 1, size: 15 });
    // A submitted form with every field left empty reads the same.
    const blank = { keyword: '', org: '', sysnam: '', grade: '', kind: '', access: '', from: '', to: '', size: '', page: '' };
    expect(ok(blank)).toEqual({ ...EMPTY_FILTERS, page: 1, size: 15 });
  });

  it('PUB-1 reads every filter from the URL', () => {
    const c = ok({
      keyword: '  人事  行政 ',
      org: '衛生 福利部',
      sysnam: 'A107',
      rank: ['薦任', '委任', '薦任'],
      grade: '6',
      kind: '11',
      access: 'civil_service',
      place: ['10', '23'],
      special: ['handicap', 'local_original'],
      from: '115/05/01',
      to: '2026-06-30',
      page: '3',
      size: '50',
    });
    expect(c).toEqual({
      keyword: '人事  行政',
      org: '衛生福利部',
      sysnam: 'A107',
      rank: ['薦任', '委任'],
      grade: 6,
      kind: '11',
      access: 'civil_service',
      place: ['10', '23'],
      special: ['handicap', 'local_original'],
      from: '2026-05-01',
      to: '2026-06-30',
      page: 3,
      size: 50,
    });
  });

  it('PUB-1 a single place / rank / special arrives as a string and is read as a list; a repeated text field keeps its first value', () => {
    const c = ok({ place: '10', rank: '簡任', special: 'traning', keyword: ['人事', '會計'] });
    expect(c.place).toEqual(['10']);
    expect(c.rank).toEqual(['簡任']);
    expect(c.special).toEqual(['traning']);
    expect(c.keyword).toBe('人事');
  });

  it('PUB-1 page sizes 15, 30, 50 and 100 only', () => {
    for (const size of [15, 30, 50, 100]) expect(ok({ size: String(size) }).size).toBe(size);
    for (const size of ['10', '0', '-15', 'abc', '1000', '15.0']) expect(errors({ size })).toEqual({ size: 'size.invalid' });
  });

  it('PUB-1 unknown codes are refused field by field', () => {
    expect(errors({ sysnam: 'Z999' })).toEqual({ sysnam: 'sysnam.unknown' });
    expect(errors({ rank: ['薦任', '特任'] })).toEqual({ rank: 'rank.unknown' });
    expect(errors({ kind: '77' })).toEqual({ kind: 'kind.unknown' });
    expect(errors({ access: 'civil' })).toEqual({ access: 'access.unknown' });
    expect(errors({ place: ['10', '999'] })).toEqual({ place: 'place.unknown' });
    // A historical code (21 福建省連江縣) is not offered by the form.
    expect(errors({ place: '21' })).toEqual({ place: 'place.unknown' });
    expect(errors({ special: ['handicap', 'veteran'] })).toEqual({ special: 'special.unknown' });
    for (const grade of ['0', '15', '6.5', 'x', '-1']) expect(errors({ grade })).toEqual({ grade: 'grade.invalid' });
  });

  it('PUB-1 a 職等 outside the chosen 官等 is refused; 職等 alone or inside the 官等 is fine', () => {
    expect(errors({ rank: '簡任', grade: '3' })).toEqual({ grade: 'grade.rankMismatch' });
    expect(errors({ rank: '其他', grade: '6' })).toEqual({ grade: 'grade.rankMismatch' });
    expect(ok({ rank: ['簡任', '委任'], grade: '3' }).grade).toBe(3);
    expect(ok({ grade: '12' }).grade).toBe(12);
  });

  it('PUB-1 the keyword: at most 50 characters and 5 terms; control characters count as spaces', () => {
    expect(ok({ keyword: '人'.repeat(50) }).keyword).toHaveLength(50);
    expect(errors({ keyword: '人'.repeat(51) })).toEqual({ keyword: 'keyword.tooLong' });
    // Characters outside the BMP count once each.
    expect(ok({ keyword: '𠀋'.repeat(50) }).keyword).toBe('𠀋'.repeat(50));
    expect(errors({ keyword: 'a b c d e f' })).toEqual({ keyword: 'keyword.tooManyTerms' });
    expect(ok({ keyword: 'a\u0000b' }).keyword).toBe('a b');
    expect(errors({ org: '部'.repeat(51) })).toEqual({ org: 'org.tooLong' });
  });

  it('PUB-1 the page: a positive whole number; any size of number is read (out of range is decided against the results)', () => {
    expect(ok({ page: '2' }).page).toBe(2);
    expect(ok({ page: '999999999' }).page).toBe(999_999_999);
    for (const page of ['0', '-1', 'abc', '1.5', '1e3', '01', '9999999999']) expect(errors({ page })).toEqual({ page: 'page.invalid' });
  });

  it('PUB-1 every problem is reported at once, in the order of the form', () => {
    const e = errors({ to: '115/02/30', from: 'yesterday', size: '7', sysnam: 'X', keyword: 'k'.repeat(60) });
    expect(Object.keys(e)).toEqual(['keyword', 'sysnam', 'from', 'to', 'size']);
    expect(e).toEqual({ keyword: 'keyword.tooLong', sysnam: 'sysnam.unknown', from: 'date.format', to: 'date.invalid', size: 'size.invalid' });
  });

  it('PUB-1 the advanced part is open when one of its filters is set', () => {
    expect(hasAdvancedFilter(ok({ keyword: '人事', place: '10', org: '部' }))).toBe(false);
    const advanced: Record<string, string>[] = [{ sysnam: 'A107' }, { rank: '薦任' }, { grade: '7' }, { kind: '13' }, { access: 'open' }, { special: 'original' }, { from: '115/1/1' }, { to: '115/1/1' }];
    for (const q of advanced) {
      expect(hasAdvancedFilter(ok(q)), JSON.stringify(q)).toBe(true);
    }
  });
});

describe('PUB-1 posting-date range', () => {
  it('PUB-1 ROC and AD dates in the forms parseRocDate reads', () => {
    expect(ok({ from: '115/05/01' }).from).toBe('2026-05-01');
    expect(ok({ from: '115/5/1' }).from).toBe('2026-05-01');
    expect(ok({ from: '1150501' }).from).toBe('2026-05-01');
    expect(ok({ from: '民國115年5月1日' }).from).toBe('2026-05-01');
    expect(ok({ from: '2026-05-01' }).from).toBe('2026-05-01');
    expect(ok({ from: '２０２６／０５／０１' }).from).toBe('2026-05-01');
  });

  it('PUB-1 malformed and impossible dates are told apart', () => {
    expect(errors({ from: '115/05' })).toEqual({ from: 'date.format' });
    expect(errors({ from: 'abc' })).toEqual({ from: 'date.format' });
    expect(errors({ to: '115/02/29' })).toEqual({ to: 'date.invalid' }); // 2026 is not a leap year
    expect(errors({ to: '115/13/01' })).toEqual({ to: 'date.invalid' });
    expect(ok({ to: '113/02/29' }).to).toBe('2024-02-29');
  });

  it('PUB-1 from after to is refused on the end date; the same day is a one-day range', () => {
    expect(errors({ from: '115/06/02', to: '115/06/01' })).toEqual({ to: 'to.beforeFrom' });
    const c = ok({ from: '115/06/01', to: '115/06/01' });
    expect(postedRange(c.from, c.to)).toEqual({ start: '2026-06-01T00:00:00+08:00', end: '2026-06-02T00:00:00+08:00' });
  });

  it('PUB-1 the range is in Taipei days, both ends included; open ends stay open', () => {
    expect(postedRange('2026-12-31', null)).toEqual({ start: '2026-12-31T00:00:00+08:00', end: null });
    expect(postedRange(null, '2026-12-31')).toEqual({ start: null, end: '2027-01-01T00:00:00+08:00' });
    expect(postedRange(null, null)).toEqual({ start: null, end: null });
  });
});

describe('PUB-1 keyword terms', () => {
  it('PUB-1 white space (the full-width space too) separates AND-ed terms; repeats are dropped', () => {
    expect(splitTerms('人事　行政  工友\t')).toEqual(['人事', '行政', '工友']);
    expect(keywordTerms('人事 人事 行政').map((t) => t.text)).toEqual(['人事', '行政']);
    expect(keywordTerms('   ')).toEqual([]);
  });

  it('PUB-1 1–2 characters use the bigram index exactly; 3+ the trigram index', () => {
    expect(keywordTerms('工')[0]).toMatchObject({ text: '工', index: 'bigram', forms: [{ text: '工', index: 'bigram', grams: ['工'], exact: true }] });
    expect(keywordTerms('人事')[0]!.forms).toEqual([{ text: '人事', index: 'bigram', grams: ['人事'], exact: true }]);
    expect(keywordTerms('護理師')[0]!.forms).toEqual([{ text: '護理師', index: 'trigram', grams: [], exact: false }]);
  });

  it('PUB-1 terms pg_trgm cannot index (no run of 3 letters or digits) go through the bigrams, with a LIKE recheck', () => {
    expect(termForm('a-b')).toEqual({ text: 'a-b', index: 'bigram', grams: ['a-', '-b'], exact: false });
    expect(termForm('%%%')).toEqual({ text: '%%%', index: 'bigram', grams: ['%%'], exact: false });
    expect(termForm('<script>').index).toBe('trigram');
    expect(gramsOf('𠀋𠀋a')).toEqual(['𠀋𠀋', '𠀋a']);
  });

  it('PUB-1 terms are lower-cased; a full-width form is looked for both as typed and NFKC-normalized', () => {
    expect(keywordTerms('Excel')[0]!.forms.map((f) => f.text)).toEqual(['excel']);
    expect(keywordTerms('ＡＩ')[0]!.forms.map((f) => f.text)).toEqual(['ai', 'ａｉ']);
    expect(keywordTerms('（約僱）')[0]!.forms.map((f) => f.text)).toEqual(['(約僱)', '（約僱）']);
  });

  it('PUB-1 LIKE metacharacters in user text are matched literally', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(containsPattern("o'k%")).toBe("%o'k\\%%");
  });
});

describe('PUB-1 URLs and pages', () => {
  it('PUB-1 page links carry only the conditions that are set, dates in ROC form', () => {
    const c = ok({ keyword: '人事', place: ['10', '23'], rank: '薦任', from: '2026-05-01', size: '30', org: '', sysnam: '' });
    expect(decodeURIComponent(searchHref(c, 2))).toBe('/jobs?keyword=人事&place=10&place=23&rank=薦任&from=115/05/01&size=30&page=2');
    expect(searchHref({ ...EMPTY_FILTERS, size: 15 }, 1)).toBe('/jobs');
    // The link reads back as the same search.
    const back = Object.fromEntries([...new URLSearchParams(searchHref(c, 2).split('?')[1])].reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, string[]>()));
    expect(ok(back)).toEqual({ ...c, page: 2 });
  });

  it('PUB-1 page count: at least one page', () => {
    expect(pageCount(0, 15)).toBe(1);
    expect(pageCount(15, 15)).toBe(1);
    expect(pageCount(16, 15)).toBe(2);
    expect(pageCount(1106, 100)).toBe(12);
  });
});
