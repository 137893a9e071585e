// ADM-1 pages: the review queue and the back office's search of every agency's vacancies.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { DataTable, Pagination, RocDate, type Column } from '../../../platform/views/components.tsx';
import { backofficeMessages, type BackofficeMessages } from '../backoffice.messages.ts';
import type { VacancyListItem } from '../review.repo.ts';
import { flaggedWords, highlight } from '../review.rules.ts';
import { PAGE_SIZE, REVIEW_STATES, SOURCES, sourceLabel, stateOf, vacancySearchHref, type VacancySearch } from '../vacancy-search.query.ts';
import { BackofficePage, Highlighted } from './backoffice-page.tsx';

const vacancyHref = (id: string) => `/backoffice/vacancies/${encodeURIComponent(id)}`;

/** 審核結果 of a row with its reason (the automatic check's words marked). */
function StateCell({ v, m }: { v: VacancyListItem; m: BackofficeMessages }): JSX.Element {
  const state = stateOf(v);
  const reason = state === 'taken_down' ? v.takenDownReason : state === 'deleted' ? null : v.reviewReason;
  return (
    <>
      <span safe>{m[`state.${state}`]}</span>
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

function columns(m: BackofficeMessages): Column<VacancyListItem>[] {
  return [
    {
      header: m['col.workId'],
      cell: (v) => (
        <a href={vacancyHref(v.id)} safe>
          {v.workId}
        </a>
      ),
    },
    { header: m['col.posted'], cell: (v) => <RocDate date={v.postedAt} /> },
    { header: m['col.agency'], cell: (v) => <span safe>{`${v.orgName}${v.orgId ? `（${v.orgId}）` : ''}`}</span> },
    { header: m['col.title'], cell: (v) => <span safe>{v.title}</span> },
    {
      header: m['col.valid'],
      cell: (v) => (
        <>
          <RocDate date={v.validFrom} />～<RocDate date={v.validTo} />
        </>
      ),
    },
    { header: m['col.source'], cell: (v) => <span safe>{sourceLabel(m, v.source)}</span> },
    { header: m['col.state'], cell: (v) => <StateCell v={v} m={m} /> },
  ];
}

export function QueuePage({ ctx, rows, total, page }: { ctx: PageContext; rows: VacancyListItem[]; total: number; page: number }): JSX.Element {
  const m = backofficeMessages(ctx.locale);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <BackofficePage ctx={ctx} title={m['menu.review']} section="review">
      <p safe>{m['queue.intro']}</p>
      <p safe>{fill(m['queue.count'], { count: total })}</p>
      <DataTable caption={m['queue.caption']} columns={columns(m)} rows={rows} empty={m['queue.empty']} />
      <Pagination ctx={ctx} page={page} pages={pages} total={total} href={(p) => (p > 1 ? `/backoffice/review?page=${p}` : '/backoffice/review')} />
    </BackofficePage>
  );
}

function Select({ name, label, value, options, all }: { name: string; label: string; value: string; options: [string, string][]; all: string }): JSX.Element {
  return (
    <div class="field">
      <label for={`q-${name}`} safe>
        {label}
      </label>
      <select id={`q-${name}`} name={name}>
        <option value="" safe>
          {all}
        </option>
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
  const m = backofficeMessages(ctx.locale);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <BackofficePage ctx={ctx} title={m['menu.vacancies']} section="vacancies">
      <form method="get" action="/backoffice/vacancies" class="agency-query">
        <fieldset>
          <legend safe>{m['search.legend']}</legend>
          <TextInput name="workId" label={m['search.workId']} value={f.workId} max={20} />
          <TextInput name="agency" label={m['search.agency']} value={f.agency} max={50} />
          <TextInput name="keyword" label={m['search.keyword']} value={f.keyword} max={50} />
          <TextInput name="from" label={m['search.from']} value={f.fromText} max={12} hint={m['search.fromHint']} error={f.errors.from} />
          <TextInput name="to" label={m['search.to']} value={f.toText} max={12} hint={m['search.toHint']} error={f.errors.to} />
          <Select name="state" label={m['search.state']} value={f.state} all={m.all} options={REVIEW_STATES.map((s) => [s, m[`state.${s}`]])} />
          <Select name="source" label={m['search.source']} value={f.source} all={m.all} options={SOURCES.map((s) => [s, m[`source.${s}`]])} />
          <button type="submit" safe>
            {m.search}
          </button>{' '}
          <a href="/backoffice/vacancies" safe>
            {m.reset}
          </a>
        </fieldset>
      </form>
      <p safe>{fill(m.total, { count: total })}</p>
      <DataTable caption={m['search.caption']} columns={columns(m)} rows={rows} empty={m['search.empty']} />
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(p) => vacancySearchHref(f, p)} />
    </BackofficePage>
  );
}

export { Html };
