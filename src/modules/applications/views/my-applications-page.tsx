// 我的應徵 (APP-4, seeds/000 步驟七): each application with 職缺編號, 職稱, 機關, 應徵時間, 已調閱, 【下載】 of the
// attachment sent, 已刪除/已到期, the status line, 【取消應徵】 and (12 months after the job closed) 刪除紀錄.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { fill } from '../../../platform/i18n/i18n.ts';
import { DataTable, Pagination } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { formatRoc } from '../../../platform/tw/roc-date.ts';
import { applicationMessages } from '../application.messages.ts';
import { applicationPaths } from '../application.paths.ts';
import type { MyApplication } from '../my-applications.ts';
import { DkNav } from './dk-pages.tsx';

const taipeiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** Where the page's links go: the platform's (default) or DK's (ECPA-5). */
export interface MinePaths {
  attachment(id: string): string;
  cancel(id: string): string;
  remove(id: string): string;
  minePage(page: number): string;
}

export function MyApplicationsPage({
  ctx,
  rows,
  total,
  page,
  pages,
  door = 'platform',
  paths = applicationPaths,
  note,
  nav,
}: {
  ctx: PageContext;
  rows: MyApplication[];
  total: number;
  page: number;
  pages: number;
  door?: 'platform' | 'ecpa';
  paths?: MinePaths;
  note?: string;
  /** 'dk': DK's links above the list (the eCPA door's 我的應徵). */
  nav?: 'dk';
}): JSX.Element {
  const m = applicationMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={m['mine.title']} door={door}>
      <h1 safe>{m['mine.title']}</h1>
      {nav === 'dk' ? <DkNav ctx={ctx} /> : ''}
      <p class="hint" safe>
        {note ?? m['mine.note']}
      </p>
      <DataTable<MyApplication>
        caption={m['mine.caption']}
        empty={m['mine.empty']}
        rows={rows}
        columns={[
          { header: m['col.workId'], cell: (a) => <span safe>{a.workId}</span> },
          {
            header: m['col.title'],
            cell: (a) => (
              <a href={`/jobs/${encodeURIComponent(a.workId)}`} safe>
                {a.title}
              </a>
            ),
          },
          { header: m['col.org'], cell: (a) => <span safe>{a.orgName}</span> },
          {
            header: m['col.appliedAt'],
            cell: (a) => (
              <time datetime={a.appliedAt.toISOString()} safe>
                {`${formatRoc(a.appliedAt)} ${taipeiTime.format(a.appliedAt)}`}
              </time>
            ),
          },
          { header: m['col.viewed'], cell: (a) => <span safe>{a.viewedAt ? fill(m['mine.viewed'], { date: formatRoc(a.viewedAt) }) : m['mine.notViewed']}</span> },
          {
            header: m['col.attachment'],
            cell: (a) =>
              a.mayDownload ? (
                <a href={paths.attachment(a.id)} aria-label={`${m['mine.download']} ${a.attachmentName ?? ''}`} safe>
                  {m['mine.download']}
                </a>
              ) : (
                <span safe>{a.attachmentName ? m['mine.attachmentClosed'] : m['mine.noAttachment']}</span>
              ),
          },
          {
            header: m['col.status'],
            cell: (a) => (
              <>
                {a.vacancyState !== 'open' ? (
                  <strong class="tag" safe>
                    {a.vacancyState === 'deleted' ? m['state.deleted'] : m['state.expired']}
                  </strong>
                ) : (
                  ''
                )}
                <p class="status-line" safe>
                  {m[`step.${a.step}`]}
                </p>
              </>
            ),
          },
          {
            header: m['col.action'],
            cell: (a) => (
              <>
                {a.mayCancel ? (
                  <a href={paths.cancel(a.id)} aria-label={`${m['mine.cancel']} ${a.title}`} safe>
                    {m['mine.cancel']}
                  </a>
                ) : (
                  ''
                )}
                {a.mayDelete ? (
                  <a href={paths.remove(a.id)} aria-label={`${m['mine.delete']} ${a.title}`} safe>
                    {m['mine.delete']}
                  </a>
                ) : (
                  ''
                )}
              </>
            ),
          },
        ]}
      />
      <Pagination ctx={ctx} page={page} pages={pages} total={total} href={paths.minePage} />
    </Layout>
  );
}

export { Html };
