// ACS-1 the applicant list of a vacancy (seed 001 步驟五): 職缺編號 and its type, the 身分證字號 filter, 共N人, the rows,
// and the forms of 調閱履歷 (ACS-2, at most 10, an archive password), 批次通知面試 (ACS-5, the notices module) and
// 匯出聯絡資訊 (ACS-4). Cancelled applications are listed apart (?view=cancelled) and never downloadable.
import { batchFailureOf } from '../../applications/index.ts';
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, Pagination } from '../../../platform/views/components.tsx';
import { PasswordField } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ApplicationRow } from '../../applications/index.ts';
import { accessPaths, applicantsHref, type ApplicantListFilters } from '../access.paths.ts';
import { APPLICANTS_PAGE_SIZE, MAX_ARCHIVE, maskId } from '../access.rules.ts';
import { contactOf, rocDateTime } from '../access.view-model.ts';
import type { AccessVacancy } from '../access.http.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { accessMessages, archiveErrorTexts, passwordRuleTexts, type AccessMessages } from '../access.messages.ts';
import type { ArchiveErrors } from '../access.rules.ts';

export interface NoticeCell {
  status: string;
  href: string | null;
}

export interface ApplicantsPageProps {
  ctx: PageContext;
  vacancy: AccessVacancy;
  filters: ApplicantListFilters;
  total: number;
  rows: ApplicationRow[];
  /** ACS-7: 面試回覆狀態 and 查看通知 by application id (wired from the notices module; empty until then). */
  notices?: ReadonlyMap<string, NoticeCell>;
  /** After a refused 調閱履歷: the messages beside the fields, and the ticks kept. */
  errors?: ArchiveErrors;
  ticked?: readonly string[];
  /** 使用者目前登入的方式 (as on the /agency list). */
  method?: string;
}

const modeText = (m: AccessMessages, mode: string) => (mode === 'civil_service' || mode === 'open' || mode === 'none' ? m[`mode.${mode}`] : '');

export function ApplicantsPage(p: ApplicantsPageProps): JSX.Element {
  const { ctx, vacancy: v, filters: f } = p;
  const m = accessMessages(ctx.locale);
  const title = f.cancelled ? m['title.cancelled'] : m['title.list'];
  const pages = Math.max(1, Math.ceil(p.total / APPLICANTS_PAGE_SIZE));
  const ticked = new Set(p.ticked ?? []);
  const notices = p.notices ?? new Map<string, NoticeCell>();
  const errors = p.errors ? archiveErrorTexts(m, p.errors) : {};
  const offset = (f.page - 1) * APPLICANTS_PAGE_SIZE;
  return (
    <Layout ctx={ctx} title={`${title} ${v.workId}`} door="ecpa">
      <h1 safe>{title}</h1>
      <p>
        {p.method ? <span safe>{fill(m.method, { method: p.method })}</span> : ''}
        {p.method ? <br /> : ''}
        <span safe>{fill(m.workId, { workId: v.workId, mode: modeText(m, v.accessMode) })}</span>
        <br />
        <span safe>{fill(m.jobTitle, { title: v.title })}</span>
      </p>
      <p>
        <a href="/agency" safe>
          {m['nav.back']}
        </a>{' '}
        ｜{' '}
        <a href={accessPaths.summaries(v.id)} safe>
          {m['nav.summaries']}
        </a>{' '}
        ｜{' '}
        {f.cancelled ? (
          <a href={accessPaths.applicants(v.id)} safe>
            {m['nav.applicants']}
          </a>
        ) : (
          <a href={applicantsHref(v.id, { ...f, cancelled: true, page: 1 })} safe>
            {m['nav.cancelled']}
          </a>
        )}
      </p>
      <form method="get" action={accessPaths.applicants(v.id)} class="agency-query">
        {f.cancelled ? <input type="hidden" name="view" value="cancelled" /> : ''}
        <div class="field">
          <label for="q-id" safe>
            {m['filter.id']}
          </label>
          <input id="q-id" name="idNumber" value={f.idNumber} maxlength="10" autocomplete="off" />
        </div>
        <button type="submit" safe>
          {m['filter.submit']}
        </button>
      </form>
      <p safe>{fill(m.total, { count: p.total })}</p>
      {f.cancelled ? <CancelledTable {...p} m={m} offset={offset} /> : ''}
      {!f.cancelled && p.rows.length > 0 ? (
        <form method="post" action={accessPaths.archive(v.id)} novalidate>
          <Csrf ctx={ctx} />
          {errors.app || errors.password ? (
            <div class="error-summary" role="alert" tabindex="-1">
              <p safe>{m['archive.summary']}</p>
              <ul>
                {errors.app ? (
                  <li>
                    <a href="#applicants-table" safe>
                      {errors.app}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {errors.password ? (
                  <li>
                    <a href="#f-password" safe>
                      {errors.password}
                    </a>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </div>
          ) : (
            ''
          )}
          <p class="hint" safe>
            {fill(m['archive.max'], { max: MAX_ARCHIVE })}
          </p>
          {errors.app ? (
            <p class="field-error" id="app-error" safe>
              {errors.app}
            </p>
          ) : (
            ''
          )}
          <div class="table-wrap">
            <table id="applicants-table" class="data-table">
              <caption class="visually-hidden" safe>
                {m['caption.active']}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>{m['col.no']}</th>
                  <th scope="col" safe>{m['col.archive']}</th>
                  <th scope="col" safe>{m['col.notify']}</th>
                  <th scope="col" safe>{m['col.name']}</th>
                  <th scope="col" safe>{m['col.id']}</th>
                  <th scope="col" safe>{m['col.gender']}</th>
                  <th scope="col" safe>{m['col.birth']}</th>
                  <th scope="col" safe>{m['col.phone']}</th>
                  <th scope="col" safe>{m['col.email']}</th>
                  <th scope="col" safe>{m['col.applied']}</th>
                  <th scope="col" safe>{m['col.uploaded']}</th>
                  <th scope="col" safe>{m['col.reply']}</th>
                  <th scope="col" safe>{m['col.notice']}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r, i) => {
                  const c = contactOf(r);
                  const n = notices.get(r.id);
                  const ready = r.resumeFileState === 'ready';
                  return (
                    <tr>
                      <td safe>{String(offset + i + 1)}</td>
                      <td>
                        {ready ? (
                          <input type="checkbox" name="app" value={r.id} id={`app-${r.id}`} checked={ticked.has(r.id)} aria-label={fill(m['row.tickArchive'], { name: c.name })} />
                        ) : r.resumeFileState === 'failed' && batchFailureOf(r.resumeFileLastError) ? (
                          <span safe>{m[`row.failed.${batchFailureOf(r.resumeFileLastError)!}`]}</span>
                        ) : (
                          <span safe>{m['row.producing']}</span>
                        )}
                      </td>
                      <td>
                        <input type="checkbox" name="notify" value={r.id} aria-label={fill(m['row.tickNotify'], { name: c.name })} />
                      </td>
                      <td safe>{c.name}</td>
                      <td safe>{f.idNumber && c.idNumber === f.idNumber ? c.idNumber : maskId(c.idNumber)}</td>
                      <td safe>{c.gender}</td>
                      <td safe>{c.birth}</td>
                      <td safe>{c.phone}</td>
                      <td safe>{c.email}</td>
                      <td safe>{c.appliedAt}</td>
                      <td safe>{rocDateTime(r.resumeFileReadyAt)}</td>
                      <td safe>{n?.status ?? ''}</td>
                      <td>
                        {n?.href ? (
                          <a href={n.href} safe>
                            {m['row.viewNotice']}
                          </a>
                        ) : (
                          <a href={accessPaths.notice(v.id, r.id)} safe>
                            {fill(m['row.notify'], { name: c.name })}
                          </a>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h2 safe>{m['password.heading']}</h2>
          <PasswordField ctx={ctx} name="password" label={m['password.label']} hint={m['password.hint']} rules texts={passwordRuleTexts(ctx.locale)} error={errors.password} autocomplete="new-password" />
          <p class="hint">
            {Html.escapeHtml(m['archive.note'].split('{sevenZip}')[0] ?? '')}
            <a href="https://www.7-zip.org/">7-Zip</a>
            {Html.escapeHtml(m['archive.note'].split('{sevenZip}')[1] ?? '')}
          </p>
          <div class="actions">
            <button type="submit" formaction={accessPaths.archive(v.id)} safe>
              {m['button.archive']}
            </button>
            <button type="submit" formaction={accessPaths.batchNotice(v.id)} safe>
              {m['button.batch']}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
      {!f.cancelled && p.rows.length === 0 ? <p safe>{m.empty}</p> : ''}
      {!f.cancelled ? (
        <form method="post" action={accessPaths.contacts(v.id)}>
          <Csrf ctx={ctx} />
          <fieldset>
            <legend safe>{m['export.legend']}</legend>
            <button type="submit" name="type" value="ods" safe>
              {m['export.ods']}
            </button>{' '}
            <button type="submit" name="type" value="xlsx" safe>
              {m['export.xlsx']}
            </button>
          </fieldset>
        </form>
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={f.page} pages={pages} total={p.total} href={(page) => applicantsHref(v.id, f, page)} />
    </Layout>
  );
}

function CancelledTable(p: ApplicantsPageProps & { m: AccessMessages; offset: number }): JSX.Element {
  const { m } = p;
  if (p.rows.length === 0) return <p safe>{m['empty.cancelled']}</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class="visually-hidden" safe>
          {m['caption.cancelled']}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{m['col.no']}</th>
            <th scope="col" safe>{m['col.name']}</th>
            <th scope="col" safe>{m['col.id']}</th>
            <th scope="col" safe>{m['col.applied']}</th>
            <th scope="col" safe>{m['col.cancelledAt']}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, i) => {
            const c = contactOf(r);
            return (
              <tr>
                <td safe>{String(p.offset + i + 1)}</td>
                <td safe>{c.name}</td>
                <td safe>{p.filters.idNumber && c.idNumber === p.filters.idNumber ? c.idNumber : maskId(c.idNumber)}</td>
                <td safe>{c.appliedAt}</td>
                <td safe>{rocDateTime(r.cancelledAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export { Html };
