// The 410 page of a job that was public and is no more: deleted by its agency, taken down by the back office
// (a neutral text: the reason is for the agency only), or past its 上網有效期間.
import Html from '@kitajs/html';
import type { PageContext } from '../../../../platform/http/context.ts';
import { RocDate } from '../../../../platform/views/components.tsx';
import { Layout } from '../../../../platform/views/layout.tsx';
import { jobPageMessages } from '../job-page.messages.ts';
import type { VacancyRow } from '../job-page.rules.ts';

export type GoneProps = { ctx: PageContext } & ({ reason: 'deleted' | 'withdrawn'; workId: string } | { reason: 'expired'; vacancy: VacancyRow });

export function GonePage(p: GoneProps): JSX.Element {
  const m = jobPageMessages(p.ctx.locale);
  const title = m[`gone.${p.reason}.title`];
  return (
    <Layout ctx={p.ctx} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{m[`gone.${p.reason}.body`]}</p>
      {p.reason === 'expired' ? (
        <dl class="fields">
          <dt safe>{m['label.workId']}</dt>
          <dd safe>{p.vacancy.workId}</dd>
          <dt safe>{m['label.title']}</dt>
          <dd safe>{p.vacancy.title}</dd>
          <dt safe>{m['label.org']}</dt>
          <dd safe>{p.vacancy.orgName}</dd>
          <dt safe>{m['label.valid']}</dt>
          <dd>
            <RocDate date={p.vacancy.validFrom} />～<RocDate date={p.vacancy.validTo} />
          </dd>
        </dl>
      ) : (
        <dl class="fields">
          <dt safe>{m['label.workId']}</dt>
          <dd safe>{p.workId}</dd>
        </dl>
      )}
      <p>
        <a href="/jobs" safe>
          {m['back.search']}
        </a>
      </p>
    </Layout>
  );
}

export { Html };
