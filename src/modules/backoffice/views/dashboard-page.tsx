// 統計圖表 (issue 14 item 6): each chart a <figure> named by its <figcaption>, the SVG role="img" labelled by it,
// and the same numbers in a table (in a <details>) for screen readers and anyone who wants the figures.
import Html from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.ts';
import { dashboardMessages } from '../dashboard.messages.ts';
import type { ChartView } from '../dashboard.view.ts';
import { BackofficePage } from './backoffice-page.tsx';
import { DataTable } from '../../../platform/views/components.tsx';
import { rocDateTime } from '../../../platform/mail/compose.ts';

/** One GEN-2 batch run (resume_batch_runs). */
export interface BatchRunRow {
  trigger: 'schedule' | 'manual';
  startedAt: Date;
  finishedAt: Date | null;
  produced: number;
  failed: number;
}

function Chart({ c, dataTable }: { c: ChartView; dataTable: string }): JSX.Element {
  const safeSvg = c.svg; // drawn by ECharts and checked by fitSvg (platform/charts/svg-chart.ts)
  return (
    <figure class="dashboard-chart" id={c.id}>
      <figcaption id={`${c.id}-title`} safe>
        {c.title}
      </figcaption>
      <div class="chart-frame">{safeSvg}</div>
      {c.notes.map((n) => (
        <p class="hint" safe>
          {n}
        </p>
      ))}
      <details class="chart-data">
        <summary safe>{dataTable}</summary>
        <table class="data-table">
          <caption safe>{c.title}</caption>
          <thead>
            <tr>
              {c.columns.map((h) => (
                <th scope="col" safe>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rows.map(([head, ...cells]) => (
              <tr>
                <th scope="row" safe>
                  {head ?? ''}
                </th>
                {cells.map((v, i) => (
                  <td class="num" data-label={c.columns[i + 1] ?? ''} safe>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function DashboardPage({ ctx, charts, batchRuns = [] }: { ctx: PageContext; charts: readonly ChartView[]; batchRuns?: BatchRunRow[] }): JSX.Element {
  const m = dashboardMessages(ctx.locale);
  return (
    <BackofficePage ctx={ctx} title={m.title} section="dashboard">
      <p class="hint" safe>
        {m.intro}
      </p>
      <div class="dashboard">
        {charts.map((c) => (
          <Chart c={c} dataTable={m.dataTable} />
        ))}
      </div>
      <h2 safe>{m.batchTitle}</h2>
      <DataTable<BatchRunRow>
        caption={m.batchTitle}
        empty={m.batchEmpty}
        rows={batchRuns}
        columns={[
          { header: m.batchStarted, cell: (r) => <span safe>{rocDateTime(r.startedAt)}</span> },
          { header: m.batchFinished, cell: (r) => <span safe>{r.finishedAt ? rocDateTime(r.finishedAt) : m.batchUnfinished}</span> },
          { header: m.batchTrigger, cell: (r) => <span safe>{r.trigger === 'manual' ? m.batchManual : m.batchSchedule}</span> },
          { header: m.batchProduced, cell: (r) => <span safe>{String(r.produced)}</span> },
          { header: m.batchFailed, cell: (r) => <span safe>{String(r.failed)}</span> },
        ]}
      />
    </BackofficePage>
  );
}

export { Html };
