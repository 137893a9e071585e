// ACS-1 the applicant list of a vacancy (seed 001 步驟五): 職缺編號 and its type, the 身分證字號 filter, 共N人, the rows,
// and the forms of 調閱履歷 (ACS-2, at most 10, an archive password), 批次通知面試 (ACS-5, the notices module) and
// 匯出聯絡資訊 (ACS-4). Cancelled applications are listed apart (?view=cancelled) and never downloadable.
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
import { passwordRuleTexts } from '../access.messages.ts';

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
  errors?: { app?: string; password?: string };
  ticked?: readonly string[];
  /** 使用者目前登入的方式 (as on the /agency list). */
  method?: string;
}

const MODE: Record<string, string> = { civil_service: '須具公務人員任用資格', open: '不須具公務人員任用資格', none: '不使用應徵者履歷調閱' };

export function ApplicantsPage(p: ApplicantsPageProps): JSX.Element {
  const { ctx, vacancy: v, filters: f } = p;
  const title = f.cancelled ? '機關徵才登錄-已取消應徵人員' : '機關徵才登錄-調閱履歷';
  const pages = Math.max(1, Math.ceil(p.total / APPLICANTS_PAGE_SIZE));
  const ticked = new Set(p.ticked ?? []);
  const notices = p.notices ?? new Map<string, NoticeCell>();
  const errors = p.errors ?? {};
  const offset = (f.page - 1) * APPLICANTS_PAGE_SIZE;
  return (
    <Layout ctx={ctx} title={`${title} ${v.workId}`} door="ecpa">
      <h1>{title}</h1>
      <p>
        {p.method ? <span safe>{`使用者目前登入的方式：${p.method}`}</span> : ''}
        {p.method ? <br /> : ''}
        <span safe>{`職缺編號 ${v.workId} ${MODE[v.accessMode] ?? ''}`}</span>
        <br />
        <span safe>{`職稱：${v.title}`}</span>
      </p>
      <p>
        <a href="/agency">回機關徵才登錄</a> ｜ <a href={accessPaths.summaries(v.id)}>調閱簡歷</a> ｜{' '}
        {f.cancelled ? <a href={accessPaths.applicants(v.id)}>應徵人員</a> : <a href={applicantsHref(v.id, { ...f, cancelled: true, page: 1 })}>已取消應徵人員</a>}
      </p>
      <form method="get" action={accessPaths.applicants(v.id)} class="agency-query">
        {f.cancelled ? <input type="hidden" name="view" value="cancelled" /> : ''}
        <div class="field">
          <label for="q-id">身分證字號</label>
          <input id="q-id" name="idNumber" value={f.idNumber} maxlength="10" autocomplete="off" />
        </div>
        <button type="submit">查詢</button>
      </form>
      <p safe>{`共${p.total}人`}</p>
      {f.cancelled ? <CancelledTable {...p} offset={offset} /> : ''}
      {!f.cancelled && p.rows.length > 0 ? (
        <form method="post" action={accessPaths.archive(v.id)} novalidate>
          <Csrf ctx={ctx} />
          {errors.app || errors.password ? (
            <div class="error-summary" role="alert" tabindex="-1">
              <p>調閱履歷未完成，請修正：</p>
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
          <p class="hint">{`※ 每次調閱最多僅能調閱${MAX_ARCHIVE}個人員之履歷`}</p>
          {errors.app ? (
            <p class="field-error" id="app-error" safe>
              {errors.app}
            </p>
          ) : (
            ''
          )}
          <div class="table-wrap">
            <table id="applicants-table" class="data-table">
              <caption class="visually-hidden">應徵人員</caption>
              <thead>
                <tr>
                  <th scope="col">序號</th>
                  <th scope="col">勾選調閱履歷</th>
                  <th scope="col">勾選批次通知面試</th>
                  <th scope="col">姓名</th>
                  <th scope="col">身分證字號</th>
                  <th scope="col">性別</th>
                  <th scope="col">出生</th>
                  <th scope="col">電話</th>
                  <th scope="col">聯絡Email</th>
                  <th scope="col">應徵時間</th>
                  <th scope="col">上傳時間</th>
                  <th scope="col">面試回覆狀態</th>
                  <th scope="col">通知面試/查看通知</th>
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
                          <input type="checkbox" name="app" value={r.id} id={`app-${r.id}`} checked={ticked.has(r.id)} aria-label={`勾選調閱履歷：${c.name}`} />
                        ) : (
                          <span>履歷資料產製中.....</span>
                        )}
                      </td>
                      <td>
                        <input type="checkbox" name="notify" value={r.id} aria-label={`勾選批次通知面試：${c.name}`} />
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
                          <a href={n.href}>查看通知</a>
                        ) : (
                          <a href={accessPaths.notice(v.id, r.id)} safe>
                            {`通知面試：${c.name}`}
                          </a>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h2>請設定下載壓縮檔密碼</h2>
          <PasswordField ctx={ctx} name="password" label="壓縮檔密碼" hint="請自行記得所設定之密碼，本系統不再提供查詢，密碼長度應至少 8 碼以上，並且混合大小寫英文字母、數字及特殊符號。" rules texts={passwordRuleTexts(ctx.locale)} error={errors.password} autocomplete="new-password" />
          <p class="hint">
            壓縮檔以 AES-256 加密：Windows 內建的解壓縮功能無法開啟，請使用 <a href="https://www.7-zip.org/">7-Zip</a>（或其他支援 AES 的解壓縮軟體）並輸入上面設定的密碼。
          </p>
          <div class="actions">
            <button type="submit" formaction={accessPaths.archive(v.id)}>
              調閱履歷
            </button>
            <button type="submit" formaction={accessPaths.batchNotice(v.id)}>
              批次通知面試
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
      {!f.cancelled && p.rows.length === 0 ? <p>目前沒有應徵人員。</p> : ''}
      {!f.cancelled ? (
        <form method="post" action={accessPaths.contacts(v.id)}>
          <Csrf ctx={ctx} />
          <fieldset>
            <legend>請選擇匯出聯絡資訊檔案類型</legend>
            <button type="submit" name="type" value="ods">
              產生ODS檔
            </button>{' '}
            <button type="submit" name="type" value="xlsx">
              產生Excel檔
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

function CancelledTable(p: ApplicantsPageProps & { offset: number }): JSX.Element {
  if (p.rows.length === 0) return <p>沒有已取消的應徵。</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class="visually-hidden">已取消應徵人員（不提供調閱）</caption>
        <thead>
          <tr>
            <th scope="col">序號</th>
            <th scope="col">姓名</th>
            <th scope="col">身分證字號</th>
            <th scope="col">應徵時間</th>
            <th scope="col">取消時間</th>
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
