// ADM-1 pages: the review queue and the back office's search of every agency's vacancies.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { DataTable, Pagination, RocDate, type Column } from '../../../platform/views/components.tsx';
import type { VacancyListItem } from '../review.repo.ts';
import { flaggedWords, highlight } from '../review.rules.ts';
import { PAGE_SIZE, REVIEW_STATE_LABELS, REVIEW_STATES, SOURCE_LABELS, SOURCES, stateOf, vacancySearchHref, type VacancySearch } from '../vacancy-search.query.ts';
import { BackofficePage, Highlighted } from './backoffice-page.tsx';

const vacancyHref = (id: string) => `/backoffice/vacancies/${encodeURIComponent(id)}`;

/** 審核結果 of a row with its reason (the automatic check's words marked). */
function StateCell({ v }: { v: VacancyListItem }): JSX.Element {
  const state = stateOf(v);
  const reason = state === 'taken_down' ? v.takenDownReason : state === 'deleted' ? null : v.reviewReason;
  return (
    <>
      <span safe>{REVIEW_STATE_LABELS[state]}</span>
      {reason ? (
        <span class="hint">
          {'（'}
          <Highlighted segments={state === 'flagged' ? highlight(reason, flaggedWords(reason)) : [{ text: reason, mark: false }]} />
          {'）'}
        </span>
      ) : (
        ''
      )}
    </>
  );
}

const columns: Column<VacancyListItem>[] = [
  {
    header: '職缺編號',
    cell: (v) => (
      <a href={vacancyHref(v.id)} safe>
        {v.workId}
      </a>
    ),
  },
  { header: '刊登日期', cell: (v) => <RocDate date={v.postedAt} /> },
  { header: '機關名稱', cell: (v) => <span safe>{`${v.orgName}${v.orgId ? `（${v.orgId}）` : ''}`}</span> },
  { header: '職稱', cell: (v) => <span safe>{v.title}</span> },
  {
    header: '上網有效期間',
    cell: (v) => (
      <>
        <RocDate date={v.validFrom} />～<RocDate date={v.validTo} />
      </>
    ),
  },
  { header: '來源', cell: (v) => <span safe>{SOURCE_LABELS[v.source as keyof typeof SOURCE_LABELS] ?? v.source}</span> },
  { header: '審核結果', cell: (v) => <StateCell v={v} /> },
];

export function QueuePage({ ctx, rows, total, page }: { ctx: PageContext; rows: VacancyListItem[]; total: number; page: number }): JSX.Element {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <BackofficePage ctx={ctx} title="職缺審核" section="review">
      <p>自動檢核發現可能有年齡、婚姻、容貌、性別或籍貫限制的職缺，暫不刊登，等待人事總處審核。標示處為檢核到的文字。</p>
      <p safe>{`待審核 ${total} 筆（先登錄者在前）`}</p>
      <DataTable caption="待審核職缺" columns={columns} rows={rows} empty="目前沒有待審核的職缺。" />
      <Pagination ctx={ctx} page={page} pages={pages} total={total} href={(p) => (p > 1 ? `/backoffice/review?page=${p}` : '/backoffice/review')} />
    </BackofficePage>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }): JSX.Element {
  return (
    <div class="field">
      <label for={`q-${name}`} safe>
        {label}
      </label>
      <select id={`q-${name}`} name={name}>
        <option value="">全部</option>
        {options.map(([v, l]) => (
          <option value={v} selected={v === value} safe>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextInput({ name, label, value, max, hint, error }: { name: string; label: string; value: string; max: number; hint?: string; error?: string | undefined }): JSX.Element {
  const ids = [hint ? `q-${name}-hint` : '', error ? `q-${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`q-${name}`} safe>
        {label}
      </label>
      {hint ? <p class="hint" id={`q-${name}-hint`} safe>{hint}</p> : ''}
      {error ? <p class="field-error" id={`q-${name}-error`} safe>{error}</p> : ''}
      <input id={`q-${name}`} name={name} value={value} maxlength={String(max)} aria-invalid={error ? 'true' : undefined} aria-describedby={ids || undefined} />
    </div>
  );
}

export function SearchPage({ ctx, f, rows, total }: { ctx: PageContext; f: VacancySearch; rows: VacancyListItem[]; total: number }): JSX.Element {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <BackofficePage ctx={ctx} title="職缺查詢" section="vacancies">
      <form method="get" action="/backoffice/vacancies" class="agency-query">
        <fieldset>
          <legend>查詢條件（所有機關）</legend>
          <TextInput name="workId" label="職缺編號" value={f.workId} max={20} />
          <TextInput name="agency" label="機關（代碼或名稱）" value={f.agency} max={50} />
          <TextInput name="keyword" label="關鍵字（職稱、資格條件、工作項目）" value={f.keyword} max={50} />
          <TextInput name="from" label="刊登日期（起）" value={f.fromText} max={12} hint="民國日期，例如 115/12/03" error={f.errors.from} />
          <TextInput name="to" label="刊登日期（迄）" value={f.toText} max={12} hint="民國日期，例如 115/12/31" error={f.errors.to} />
          <Select name="state" label="審核狀態" value={f.state} options={REVIEW_STATES.map((s) => [s, REVIEW_STATE_LABELS[s]])} />
          <Select name="source" label="來源" value={f.source} options={SOURCES.map((s) => [s, SOURCE_LABELS[s]])} />
          <button type="submit">查詢</button> <a href="/backoffice/vacancies">重設</a>
        </fieldset>
      </form>
      <p safe>{`共 ${total} 筆`}</p>
      <DataTable caption="查詢結果" columns={columns} rows={rows} empty="查無職缺。" />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => vacancySearchHref(f, p)} />
    </BackofficePage>
  );
}

export { Html };
