// 預覽 (AGY-5): the public job page's body as it will look, for the agency's own pages (before and after 送出).
import Html from '@kitajs/html';
import type { PageContext } from '../../../../platform/http/context.ts';
import { jobPageMessages } from '../job-page.messages.ts';
import type { VacancyRow } from '../job-page.rules.ts';
import { JobSummary, JobTexts } from './job-fields.tsx';

export function JobPreview({ ctx, vacancy: v }: { ctx: PageContext; vacancy: VacancyRow }): JSX.Element {
  const m = jobPageMessages(ctx.locale);
  return (
    <article class="job job-preview" aria-labelledby="job-title">
      <h2 id="job-title" safe>
        {v.title}
      </h2>
      <p class="job-org" safe>
        {v.orgName}
      </p>
      <JobSummary v={v} m={m} />
      <JobTexts v={v} m={m} />
    </article>
  );
}

export { Html };
