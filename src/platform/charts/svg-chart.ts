// Server-rendered SVG charts (issue 14 item 6, ADR 0014): Apache ECharts 6 in its SSR mode (no DOM, no script),
// then made to fit this site's CSP and WCAG: the <style> block ECharts adds for hover effects is dropped and each
// `style="…"` attribute (font size and family of its texts) becomes SVG presentation attributes, since the CSP's
// `style-src 'self'` blocks both; the <svg> gets role="img" and is named by the caption it is labelled by.
// ECharts escapes every text it draws (axis labels come from agencies' input: tests prove it).
import type * as EChartsCore from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartSeries {
  name: string;
  data: readonly (number | null)[];
  color: string;
}

export interface ChartSpec {
  /** id of the element (a <figcaption>) that names the chart. */
  labelledBy: string;
  kind: 'bar' | 'line';
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Bars stacked (several series); default side by side. */
  stacked?: boolean;
  /** Categories on the vertical axis (long names: 職系, 工作地). */
  horizontal?: boolean;
  width?: number;
  height?: number;
  /** Name of the value axis (unit). */
  valueName?: string;
}

/** The text colour of axes and legend: #333 on white is 12.6:1. */
const INK = '#333333';
const FONT = "'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif";
/** Series colours, each ≥ 4.5:1 on white (WCAG 1.4.11 asks 3:1 for graphics). */
export const CHART_COLORS = { blue: '#1f5f99', orange: '#a14f00', green: '#2e6b30', red: '#b3261e', grey: '#5f6368' } as const;

type EChartsModule = typeof EChartsCore;
let loaded: Promise<EChartsModule> | null = null;

/** ECharts is loaded on the first chart, not at start (only the back office draws charts). */
async function echartsCore(): Promise<EChartsModule> {
  loaded ??= (async () => {
    const core = await import('echarts/core');
    const charts = await import('echarts/charts');
    const components = await import('echarts/components');
    const renderers = await import('echarts/renderers');
    core.use([charts.BarChart, charts.LineChart, components.GridComponent, components.LegendComponent, renderers.SVGRenderer]);
    return core;
  })();
  return loaded;
}

function optionOf(spec: ChartSpec): EChartsCoreOption {
  const categoryAxis = {
    type: 'category',
    data: [...spec.categories],
    axisLabel: { color: INK, hideOverlap: true },
    axisLine: { lineStyle: { color: INK } },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    name: spec.valueName,
    nameTextStyle: { color: INK },
    axisLabel: { color: INK },
    splitLine: { lineStyle: { color: '#d9d9d9' } },
  };
  const several = spec.series.length > 1;
  return {
    animation: false,
    silent: true,
    aria: { enabled: false }, // the page names the chart and gives its numbers in a table
    textStyle: { fontFamily: FONT, color: INK },
    grid: { left: 8, right: 24, top: several ? 40 : 24, bottom: 8 }, // ECharts 6 keeps the axis labels inside by default
    legend: several ? { top: 0, textStyle: { color: INK }, data: spec.series.map((s) => s.name) } : undefined,
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((s) => ({
      type: spec.kind,
      name: s.name,
      data: [...s.data],
      stack: spec.stacked ? 'total' : undefined,
      color: s.color,
      itemStyle: { color: s.color },
      lineStyle: spec.kind === 'line' ? { color: s.color, width: 2 } : undefined,
      symbol: spec.kind === 'line' ? 'circle' : undefined,
      connectNulls: false,
      emphasis: { disabled: true },
    })),
  };
}

const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);
const escapeAttr = (v: string) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** `style="a:b;c:d"` → `a="b" c="d"` for the presentation properties SVG has; anything else is dropped. */
function styleToAttributes(style: string): string {
  const decoded = style.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const attrs: string[] = [];
  for (const decl of decoded.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const prop = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    if (PRESENTATION.has(prop) && value) attrs.push(`${prop}="${escapeAttr(value)}"`);
  }
  return attrs.join(' ');
}

/**
 * The SVG of ECharts made fit to inline: no <style>, no style attribute, role="img" named by `labelledBy`.
 * Exported for its tests; `renderChart` is the way in.
 */
export function fitSvg(svg: string, labelledBy: string): string {
  let out = svg
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/ style="([^"]*)"/g, (_, s: string) => {
      const attrs = styleToAttributes(s);
      return attrs ? ` ${attrs}` : '';
    })
    .replace(/ class="zr[\w-]*"/g, '')
    .replace(/\n+/g, '\n');
  out = out.replace(/^<svg /, `<svg role="img" aria-labelledby="${escapeAttr(labelledBy)}" focusable="false" class="chart-svg" `);
  // ECharts writes none of these; a chart that did would be a bug here, never a page with a script in it.
  if (/<script|<foreignObject|\son\w+\s*=|javascript:/i.test(out)) throw new Error('chart SVG holds active content');
  return out;
}

/** One chart as inline SVG markup (trusted: drawn by ECharts from numbers and escaped texts, then fitSvg). */
export async function renderChart(spec: ChartSpec): Promise<string> {
  const echarts = await echartsCore();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width ?? 720, height: spec.height ?? 300 });
  try {
    chart.setOption(optionOf(spec));
    return fitSvg(chart.renderToSVGString(), spec.labelledBy);
  } finally {
    chart.dispose();
  }
}
