// 機關徵才登錄 list (AGY-1): 使用者目前登入的方式, the query, 新增, 歷史職缺, the table, 15 a page (selectable).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Pagination, RocDate } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { fill } from '../../../platform/i18n/i18n.ts';
import { agencyMessages } from '../agency.messages.ts';
import type { VacancyRow } from '../agency.repo.ts';
import { applicantsHref, listHref, PAGE_SIZES, summariesHref, withAgency, type ListFilters } from '../agency.paths.ts';
import { reviewText } from './vacancy-pages.tsx';

export interface ListPageProps {
  ctx: PageContext;
  agency: { code: string; name: string; via?: string | null };
  method: string;
  /** The principal is back office: offer 改選其他機關 (the chooser). */
  backoffice?: boolean;
  filters: ListFilters;
  rows: VacancyRow[];
  total: number;
  /** Active (not cancelled) applications per vacancy id; a vacancy not in the map has none. */
  applicants: ReadonlyMap<string, number>;
}

export function ListPage({ ctx, agency, method, backoffice = false, filters: f, rows, total, applicants }: ListPageProps): JSX.Element {
  const t = agencyMessages(ctx.locale);
  const via = agency.via ?? null;
  const history = f.view === 'history';
  const title = history ? t['title.history'] : t['title.list'];
  const pages = Math.max(1, Math.ceil(total / f.size));
  return (
    <Layout ctx={ctx} title={title} door="ecpa">
      <h1 safe>{title}</h1>
      <p>
        <span safe>{fill(t['list.agency'], { code: agency.code, name: agency.name })}</span>
        <br />
        <span safe>{fill(t['list.method'], { method })}</span>
      </p>
      {via || backoffice ? (
        <p class="notice">
          {via ? <span safe>{t['list.acting']}</span> : ''}{' '}
          <a href="/agency?agency=" safe>
            {t['list.chooseOther']}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/agency" class="agency-query">
        {via ? <input type="hidden" name="agency" value={via} /> : ''}
        {history ? <input type="hidden" name="view" value="history" /> : ''}
        <fieldset>
          <legend safe>{t['list.query']}</legend>
          <div class="field">
            <label for="q-from" safe>
              {t['list.from']}
            </label>
            <input id="q-from" name="from" value={f.fromText} maxlength="12" aria-describedby="q-date-hint" />
          </div>
          <div class="field">
            <label for="q-to" safe>
              {t['list.to']}
            </label>
            <input id="q-to" name="to" value={f.toText} maxlength="12" aria-describedby="q-date-hint" />
            <p class="hint" id="q-date-hint" safe>
              {history ? t['list.dateHint'] : t['list.dateHintCurrent']}
            </p>
          </div>
          <div class="field">
            <label for="q-workId" safe>
              {t['list.workId']}
            </label>
            <input id="q-workId" name="workId" value={f.workId} maxlength="20" inputmode="numeric" />
          </div>
          <div class="field">
            <label for="q-keyword" safe>
              {t['list.keyword']}
            </label>
            <input id="q-keyword" name="keyword" type="search" value={f.keyword} maxlength="50" />
          </div>
          <div class="field">
            <label for="q-size" safe>
              {t['list.size']}
            </label>
            <select id="q-size" name="size">
              {PAGE_SIZES.map((s) => (
                <option value={String(s)} selected={s === f.size} safe>
                  {String(s)}
                </option>
              ))}
            </select>
          </div>
          {f.dateError ? (
            <p class="field-error" role="alert" safe>
              {t[f.dateError]}
            </p>
          ) : (
            ''
          )}
          <button type="submit" safe>
            {t['list.search']}
          </button>{' '}
          <a href={withAgency(history ? '/agency?view=history' : '/agency', via)} safe>
            {t['list.reset']}
          </a>
        </fieldset>
      </form>
      <p class="actions">
        <a class="button" href={withAgency('/agency/new', via)} safe>
          {t['list.new']}
        </a>{' '}
        {history ? (
          <a href={withAgency('/agency', via)} safe>
            {t['list.current']}
          </a>
        ) : (
          <a href={withAgency('/agency?view=history', via)} safe>
            {t['list.history']}
          </a>
        )}
        {via ? '' : <a href="/agency/import" safe>{t['list.import']}</a>}
      </p>
      <p safe>{fill(t['list.total'], { total })}</p>
      {rows.length === 0 ? (
        <p safe>{t['list.none']}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption safe>{title}</caption>
            <thead>
              <tr>
                {[t['col.seq'], t['col.posted'], t['col.title'], t['col.org'], t['col.sysnam'], t['col.rank'], t['col.place'], t['col.valid'], t['col.review'], history ? t['col.copy'] : t['col.edit'], t['col.delete'], t['col.preview'], t['col.resumes'], t['col.cvs']].map((h) => (
                  <th scope="col" safe>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr>
                  <td safe>{String((f.page - 1) * f.size + i + 1)}</td>
                  <td>
                    <RocDate date={r.postedAt} />
                  </td>
                  <td>
                    <span safe>{r.title}</span>
                    <br />
                    <span class="hint" safe>
                      {r.workId}
                    </span>
                  </td>
                  <td safe>{r.orgName}</td>
                  <td safe>{r.sysnamText}</td>
                  <td safe>{r.rankText}</td>
                  <td safe>{r.workPlaceText}</td>
                  <td>
                    <RocDate date={r.validFrom} />～<RocDate date={r.validTo} />
                  </td>
                  <td>
                    <span safe>{r.takenDownAt ? t['review.takenDown'] : reviewText(t, r.reviewStatus)}</span>
                    {(r.takenDownAt ? r.takenDownReason : r.reviewReason) ? (
                      <span class="hint" safe>
                        {`（${r.takenDownAt ? r.takenDownReason : r.reviewReason}）`}
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    {history ? (
                      <a href={withAgency(`/agency/new?copy=${encodeURIComponent(r.id)}`, via)} safe>
                        {fill(t['row.copy'], { title: r.title })}
                      </a>
                    ) : (
                      <a href={`/agency/${encodeURIComponent(r.id)}/edit`} safe>
                        {fill(t['row.edit'], { workId: r.workId })}
                      </a>
                    )}
                  </td>
                  <td>
                    {history ? (
                      '—'
                    ) : (
                      <a href={`/agency/${encodeURIComponent(r.id)}/delete`} safe>
                        {fill(t['row.delete'], { workId: r.workId })}
                      </a>
                    )}
                  </td>
                  <td>
                    <a href={`/agency/${encodeURIComponent(r.id)}/preview`} safe>
                      {fill(t['row.preview'], { workId: r.workId })}
                    </a>
                  </td>
                  {/* 調閱簡歷 / 調閱履歷 (ACS-3 / ACS-1, the access module), with the count of active applicants; the back
                      office acting for an agency does not read resumes (policy accessApplicants): the count only. */}
                  <td>
                    {via ? (
                      <span safe>{fill(t['row.applicants'], { n: applicants.get(r.id) ?? 0 })}</span>
                    ) : (
                      <a href={summariesHref(r.id)} safe>
                        {fill(t['row.applicants'], { n: applicants.get(r.id) ?? 0 })}
                      </a>
                    )}
                  </td>
                  <td>
                    {via ? (
                      <span safe>{fill(t['row.applicants'], { n: applicants.get(r.id) ?? 0 })}</span>
                    ) : (
                      <a href={applicantsHref(r.id)} safe>
                        {fill(t['row.applicants'], { n: applicants.get(r.id) ?? 0 })}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={f.page} pages={pages} total={total} href={(page) => listHref(f, page)} />
    </Layout>
  );
}

export { Html };
