// 刪除 confirmation and 預覽 of a stored vacancy (AGY-5).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { JobPreview } from '../../vacancies/index.ts';
import { reviewLabel } from '../agency-check.rules.ts';
import type { VacancyRow } from '../agency.repo.ts';

export function DeletePage({ ctx, vacancy: v }: { ctx: PageContext; vacancy: VacancyRow }): JSX.Element {
  return (
    <Layout ctx={ctx} title="刪除職缺" door="ecpa">
      <h1>刪除職缺</h1>
      <p safe>{`確定要刪除職缺「${v.title}」（職缺編號 ${v.workId}）嗎？刪除後職缺立即自公開網站移除，已應徵者將看到「已刪除」。`}</p>
      <form method="post" action={`/agency/${encodeURIComponent(v.id)}/delete`}>
        <Csrf ctx={ctx} />
        <button type="submit" class="danger">
          確定刪除
        </button>{' '}
        <a href="/agency">取消</a>
      </form>
    </Layout>
  );
}

export function PreviewPage({ ctx, vacancy: v }: { ctx: PageContext; vacancy: VacancyRow }): JSX.Element {
  return (
    <Layout ctx={ctx} title={`預覽：${v.title}`} door="ecpa">
      <h1>職缺預覽</h1>
      <p safe>{`審核結果：${reviewLabel(v.reviewStatus)}${v.reviewReason ? `（${v.reviewReason}）` : ''}`}</p>
      <p>
        <a href="/agency">回機關徵才登錄列表</a> <a href={`/agency/${encodeURIComponent(v.id)}/edit`}>修改</a>
      </p>
      <JobPreview ctx={ctx} vacancy={v} />
    </Layout>
  );
}

export { Html };
