// 機關徵才匯入 (AGY-7): every row passed — the preview of what will be created, and 確認匯入 (one transaction).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, RocDate } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { personKindName, workPlaceName } from '../../reference/index.ts';
import { previewVerdict, type ImportRow } from '../agency-import.rules.ts';
import { ACCESS_MODES } from '../agency.form.ts';
import { rowFromForm } from '../agency.rules.ts';
import { IMPORT_PATH } from './import-page.tsx';

export interface ImportPreviewProps {
  ctx: PageContext;
  agency: { code: string; name: string };
  batchId: string;
  fileName: string;
  rows: ImportRow[];
}

export function ImportPreviewPage({ ctx, agency, batchId, fileName, rows }: ImportPreviewProps): JSX.Element {
  const flagged = rows.filter((r) => previewVerdict(r.form).status === 'flagged').length;
  return (
    <Layout ctx={ctx} title="機關徵才匯入：預覽" door="ecpa">
      <h1>機關徵才匯入：預覽</h1>
      <p safe>{`徵才機關：${agency.code} ${agency.name}`}</p>
      <p class="flash flash-success" role="status" safe>
        {`「${fileName}」共 ${rows.length} 列，全部檢查通過。按「確認匯入」後一次新增 ${rows.length} 個職缺，各自取得職缺編號${flagged ? `；其中 ${flagged} 個經自動檢查為待審核，審核通過後才刊登` : ''}。`}
      </p>
      <form method="post" action={`${IMPORT_PATH}/${encodeURIComponent(batchId)}`}>
        <Csrf ctx={ctx} />
        <p class="actions">
          <button type="submit" safe>
            {`確認匯入 ${rows.length} 個職缺`}
          </button>{' '}
          <a href={IMPORT_PATH}>取消，重新上傳</a>
        </p>
      </form>
      <div class="table-wrap" role="region" aria-labelledby="import-preview-caption" tabindex="0">
        <table class="data-table import-preview">
          <caption id="import-preview-caption" safe>
            {`將新增的職缺（${rows.length} 個）`}
          </caption>
          <thead>
            <tr>
              <th scope="col">列</th>
              <th scope="col">職稱</th>
              <th scope="col">人員區分</th>
              <th scope="col">名額</th>
              <th scope="col">工作地</th>
              <th scope="col">上網有效期間</th>
              <th scope="col">官職等</th>
              <th scope="col">職系</th>
              <th scope="col">履歷調閱方式</th>
              <th scope="col">自動檢查</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const row = rowFromForm(r.form);
              const verdict = previewVerdict(r.form);
              return (
                <tr>
                  <td safe>{String(r.rowNo)}</td>
                  <td safe>{row.title}</td>
                  <td safe>{`${r.form.personKindCode} ${personKindName(r.form.personKindCode) ?? ''}`}</td>
                  <td safe>{String(r.form.headcount)}</td>
                  <td safe>{r.form.workPlaces.map((c) => workPlaceName(c) ?? c).join('、')}</td>
                  <td>
                    <RocDate date={r.form.validFrom} /> ～ <RocDate date={r.form.validTo} />
                  </td>
                  <td safe>{row.rankText ?? ''}</td>
                  <td safe>{row.sysnamText ?? ''}</td>
                  <td>{ACCESS_MODES.find((m) => m.value === r.form.accessMode)?.label ?? ''}</td>
                  <td safe>{verdict.status === 'approved' ? '審核通過' : `待審核：${verdict.reason}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export { Html };
