// The job search page (PUB-1): a GET form (the whole query lives in the URL, so links are shareable and
// the back button works) and the result table. Works with no JavaScript; /assets/js/search.js only
// leaves empty fields out of the URL.
//
// 機關 is a text box matched against part of 機關名稱 (like the DGPA form's 機關名稱關鍵字), not a list:
// 527 agencies have published jobs in the 2016 feed alone; a <select> (or <datalist>) of them would add
// ~30 KB to every search page and is hard to use without JavaScript or with a screen reader, while a
// part of a name (「衛生福利部」, 「豐原醫院」) finds every unit of an agency at once.
// Filters a visitor uses less (職系, 官等/職等, 人員區分, 職缺類別, 特殊條件, 刊登日期) sit in a <details>
// that is open whenever one of them is set or has an error.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../../platform/http/forms.ts';
import { defineMessages, fill, type Locale } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup, DataTable, ErrorSummary, Field, FieldError, Pagination, RocDate, SelectField, fieldId, type Column } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { VacancyListRow } from '../vacancy.repo.ts';
import { cachedPart, partKey } from './form-parts.ts';
import { KEYWORD_MAX, KEYWORD_TERMS_MAX, ORG_MAX, PAGE_SIZES, type SearchErrorCode, type SearchField } from '../search.rules.ts';

export const searchMessages = defineMessages(
  {
    'label.org': '機關名稱',
    'hint.org': '輸入機關名稱的全部或一部分，例：衛生福利部',
    'label.place': '工作地',
    'hint.place': '可複選，符合其中任一個工作地即列出',
    'more.summary': '更多條件（機關、工作地點、職系、官等職等、特殊條件、刊登日期等）',
    'label.sysnam': '職系',
    'group.admin': '行政類',
    'group.tech': '技術類',
    'label.rank': '官等',
    'hint.rank': '可複選，符合其中任一個官等即列出',
    'label.grade': '職等',
    'option.grade': '第 {grade} 職等',
    'label.kind': '人員區分',
    'label.access': '職缺類別',
    'access.civil_service': '須具公務人員任用資格',
    'access.open': '不須具公務人員任用資格',
    'access.none': '不使用線上應徵（不使用應徵者履歷調閱）',
    'label.special': '特殊條件',
    'hint.special': '勾選的條件都須符合',
    'special.handicap': '歡迎身心障礙者',
    'special.original': '歡迎原住民族',
    'special.local_original': '原住民族地區之職缺',
    'special.traning': '地方創生借調',
    'label.from': '刊登日期（起）',
    'label.to': '刊登日期（迄）',
    'hint.date': '民國年/月/日，例：115/05/01（也可輸入西元 2026-05-01）',
    'label.size': '每頁筆數',
    'option.size': '{size} 筆',
    'option.any': '不限',
    'label.page': '頁碼',
    'page.last': '回到最後一頁（第 {pages} 頁）',
    'title.page': '第 {page} 頁',
    'title.error': '錯誤',
    'err.keyword.tooLong': `關鍵字最多 ${KEYWORD_MAX} 個字`,
    'err.keyword.tooManyTerms': `關鍵字最多 ${KEYWORD_TERMS_MAX} 個詞（以空白分開）`,
    'err.org.tooLong': `機關名稱最多 ${ORG_MAX} 個字`,
    'err.sysnam.unknown': '請從清單中選擇職系',
    'err.rank.unknown': '請從清單中選擇官等',
    'err.grade.invalid': '請從清單中選擇職等（第 1 至第 14 職等）',
    'err.grade.rankMismatch': '所選職等不屬於所選官等（委任第 1–5 職等、薦任第 6–9 職等、簡任第 10–14 職等）',
    'err.kind.unknown': '請從清單中選擇人員區分',
    'err.access.unknown': '請從清單中選擇職缺類別',
    'err.place.unknown': '請從清單中選擇工作地',
    'err.special.unknown': '請從清單中選擇特殊條件',
    'err.date.format': '日期格式不正確，請依民國年/月/日填寫（例：115/05/01）',
    'err.date.invalid': '日期不存在，請確認年、月、日',
    'err.to.beforeFrom': '迄日不可早於起日',
    'err.page.invalid': '頁碼必須是正整數',
    'err.page.outOfRange': '頁碼超出範圍，查詢結果共 {pages} 頁',
    'skip.results': '跳至查詢結果',
    'more.apply': '套用條件',
    'more.summary.chosen': '更多條件（已選 {n} 項）',
    'demo.badge': '示範資料',
    'err.size.invalid': '每頁筆數只能是 15、30、50 或 100',
    'err.invalid': '請從表單重新選擇或輸入',
  },
  {
    'label.org': 'Agency name',
    'hint.org': 'All or part of the agency name, e.g. 衛生福利部',
    'label.place': 'Work place',
    'hint.place': 'Choose any number; a job in any of them is listed',
    'more.summary': 'More conditions (agency, place, job series, rank and grade, special conditions, dates…)',
    'label.sysnam': 'Job series',
    'group.admin': 'Administrative',
    'group.tech': 'Technical',
    'label.rank': 'Rank',
    'hint.rank': 'Choose any number; a job of any of them is listed',
    'label.grade': 'Grade',
    'option.grade': 'Grade {grade}',
    'label.kind': 'Personnel category',
    'label.access': 'Job type',
    'access.civil_service': 'Civil-service qualification required',
    'access.open': 'No civil-service qualification required',
    'access.none': 'No online application',
    'label.special': 'Special conditions',
    'hint.special': 'Every ticked condition must hold',
    'special.handicap': 'Welcomes people with disabilities',
    'special.original': 'Welcomes indigenous peoples',
    'special.local_original': 'In an indigenous area',
    'special.traning': 'Regional revitalization secondment',
    'label.from': 'Posted from',
    'label.to': 'Posted until',
    'hint.date': 'ROC year/month/day, e.g. 115/05/01 (or 2026-05-01)',
    'label.size': 'Results per page',
    'option.size': '{size}',
    'option.any': 'Any',
    'label.page': 'Page',
    'page.last': 'Go to the last page (page {pages})',
    'title.page': 'page {page}',
    'title.error': 'Error',
    'err.keyword.tooLong': `A keyword can have at most ${KEYWORD_MAX} characters`,
    'err.keyword.tooManyTerms': `At most ${KEYWORD_TERMS_MAX} words (separated by spaces)`,
    'err.org.tooLong': `An agency name can have at most ${ORG_MAX} characters`,
    'err.sysnam.unknown': 'Choose a job series from the list',
    'err.rank.unknown': 'Choose a rank from the list',
    'err.grade.invalid': 'Choose a grade from the list (1 to 14)',
    'err.grade.rankMismatch': 'The grade is not in the chosen rank (junior 1–5, senior 6–9, selected 10–14)',
    'err.kind.unknown': 'Choose a personnel category from the list',
    'err.access.unknown': 'Choose a job type from the list',
    'err.place.unknown': 'Choose work places from the list',
    'err.special.unknown': 'Choose special conditions from the list',
    'err.date.format': 'Enter the date as ROC year/month/day (e.g. 115/05/01)',
    'err.date.invalid': 'This date does not exist: check the year, month and day',
    'err.to.beforeFrom': 'The end date cannot be before the start date',
    'err.page.invalid': 'The page must be a positive whole number',
    'err.page.outOfRange': 'There is no such page: the results have {pages} page(s)',
    'skip.results': 'Skip to the results',
    'more.apply': 'Apply conditions',
    'more.summary.chosen': 'More conditions ({n} chosen)',
    'demo.badge': 'Demo data',
    'err.size.invalid': 'Results per page can be 15, 30, 50 or 100',
    'err.invalid': 'Choose or enter this value again from the form',
  },
);
type SearchMessages = ReturnType<typeof searchMessages>;

/** The text of an error code in the page's language. */
export function searchErrorText(locale: Locale, code: SearchErrorCode, params: Record<string, string | number> = {}): string {
  return fill(searchMessages(locale)[`err.${code}`], params);
}

export interface SearchOptions {
  workPlaces: { code: string; name: string }[];
  sysnams: { code: string; name: string; class: '行政類' | '技術類' | null }[];
  personKinds: { code: string; name: string }[];
  rankTypes: string[];
}

export interface SearchResult {
  total: number;
  rows: VacancyListRow[];
  page: number;
  pages: number;
  size: number;
}

export interface SearchPageProps {
  ctx: PageContext;
  /** What the user typed (re-displayed as is). */
  values: FormValues;
  /** Messages by field, already in the page's language. */
  errors: FieldErrors;
  result: SearchResult | null;
  options: SearchOptions;
  placeName: (code: string) => string;
  /** Builds the URL of this search at another page. */
  pageHref: (page: number) => string;
  /** Opens 「更多條件」: one of its filters is set or has an error. */
  advancedOpen: boolean;
}

function pageTitle(ctx: PageContext, m: SearchMessages, errors: FieldErrors, result: SearchResult | null): string {
  const base = ctx.t('home.title');
  const errorPrefix = Object.keys(errors).length ? `${m['title.error']}：` : '';
  const pagePart = result && result.page > 1 ? `（${fill(m['title.page'], { page: result.page })}）` : '';
  return `${errorPrefix}${base}${pagePart}`;
}

function SysnamSelect({ m, options, value, error }: { m: SearchMessages; options: SearchOptions['sysnams']; value: string; error?: string | undefined }): JSX.Element {
  const id = fieldId('sysnam');
  const groups: [string, SearchOptions['sysnams']][] = [
    [m['group.admin'], options.filter((s) => s.class === '行政類')],
    [m['group.tech'], options.filter((s) => s.class === '技術類')],
  ];
  const option = (s: { code: string; name: string }) => (
    <option value={s.code} selected={s.code === value} safe>
      {s.name}
    </option>
  );
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {m['label.sysnam']}
      </label>
      <FieldError name="sysnam" error={error} />
      <select id={id} name="sysnam" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="" selected={value === ''} safe>
          {m['option.any']}
        </option>
        {options.filter((s) => s.class === null).map(option)}
        {groups.map(([label, list]) => (
          <optgroup label={label}>{list.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

function resultColumns(ctx: PageContext, firstSeq: number, placeName: (code: string) => string): Column<VacancyListRow>[] {
  const t = ctx.t;
  const demoBadge = searchMessages(ctx.locale)['demo.badge'];
  return [
    { header: t('col.seq'), cell: (_r, i) => String(firstSeq + i + 1), class: 'num' },
    { header: t('col.posted'), cell: (r) => <RocDate date={r.postedAt} /> },
    {
      header: t('col.title'),
      cell: (r) => (
        <>
          <a href={`/jobs/${encodeURIComponent(r.workId)}`} safe>
            {r.title}
          </a>
          {r.source === 'demo' ? (
            <>
              {' '}
              <span class="badge demo-badge" safe>
                {demoBadge}
              </span>
            </>
          ) : (
            ''
          )}
        </>
      ),
    },
    { header: t('col.org'), cell: (r) => <span safe>{r.orgName}</span> },
    { header: t('col.sysnam'), cell: (r) => <span safe>{r.sysnamText}</span> },
    { header: t('col.rank'), cell: (r) => <span safe>{r.rankText}</span> },
    { header: t('col.place'), cell: (r) => <span safe>{r.workPlaces.map(placeName).join('、') || r.workPlaceText}</span> },
    {
      header: t('col.valid'),
      cell: (r) => (
        <span class="nowrap">
          <RocDate date={r.validFrom} />～<RocDate date={r.validTo} />
        </span>
      ),
    },
  ];
}

export function SearchPage({ ctx, values, errors, result, options, placeName, pageHref, advancedOpen }: SearchPageProps): JSX.Element {
  const t = ctx.t;
  const m = searchMessages(ctx.locale);
  const labels: Record<SearchField, string> = {
    keyword: t('search.keyword'),
    org: m['label.org'],
    place: m['label.place'],
    sysnam: m['label.sysnam'],
    rank: m['label.rank'],
    grade: m['label.grade'],
    kind: m['label.kind'],
    access: m['label.access'],
    special: m['label.special'],
    from: m['label.from'],
    to: m['label.to'],
    page: m['label.page'],
    size: m['label.size'],
  };
  const any = { value: '', label: m['option.any'] };
  const firstSeq = result ? (result.page - 1) * result.size : 0;
  // The other conditions (機關 and 工作地點 too) stay folded so the results come first on a phone (issue 16 item 6);
  // they open as before when an advanced filter is set or has an error. The summary says how many are chosen.
  const moreFields = ['org', 'place', 'sysnam', 'kind', 'rank', 'grade', 'access', 'special', 'from', 'to', 'size'] as const;
  const moreOpen = advancedOpen || errors.org !== undefined || errors.place !== undefined || errors.size !== undefined;
  const chosen = moreFields.filter((f) => f !== 'size' && valuesOf(values, f).some((v) => v.trim() !== '')).length;
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, m, errors, result)} scripts={['/assets/js/forms.js', '/assets/js/search.js']}>
      <h1 safe>{t('home.title')}</h1>
      <p safe>{t('home.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} title={t('form.errors.title')} />
      <form method="get" action="/jobs" class="search-panel" role="search" aria-label={t('home.title')} data-search-form>
        <div class="search-main">
          <Field name="keyword" type="search" label={t('search.keyword')} hint={t('search.keyword.hint')} value={valueOf(values, 'keyword')} error={errors.keyword} maxlength={KEYWORD_MAX} />
          <div class="actions">
            <button type="submit" safe>
              {t('form.search')}
            </button>
            <a href="/jobs" class="button secondary" safe>
              {t('form.clear')}
            </a>
            {result ? (
              <a href="#results" class="skip-results" safe>
                {m['skip.results']}
              </a>
            ) : (
              ''
            )}
          </div>
        </div>
        <details class="search-more" open={moreOpen}>
          <summary safe>{chosen > 0 ? fill(m['more.summary.chosen'], { n: chosen }) : m['more.summary']}</summary>
          <Field name="org" label={m['label.org']} hint={m['hint.org']} value={valueOf(values, 'org')} error={errors.org} maxlength={ORG_MAX} />
        {cachedPart(partKey(ctx.locale, 'place', valuesOf(values, 'place'), errors.place), () => (
          <CheckboxGroup
            name="place"
            legend={m['label.place']}
            hint={m['hint.place']}
            options={options.workPlaces.map((p) => ({ value: p.code, label: p.name }))}
            values={valuesOf(values, 'place')}
            error={errors.place}
            columns
          />
        ))}
          <div class="search-row">
            {cachedPart(partKey(ctx.locale, 'sysnam', valueOf(values, 'sysnam'), errors.sysnam), () => (
              <SysnamSelect m={m} options={options.sysnams} value={valueOf(values, 'sysnam')} error={errors.sysnam} />
            ))}
            {cachedPart(partKey(ctx.locale, 'kind', valueOf(values, 'kind'), errors.kind), () => (
              <SelectField
                name="kind"
                label={m['label.kind']}
                value={valueOf(values, 'kind')}
                options={[any, ...options.personKinds.map((p) => ({ value: p.code, label: p.name }))]}
                error={errors.kind}
              />
            ))}
          </div>
          <div class="search-row">
            {cachedPart(partKey(ctx.locale, 'rank', valuesOf(values, 'rank'), errors.rank), () => (
              <CheckboxGroup
                name="rank"
                legend={m['label.rank']}
                hint={m['hint.rank']}
                options={options.rankTypes.map((r) => ({ value: r, label: r }))}
                values={valuesOf(values, 'rank')}
                error={errors.rank}
                columns
              />
            ))}
            {cachedPart(partKey(ctx.locale, 'grade', valueOf(values, 'grade'), errors.grade), () => (
              <SelectField
                name="grade"
                label={m['label.grade']}
                value={valueOf(values, 'grade')}
                options={[any, ...Array.from({ length: 14 }, (_, i) => ({ value: String(i + 1), label: fill(m['option.grade'], { grade: i + 1 }) }))]}
                error={errors.grade}
              />
            ))}
          </div>
          {cachedPart(partKey(ctx.locale, 'access', valueOf(values, 'access'), errors.access), () => (
            <SelectField
              name="access"
              label={m['label.access']}
              value={valueOf(values, 'access')}
              options={[any, ...(['civil_service', 'open', 'none'] as const).map((a) => ({ value: a, label: m[`access.${a}`] }))]}
              error={errors.access}
            />
          ))}
          {cachedPart(partKey(ctx.locale, 'special', valuesOf(values, 'special'), errors.special), () => (
            <CheckboxGroup
              name="special"
              legend={m['label.special']}
              hint={m['hint.special']}
              options={(['handicap', 'original', 'local_original', 'traning'] as const).map((s) => ({ value: s, label: m[`special.${s}`] }))}
              values={valuesOf(values, 'special')}
              error={errors.special}
              columns
            />
          ))}
          <div class="search-row">
            <Field name="from" label={m['label.from']} hint={m['hint.date']} value={valueOf(values, 'from')} error={errors.from} maxlength={20} autocomplete="off" />
            <Field name="to" label={m['label.to']} hint={m['hint.date']} value={valueOf(values, 'to')} error={errors.to} maxlength={20} autocomplete="off" />
          </div>
          <SelectField
            name="size"
            label={m['label.size']}
            value={valueOf(values, 'size') || String(PAGE_SIZES[0])}
            options={PAGE_SIZES.map((n) => ({ value: String(n), label: fill(m['option.size'], { size: n }) }))}
            error={errors.size}
          />
          <div class="actions">
            <button type="submit" safe>
              {m['more.apply']}
            </button>
          </div>
        </details>
      </form>
      {result ? (
        <div class="results" id="results">
          <h2 id="results-title" safe>
            {t('search.results')}
          </h2>
          <p role="status" safe>
            {t('search.count', { total: result.total })}
          </p>
          {errors.page ? (
            <p class="field-error" id={fieldId('page')}>
              {Html.escapeHtml(errors.page)}{' '}
              <a href={pageHref(result.pages)} safe>
                {fill(m['page.last'], { pages: result.pages })}
              </a>
            </p>
          ) : (
            ''
          )}
          <DataTable caption={t('search.results')} columns={resultColumns(ctx, firstSeq, placeName)} rows={result.rows} empty={t('table.none')} />
          <Pagination ctx={ctx} page={Math.min(result.page, result.pages)} pages={result.pages} total={result.total} href={pageHref} />
        </div>
      ) : (
        ''
      )}
    </Layout>
  );
}

export { Html };
