// PUB-7: 目前線上人數, 今日總計人數, 累積上線人數 and today's date in ROC form, for the eCPA home page.
import type { Services } from '../../container.ts';
import { formatRocLong } from '../../platform/tw/roc-date.ts';
import { ONLINE_WINDOW_MINUTES } from './counters.rules.ts';
import { visitTotals } from './counters.repo.ts';

export interface Counters {
  /** 目前線上人數: sessions seen in the last 15 minutes. */
  online: number;
  /** 今日總計人數: visits today (Taipei day). */
  today: number;
  /** 累積上線人數: visits on all days. */
  total: number;
  /** 民國 115 年 11 月 22 日 */
  date: string;
  /** Today, ISO YYYY-MM-DD (for <time datetime>). */
  day: string;
}

export async function readCounters(services: Pick<Services, 'db' | 'clock' | 'sessions'>): Promise<Counters> {
  const day = services.clock.today();
  const since = new Date(services.clock.now().getTime() - ONLINE_WINDOW_MINUTES * 60_000);
  const online = await services.sessions.countActiveSince(since);
  const { today, total } = await visitTotals(services.db, day);
  return { online, today, total, date: formatRocLong(day), day };
}
