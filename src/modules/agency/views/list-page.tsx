// 機關徵才登錄 list (AGY-1): 使用者目前登入的方式, the query, 新增, 歷史職缺, the table, 15 a page (selectable).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Pagination, RocDate } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { reviewLabel } from '../agency-check.rules.ts';
import type { VacancyRow } from '../agency.repo.ts';
import { PAGE_SIZES, type ListFilters } from '../agency.paths.ts';
import { listHref } from '../agency.paths.ts';

export interface ListPageProps {
  ctx: PageContext;
  agency: { code: string; name: string };
  method: string;
  filters: ListFilters;
  rows: VacancyRow[];
  total: number;
}

export function ListPage({ ctx, agency, method, filters: f, rows, total }: ListPageProps): JSX.Element {
  const history = f.view === 'history';
  const title = history ? '歷史職缺' : '機關徵才登錄';
  const pages = Math.max(1, Math.ceil(total / f.size));
  return (
    <Layout ctx={ctx} title={title} door="ecpa">
      <h1>{title}</h1>
      <p>
        <span safe>{`徵才機關：${agency.code} ${agency.name}`}</span>
        <br />
        <span safe>{`使用者目前登入的方式：${method}登入`}</span>
      </p>
      <form method="get" action="/agency" class="agency-query">
        {history ? <input type="hidden" name="view" value="history" /> : ''}
        <fieldset>
          <legend>查詢條件</legend>
          <div class="field">
            <label for="q-from">上網有效期間（起）</label>
            <input id="q-from" name="from" value={f.fromText} maxlength="12" aria-describedby="q-date-hint" />
          </div>
          <div class="field">
            <label for="q-to">上網有效期間（迄）</label>
            <input id="q-to" name="to" value={f.toText} maxlength="12" aria-describedby="q-date-hint" />
            <p class="hint" id="q-date-hint">
              {history ? '民國日期，例如 115/01/31' : '民國日期，例如 115/01/31；只列迄日仍有效之職缺'}
            </p>
          </div>
          <div class="field">
            <label for="q-workId">職缺編號</label>
            <input id="q-workId" name="workId" value={f.workId} maxlength="20" inputmode="numeric" />
          </div>
          <div class="field">
            <label for="q-keyword">關鍵字</label>
            <input id="q-keyword" name="keyword" type="search" value={f.keyword} maxlength="50" />
          </div>
          <div class="field">
            <label for="q-size">每頁筆數</label>
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
              {f.dateError}
            </p>
          ) : (
            ''
          )}
          <button type="submit">查詢</button> <a href={history ? '/agency?view=history' : '/agency'}>重設</a>
        </fieldset>
      </form>
      <p class="actions">
        <a class="button" href="/agency/new">
          新增
        </a>{' '}
        {history ? <a href="/agency">目前職缺</a> : <a href="/agency?view=history">歷史職缺</a>}
      </p>
      <p safe>{`共 ${total} 筆`}</p>
      {rows.length === 0 ? (
        <p>查無職缺。</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                {['序號', '刊登日期', '職稱', '機關名稱', '職系', '官職等', '工作地點', '有效期間', '審核結果', history ? '複製' : '修改', '刪除', '預覽', '調閱簡歷', '調閱履歷'].map((h) => (
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
                    <span safe>{r.takenDownAt ? '已下架' : reviewLabel(r.reviewStatus)}</span>
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
                      <a href={`/agency/new?copy=${encodeURIComponent(r.id)}`} safe>{`複製為新職缺（${r.title}）`}</a>
                    ) : (
                      <a href={`/agency/${encodeURIComponent(r.id)}/edit`} safe>{`修改（${r.workId}）`}</a>
                    )}
                  </td>
                  <td>
                    {history ? '—' : <a href={`/agency/${encodeURIComponent(r.id)}/delete`} safe>{`刪除（${r.workId}）`}</a>}
                  </td>
                  <td>
                    <a href={`/agency/${encodeURIComponent(r.id)}/preview`} safe>{`預覽（${r.workId}）`}</a>
                  </td>
                  <td>尚未開放</td>
                  <td>尚未開放</td>
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
