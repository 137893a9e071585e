// The dashboards' charts (issue 14 item 6): from the figures of loadDashboard to, for each chart, its caption,
// its SVG (ECharts, platform/charts) and the table of the same numbers. Names of 職系 and 工作地 from the code tables.
import { CHART_COLORS, renderChart, type ChartSpec } from '../../platform/charts/svg-chart.ts';
import { fill, type Locale } from '../../platform/i18n/i18n.ts';
import { formatRoc } from '../../platform/tw/roc-date.ts';
import { sysnamByName, sysnamName, workPlaceName } from '../reference/index.ts';
import { dashboardMessages } from './dashboard.messages.ts';
import { DAYS, TOP, WEEKS, secondsToDays, topWithOther, type Count } from './dashboard.rules.ts';
import { MAIL_DAYS, type DashboardData } from './dashboard.service.ts';

export interface ChartView {
  id: string;
  title: string;
  /** Inline SVG markup, trusted (renderChart). */
  svg: string;
  notes: string[];
  columns: string[];
  rows: string[][];
}

const monthDay = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** Rows in the order of their codes (ties of the top-N keep it). */
const byCode = <T extends { key: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
/** Rows of the same label summed, in the order each label first appears. */
function merged(rows: readonly Count[]): Count[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.key, (by.get(r.key) ?? 0) + r.n);
  return [...by].map(([key, n]) => ({ key, n }));
}
const sum = (xs: readonly { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
const taipeiMinute = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Taipei', hour: '2-digit', minute: '2-digit', hour12: false });

/** The charts' specs and tables, pure; `dashboardCharts` draws them. */
export function dashboardSpecs(d: DashboardData, locale: Locale): { spec: ChartSpec; view: Omit<ChartView, 'svg'> }[] {
  const m = dashboardMessages(locale);
  const out: { spec: ChartSpec; view: Omit<ChartView, 'svg'> }[] = [];
  const add = (id: string, spec: Omit<ChartSpec, 'labelledBy'>, view: Omit<ChartView, 'svg' | 'id'>) =>
    out.push({ spec: { ...spec, labelledBy: `${id}-title` }, view: { id, ...view } });

  add(
    'chart-applications',
    { kind: 'bar', categories: d.perDay.map((r) => monthDay(r.key)), series: [{ name: m.count, data: d.perDay.map((r) => r.n), color: CHART_COLORS.blue }] },
    {
      title: fill(m.perDayTitle, { days: DAYS, from: formatRoc(d.from), to: formatRoc(d.today), total: sum(d.perDay) }),
      notes: [],
      columns: [m.day, m.count],
      rows: d.perDay.map((r) => [formatRoc(r.key), String(r.n)]),
    },
  );

  const sysnamLabel = (r: { key: string; text: string }) =>
    r.key ? (sysnamName(r.key) ?? r.key) : (sysnamByName(r.text)?.name ?? (r.text.trim() || m.noSysnam));
  const sysnam = topWithOther(merged(byCode(d.sysnam).map((r) => ({ key: sysnamLabel(r), n: r.n }))), m.other);
  add(
    'chart-sysnam',
    { kind: 'bar', horizontal: true, height: 60 + sysnam.length * 26, categories: sysnam.map((r) => r.key), series: [{ name: m.vacancies, data: sysnam.map((r) => r.n), color: CHART_COLORS.blue }] },
    { title: fill(m.sysnamTitle, { top: TOP, total: sum(d.sysnam) }), notes: [], columns: [m.sysnam, m.vacancies], rows: sysnam.map((r) => [r.key, String(r.n)]) },
  );

  const places = topWithOther(byCode(d.places).map((r) => ({ key: workPlaceName(r.key) ?? r.key, n: r.n })), m.other);
  add(
    'chart-places',
    { kind: 'bar', horizontal: true, height: 60 + places.length * 26, categories: places.map((r) => r.key), series: [{ name: m.vacancies, data: places.map((r) => r.n), color: CHART_COLORS.green }] },
    { title: fill(m.placeTitle, { top: TOP }), notes: [], columns: [m.place, m.vacancies], rows: places.map((r) => [r.key, String(r.n)]) },
  );

  const accessNames: Record<string, string> = { civil_service: m.accessCivil, open: m.accessOpen, none: m.accessNone };
  const access = ['civil_service', 'open', 'none'].map((k) => ({ key: accessNames[k]!, n: d.access.find((r) => r.key === k)?.n ?? 0 }));
  add(
    'chart-access',
    { kind: 'bar', horizontal: true, height: 160, categories: access.map((r) => r.key), series: [{ name: m.vacancies, data: access.map((r) => r.n), color: CHART_COLORS.orange }] },
    { title: fill(m.accessTitle, { total: sum(d.access) }), notes: [], columns: [m.access, m.vacancies], rows: access.map((r) => [r.key, String(r.n)]) },
  );

  const overall = secondsToDays(d.firstOverall.medianSeconds);
  add(
    'chart-first-application',
    { kind: 'line', categories: d.weeks.map((w) => monthDay(w.week)), valueName: m.medianDays, series: [{ name: m.medianDays, data: d.weeks.map((w) => secondsToDays(w.medianSeconds)), color: CHART_COLORS.red }] },
    {
      title: fill(m.firstTitle, {
        weeks: WEEKS,
        median: overall === null ? m.firstNone : fill(m.days, { n: overall }),
        answered: d.firstOverall.answered,
        posted: d.firstOverall.posted,
      }),
      notes: [],
      columns: [m.week, m.posted, m.answered, m.medianDays],
      rows: d.weeks.map((w) => {
        const days = secondsToDays(w.medianSeconds);
        return [formatRoc(w.week), String(w.posted), String(w.answered), days === null ? '—' : String(days)];
      }),
    },
  );

  const stateNames: Record<string, string> = { pending: m.resumePending, producing: m.resumeProducing, ready: m.resumeReady, failed: m.resumeFailed };
  const states = ['ready', 'pending', 'producing', 'failed'].map((k) => ({ key: stateNames[k]!, n: d.resumeStates.find((r) => r.key === k)?.n ?? 0 }));
  const waiting = (k: string) => d.resumeWaiting.find((r) => r.key === k)?.n ?? 0;
  add(
    'chart-resume-files',
    { kind: 'bar', horizontal: true, height: 170, categories: states.map((r) => r.key), series: [{ name: m.count, data: states.map((r) => r.n), color: CHART_COLORS.grey }] },
    {
      title: fill(m.resumeTitle, { days: DAYS, total: sum(d.resumeStates) }),
      notes: [fill(m.resumeWaiting, { pending: waiting('pending'), producing: waiting('producing'), failed: waiting('failed') }), m.resumeBatches],
      columns: [m.resumeState, m.count],
      rows: states.map((r) => [r.key, String(r.n)]),
    },
  );

  const mailNotes = [fill(m.mailWaiting, { pending: d.mailsWaiting.pending, failed: d.mailsWaiting.failed })];
  if (d.mailsWaiting.oldestDue) mailNotes.push(fill(m.mailOldest, { at: `${formatRoc(d.mailsWaiting.oldestDue)} ${taipeiMinute.format(d.mailsWaiting.oldestDue)}` }));
  add(
    'chart-mail',
    {
      kind: 'bar',
      stacked: true,
      categories: d.mailDays.map((r) => monthDay(r.day)),
      series: [
        { name: m.mailSent, data: d.mailDays.map((r) => r.sent), color: CHART_COLORS.green },
        { name: m.mailPending, data: d.mailDays.map((r) => r.pending), color: CHART_COLORS.orange },
        { name: m.mailFailed, data: d.mailDays.map((r) => r.failed), color: CHART_COLORS.red },
      ],
    },
    {
      title: fill(m.mailTitle, { days: MAIL_DAYS }),
      notes: mailNotes,
      columns: [m.day, m.mailSent, m.mailPending, m.mailFailed],
      rows: d.mailDays.map((r) => [formatRoc(r.day), String(r.sent), String(r.pending), String(r.failed)]),
    },
  );

  add(
    'chart-online',
    { kind: 'line', categories: d.hours.map((h) => hourLabel(h.hour)), series: [{ name: m.online, data: d.hours.map((h) => h.n), color: CHART_COLORS.blue }] },
    { title: fill(m.onlineTitle, { day: formatRoc(d.today) }), notes: [m.onlineNote], columns: [m.hour, m.online], rows: d.hours.map((h) => [hourLabel(h.hour), String(h.n)]) },
  );
  return out;
}

/** Every chart of the page, drawn. */
export async function dashboardCharts(d: DashboardData, locale: Locale): Promise<ChartView[]> {
  const out: ChartView[] = [];
  for (const { spec, view } of dashboardSpecs(d, locale)) out.push({ ...view, svg: await renderChart(spec) });
  return out;
}
