// PUB-7 panel for the eCPA home page: 目前線上人數, 今日總計人數, 累積上線人數 and the date in ROC form.
import type { PageContext } from '../../platform/http/context.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { counterMessages } from './counters.messages.ts';
import type { Counters } from './counters.service.ts';

export function CountersPanel({ ctx, counters }: { ctx: PageContext; counters: Counters }): JSX.Element {
  const m = counterMessages(ctx.locale);
  const rows: [string, number][] = [
    [m.online, counters.online],
    [m.today, counters.today],
    [m.total, counters.total],
  ];
  const date = ctx.locale === 'en' ? `${formatRoc(counters.day)} (${counters.day})` : counters.date;
  return (
    <section class="counters" aria-labelledby="counters-title">
      <h2 id="counters-title" safe>
        {m.title}
      </h2>
      <dl class="counters-list">
        {rows.map(([label, n]) => (
          <div>
            <dt safe>{label}</dt>
            <dd safe>{String(n)}</dd>
          </div>
        ))}
        <div>
          <dt safe>{m.date}</dt>
          <dd>
            <time datetime={counters.day} safe>
              {date}
            </time>
          </dd>
        </div>
      </dl>
    </section>
  );
}
