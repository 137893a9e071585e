// The job search page (PUB-1): a GET form (the query lives in the URL) and the result table.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import { valueOf, valuesOf } from '../../../platform/http/forms.ts';
import { CheckboxGroup, DataTable, ErrorSummary, Field, Pagination, RocDate, SelectField, type Column } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { VacancyListRow } from '../vacancy.repo.ts';
import { PAGE_SIZES } from '../search.rules.ts';

export interface SearchPageProps {
  ctx: PageContext;
  values: FormValues;
  errors: FieldErrors;
  result: { total: number; rows: VacancyListRow[]; page: number; pages: number; size: number } | null;
  workPlaces: { code: string; name: string }[];
  placeName: (code: string) => string;
  /** Builds the URL of this search at another page. */
  pageHref: (page: number) => string;
}

export function SearchPage({ ctx, values, errors, result, workPlaces, placeName, pageHref }: SearchPageProps): JSX.Element {
  const t = ctx.t;
  const labels = { keyword: t('search.keyword'), place: t('search.workplace'), page: t('pager.label'), size: '每頁筆數' };
  const firstSeq = result ? (result.page - 1) * result.size : 0;
  const columns: Column<VacancyListRow>[] = [
    { header: t('col.seq'), cell: (_r, i) => String(firstSeq + i + 1), class: 'num' },
    { header: t('col.posted'), cell: (r) => <RocDate date={r.postedAt} /> },
    {
      header: t('col.title'),
      cell: (r) => (
        <a href={`/jobs/${encodeURIComponent(r.workId)}`} safe>
          {r.title}
        </a>
      ),
    },
    { header: t('col.org'), cell: (r) => <span safe>{r.orgName}</span> },
    { header: t('col.sysnam'), cell: (r) => <span safe>{r.sysnamText}</span> },
    { header: t('col.rank'), cell: (r) => <span safe>{r.rankText}</span> },
    { header: t('col.place'), cell: (r) => <span safe>{r.workPlaces.map(placeName).join('、') || r.workPlaceText}</span> },
    {
      header: t('col.valid'),
      cell: (r) => (
        <>
          <RocDate date={r.validFrom} />～<RocDate date={r.validTo} />
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('home.title')} scripts={['/assets/js/forms.js']}>
      <h1 safe>{t('home.title')}</h1>
      <p safe>{t('home.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} title={t('form.errors.title')} />
      <form method="get" action="/jobs" class="search-panel" role="search" aria-label={t('home.title')}>
        <Field name="keyword" type="search" label={t('search.keyword')} hint={t('search.keyword.hint')} value={valueOf(values, 'keyword')} error={errors.keyword} maxlength={50} />
        <CheckboxGroup
          name="place"
          legend={t('search.workplace')}
          options={workPlaces.map((p) => ({ value: p.code, label: p.name }))}
          values={valuesOf(values, 'place')}
          error={errors.place}
          columns
        />
        <SelectField
          name="size"
          label={labels.size}
          value={valueOf(values, 'size') || '15'}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} 筆` }))}
          error={errors.size}
        />
        <div class="actions">
          <button type="submit" safe>
            {t('form.search')}
          </button>
          <a href="/jobs" class="button secondary" safe>
            {t('form.clear')}
          </a>
        </div>
      </form>
      {result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" safe>
            {t('search.results')}
          </h2>
          <p role="status" safe>
            {t('search.count', { total: result.total })}
          </p>
          <DataTable caption={t('search.results')} columns={columns} rows={result.rows} empty={t('table.none')} />
          <Pagination ctx={ctx} page={result.page} pages={result.pages} total={result.total} href={pageHref} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export { Html };
