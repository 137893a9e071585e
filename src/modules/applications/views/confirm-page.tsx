// The confirm step of 取消應徵 (APP-5) and of 刪除應徵紀錄 (APP-6): what is about to happen, 【確定】 or back.
import type { PageContext } from '../../../platform/http/context.ts';
import { Csrf, RocDate } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { applicationMessages } from '../application.messages.ts';
import { applicationPaths } from '../application.paths.ts';

export function ConfirmPage(p: { ctx: PageContext; kind: 'cancel' | 'delete'; action: string; job: { workId: string; title: string; orgName: string; appliedAt: Date }; door?: 'platform' | 'ecpa'; back?: string }): JSX.Element {
  const m = applicationMessages(p.ctx.locale);
  const title = p.kind === 'cancel' ? m['cancel.title'] : m['delete.title'];
  return (
    <Layout ctx={p.ctx} title={title} door={p.door ?? 'platform'}>
      <h1 safe>{title}</h1>
      <dl class="fields">
        <dt safe>{m['col.workId']}</dt>
        <dd safe>{p.job.workId}</dd>
        <dt safe>{m['col.title']}</dt>
        <dd safe>{p.job.title}</dd>
        <dt safe>{m['col.org']}</dt>
        <dd safe>{p.job.orgName}</dd>
        <dt safe>{m['col.appliedAt']}</dt>
        <dd>
          <RocDate date={p.job.appliedAt} />
        </dd>
      </dl>
      <p safe>{p.kind === 'cancel' ? m['cancel.confirm'] : m['delete.confirm']}</p>
      <form method="post" action={p.action}>
        <Csrf ctx={p.ctx} />
        <div class="actions">
          <button type="submit" safe>
            {p.kind === 'cancel' ? m['cancel.submit'] : m['delete.submit']}
          </button>
          <a href={p.back ?? applicationPaths.mine} safe>
            {m['cancel.back']}
          </a>
        </div>
      </form>
    </Layout>
  );
}
