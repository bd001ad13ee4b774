// Group: the day's figures, activity per day, stickiness, cohort retention, weekly lifecycle, the
// AARRR funnel, revenue, referrals and K-factor, KOLs, campaigns with their lift and silent members.

import { get } from '../api.js';
import { chart, dailyOption, funnelOption, gaugeOption, retentionOption, withCharts } from '../charts.js';
import { day, decimal, moneyList, number, percent, shortDay, t, time } from '../i18n.js';
import { badge, card, el, grid, kpi, pager, settle, showState, table } from '../ui.js';

const METRICS = [
  ['DAU', 'series.dau'], ['MESSAGES', 'series.messages'], ['CHECK_INS', 'series.checkIns'], ['JOINS', 'series.joins'], ['LEAVES', 'series.leaves'],
];
const SILENT_PAGE = 20;
const CAMPAIGN_PAGE = 20;
const KOLS = 20;

export async function renderGroup(main, context, groupId) {
  const { from, to } = context;
  const base = `/api/v1/analytics/groups/${groupId}`;
  const window = { from, to };
  const title = el('h1', { 'data-test': 'group-title' }, t('group.unnamed', { id: groupId.slice(0, 8) }));
  const subtitle = el('p', { class: 'subtitle', 'data-test': 'group-subtitle' });
  const kpis = el('div', { class: 'kpi-area', 'data-test': 'group-kpis' });
  const activity = card(t('chart.activity'), { wide: true, test: 'chart-activity' });
  const stickiness = card(t('chart.stickiness'), { test: 'chart-stickiness' });
  const funnel = card(t('chart.funnel'), { test: 'chart-funnel' });
  const retention = card(t('chart.retention'), { test: 'chart-retention' });
  const lifecycle = card(t('chart.lifecycle'), { test: 'chart-lifecycle' });
  const revenue = card(t('section.revenue'), { test: 'revenue' });
  const referrals = card(t('section.referrals'), { test: 'referrals' });
  const kols = card(t('section.kols'), { wide: true, test: 'kols' });
  const campaigns = card(t('section.campaigns'), { wide: true, test: 'campaigns' });
  const silent = card(t('section.silent', { day: day(to) }), { wide: true, test: 'silent' });
  main.replaceChildren(title, subtitle, kpis, grid(activity), grid(stickiness, funnel), grid(retention, lifecycle),
    grid(revenue, referrals), grid(kols), grid(campaigns), grid(silent));

  // The summary first: a group analytics has never seen (404) is said once, in words, instead of
  // every card failing on its own.
  const summary = get(`${base}/summary`, { day: to });
  showState(kpis, 'loading', t('state.loading'));
  try {
    await summary;
  } catch (error) {
    if (error.kind === 'not-found') {
      if (title.isConnected) {   // not if another page has been opened meanwhile
        main.replaceChildren(title, el('p', { class: 'state empty', 'data-test': 'group-unknown' }, t('group.unknown', { id: groupId })));
      }
      return;
    }
  }
  const series = Promise.all(METRICS.map(([metric]) => get(`${base}/timeseries`, { metric, from, to })));
  const memberLink = id => el('a', { href: context.link(`/members/${id}`), title: id, class: 'id' }, id.slice(0, 8));

  return Promise.all([
    settle(kpis, summary, s => {
      title.replaceChildren(s.name || t('group.unnamed', { id: groupId.slice(0, 8) }), ' ', badge(s.health?.stage));
      subtitle.textContent = [t('group.zone', { zone: s.timeZone }),
        s.health ? t('group.assessed', { score: number(s.health.score), day: day(s.health.assessedDay) }) : null].filter(Boolean).join(' · ');
      const onDay = t('kpi.onDay', { day: day(s.day) });
      return el('div', { class: 'kpis' },
        kpi(t('kpi.members'), number(s.members), { test: 'kpi-members', note: onDay }),
        kpi(t('kpi.dau'), number(s.dau), { test: 'kpi-dau' }),
        kpi(t('kpi.wau'), number(s.wau), { test: 'kpi-wau' }),
        kpi(t('kpi.mau'), number(s.mau), { test: 'kpi-mau' }),
        kpi(t('kpi.stickiness'), percent(s.stickiness), { test: 'kpi-stickiness' }),
        kpi(t('kpi.silent'), number(s.silentMembers), { test: 'kpi-silent' }),
        kpi(t('kpi.lastActive'), day(s.lastActiveDay), { test: 'kpi-last-active' }),
        kpi(t('kpi.revenue30'), moneyList(s.revenue30Days), { test: 'kpi-revenue30' }));
    }),
    settle(activity.body, withCharts(series), (all, body) => all.every(points => points.every(p => p.value === 0)) ? t('empty.activity')
      : chart(body, 'group-activity', dailyOption(all[0].map(p => p.day),
        METRICS.map(([, label], i) => ({ name: t(label), data: all[i].map(p => p.value), type: i === 0 ? 'line' : 'bar' }))))),
    settle(stickiness.body, withCharts(summary), (s, body) => (s.mau === 0 ? t('empty.activity')
      : chart(body, 'group-stickiness', gaugeOption(s.stickiness, `${t('kpi.dau')} ÷ ${t('kpi.mau')}`)))),
    settle(funnel.body, withCharts(get(`${base}/funnel`, window)), (f, body) => (f.joined === 0 ? t('empty.cohorts')
      : chart(body, 'group-funnel', funnelOption(['joined', 'activated', 'retained', 'converted', 'referred']
        .map(step => ({ name: t(`step.${step}`), value: f[step] })))))),
    settle(retention.body, withCharts(get(`${base}/retention`, window)), (r, body) => (r.cohorts.every(c => c.size === 0) ? t('empty.cohorts')
      : retentionChart(body, r))),
    settle(lifecycle.body, withCharts(get(`${base}/lifecycle`, window)), (l, body) => (l.weeks.every(w => w.newMembers + w.returning + w.resurrecting + w.dormant === 0)
      ? t('empty.lifecycle') : lifecycleChart(body, l))),
    settle(revenue.body, get(`${base}/revenue`, window), r => el('div', { class: 'kpis' },
      kpi(t('kpi.gmv'), moneyList(r.gmv), { test: 'kpi-gmv' }),
      kpi(t('kpi.buyers'), number(r.buyers), { test: 'kpi-buyers' }),
      kpi(t('kpi.conversion'), percent(r.conversionRate), { test: 'kpi-conversion' }),
      kpi(t('kpi.arpu'), moneyList(r.arpu), { test: 'kpi-arpu' }),
      kpi(t('kpi.referredRevenue'), moneyList(r.referredRevenue), { test: 'kpi-referred-revenue' }))),
    settle(referrals.body, get(`${base}/referrals`, window), r => el('div', {},
      el('div', { class: 'kpis' },
        kpi(t('kpi.kFactor'), decimal(r.kFactor), { test: 'kpi-k-factor' }),
        kpi(t('kpi.invitedJoins'), number(r.invitedJoins), { test: 'kpi-invited-joins' }),
        kpi(t('kpi.activeMembers'), number(r.activeMembers), { test: 'kpi-active-members' })),
      r.inviters.length === 0 ? el('p', { class: 'state', 'data-test': 'state-empty' }, t('empty.inviters'))
        : table([
          { label: t('col.inviter'), key: 'member', cell: i => memberLink(i.memberId) },
          { label: t('col.invited'), num: true, key: 'invited', cell: i => number(i.invited) },
        ], r.inviters, { test: 'inviters-table', rowTest: 'inviter-row', rowData: i => ({ 'data-member-id': i.memberId }) }))),
    settle(kols.body, get(`${base}/kols`, { ...window, limit: KOLS }), list => (list.length === 0 ? t('empty.kols') : table([
      { label: t('col.member'), key: 'member', cell: k => memberLink(k.memberId) },
      { label: t('col.score'), num: true, key: 'score', cell: k => number(k.score) },
      { label: t('col.messages'), num: true, key: 'messages', cell: k => number(k.messages) },
      { label: t('col.replies'), num: true, key: 'replies', cell: k => number(k.repliesReceived) },
      { label: t('col.repliers'), num: true, key: 'repliers', cell: k => number(k.distinctRepliers) },
      { label: t('col.referredMembers'), num: true, key: 'referred-members', cell: k => number(k.referredMembers) },
      { label: t('col.referredPurchases'), num: true, key: 'referred-purchases', cell: k => number(k.referredPurchases) },
      { label: t('kpi.referredRevenue'), num: true, key: 'referred-revenue', cell: k => moneyList(k.referredRevenue) },
    ], list, { test: 'kols-table', rowTest: 'kol-row', rowData: k => ({ 'data-member-id': k.memberId }) }))),
    campaignSection(campaigns, base, window),
    silentSection(silent, base, context, memberLink),
  ]);
}

function retentionChart(body, retention) {
  const cohorts = retention.cohorts;
  const weeks = Math.max(...cohorts.map(c => c.retention.length));
  const weekLabels = Array.from({ length: weeks }, (_, k) => t('axis.week', { n: k }));
  const cohortLabels = cohorts.map(c => `${shortDay(c.week)} (${number(c.size)})`);
  const cells = [];
  cohorts.forEach((c, row) => {
    if (c.size > 0) {
      c.retention.forEach((share, k) => cells.push([k, row, share]));
    }
  });
  return chart(body, 'group-retention', retentionOption(cohortLabels, weekLabels, cells, t('series.retention')), { tall: cohorts.length > 8 });
}

/** New, returning and resurrecting members above the axis; those gone dormant below it. */
function lifecycleChart(body, lifecycle) {
  const weeks = lifecycle.weeks.map(w => w.week);
  const stack = (name, data) => ({ name, type: 'bar', stack: 'members', data });
  const option = dailyOption(weeks, [
    stack(t('series.new'), lifecycle.weeks.map(w => w.newMembers)),
    stack(t('series.returning'), lifecycle.weeks.map(w => w.returning)),
    stack(t('series.resurrecting'), lifecycle.weeks.map(w => w.resurrecting)),
    stack(t('series.dormant'), lifecycle.weeks.map(w => -w.dormant)),
  ], { valueFormatter: v => number(Math.abs(v)), axisFormatter: v => number(Math.abs(v)) });
  return chart(body, 'group-lifecycle', option);
}

/** Each red packet, lottery draw and activity of the range, with the group's 24 h before and after it. */
function campaignSection(section, base, window) {
  const beforeAfter = (c, key) => el('span', { title: t('campaign.beforeAfter') },
    `${number(c.before[key])} → ${number(c.after[key])} `, el('span', { class: c.change[key] < 0 ? 'down' : c.change[key] > 0 ? 'up' : undefined }, `(${signed(c.change[key])})`));
  const load = page => settle(section.body, get(`${base}/campaigns`, { ...window, page, size: CAMPAIGN_PAGE }),
    result => (result.items.length === 0 ? t('empty.campaigns') : el('div', {},
      table([
        { label: t('col.time'), key: 'at', cell: c => time(c.at) },
        { label: t('col.campaign'), key: 'kind', cell: c => [t(`campaign.${c.kind}`), c.title ? ` · ${c.title}` : ''] },
        { label: t('col.participants'), num: true, key: 'participants', cell: c => number(c.participants) },
        { label: t('col.activeBeforeAfter'), num: true, key: 'active', cell: c => beforeAfter(c, 'activeMembers') },
        { label: t('col.messagesBeforeAfter'), num: true, key: 'messages', cell: c => beforeAfter(c, 'messages') },
        { label: t('col.reactivated'), num: true, key: 'reactivated', cell: c => number(c.reactivated) },
        { label: t('col.activeAgain'), num: true, key: 'active-again', cell: c => number(c.reactivatedActiveAgain) },
      ], result.items, { test: 'campaigns-table', rowTest: 'campaign-row', rowData: c => ({ 'data-campaign-id': c.campaignId }) }),
      pager(result, load))));
  return load(0);
}

function signed(value) {
  return value > 0 ? `+${number(value)}` : number(value);
}

function silentSection(section, base, context, memberLink) {
  const load = page => settle(section.body, get(`${base}/members/silent`, { day: context.to, page, size: SILENT_PAGE }),
    result => (result.items.length === 0 ? t('empty.silent') : el('div', {},
      table([
        { label: t('col.member'), key: 'member', cell: m => memberLink(m.memberId) },
        { label: t('col.joined'), key: 'joined', cell: m => time(m.joinedAt) },
        { label: t('col.lastActive'), key: 'last-active', cell: m => (m.lastActiveDay ? day(m.lastActiveDay) : t('never')) },
      ], result.items, { test: 'silent-table', rowTest: 'silent-row', rowData: m => ({ 'data-member-id': m.memberId }) }),
      pager(result, load))));
  return load(0);
}

