// Overview: totals, DAU/WAU/MAU and GMV per day across groups, groups ranked by health, recent stage changes.

import { get } from '../api.js';
import { chart, dailyOption, withCharts } from '../charts.js';
import { day, minorDigits, money, moneyList, number, t } from '../i18n.js';
import { badge, card, el, grid, kpi, pager, settle, table } from '../ui.js';

const RANKING_PAGE = 50;
const CHANGES_PAGE = 10;
const SORTS = ['HEALTH', 'GMV', 'ACTIVITY'];
const RANKING_CURRENCY = 'CNY';

export function renderOverview(main, context) {
  const { from, to } = context;
  const kpis = el('div', { class: 'kpi-area', 'data-test': 'overview-kpis' });
  const active = card(t('chart.active'), { test: 'chart-active' });
  const gmv = card(t('chart.gmv'), { test: 'chart-gmv' });
  const ranking = card(t('section.ranking'), { wide: true, test: 'ranking' });
  const changes = card(t('section.stageChanges'), { wide: true, test: 'stage-changes' });
  main.replaceChildren(el('h1', {}, t('page.overview')), kpis, grid(active, gmv), grid(ranking), grid(changes));

  const trend = get('/api/v1/analytics/overview/trend', { from, to });
  const suite = context.operator ? get('/api/v1/analytics/overview') : Promise.resolve(null);
  return Promise.all([
    settle(kpis, Promise.all([trend, suite]), ([tr, overview]) => totals(tr, overview, context)),
    settle(active.body, withCharts(trend), (tr, body) => tr.days.every(d => d.mau === 0) ? t('empty.activity')
      : chart(body, 'overview-active', dailyOption(tr.days.map(d => d.day), [
        { name: t('series.dau'), data: tr.days.map(d => d.dau) },
        { name: t('series.wau'), data: tr.days.map(d => d.wau) },
        { name: t('series.mau'), data: tr.days.map(d => d.mau) },
      ]))),
    settle(gmv.body, withCharts(trend), (tr, body) => tr.gmv.length === 0 ? t('empty.revenue') : gmvChart(body, tr)),
    rankingSection(ranking, context),
    stageChangesSection(changes, context),
  ]);
}

function totals(trend, overview, context) {
  const window = t('kpi.window', { from: day(context.from), to: day(context.to) });
  return el('div', { class: 'kpis' },
    kpi(t('kpi.groups'), number(trend.groups), { test: 'kpi-groups' }),
    kpi(t('kpi.members'), number(trend.members), { test: 'kpi-members', note: t('kpi.onDay', { day: day(context.to) }) }),
    kpi(t('kpi.active'), number(trend.activeMembers), { test: 'kpi-active', note: window }),
    kpi(t('kpi.gmv'), moneyList(trend.gmv), { test: 'kpi-gmv', note: window }),
    overview ? kpi(t('kpi.registered'), number(overview.totalMembers), { test: 'kpi-registered' }) : null,
    overview ? kpi(t('kpi.verified'), number(overview.verifiedMembers), { test: 'kpi-verified' }) : null);
}

/** One bar series per currency, in major units (the axis and tooltip format them in that currency). */
function gmvChart(body, trend) {
  const currencies = trend.gmv.map(r => r.currency);
  const series = currencies.map(currency => ({
    name: currency, type: 'bar', stack: currencies.length > 1 ? undefined : 'gmv',
    data: trend.days.map(d => {
      const revenue = d.gmv.find(r => r.currency === currency);
      return revenue ? revenue.amount / 10 ** minorDigits(currency) : 0;
    }),
  }));
  const only = currencies.length === 1 ? currencies[0] : null;
  const format = value => (only ? money(Math.round(value * 10 ** minorDigits(only)), only) : number(value));
  return chart(body, 'overview-gmv', dailyOption(trend.days.map(d => d.day), series, { valueFormatter: format, axisFormatter: format }));
}

function rankingSection(section, context) {
  let sort = 'HEALTH';
  const select = el('select', { 'aria-label': t('sort.label'), 'data-test': 'ranking-sort' },
    ...SORTS.map(s => el('option', { value: s }, t(`sort.${s}`))));
  section.head.append(select);
  const load = page => settle(section.body,
    get('/api/v1/analytics/groups', { sort, day: context.to, currency: RANKING_CURRENCY, page, size: RANKING_PAGE }),
    result => result.items.length === 0 ? t('empty.groups') : el('div', {},
      table([
        { label: t('col.rank'), num: true, key: 'rank', cell: (_, i) => number(result.page * result.size + i + 1) },
        { label: t('col.group'), key: 'group', cell: g => el('a', { href: context.link(`/groups/${g.groupId}`), title: g.groupId }, g.name || t('group.unnamed', { id: g.groupId.slice(0, 8) })) },
        { label: t('col.stage'), key: 'stage', cell: g => badge(g.stage) },
        { label: t('col.score'), num: true, key: 'score', cell: g => (g.score == null ? t('empty.none') : number(g.score)) },
        { label: t('col.wau'), num: true, key: 'wau', cell: g => number(g.wau) },
        { label: `${t('col.gmv30')} (${RANKING_CURRENCY})`, num: true, key: 'gmv', cell: g => money(g.gmv30Days, RANKING_CURRENCY) },
      ], result.items, { test: 'ranking-table', rowTest: 'ranking-row', rowData: g => ({ 'data-group-id': g.groupId }) }),
      pager(result, load)));
  select.addEventListener('change', () => {
    sort = select.value;
    load(0);
  });
  return load(0);
}

function stageChangesSection(section, context) {
  const load = page => settle(section.body,
    get('/api/v1/analytics/stage-changes', { from: context.from, to: context.to, page, size: CHANGES_PAGE }),
    result => result.items.length === 0 ? t('empty.stageChanges') : el('div', {},
      table([
        { label: t('col.day'), key: 'day', cell: c => day(c.assessedDay) },
        { label: t('col.group'), key: 'group', cell: c => el('a', { href: context.link(`/groups/${c.groupId}`), title: c.groupId }, c.groupName || t('group.unnamed', { id: c.groupId.slice(0, 8) })) },
        { label: t('col.change'), key: 'change', cell: c => el('span', {}, badge(c.previousStage), el('span', { class: 'arrow' }, '→'), badge(c.stage)) },
        { label: t('col.score'), num: true, key: 'score', cell: c => number(c.score) },
      ], result.items, { test: 'stage-changes-table', rowTest: 'stage-change-row', rowData: c => ({ 'data-group-id': c.groupId }) }),
      pager(result, load)));
  return load(0);
}
