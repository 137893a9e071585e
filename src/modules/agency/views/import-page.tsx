// 機關徵才匯入 (AGY-7): the upload form with the templates, and — after 檢查 — the file's problem or the errors by
// row and column (error summary + table). Nothing is created on this page.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { ErrorSummary, FieldError, fieldId } from '../../../platform/views/components.tsx';
import { Required } from '../../../platform/views/form-parts.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { IMPORT_COLUMNS } from '../agency-import.columns.ts';
import { errorText, type ImportError, MAX_IMPORT_ROWS } from '../agency-import.rules.ts';

export const IMPORT_PATH = '/agency/import';
export const TEMPLATES = [
  { href: `${IMPORT_PATH}/template.xlsx`, label: 'Excel 範本（.xlsx）' },
  { href: `${IMPORT_PATH}/template.ods`, label: 'ODF 試算表範本（.ods）' },
  { href: `${IMPORT_PATH}/template.csv`, label: 'CSV 範本（.csv，UTF-8）' },
  { href: `${IMPORT_PATH}/codes.csv`, label: '代碼表（.csv，UTF-8）' },
] as const;

/** Errors shown at most (the summary says how many more). */
const SHOWN = 500;

export interface ImportPageProps {
  ctx: PageContext;
  agency: { code: string; name: string };
  /** A problem with the file as a whole (not a spreadsheet, empty, too many rows, merged cells …). */
  fileError?: string | undefined;
  /** Errors by row and column. */
  errors?: ImportError[];
  rowCount?: number;
  fileName?: string;
}

function withCsrf(path: string, token: string): string {
  return `${path}?_csrf=${encodeURIComponent(token)}`;
}

export function ImportPage({ ctx, agency, fileError, errors = [], rowCount = 0, fileName = '' }: ImportPageProps): JSX.Element {
  const title = '機關徵才匯入';
  const shown = errors.slice(0, SHOWN);
  return (
    <Layout ctx={ctx} title={errors.length || fileError ? `錯誤：${title}` : title} door="ecpa">
      <h1>{title}</h1>
      <p>
        <a href="/agency">回機關徵才登錄列表</a>
      </p>
      <p safe>{`徵才機關：${agency.code} ${agency.name}`}</p>
      {fileError ? <ErrorSummary errors={{ file: fileError }} labels={{ file: '檔案' }} title="無法匯入，沒有新增任何職缺" /> : ''}
      {errors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
          <h2 id="error-summary-title" safe>
            {`「${fileName}」共 ${rowCount} 列，有 ${errors.length} 個錯誤，沒有匯入任何職缺`}
          </h2>
          <p>請修正檔案中下列錯誤後重新上傳；每一列都正確時才會匯入。</p>
          <ul>
            {errors.slice(0, 10).map((e, i) => (
              <li>
                <a href={`#import-error-${i}`} safe>
                  {errorText(e)}
                </a>
              </li>
            ))}
          </ul>
          {errors.length > 10 ? (
            <p>
              <a href="#import-errors">看全部錯誤</a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {errors.length ? (
        <div class="table-wrap" role="region" aria-labelledby="import-errors-caption" tabindex="0" id="import-errors">
          <table class="data-table import-errors">
            <caption id="import-errors-caption" safe>
              {errors.length > SHOWN ? `錯誤清單（列出前 ${SHOWN} 個，共 ${errors.length} 個）` : `錯誤清單（共 ${errors.length} 個）`}
            </caption>
            <thead>
              <tr>
                <th scope="col">列</th>
                <th scope="col">欄</th>
                <th scope="col">欄位</th>
                <th scope="col">錯誤說明</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr id={`import-error-${i}`}>
                  <td safe>{String(e.rowNo)}</td>
                  <td safe>{e.column}</td>
                  <td safe>{e.label}</td>
                  <td safe>{errorText(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">1. 下載範本</h2>
        <p>範本第 1 列是標題列（與「新增職缺」表單的欄位名稱相同），請自第 2 列起每列填寫一個職缺。xlsx 與 ods 範本的第二個工作表「代碼表」列出人員區分、工作地、職系、官等職等等代碼；CSV 範本只有標題列，代碼請見代碼表 CSV 或 xlsx / ods 範本的「代碼表」工作表。</p>
        <ul>
          {TEMPLATES.map((t) => (
            <li>
              <a href={t.href} download="">
                {t.label}
              </a>
            </li>
          ))}
        </ul>
        <details>
          <summary>各欄位填寫方式</summary>
          <div class="table-wrap" role="region" aria-labelledby="columns-caption" tabindex="0">
            <table class="data-table">
              <caption id="columns-caption">範本欄位</caption>
              <thead>
                <tr>
                  <th scope="col">欄位</th>
                  <th scope="col">必填</th>
                  <th scope="col">填寫方式</th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_COLUMNS.map((c) => (
                  <tr>
                    <td safe>{c.label}</td>
                    <td>{c.required ? '必填' : ''}</td>
                    <td safe>{c.hint}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">2. 上傳填好的檔案</h2>
        <form method="post" action={withCsrf(IMPORT_PATH, ctx.csrf())} enctype="multipart/form-data" novalidate class="agency-import-form">
          <div class={fileError ? 'field has-error' : 'field'}>
            <label for={fieldId('file')}>
              檔案
              <Required ctx={ctx} />
            </label>
            <p class="hint" id={`${fieldId('file')}-hint`} safe>
              {`xlsx、ods 或 csv（UTF-8），最大 5 MB，最多 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 列；日期請用日期儲存格或民國日期文字（例如 108/06/17）；不可有公式或合併儲存格。上傳後先檢查並預覽，確認後才會新增職缺。`}
            </p>
            <FieldError name="file" error={fileError} />
            <input
              id={fieldId('file')}
              name="file"
              type="file"
              required
              accept=".xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
              aria-describedby={fileError ? `${fieldId('file')}-hint ${fieldId('file')}-error` : `${fieldId('file')}-hint`}
              aria-invalid={fileError ? 'true' : undefined}
            />
          </div>
          <p class="actions">
            <button type="submit">檢查並預覽</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}

export { Html };
