// Apache ECharts (the org.mvnpm:echarts jar, through the import map). Every
// chart is drawn without animation (what is shown is final at once) and follows its container's size.

import { el } from './ui.js';
import { language, number, percent, shortDay } from './i18n.js';

// Imported as soon as the dashboard starts, in parallel with the page's API calls rather than
// before them: it is the largest file the page loads.
let echarts;
const loaded = import('echarts/dist/echarts.esm.min.js').then(module => {
  echarts = module;
  performance.mark('echarts-loaded');
});

/** The promise's data, once ECharts is loaded too: for sections that draw a chart. */
export function withCharts(promise) {
  return Promise.all([promise, loaded]).then(([data]) => data);
}

/** The charts on the current page by id, so tests can read back what is drawn. */
export const charts = {};
const observers = [];

export function disposeCharts() {
  observers.splice(0).forEach(observer => observer.disconnect());
  Object.keys(charts).forEach(id => {
    charts[id].dispose();
    delete charts[id];
  });
}

/** Draws option into a new chart element inside container, replacing what it showed. */
export function chart(container, id, option, { tall = false, height } = {}) {
  const element = el('div', { class: tall ? 'chart tall' : 'chart', 'data-chart': id, style: height ? `height: ${height}px` : undefined });
  container.replaceChildren(element);
  charts[id]?.dispose();
  const instance = echarts.init(element, null, { locale: language() === 'zh' ? 'ZH' : 'EN' });
  instance.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  charts[id] = instance;
  let size = `${element.clientWidth}x${element.clientHeight}`;
  const observer = new ResizeObserver(() => {
    const now = `${element.clientWidth}x${element.clientHeight}`;
    if (now !== size) {
      size = now;
      instance.resize();
    }
  });
  observer.observe(element);
  observers.push(observer);
  return element;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const GRID = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

/** Days on the x axis, one line (or bar) per series: [{name, data, type?, stack?}]. */
export function dailyOption(days, series, { valueFormatter = number, axisFormatter = number } = {}) {
  return {
    grid: GRID,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'category', data: days, axisLabel: { formatter: shortDay } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: axisFormatter } },
    series: series.map(s => ({ type: 'line', showSymbol: days.length <= 31, ...s })),
  };
}

/** Cohorts as rows, weeks since joining as columns, the share retained as colour and label. */
export function retentionOption(cohortLabels, weekLabels, cells, seriesName) {
  return {
    grid: { ...GRID, top: 8 },
    tooltip: { formatter: p => `${cohortLabels[p.value[1]]}<br>${weekLabels[p.value[0]]}: ${percent(p.value[2])}` },
    xAxis: { type: 'category', data: weekLabels, splitArea: { show: true } },
    yAxis: { type: 'category', data: cohortLabels, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 1, show: false, inRange: { color: ['#eff6ff', '#1d4ed8'] } },
    series: [{ name: seriesName, type: 'heatmap', data: cells, label: { show: true, formatter: p => percent(p.value[2]), fontSize: 11 } }],
  };
}

export function funnelOption(steps) {
  return {
    tooltip: { trigger: 'item', formatter: p => `${p.name}: ${number(p.value)}` },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, min: 0,
      max: Math.max(1, ...steps.map(s => s.value)), minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', formatter: p => `${p.name}  ${number(p.value)}` },
      data: steps,
    }],
  };
}

export function gaugeOption(value, name) {
  return {
    series: [{
      type: 'gauge', min: 0, max: 1, splitNumber: 4, radius: '95%', center: ['50%', '60%'], startAngle: 200, endAngle: -20,
      progress: { show: true, width: 14 }, axisLine: { lineStyle: { width: 14 } }, pointer: { show: false },
      axisLabel: { formatter: v => percent(v), distance: 18, fontSize: 11 }, splitLine: { length: 8 }, axisTick: { show: false },
      detail: { valueAnimation: false, formatter: v => percent(v), fontSize: 26, offsetCenter: [0, '10%'] },
      title: { offsetCenter: [0, '45%'] },
      data: [{ value, name }],
    }],
  };
}

/** Rows of categories (groups) against days: a filled cell where value is 1. */
export function presenceOption(days, rows, cells) {
  return {
    grid: { ...GRID, top: 8 },
    tooltip: { formatter: p => `${rows[p.value[1]]} · ${shortDay(days[p.value[0]])}` },
    xAxis: { type: 'category', data: days, axisLabel: { formatter: shortDay } },
    yAxis: { type: 'category', data: rows, inverse: true },
    visualMap: { min: 0, max: 1, show: false, inRange: { color: ['#f5f7fa', '#16a34a'] } },
    series: [{ type: 'heatmap', data: cells }],
  };
}
