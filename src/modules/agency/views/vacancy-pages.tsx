// 刪除 confirmation and 預覽 of a stored vacancy (AGY-5).
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { Csrf } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { JobPreview } from '../../vacancies/index.ts';
import { agencyMessages } from '../agency.messages.ts';
import { withAgency } from '../agency.paths.ts';
import type { VacancyRow } from '../agency.repo.ts';

interface Props {
  ctx: PageContext;
  vacancy: VacancyRow;
  /** The agency the back office acts for (carried back to the list), or null. */
  via: string | null;
}

export function reviewText(t: ReturnType<typeof agencyMessages>, status: string): string {
  return status === 'approved' ? t['review.approved'] : status === 'flagged' ? t['review.flagged'] : status === 'rejected' ? t['review.rejected'] : status;
}

export function DeletePage({ ctx, vacancy: v, via }: Props): JSX.Element {
  const t = agencyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t['title.delete']} door="ecpa">
      <h1 safe>{t['title.delete']}</h1>
      <p safe>{fill(t['delete.confirm'], { title: v.title, workId: v.workId })}</p>
      <form method="post" action={`/agency/${encodeURIComponent(v.id)}/delete`}>
        <Csrf ctx={ctx} />
        <button type="submit" class="danger" safe>
          {t['delete.yes']}
        </button>{' '}
        <a href={withAgency('/agency', via)} safe>
          {t['delete.cancel']}
        </a>
      </form>
    </Layout>
  );
}

export function PreviewPage({ ctx, vacancy: v, via }: Props): JSX.Element {
  const t = agencyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={fill(t['title.previewOf'], { title: v.title })} door="ecpa">
      <h1 safe>{t['title.preview']}</h1>
      <p safe>{v.takenDownAt
          ? fill(t['preview.review'], { review: t['review.takenDown'] }) + (v.takenDownReason ? `（${v.takenDownReason}）` : '')
          : fill(t['preview.review'], { review: reviewText(t, v.reviewStatus) }) + (v.reviewReason ? `（${v.reviewReason}）` : '')}</p>
      <p>
        <a href={withAgency('/agency', via)} safe>
          {t['form.back']}
        </a>{' '}
        <a href={`/agency/${encodeURIComponent(v.id)}/edit`} safe>
          {t['preview.edit']}
        </a>
      </p>
      <JobPreview ctx={ctx} vacancy={v} />
    </Layout>
  );
}

export { Html };
